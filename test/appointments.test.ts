import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../src/server/db/tx.js';
import { seedDemoAppointments } from '../src/server/modules/appointments/index.js';
import { addStaff, createTestApp, expectProblem, type TestApp } from './support/app.js';
import { bookingWorld, oneService, type World } from './support/appointments.js';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await createTestApp();
  w = await bookingWorld(t);
});
afterAll(async () => t.close());

const DAY = '2026-11-30';

describe('availability', () => {
  it('lists store-local starts with their zone, staff and ISO instants with offset', async () => {
    const res = await w.owner.get(`/api/v1/availability?storeId=${w.storeId}&serviceIds=${w.services.mani}&from=${DAY}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.timeZone).toBe('America/New_York');
    expect(body.slots[0]).toMatchObject({ date: DAY, startLocal: '09:00', start: `${DAY}T09:00:00-05:00`, end: `${DAY}T10:00:00-05:00` });
    expect(body.slots.at(-1).startLocal).toBe('18:00');
    expect(body.slots).toHaveLength(37);
    expect(w.techs.map((x) => x.id)).toContain(body.slots[0].lines[0].staffId);
  });
});

describe('booking', () => {
  it('books a visit and returns it with lines, prices and status', async () => {
    const res = await w.frontDesk.post('/api/v1/appointments', oneService(w, w.services.mani, DAY, '10:00', w.techs[0]!.id));
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({ status: 'booked', source: 'front_desk', start: `${DAY}T10:00:00-05:00`, total: 3500, version: 1 });
    expect(a.lines[0]).toMatchObject({ staffId: w.techs[0]!.id, serviceName: 'Manicure', staffRequested: true });
  });

  it('refuses the same technician at an overlapping time with 409 slot_taken and alternatives', async () => {
    const res = await w.frontDesk.post('/api/v1/appointments', oneService(w, w.services.mani, DAY, '10:30', w.techs[0]!.id));
    const p = expectProblem(res, 409, 'slot_taken');
    expect(p.alternatives.length).toBeGreaterThan(0);
    expect(p.alternatives.map((a: { startLocal: string }) => a.startLocal)).toContain('11:00');
  });

  it('a retry of an "anyone" booking, with another technician still free, returns the first answer and books nothing twice', async () => {
    // The booking does not look its key up first: the retry finds the first technician busy, places the
    // visit with the other one, and loses on the key at COMMIT, which rolls that second visit back.
    const body = oneService(w, w.services.pedi, DAY, '15:00');
    const headers = { 'idempotency-key': 'anyone-retry-0001' };
    const first = await w.frontDesk.post('/api/v1/appointments', body, headers);
    expect(first.statusCode, first.body).toBe(201);
    const again = await w.frontDesk.post('/api/v1/appointments', body, headers);
    expect(again.statusCode, again.body).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const atThree = await t.db.db
      .selectFrom('appointments')
      .select('id')
      .where('start_at', '=', Date.parse(`${DAY}T20:00:00Z`))
      .execute();
    expect(atThree.map((a) => a.id)).toEqual([first.json().id]);
    // Both technicians are still offered at 15:00 but the first one's: the retry left nothing behind.
    const free = await w.owner.get(`/api/v1/availability?storeId=${w.storeId}&serviceIds=${w.services.pedi}&from=${DAY}`);
    const at15 = free.json().slots.filter((s: { startLocal: string }) => s.startLocal === '15:00');
    expect(at15.map((s: { lines: Array<{ staffId: string }> }) => s.lines[0]!.staffId)).not.toContain(first.json().lines[0].staffId);
    expect(at15).toHaveLength(1);
  });
});

describe('multi-service visits, processing gaps and resources', () => {
  it('books two services one after another as one appointment', async () => {
    const res = await w.frontDesk.post('/api/v1/appointments', {
      storeId: w.storeId,
      clientId: w.clientId,
      lines: [
        { serviceId: w.services.mani, staffId: w.techs[1]!.id, date: DAY, startLocal: '13:00' },
        { serviceId: w.services.pedi, staffId: 'any' },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    expect(a.lines.map((l: { start: string }) => l.start)).toEqual([`${DAY}T13:00:00-05:00`, `${DAY}T14:00:00-05:00`]);
    expect(a).toMatchObject({ end: `${DAY}T15:00:00-05:00`, total: 8000 });
    expect(a.lines[1].staffRequested).toBe(false);
  });

  it('books two technicians at once (manicure and pedicure together)', async () => {
    const res = await w.frontDesk.post('/api/v1/appointments', {
      storeId: w.storeId,
      clientId: w.clientId,
      lines: [
        { serviceId: w.services.mani, date: DAY, startLocal: '16:00' },
        { serviceId: w.services.pedi, parallelWithPrevious: true },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const [l1, l2] = res.json().lines;
    expect(l1.start).toBe(l2.start);
    expect(l1.staffId).not.toBe(l2.staffId);
  });

  it('lets the technician take another client during a processing gap', async () => {
    const polish = await w.owner.post('/api/v1/services', {
      name: 'Polish change',
      durationMin: 30,
      price: 1500,
      taxClass: 'service',
      staff: [{ staffId: w.techs[0]!.id }],
    });
    const colour = await w.frontDesk.post('/api/v1/appointments', oneService(w, w.services.color, '2026-12-04', '10:00', w.techs[0]!.id));
    expect(colour.statusCode, colour.body).toBe(201);
    expect(colour.json().lines[0].processing).toEqual({ start: '2026-12-04T10:30:00-05:00', end: '2026-12-04T11:00:00-05:00' });
    const inGap = await w.frontDesk.post('/api/v1/appointments', oneService(w, polish.json().id, '2026-12-04', '10:30', w.techs[0]!.id));
    expect(inGap.statusCode, inGap.body).toBe(201);
    expectProblem(
      await w.frontDesk.post('/api/v1/appointments', oneService(w, polish.json().id, '2026-12-04', '10:15', w.techs[0]!.id)),
      409,
      'slot_taken',
    );
  });

  it('holds a room for services that need one', async () => {
    const first = await w.frontDesk.post('/api/v1/appointments', oneService(w, w.services.facial, '2026-12-05', '10:00', w.techs[0]!.id));
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().lines[0].resourceId).toEqual(expect.any(String));
    const second = await w.frontDesk.post('/api/v1/appointments', oneService(w, w.services.facial, '2026-12-05', '10:30', w.techs[1]!.id));
    expectProblem(second, 409, 'slot_taken');
  });

  it('a walk-in may be recorded as it sits down, a few minutes back; other bookings may not', async () => {
    const walkIn = await w.frontDesk.post('/api/v1/appointments', {
      storeId: w.storeId,
      source: 'walk_in',
      lines: [{ serviceId: w.services.pedi, start: '2026-11-27T09:50:00-05:00' }],
    });
    expect(walkIn.statusCode, walkIn.body).toBe(201);
    expectProblem(
      await w.frontDesk.post('/api/v1/appointments', { ...oneService(w, w.services.pedi, '2026-11-27', '09:50'), source: 'phone' }),
      422,
      'start_in_past',
    );
    expectProblem(
      await w.frontDesk.post('/api/v1/appointments', {
        storeId: w.storeId,
        source: 'walk_in',
        lines: [{ serviceId: w.services.pedi, start: '2026-11-27T09:40:00-05:00' }],
      }),
      422,
      'start_in_past',
    );
  });

  it('a walk-in needs no client card', async () => {
    const res = await w.frontDesk.post('/api/v1/appointments', {
      storeId: w.storeId,
      source: 'walk_in',
      lines: [{ serviceId: w.services.mani, date: '2026-11-27', startLocal: '10:15' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ source: 'walk_in', client: null });
  });
});

describe('rosters: time off and blocked time', () => {
  it('respects blocked time (a meeting) and time off', async () => {
    const tech = w.techs[1]!.id;
    const block = await w.owner.post('/api/v1/blocked-times', {
      storeId: w.storeId,
      staffId: tech,
      start: '2026-12-07T12:00:00-05:00',
      end: '2026-12-07T13:00:00-05:00',
      reason: 'meeting',
    });
    expect(block.statusCode, block.body).toBe(201);
    expectProblem(
      await w.frontDesk.post('/api/v1/appointments', oneService(w, w.services.mani, '2026-12-07', '12:30', tech)),
      409,
      'slot_taken',
    );
    const slots = (
      await w.owner.get(`/api/v1/availability?storeId=${w.storeId}&serviceIds=${w.services.mani}&staffId=${tech}&from=2026-12-07`)
    ).json().slots;
    expect(slots.map((s: { startLocal: string }) => s.startLocal)).not.toContain('12:00');
    expect(slots.map((s: { startLocal: string }) => s.startLocal)).toContain('13:00');
    const off = await w.owner.post(`/api/v1/rosters/${w.storeId}/staff/${tech}/exceptions`, { date: '2026-12-08', kind: 'time_off' });
    expect(off.statusCode, off.body).toBe(201);
    expectProblem(
      await w.frontDesk.post('/api/v1/appointments', oneService(w, w.services.mani, '2026-12-08', '10:00', tech)),
      422,
      'outside_working_hours',
    );
  });
});

describe('bad input', () => {
  it('start in the past: 422 start_in_past', async () => {
    expectProblem(
      await w.frontDesk.post('/api/v1/appointments', oneService(w, w.services.mani, '2026-11-27', '09:00')),
      422,
      'start_in_past',
    );
  });

  it('outside working hours: 422 outside_working_hours', async () => {
    expectProblem(
      await w.frontDesk.post('/api/v1/appointments', oneService(w, w.services.mani, DAY, '18:30')),
      422,
      'outside_working_hours',
    );
    expectProblem(
      await w.frontDesk.post('/api/v1/appointments', oneService(w, w.services.mani, DAY, '08:00')),
      422,
      'outside_working_hours',
    );
  });

  it('staff who do not do the service: 422 staff_cannot_perform', async () => {
    const only = await w.owner.post('/api/v1/services', {
      name: 'Lash lift',
      durationMin: 45,
      price: 6000,
      taxClass: 'service',
      staff: [{ staffId: w.techs[0]!.id }],
    });
    expectProblem(
      await w.frontDesk.post('/api/v1/appointments', oneService(w, only.json().id, DAY, '10:00', w.techs[1]!.id)),
      422,
      'staff_cannot_perform',
    );
  });

  it('unknown ids: 422 unknown_reference naming the field; 404 for an unknown appointment', async () => {
    const ghost = '01900000-0000-7000-8000-000000000000';
    let p = expectProblem(await w.frontDesk.post('/api/v1/appointments', oneService(w, ghost, DAY, '10:00')), 422, 'unknown_reference');
    expect(p.errors[0].path).toBe('lines.0.serviceId');
    p = expectProblem(
      await w.frontDesk.post('/api/v1/appointments', oneService(w, w.services.mani, DAY, '10:00', ghost)),
      422,
      'unknown_reference',
    );
    expect(p.errors[0].path).toBe('lines.0.staffId');
    p = expectProblem(
      await w.frontDesk.post('/api/v1/appointments', { ...oneService(w, w.services.mani, DAY, '10:00'), clientId: ghost }),
      422,
      'unknown_reference',
    );
    expect(p.errors[0].path).toBe('clientId');
    p = expectProblem(
      await w.owner.post('/api/v1/appointments', { ...oneService(w, w.services.mani, DAY, '10:00'), storeId: ghost }),
      422,
      'unknown_reference',
    );
    expect(p.errors[0].path).toBe('storeId');
    expectProblem(await w.frontDesk.get(`/api/v1/appointments/${ghost}`), 404, 'not_found');
  });

  it('malformed bodies are 400 with the field named', async () => {
    let p = expectProblem(
      await w.frontDesk.post('/api/v1/appointments', { storeId: w.storeId, clientId: w.clientId, lines: [{ serviceId: w.services.mani }] }),
      400,
      'validation_failed',
    );
    expect(p.errors[0].path).toBe('lines.0.start');
    p = expectProblem(
      await w.frontDesk.post('/api/v1/appointments', { ...oneService(w, w.services.mani, DAY, '10:00'), extra: 1 }),
      400,
      'validation_failed',
    );
    expect(p.errors[0].path).toBe('extra');
    p = expectProblem(
      await w.frontDesk.post('/api/v1/appointments', {
        storeId: w.storeId,
        clientId: w.clientId,
        lines: [{ serviceId: w.services.mani, start: '2026-11-30T10:00:00' }],
      }),
      400,
      'validation_failed',
    );
    expect(p.errors[0].path).toBe('lines.0.start');
    p = expectProblem(
      await w.frontDesk.post('/api/v1/appointments', {
        storeId: w.storeId,
        lines: [{ serviceId: w.services.mani, date: DAY, startLocal: '10:00' }],
      }),
      400,
      'validation_failed',
    );
    expect(p.errors[0].path).toBe('clientId');
  });

  it('another store’s staff cannot book or read here', async () => {
    const other = await w.owner.post('/api/v1/stores', { name: 'Queens', timeZone: 'America/New_York' });
    const { session } = await addStaff(t, w.owner, { role: 'front_desk', storeIds: [other.json().id], email: 'queens@lotus.test' });
    expectProblem(await session.post('/api/v1/appointments', oneService(w, w.services.mani, DAY, '10:00')), 403, 'store_forbidden');
    expectProblem(await session.get(`/api/v1/appointments?storeId=${w.storeId}&from=${DAY}&to=${DAY}`), 403, 'store_forbidden');
  });
});

describe('calendar feed and reschedule', () => {
  it('lists a day per store, by technician, and what changed since a moment', async () => {
    const day = await w.frontDesk.get(`/api/v1/appointments?storeId=${w.storeId}&from=${DAY}&to=${DAY}`);
    expect(day.statusCode, day.body).toBe(200);
    const starts = day.json().data.map((a: { startLocal: string }) => a.startLocal);
    expect(starts).toEqual([...starts].sort());
    expect(day.json().data.length).toBeGreaterThanOrEqual(3);
    const mine = await w.techs[1]!.session.get(`/api/v1/appointments?storeId=${w.storeId}&from=${DAY}&to=${DAY}&staffId=${w.techs[1]!.id}`);
    for (const a of mine.json().data) expect(a.lines.some((l: { staffId: string }) => l.staffId === w.techs[1]!.id)).toBe(true);
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: Array<{ id: string }>; nextCursor: string | null } = (
        await w.frontDesk.get(`/api/v1/appointments?storeId=${w.storeId}&from=${DAY}&to=${DAY}&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      expect(page.data.length).toBeLessThanOrEqual(2);
      ids.push(...page.data.map((a) => a.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(ids).toEqual(day.json().data.map((a: { id: string }) => a.id));
    expectProblem(
      await w.frontDesk.get(`/api/v1/appointments?storeId=${w.storeId}&from=${DAY}&to=${DAY}&cursor=bogus`),
      400,
      'validation_failed',
    );
    const since = await w.frontDesk.get(
      `/api/v1/appointments?storeId=${w.storeId}&from=${DAY}&to=${DAY}&changedSince=${encodeURIComponent('2026-11-27T10:00:00-05:00')}`,
    );
    expect(since.json().data).toEqual([]);
  });

  it('moves a visit to another time and technician; a conflict is 409 slot_taken; a cancelled visit cannot move', async () => {
    const a = (
      await w.frontDesk.post('/api/v1/appointments', oneService(w, w.services.mani, '2026-12-09', '10:00', w.techs[0]!.id))
    ).json();
    const blocker = (
      await w.frontDesk.post('/api/v1/appointments', oneService(w, w.services.mani, '2026-12-09', '12:00', w.techs[1]!.id))
    ).json();
    const moved = await w.frontDesk.post(`/api/v1/appointments/${a.id}/reschedule`, {
      version: a.version,
      lines: [{ serviceId: w.services.mani, staffId: w.techs[1]!.id, date: '2026-12-09', startLocal: '10:30' }],
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ start: '2026-12-09T10:30:00-05:00', rescheduleCount: 1, version: 2 });
    expect(moved.json().lines[0].staffId).toBe(w.techs[1]!.id);
    // Its old time is free again for technician 1; its own old time does not block a small move.
    expect(
      (await w.frontDesk.post('/api/v1/appointments', oneService(w, w.services.mani, '2026-12-09', '10:00', w.techs[0]!.id))).statusCode,
    ).toBe(201);
    const small = await w.frontDesk.post(`/api/v1/appointments/${a.id}/reschedule`, {
      lines: [{ serviceId: w.services.mani, staffId: w.techs[1]!.id, date: '2026-12-09', startLocal: '10:45' }],
    });
    expect(small.statusCode, small.body).toBe(200);
    const clash = await w.frontDesk.post(`/api/v1/appointments/${a.id}/reschedule`, {
      lines: [{ serviceId: w.services.mani, staffId: w.techs[1]!.id, date: '2026-12-09', startLocal: '11:30' }],
    });
    expect(expectProblem(clash, 409, 'slot_taken').alternatives.length).toBeGreaterThan(0);
    await w.frontDesk.post(`/api/v1/appointments/${blocker.id}/cancel`, {});
    expectProblem(
      await w.frontDesk.post(`/api/v1/appointments/${blocker.id}/reschedule`, {
        lines: [{ serviceId: w.services.mani, date: '2026-12-10', startLocal: '10:00' }],
      }),
      409,
      'appointment_closed',
    );
  });

  it('a booked service can no longer be hard-deleted, only archived', async () => {
    expectProblem(await w.owner.delete(`/api/v1/services/${w.services.mani}`), 409, 'in_use');
  });
});

describe('time zones and DST', () => {
  let d: TestApp;
  let dw: World;
  beforeAll(async () => {
    d = await createTestApp({ now: Date.UTC(2026, 1, 20, 15) });
    dw = await bookingWorld(d, { techCount: 1 });
  });
  afterAll(async () => d.close());

  it('offers 09:00 first and 18:00 last on 2026-03-08 and 2026-11-01 in New York, with the day’s offsets', async () => {
    for (const [date, first, last] of [
      ['2026-03-08', '2026-03-08T09:00:00-04:00', '2026-03-08T18:00:00-04:00'],
      ['2026-11-01', '2026-11-01T09:00:00-05:00', '2026-11-01T18:00:00-05:00'],
    ] as const) {
      const slots = (await dw.owner.get(`/api/v1/availability?storeId=${dw.storeId}&serviceIds=${dw.services.mani}&from=${date}`)).json()
        .slots;
      expect(slots[0].start).toBe(first);
      expect(slots.at(-1).start).toBe(last);
    }
  });

  it('refuses a local time the clocks skip (02:30 on 2026-03-08) with 422 nonexistent_local_time', async () => {
    const p = expectProblem(
      await dw.frontDesk.post('/api/v1/appointments', oneService(dw, dw.services.mani, '2026-03-08', '02:30')),
      422,
      'nonexistent_local_time',
    );
    expect(p.errors[0].path).toBe('lines.0.startLocal');
    expect(p.detail).toContain('America/New_York');
  });

  it('books the same wall time on both sides of the change with the right instants', async () => {
    const before = await dw.frontDesk.post('/api/v1/appointments', oneService(dw, dw.services.mani, '2026-03-07', '10:00'));
    const after = await dw.frontDesk.post('/api/v1/appointments', oneService(dw, dw.services.mani, '2026-03-08', '10:00'));
    expect(before.json().start).toBe('2026-03-07T10:00:00-05:00');
    expect(after.json().start).toBe('2026-03-08T10:00:00-04:00');
    expect(Date.parse(after.json().start) - Date.parse(before.json().start)).toBe(23 * 3_600_000);
  });

  it('a Vancouver store shows its own local times, whatever zone the instant was sent in', async () => {
    const store = (await dw.owner.post('/api/v1/stores', { name: 'Richmond', timeZone: 'America/Vancouver' })).json();
    await dw.owner.patch(`/api/v1/stores/${store.id}`, {
      version: store.version,
      hours: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((k) => [k, [{ open: '09:00', close: '19:00' }]])),
    });
    const { staff } = await addStaff(d, dw.owner, { role: 'technician', storeIds: [store.id], email: 'van@lotus.test' });
    await dw.owner.put(`/api/v1/rosters/${store.id}/staff/${staff.id}/weekly`, {
      hours: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((k) => [k, [{ open: '09:00', close: '19:00' }]])),
      version: 0,
    });
    expect(
      (await dw.owner.put(`/api/v1/services/${dw.services.mani}/staff`, [{ staffId: dw.techs[0]!.id }, { staffId: staff.id }])).statusCode,
    ).toBe(200);
    const slots = (await dw.owner.get(`/api/v1/availability?storeId=${store.id}&serviceIds=${dw.services.mani}&from=2026-11-01`)).json();
    expect(slots.timeZone).toBe('America/Vancouver');
    expect(slots.slots[0].start).toBe('2026-11-01T09:00:00-08:00');
    expect(slots.slots.at(-1).startLocal).toBe('18:00');
    // Sent from New York as 13:00-05:00: stored and shown as 10:00 in Vancouver.
    const res = await dw.owner.post('/api/v1/appointments', {
      storeId: store.id,
      clientId: dw.clientId,
      lines: [{ serviceId: dw.services.mani, start: '2026-11-02T13:00:00-05:00' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ start: '2026-11-02T10:00:00-08:00', startLocal: '10:00', timeZone: 'America/Vancouver' });
  });
});

describe('demo week', () => {
  it('seeds a realistic week around today: walk-ins, multi-service visits, no-shows, cancellations, no overlaps', async () => {
    const d = await createTestApp();
    try {
      const dw = await bookingWorld(d, { techCount: 4 });
      const { appointmentIds } = await withTransaction(d.db.db, ({ tx }) =>
        seedDemoAppointments(tx, { storeIds: [dw.storeId], clientIds: [dw.clientId], now: d.clock.now(), visitsPerDay: 30 }),
      );
      expect(appointmentIds.length).toBeGreaterThan(60);
      const rows = await d.db.db.selectFrom('appointments').select(['status', 'source', 'client_id', 'start_at']).execute();
      const statuses = new Set(rows.map((r) => r.status));
      for (const s of ['completed', 'no_show', 'cancelled', 'booked']) expect(statuses).toContain(s);
      expect(rows.some((r) => r.source === 'walk_in')).toBe(true);
      expect(rows.some((r) => r.start_at < d.clock.now()) && rows.some((r) => r.start_at > d.clock.now())).toBe(true);
      const multi = await d.db.db
        .selectFrom('appointment_lines')
        .select('appointment_id')
        .groupBy('appointment_id')
        .having((eb) => eb.fn.countAll(), '>', 1)
        .execute();
      expect(multi.length).toBeGreaterThan(0);
      const occ = await d.db.db.selectFrom('staff_occupancy').selectAll().orderBy('staff_id').orderBy('start_at').execute();
      for (let i = 1; i < occ.length; i++)
        if (occ[i]!.staff_id === occ[i - 1]!.staff_id) expect(occ[i]!.start_at).toBeGreaterThanOrEqual(occ[i - 1]!.end_at);
      expect(await d.db.db.selectFrom('jobs').select('id').where('kind', '=', 'appointments.message').execute()).toEqual([]);
      const feed = await dw.owner.get(`/api/v1/appointments?storeId=${dw.storeId}&from=2026-11-24&to=2026-11-30`);
      expect(feed.json().data.length).toBe(appointmentIds.length);
    } finally {
      await d.close();
    }
  }, 120_000);
});
