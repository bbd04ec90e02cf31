import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../src/server/db/tx.js';
import { computeAvailability, DEFAULT_AVAILABILITY_SETTINGS } from '../src/server/modules/availability/index.js';
import { loadBlockedTimes, loadStaffSchedules, loadStoreHours, seedDemoRosters } from '../src/server/modules/rosters/index.js';
import { dayRange, toZonedIso, zonedDateTimeToInstant } from '../src/server/platform/zoned-time.js';
import { addStaff, addStore, createTestApp, expectProblem, type Session, setUpBusiness, type TestApp } from './support/app.js';

const NY = 'America/New_York';
const DAY = [{ open: '09:00', close: '17:00' }];
const EVERY_DAY = { mon: DAY, tue: DAY, wed: DAY, thu: DAY, fri: DAY, sat: DAY, sun: DAY };
const UNKNOWN = '01900000-0000-7000-8000-000000000000';

describe('rosters', () => {
  let t: TestApp;
  let owner: Session;
  let storeId: string;
  let otherStoreId: string;
  let amy: { id: string };
  let bob: { id: string }; // works at the other store only
  let manager: Session;
  let otherManager: Session;
  let tech: Session;
  let frontDesk: Session;

  beforeAll(async () => {
    t = await createTestApp({ now: Date.UTC(2026, 1, 20, 15) });
    ({ owner, storeId } = await setUpBusiness(t));
    otherStoreId = (await addStore(owner, { name: 'Richmond', timeZone: 'America/Vancouver' })).id;
    const a = await addStaff(t, owner, { role: 'technician', storeIds: [storeId], email: 'amy@lotus.test', name: 'Amy Chen' });
    amy = a.staff;
    tech = a.session;
    bob = (await addStaff(t, owner, { role: 'technician', storeIds: [otherStoreId], email: 'bob@lotus.test', name: 'Bob Li' })).staff;
    manager = (await addStaff(t, owner, { role: 'manager', storeIds: [storeId], email: 'manager@lotus.test' })).session;
    otherManager = (await addStaff(t, owner, { role: 'manager', storeIds: [otherStoreId], email: 'manager2@lotus.test' })).session;
    frontDesk = (await addStaff(t, owner, { role: 'front_desk', storeIds: [storeId], email: 'desk@lotus.test' })).session;
  });
  afterAll(() => t.close());

  const weekly = (s: Session, staffId: string, body: Record<string, unknown>, store = storeId) =>
    s.put(`/api/v1/rosters/${store}/staff/${staffId}/weekly`, body);
  const exceptions = (staffId: string, store = storeId) => `/api/v1/rosters/${store}/staff/${staffId}/exceptions`;
  const week = async (s: Session, date: string, store = storeId) => {
    const res = await s.get(`/api/v1/rosters?storeId=${store}&week=${date}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const dayOf = (view: any, staffId: string, date: string) =>
    view.staff.find((p: any) => p.staffId === staffId).days.find((d: any) => d.date === date);

  it('sets weekly hours with versions, and audits each change', async () => {
    const first = await weekly(manager, amy.id, { hours: EVERY_DAY, rotationOrder: 2, version: 0 });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ storeId, staffId: amy.id, hours: EVERY_DAY, rotationOrder: 2, version: 1 });

    const split = {
      ...EVERY_DAY,
      mon: [
        { open: '09:00', close: '12:00' },
        { open: '13:00', close: '18:00' },
      ],
      sun: [],
    };
    const second = await weekly(owner, amy.id, { hours: split, version: 1 });
    expect(second.json()).toMatchObject({ hours: split, rotationOrder: 2, version: 2 });
    expectProblem(await weekly(owner, amy.id, { hours: EVERY_DAY, version: 1 }), 409, 'stale_version');
    expectProblem(await weekly(owner, amy.id, { hours: EVERY_DAY, version: 0 }), 409, 'stale_version');
    expect((await weekly(owner, bob.id, { hours: EVERY_DAY, version: 3 }, otherStoreId)).statusCode).toBe(409);

    const audit = await t.db.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'roster.weekly_set')
      .where('entity_id', '=', amy.id)
      .orderBy('at')
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit[1]).toMatchObject({ store_id: storeId });
    expect(JSON.parse(audit[1]!.before!)).toMatchObject({ version: 1 });
    expect(JSON.parse(audit[1]!.after!)).toMatchObject({ version: 2 });

    const view = await week(tech, '2026-03-04');
    const me = view.staff.find((p: any) => p.staffId === amy.id);
    expect(me).toMatchObject({ name: 'Amy Chen', version: 2, rotationOrder: 2, weekly: split });
    expect(dayOf(view, amy.id, '2026-03-02').hours.map((h: any) => [h.open, h.close])).toEqual([
      ['09:00', '12:00'],
      ['13:00', '18:00'],
    ]);
    expect(dayOf(view, amy.id, '2026-03-08').hours).toEqual([]);
    // Everyone of the store is listed, rostered or not (version 0: no weekly hours yet).
    expect(view.staff.map((p: any) => p.staffId)).not.toContain(bob.id);
    expect(view.staff.find((p: any) => p.staffId !== amy.id)).toMatchObject({ version: 0, weekly: { mon: [] } });
  });

  it('refuses bad hours, unknown or out-of-store staff, and unknown fields', async () => {
    const bad = async (hours: unknown) =>
      expectProblem(await weekly(owner, amy.id, { hours, version: 2 }), 400, 'validation_failed').errors.map((e: any) => e.path);
    expect(
      await bad({
        ...EVERY_DAY,
        mon: [
          { open: '09:00', close: '13:00' },
          { open: '12:00', close: '18:00' },
        ],
      }),
    ).toContain('hours.mon');
    expect(await bad({ ...EVERY_DAY, tue: [{ open: '18:00', close: '09:00' }] })).toContain('hours.tue.0.close');
    expect(await bad({ ...EVERY_DAY, wed: [{ open: '9:00', close: '17:00' }] })).toContain('hours.wed.0.open');
    expectProblem(await weekly(owner, amy.id, { hours: EVERY_DAY, version: 2, extra: 1 }), 400, 'validation_failed');
    expectProblem(await weekly(owner, UNKNOWN, { hours: EVERY_DAY, version: 0 }), 422, 'staff_unknown');
    expectProblem(await weekly(owner, bob.id, { hours: EVERY_DAY, version: 0 }), 422, 'staff_not_in_store');
    expectProblem(await weekly(owner, amy.id, { hours: EVERY_DAY, version: 2 }, UNKNOWN), 404, 'not_found');
    expectProblem(await owner.post(exceptions(bob.id), { date: '2026-03-03', kind: 'time_off' }), 422, 'staff_not_in_store');
    const overlapping = await owner.post(exceptions(amy.id), {
      date: '2026-03-03',
      kind: 'extra_shift',
      hours: [
        { open: '18:00', close: '20:00' },
        { open: '19:00', close: '21:00' },
      ],
    });
    expect(expectProblem(overlapping, 400, 'validation_failed').errors[0].path).toBe('hours');
    const noHours = await owner.post(exceptions(amy.id), { date: '2026-03-03', kind: 'break' });
    expect(expectProblem(noHours, 400, 'validation_failed').errors[0].path).toBe('hours');
    expectProblem(await owner.post(exceptions(amy.id), { date: '2026-02-30', kind: 'time_off' }), 400, 'validation_failed');
    expectProblem(await owner.post(exceptions(amy.id), { date: '2026-03-03', kind: 'holiday' }), 400, 'validation_failed');
    // Nothing was half-written.
    expect((await week(owner, '2026-03-03')).staff.find((p: any) => p.staffId === amy.id).version).toBe(2);
    expect(await t.db.db.selectFrom('roster_exceptions').select('id').execute()).toEqual([]);
  });

  it('adds and removes dated exceptions; the week shows their effect', async () => {
    const add = async (body: Record<string, unknown>) => {
      const res = await manager.post(exceptions(amy.id), body);
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    };
    const off = await add({ date: '2026-03-03', kind: 'time_off', note: 'Dentist' });
    expect(off).toMatchObject({ storeId, staffId: amy.id, date: '2026-03-03', kind: 'time_off', hours: [], note: 'Dentist' });
    await add({ date: '2026-03-04', kind: 'break', hours: [{ open: '12:00', close: '12:30' }] });
    await add({ date: '2026-03-05', kind: 'extra_shift', hours: [{ open: '17:00', close: '19:00' }] });
    const custom = await add({ date: '2026-03-06', kind: 'custom_hours', hours: [{ open: '11:00', close: '15:00' }] });
    await add({ date: '2026-03-07', kind: 'time_off', hours: [{ open: '09:00', close: '13:00' }] });
    expectProblem(
      await manager.post(exceptions(amy.id), { date: '2026-03-06', kind: 'custom_hours', hours: [{ open: '09:00', close: '10:00' }] }),
      409,
      'roster_exception_exists',
    );
    // The database itself refuses a second set of custom hours for the date (two racing requests).
    const duplicate = {
      id: UNKNOWN,
      staff_id: amy.id,
      store_id: storeId,
      date: '2026-03-06',
      kind: 'custom_hours',
      hours: '[]',
      note: null,
      created_by: null,
      created_at: 0,
    };
    await expect(t.db.db.insertInto('roster_exceptions').values(duplicate).execute()).rejects.toThrow();
    await expect(
      t.db.db
        .insertInto('roster_exceptions')
        .values({ ...duplicate, kind: 'sick' })
        .execute(),
    ).rejects.toThrow();

    const view = await week(owner, '2026-03-03');
    const hoursOn = (date: string) => dayOf(view, amy.id, date).hours.map((h: any) => `${h.open}-${h.close}`);
    expect(hoursOn('2026-03-02')).toEqual(['09:00-12:00', '13:00-18:00']);
    expect(hoursOn('2026-03-03')).toEqual([]);
    expect(hoursOn('2026-03-04')).toEqual(['09:00-12:00', '12:30-17:00']);
    expect(hoursOn('2026-03-05')).toEqual(['09:00-19:00']);
    expect(hoursOn('2026-03-06')).toEqual(['11:00-15:00']);
    expect(hoursOn('2026-03-07')).toEqual(['13:00-17:00']);
    expect(dayOf(view, amy.id, '2026-03-03').exceptions).toEqual([off]);

    const del = `${exceptions(amy.id)}/${custom.id}`;
    expectProblem(await manager.delete(`${exceptions(bob.id)}/${custom.id}`), 404, 'not_found');
    expect((await manager.delete(del)).statusCode).toBe(204);
    expectProblem(await manager.delete(del), 404, 'not_found');
    expect(dayOf(await week(owner, '2026-03-06'), amy.id, '2026-03-06').hours.map((h: any) => h.open)).toEqual(['09:00']);
    const actions = (await t.db.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'roster_exception').execute()).map(
      (r) => r.action,
    );
    expect(actions.filter((a) => a === 'roster.exception_add')).toHaveLength(5);
    expect(actions).toContain('roster.exception_remove');
  });

  it('blocks time for staff, lists it, shows it in the week, and removes it', async () => {
    const body = {
      storeId,
      staffId: amy.id,
      start: '2026-03-09T14:00:00Z',
      end: '2026-03-09T14:30:00Z',
      reason: 'meeting',
      note: 'Team meeting',
    };
    const res = await manager.post('/api/v1/blocked-times', body);
    expect(res.statusCode, res.body).toBe(201);
    const blocked = res.json();
    expect(blocked).toMatchObject({
      storeId,
      staffId: amy.id,
      start: '2026-03-09T10:00:00-04:00',
      end: '2026-03-09T10:30:00-04:00',
      reason: 'meeting',
      note: 'Team meeting',
    });

    const list = await owner.get(`/api/v1/blocked-times?storeId=${storeId}&from=2026-03-09&to=2026-03-09`);
    expect(list.json()).toEqual({ data: [blocked], nextCursor: null });
    expect((await owner.get(`/api/v1/blocked-times?storeId=${storeId}&from=2026-03-10&to=2026-03-12`)).json().data).toEqual([]);
    expect(dayOf(await week(tech, '2026-03-09'), amy.id, '2026-03-09').blocked).toEqual([blocked]);

    expect(
      expectProblem(await manager.post('/api/v1/blocked-times', { ...body, end: '2026-03-09T13:00:00Z' }), 400, 'validation_failed')
        .errors[0].path,
    ).toBe('end');
    expect(
      expectProblem(await manager.post('/api/v1/blocked-times', { ...body, end: '2026-03-10T15:00:00Z' }), 400, 'validation_failed')
        .errors[0].path,
    ).toBe('end');
    expectProblem(await manager.post('/api/v1/blocked-times', { ...body, start: '2026-03-09T14:00:00' }), 400, 'validation_failed');
    expectProblem(await manager.post('/api/v1/blocked-times', { ...body, reason: 'nap' }), 400, 'validation_failed');
    expectProblem(await manager.post('/api/v1/blocked-times', { ...body, staffId: UNKNOWN }), 422, 'staff_unknown');
    expectProblem(await owner.post('/api/v1/blocked-times', { ...body, staffId: bob.id }), 422, 'staff_not_in_store');

    expectProblem(await otherManager.delete(`/api/v1/blocked-times/${blocked.id}`), 403, 'store_forbidden');
    expect((await manager.delete(`/api/v1/blocked-times/${blocked.id}`)).statusCode).toBe(204);
    expectProblem(await manager.delete(`/api/v1/blocked-times/${blocked.id}`), 404, 'not_found');
    const actions = (await t.db.db.selectFrom('audit_log').select('action').where('entity_id', '=', blocked.id).execute()).map(
      (r) => r.action,
    );
    expect(actions.sort()).toEqual(['blocked_time.create', 'blocked_time.delete']);
  });

  it('checks permissions and store scoping', async () => {
    expectProblem(await weekly(tech, amy.id, { hours: EVERY_DAY, version: 2 }), 403, 'forbidden');
    expectProblem(await frontDesk.post(exceptions(amy.id), { date: '2026-03-10', kind: 'time_off' }), 403, 'forbidden');
    const block = { storeId, staffId: amy.id, start: '2026-03-10T14:00:00Z', end: '2026-03-10T15:00:00Z', reason: 'cleaning' };
    expectProblem(await frontDesk.post('/api/v1/blocked-times', block), 403, 'forbidden');
    expectProblem(await otherManager.get(`/api/v1/rosters?storeId=${storeId}&week=2026-03-02`), 403, 'store_forbidden');
    expectProblem(await otherManager.get(`/api/v1/blocked-times?storeId=${storeId}&from=2026-03-02&to=2026-03-08`), 403, 'store_forbidden');
    expectProblem(await weekly(otherManager, amy.id, { hours: EVERY_DAY, version: 2 }), 403, 'store_forbidden');
    expectProblem(await otherManager.post(exceptions(amy.id), { date: '2026-03-10', kind: 'time_off' }), 403, 'store_forbidden');
    expectProblem(await otherManager.post('/api/v1/blocked-times', block), 403, 'store_forbidden');
    // Their own store is fine.
    expect((await weekly(otherManager, bob.id, { hours: EVERY_DAY, version: 0 }, otherStoreId)).statusCode).toBe(200);
    expect((await frontDesk.get(`/api/v1/rosters?storeId=${storeId}&week=2026-03-02`)).statusCode).toBe(200);
    expectProblem(
      await new (owner.constructor as typeof Session)(t.app).get(`/api/v1/rosters?storeId=${storeId}&week=2026-03-02`),
      401,
      'unauthenticated',
    );
    expectProblem(await owner.get(`/api/v1/rosters?storeId=${storeId}&week=2026-3-2`), 400, 'validation_failed');
  });

  it('shows 09:00 local on both sides of a DST change (2026-03-08 and 2026-11-01 in New York)', async () => {
    // Amy works 09:00–17:00 every day again; the store opens 10:00 on Sundays.
    const current = (await week(owner, '2026-03-08')).staff.find((p: any) => p.staffId === amy.id);
    expect((await weekly(owner, amy.id, { hours: EVERY_DAY, version: current.version })).statusCode).toBe(200);

    const spring = await week(owner, '2026-03-08');
    expect([spring.from, spring.to, spring.timeZone]).toEqual(['2026-03-02', '2026-03-08', NY]);
    expect(dayOf(spring, amy.id, '2026-03-06').hours[0]).toEqual({
      open: '09:00',
      close: '17:00',
      start: '2026-03-06T09:00:00-05:00',
      end: '2026-03-06T17:00:00-05:00',
    });
    expect(dayOf(spring, amy.id, '2026-03-08').hours[0]).toEqual({
      open: '09:00',
      close: '17:00',
      start: '2026-03-08T09:00:00-04:00',
      end: '2026-03-08T17:00:00-04:00',
    });
    expect(spring.store.days.find((d: any) => d.date === '2026-03-08').hours[0]).toMatchObject({
      open: '10:00',
      start: '2026-03-08T10:00:00-04:00',
    });
    const instants = (date: string) => Date.parse(dayOf(spring, amy.id, date).hours[0].start);
    expect(instants('2026-03-08') - instants('2026-03-06')).toBe(47 * 3_600_000);

    const fall = await week(owner, '2026-11-01');
    expect(fall.from).toBe('2026-10-26');
    expect(dayOf(fall, amy.id, '2026-10-31').hours[0].start).toBe('2026-10-31T09:00:00-04:00');
    expect(dayOf(fall, amy.id, '2026-11-01').hours[0].start).toBe('2026-11-01T09:00:00-05:00');
  });

  it('loads schedules in the engine’s shape; the engine offers 09:00 first on the DST Sunday', async () => {
    const db = t.db.db;
    await owner.post(exceptions(amy.id), { date: '2026-03-10', kind: 'time_off' });
    const block = await owner.post('/api/v1/blocked-times', {
      storeId,
      staffId: amy.id,
      start: '2026-03-09T13:00:00Z',
      end: '2026-03-09T14:00:00Z',
      reason: 'training',
    });
    expect(block.statusCode).toBe(201);

    const from = dayRange('2026-03-08', NY).start;
    const to = dayRange('2026-03-10', NY).end;
    const rosters = await loadStaffSchedules(db, storeId, from, to);
    const mine = rosters.find((r) => r.id === amy.id)!;
    expect(mine).toEqual({
      id: amy.id,
      weeklyHours: EVERY_DAY,
      rotationOrder: 2,
      exceptions: [
        { date: '2026-03-07', kind: 'time_off', hours: [{ open: '09:00', close: '13:00' }] },
        { date: '2026-03-10', kind: 'time_off', hours: [] },
      ],
    });
    expect(rosters.find((r) => r.id !== amy.id)).toMatchObject({ weeklyHours: {}, exceptions: [], rotationOrder: 0 });
    expect(rosters.map((r) => r.id)).not.toContain(bob.id);
    const blocked = await loadBlockedTimes(db, [amy.id, bob.id], from, to);
    expect(blocked).toEqual([
      {
        staffId: amy.id,
        start: Date.parse('2026-03-09T13:00:00Z'),
        end: Date.parse('2026-03-09T14:00:00Z'),
        processing: null,
        kind: 'blocked',
      },
    ]);
    await expect(loadStaffSchedules(db, UNKNOWN, from, to)).rejects.toMatchObject({ code: 'not_found' });

    const { timeZone, storeHours } = (await loadStoreHours(db, storeId))!;
    const slots = computeAvailability({
      timeZone,
      dateRange: { from: '2026-03-08', to: '2026-03-10' },
      now: t.clock.now(),
      storeHours: { weekly: { ...storeHours.weekly, sun: [{ open: '09:00', close: '19:00' }] }, specialDates: storeHours.specialDates },
      staff: rosters.map((r) => ({ ...r, serviceIds: ['mani'] })),
      services: [{ serviceId: 'mani', staffId: amy.id, durationMin: 60, bufferBeforeMin: 0, bufferAfterMin: 0 }],
      busy: { staff: blocked, resources: [] },
      resources: [],
      settings: { ...DEFAULT_AVAILABILITY_SETTINGS, horizonDays: 60 },
    });
    const on = (date: string) => slots.filter((s) => s.date === date);
    expect(on('2026-03-08')[0]).toMatchObject({ startLocal: '09:00', start: zonedDateTimeToInstant('2026-03-08', '09:00', NY) });
    expect(on('2026-03-08').at(-1)!.startLocal).toBe('16:00');
    expect(toZonedIso(on('2026-03-08')[0]!.start, NY)).toBe('2026-03-08T09:00:00-04:00');
    // Monday: blocked 09:00–10:00 local; Tuesday: a day off.
    expect(on('2026-03-09')[0]!.startLocal).toBe('10:00');
    expect(on('2026-03-10')).toEqual([]);
  });

  it('seeds demo rosters', async () => {
    const carol = (await addStaff(t, owner, { role: 'technician', storeIds: [otherStoreId], email: 'carol@lotus.test' })).staff;
    const dan = (await addStaff(t, owner, { role: 'technician', storeIds: [otherStoreId], email: 'dan@lotus.test' })).staff;
    // Bob's roster at this store was set above: seed a fresh store's worth instead.
    await t.db.db.deleteFrom('staff_rosters').where('store_id', '=', otherStoreId).execute();
    const result = await withTransaction(t.db.db, ({ tx }) =>
      seedDemoRosters(tx, { storeId: otherStoreId, staffIds: [bob.id, carol.id, dan.id], now: t.clock.now() }),
    );
    expect(result).toEqual({ rosters: 3, exceptions: 3, blockedTimes: 3 });
    const view = await week(owner, '2026-02-23', otherStoreId);
    const rostered = view.staff.filter((p: any) => p.version > 0);
    expect(rostered.map((p: any) => p.staffId)).toEqual([bob.id, carol.id, dan.id]);
    for (const p of rostered) {
      expect(p.version).toBe(1);
      expect(p.days.filter((d: any) => d.hours.length > 0).length).toBeGreaterThanOrEqual(4);
    }
    // Carol (second in the turn list) has a split shift on her working days.
    expect(rostered[1].days.some((d: any) => d.hours.length === 2)).toBe(true);
  });
});
