import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff, addStore, createTestApp, expectProblem, OWNER_PASSWORD, Session, setUpBusiness, type TestApp } from './support/app.js';

const WEEK = {
  mon: [
    { open: '09:00', close: '13:00' },
    { open: '14:00', close: '19:00' },
  ],
  tue: [{ open: '09:00', close: '19:00' }],
  wed: [{ open: '09:00', close: '19:00' }],
  thu: [{ open: '09:00', close: '21:00' }],
  fri: [{ open: '09:00', close: '21:00' }],
  sat: [{ open: '10:00', close: '18:00' }],
  sun: [],
};

describe('stores', () => {
  let t: TestApp;
  let owner: Session;

  beforeAll(async () => {
    t = await createTestApp();
    ({ owner } = await setUpBusiness(t));
  });
  afterAll(() => t.close());

  it('creates a store with hours and special dates, reads it back, edits it with its version', async () => {
    const specialDates = [
      { date: '2026-12-25', closed: true },
      { date: '2026-12-24', closed: false, hours: [{ open: '09:00', close: '15:00' }], note: 'Christmas Eve' },
    ];
    const res = await owner.post('/api/v1/stores', {
      name: 'Midtown',
      timeZone: 'America/New_York',
      address: '5 W 45th St, New York',
      phone: '+12125550100',
      hours: WEEK,
      specialDates,
    });
    expect(res.statusCode, res.body).toBe(201);
    const store = res.json();
    expect(store).toMatchObject({
      name: 'Midtown',
      slug: 'midtown',
      timeZone: 'America/New_York',
      currency: 'USD',
      hours: WEEK,
      archived: false,
      version: 1,
    });
    expect(store.specialDates).toEqual([
      { date: '2026-12-25', closed: true, hours: [] },
      { date: '2026-12-24', closed: false, hours: [{ open: '09:00', close: '15:00' }], note: 'Christmas Eve' },
    ]);
    expect((await owner.get(`/api/v1/stores/${store.id}`)).json()).toEqual(store);
    expect((await owner.get('/api/v1/stores')).json().data.map((s: { id: string }) => s.id)).toContain(store.id);

    const sunday = [{ open: '11:00', close: '17:00' }];
    const patched = await owner.patch(`/api/v1/stores/${store.id}`, { version: 1, hours: { ...WEEK, sun: sunday }, currency: 'CAD' });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ version: 2, currency: 'CAD', slug: 'midtown', specialDates: store.specialDates });
    expect(patched.json().hours.sun).toEqual(sunday);
    expectProblem(await owner.patch(`/api/v1/stores/${store.id}`, { version: 1, name: 'Old' }), 409, 'stale_version');
    expectProblem(await owner.patch('/api/v1/stores/01900000-0000-7000-8000-000000000000', { version: 1, name: 'X' }), 404, 'not_found');
  });

  it('uses the default hours when none are given', async () => {
    const store = await addStore(owner, { name: 'Defaults' });
    expect(Object.keys(store.hours as object)).toEqual(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
  });

  it('refuses an invalid time zone with its path, on create and on edit', async () => {
    for (const timeZone of ['Mars/Olympus', 'EST5EDT6', '+05:00', '', 'America/New York']) {
      const body = expectProblem(await owner.post('/api/v1/stores', { name: 'Bad', timeZone }), 400, 'validation_failed');
      expect(body.errors.map((e: { path: string }) => e.path)).toContain('timeZone');
    }
    const store = await addStore(owner, { name: 'TZ Edit' });
    const body = expectProblem(
      await owner.patch(`/api/v1/stores/${store.id}`, { version: 1, timeZone: 'Moon/Base' }),
      400,
      'validation_failed',
    );
    expect(body.errors[0].path).toBe('timeZone');
    expect((await owner.get(`/api/v1/stores/${store.id}`)).json()).toMatchObject({ timeZone: 'America/New_York', version: 1 });
  });

  it('refuses overlapping, inverted, malformed or incomplete hours with their paths', async () => {
    const bad = async (hours: unknown) =>
      expectProblem(
        await owner.post('/api/v1/stores', { name: 'Bad hours', timeZone: 'America/New_York', hours }),
        400,
        'validation_failed',
      ).errors.map((e: { path: string }) => e.path);
    expect(
      await bad({
        ...WEEK,
        mon: [
          { open: '09:00', close: '13:00' },
          { open: '12:00', close: '18:00' },
        ],
      }),
    ).toContain('hours.mon');
    expect(
      await bad({
        ...WEEK,
        tue: [
          { open: '14:00', close: '18:00' },
          { open: '09:00', close: '14:30' },
        ],
      }),
    ).toContain('hours.tue');
    expect(await bad({ ...WEEK, wed: [{ open: '19:00', close: '09:00' }] })).toContain('hours.wed.0.close');
    expect(await bad({ ...WEEK, thu: [{ open: '9:00', close: '17:00' }] })).toContain('hours.thu.0.open');
    expect(await bad({ ...WEEK, fri: [{ open: '09:00', close: '24:00' }] })).toContain('hours.fri.0.close');
    const { sun: _sun, ...noSunday } = WEEK;
    expect(await bad(noSunday)).toContain('hours.sun');
    expect(await bad({ ...WEEK, holiday: [] })).toContain('hours.holiday');
  });

  it('refuses special dates that are not dates, closed with hours, or listed twice', async () => {
    const bad = async (specialDates: unknown) =>
      expectProblem(
        await owner.post('/api/v1/stores', { name: 'Bad dates', timeZone: 'America/New_York', specialDates }),
        400,
        'validation_failed',
      ).errors.map((e: { path: string }) => e.path);
    expect(await bad([{ date: '2026-02-30', closed: true }])).toContain('specialDates.0.date');
    expect(await bad([{ date: '2026-12-25', closed: true, hours: [{ open: '09:00', close: '12:00' }] }])).toContain('specialDates.0.hours');
    expect(await bad([{ date: '2026-12-31', closed: false, hours: [] }])).toContain('specialDates.0.hours');
    expect(
      await bad([
        { date: '2026-12-25', closed: true },
        { date: '2026-12-25', closed: false, hours: [{ open: '09:00', close: '12:00' }] },
      ]),
    ).toContain('specialDates.1.date');
  });

  it('gives a Chinese store name a pinyin slug', async () => {
    expect((await addStore(owner, { name: '莲花 法拉盛' })).slug).toBe('lian-hua-fa-la-sheng');
    expect((await addStore(owner, { name: '蓮花美甲 Spa' })).slug).toMatch(/^lian-hua-mei-jia-spa$/);
    expect((await addStore(owner, { name: '!!!' })).slug).toBe('store');
  });

  it('keeps slugs unique, and a store keeps its own slug when renamed to the same', async () => {
    const a = await addStore(owner, { name: 'Queens' });
    const b = await addStore(owner, { name: 'Queens' });
    const c = await addStore(owner, { name: 'QUEENS!' });
    const d = await addStore(owner, { name: 'Queens Center' });
    expect([a.slug, b.slug, c.slug, d.slug]).toEqual(['queens', 'queens-2', 'queens-3', 'queens-center']);
    const renamed = await owner.patch(`/api/v1/stores/${a.id}`, { version: a.version, name: 'Queens' });
    expect(renamed.json().slug).toBe('queens');
    const moved = await owner.patch(`/api/v1/stores/${b.id}`, { version: b.version, name: 'Astoria' });
    expect(moved.json().slug).toBe('astoria');
    expect((await addStore(owner, { name: 'Queens' })).slug).toBe('queens-2');
  });

  it('refuses a currency it does not support', async () => {
    const body = expectProblem(
      await owner.post('/api/v1/stores', { name: 'Euro', timeZone: 'Europe/Paris', currency: 'EUR' }),
      400,
      'validation_failed',
    );
    expect(body.errors[0].path).toBe('currency');
  });
});

describe('staff', () => {
  let t: TestApp;
  let owner: Session;
  let ownerId: string;
  let storeA: string;
  let storeB: string;

  beforeAll(async () => {
    t = await createTestApp();
    const setup = await setUpBusiness(t);
    owner = setup.owner;
    ownerId = setup.me.staff.id;
    storeA = setup.storeId;
    storeB = (await addStore(owner, { name: 'Vancouver', timeZone: 'America/Vancouver' })).id;
  });
  afterAll(() => t.close());

  const countStaff = async () =>
    Number(
      (
        await t.db.db
          .selectFrom('staff')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('creates a staff member', async () => {
    const res = await owner.post('/api/v1/staff', {
      name: 'Anna Nguyen',
      email: 'Anna.Nguyen@Lotus.test',
      phone: '+17185550123',
      role: 'technician',
      storeIds: [storeA],
      language: 'zh-TW',
      password: 'anna-password-42',
      pin: '4321',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({
      id: expect.any(String),
      name: 'Anna Nguyen',
      displayName: 'Anna',
      email: 'anna.nguyen@lotus.test',
      phone: '+17185550123',
      role: 'technician',
      storeIds: [storeA],
      language: 'zh-TW',
      hasPin: true,
      active: true,
      version: 1,
    });
    expect(res.body).not.toMatch(/password|argon2/);
    const login = await new Session(t.app).login('anna.nguyen@lotus.test', 'anna-password-42');
    expect(login.statusCode).toBe(200);
    expect(login.json().staff.language).toBe('zh-TW');
  });

  it('lists staff, filters by store, pages with a cursor', async () => {
    for (const [i, stores] of [[storeA], [storeB], [storeA, storeB], [storeB]].entries()) {
      expect(
        (await owner.post('/api/v1/staff', { name: `List ${i}`, email: `list${i}@lotus.test`, role: 'front_desk', storeIds: stores }))
          .statusCode,
      ).toBe(201);
    }
    const all = (await owner.get('/api/v1/staff?limit=200')).json().data as Array<{ id: string; storeIds: string[]; email: string }>;
    const inB = (await owner.get(`/api/v1/staff?storeId=${storeB}`)).json().data as typeof all;
    expect(inB.map((s) => s.email).sort()).toEqual(['list1@lotus.test', 'list2@lotus.test', 'list3@lotus.test']);
    expect(inB.every((s) => s.storeIds.includes(storeB))).toBe(true);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await owner.get(`/api/v1/staff?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      const page = res.json();
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((s: { id: string }) => s.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    expect(seen).toEqual(all.map((s) => s.id));
    expect(new Set(seen).size).toBe(seen.length);
    expect(pages).toBe(Math.ceil(all.length / 2));
  });

  it('edits with the version; a stale version or a taken email is refused', async () => {
    const created = (
      await owner.post('/api/v1/staff', { name: 'Bao Tran', email: 'bao@lotus.test', role: 'technician', storeIds: [storeA] })
    ).json();
    const res = await owner.patch(`/api/v1/staff/${created.id}`, {
      version: 1,
      displayName: 'Bao T.',
      storeIds: [storeA, storeB],
      phone: null,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ displayName: 'Bao T.', version: 2, phone: null });
    expect(res.json().storeIds.sort()).toEqual([storeA, storeB].sort());
    expect((await owner.get(`/api/v1/staff/${created.id}`)).json().storeIds.sort()).toEqual([storeA, storeB].sort());
    expectProblem(await owner.patch(`/api/v1/staff/${created.id}`, { version: 1, name: 'Late' }), 409, 'stale_version');
    expectProblem(await owner.patch(`/api/v1/staff/${created.id}`, { version: 2, email: 'OWNER@lotus.test' }), 409, 'email_taken');
    expect((await owner.get(`/api/v1/staff/${created.id}`)).json()).toMatchObject({ version: 2, email: 'bao@lotus.test' });
    expectProblem(await owner.patch(`/api/v1/staff/${created.id}`, { version: 2, salary: 1 }), 400, 'validation_failed');
    expectProblem(
      await owner.patch('/api/v1/staff/01900000-0000-7000-8000-000000000000', { version: 1, name: 'Nobody' }),
      404,
      'not_found',
    );
  });

  it('everyone but an owner works at a store at least', async () => {
    const body = expectProblem(
      await owner.post('/api/v1/staff', { name: 'Nowhere', email: 'nowhere@lotus.test', role: 'technician' }),
      400,
      'validation_failed',
    );
    expect(body.errors[0].path).toBe('storeIds');
    const made = (
      await owner.post('/api/v1/staff', { name: 'Somewhere', email: 'somewhere@lotus.test', role: 'technician', storeIds: [storeA] })
    ).json();
    expectProblem(await owner.patch(`/api/v1/staff/${made.id}`, { version: made.version, storeIds: [] }), 400, 'validation_failed');
    expect((await owner.get(`/api/v1/staff/${made.id}`)).json().storeIds).toEqual([storeA]);
    const anywhere = await owner.post('/api/v1/staff', { name: 'Co Owner', email: 'coowner@lotus.test', role: 'owner', storeIds: [] });
    expect(anywhere.statusCode, anywhere.body).toBe(201);
    expect((await owner.post(`/api/v1/staff/${anywhere.json().id}/archive`)).statusCode).toBe(200);
  });

  it('a new password or a new role ends the person’s sessions', async () => {
    const { staff, session } = await addStaff(t, owner, { role: 'technician', storeIds: [storeA], email: 'cam@lotus.test' });
    const withPassword = await owner.patch(`/api/v1/staff/${staff.id}`, { version: staff.version, password: 'a-brand-new-passphrase' });
    expect(withPassword.statusCode).toBe(200);
    expectProblem(await session.get('/api/v1/me'), 401, 'unauthenticated');
    const again = new Session(t.app);
    expect((await again.login('cam@lotus.test', 'a-brand-new-passphrase')).statusCode).toBe(200);
    await owner.patch(`/api/v1/staff/${staff.id}`, { version: withPassword.json().version, role: 'front_desk' });
    expectProblem(await again.get('/api/v1/me'), 401, 'unauthenticated');
  });

  it('archives: an archived person cannot sign in and is hidden unless asked for', async () => {
    const { staff, session } = await addStaff(t, owner, { role: 'front_desk', storeIds: [storeA], email: 'dana@lotus.test' });
    const res = await owner.post(`/api/v1/staff/${staff.id}/archive`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ active: false, version: staff.version + 1 });
    expectProblem(await session.get('/api/v1/me'), 401, 'unauthenticated');
    expectProblem(await new Session(t.app).login('dana@lotus.test', 'staff-password-1234'), 401, 'invalid_credentials');
    expect((await owner.get('/api/v1/staff?limit=200')).json().data.map((s: { id: string }) => s.id)).not.toContain(staff.id);
    expect((await owner.get('/api/v1/staff?limit=200&includeArchived=true')).json().data.map((s: { id: string }) => s.id)).toContain(
      staff.id,
    );
    // Still readable: archived people keep their history.
    expect((await owner.get(`/api/v1/staff/${staff.id}`)).json().active).toBe(false);
  });

  it('the last owner can be neither archived nor demoted', async () => {
    const v = (await owner.get(`/api/v1/staff/${ownerId}`)).json().version;
    expectProblem(await owner.post(`/api/v1/staff/${ownerId}/archive`), 422, 'last_owner');
    expectProblem(await owner.patch(`/api/v1/staff/${ownerId}`, { version: v, role: 'manager', storeIds: [storeA] }), 422, 'last_owner');
    expect((await owner.get(`/api/v1/staff/${ownerId}`)).json()).toMatchObject({ role: 'owner', active: true, version: v });

    // With a second owner, one of them may be demoted; the other is then the last again.
    const second = (await owner.post('/api/v1/staff', { name: 'Second Owner', email: 'owner2@lotus.test', role: 'owner' })).json();
    const demoted = await owner.patch(`/api/v1/staff/${second.id}`, { version: second.version, role: 'manager', storeIds: [storeA] });
    expect(demoted.statusCode, demoted.body).toBe(200);
    expectProblem(await owner.patch(`/api/v1/staff/${ownerId}`, { version: v, role: 'manager', storeIds: [storeA] }), 422, 'last_owner');
    const promoted = await owner.patch(`/api/v1/staff/${second.id}`, { version: demoted.json().version, role: 'owner' });
    expect(promoted.statusCode).toBe(200);
    const archived = await owner.post(`/api/v1/staff/${second.id}/archive`);
    expect(archived.statusCode).toBe(200);
    // An archived owner does not count as the other owner.
    expectProblem(await owner.post(`/api/v1/staff/${ownerId}/archive`), 422, 'last_owner');
  });

  it('refuses weak passwords with 422 weak_password and writes nothing', async () => {
    const before = await countStaff();
    for (const password of ['short', 'password123', '1234567890', 'Qwertyuiop']) {
      expectProblem(
        await owner.post('/api/v1/staff', { name: 'Weak', email: 'weak@lotus.test', role: 'technician', storeIds: [storeA], password }),
        422,
        'weak_password',
      );
    }
    expect(await countStaff()).toBe(before);
    const anna = (await owner.get('/api/v1/staff?limit=200'))
      .json()
      .data.find((s: { email: string }) => s.email === 'anna.nguyen@lotus.test');
    expectProblem(await owner.patch(`/api/v1/staff/${anna.id}`, { version: anna.version, password: 'password123' }), 422, 'weak_password');
  });

  it('an unknown store is 422 unknown_store and leaves nothing half-written', async () => {
    const before = await countStaff();
    const ghost = '01900000-0000-7000-8000-000000000000';
    expectProblem(
      await owner.post('/api/v1/staff', { name: 'Ghost', email: 'ghost@lotus.test', role: 'technician', storeIds: [storeA, ghost] }),
      422,
      'unknown_store',
    );
    expect(await countStaff()).toBe(before);
    expect(await t.db.db.selectFrom('staff').select('id').where('email', '=', 'ghost@lotus.test').executeTakeFirst()).toBeUndefined();

    // On edit, the row was already updated when the stores are checked: the rollback must undo it.
    const bao = (await owner.get('/api/v1/staff?limit=200')).json().data.find((s: { email: string }) => s.email === 'bao@lotus.test');
    const res = await owner.patch(`/api/v1/staff/${bao.id}`, { version: bao.version, name: 'Changed', storeIds: [ghost] });
    expectProblem(res, 422, 'unknown_store');
    const after = (await owner.get(`/api/v1/staff/${bao.id}`)).json();
    expect(after).toEqual(bao);
    const audit = (await owner.get(`/api/v1/audit-log?entityId=${bao.id}`)).json().data;
    expect(audit.every((e: { after: { name?: string } | null }) => e.after?.name !== 'Changed')).toBe(true);
  });

  it('GET /roles shows the matrix', async () => {
    const res = await owner.get('/api/v1/roles');
    expect(res.statusCode).toBe(200);
    const { roles, permissions } = res.json();
    expect(roles.map((r: { role: string }) => r.role)).toEqual(['owner', 'manager', 'front_desk', 'technician', 'accountant']);
    expect(roles[0].permissions.sort()).toEqual([...permissions].sort());
    for (const r of roles) for (const p of r.permissions) expect(permissions).toContain(p);
    expect(roles.find((r: { role: string }) => r.role === 'accountant').permissions).not.toContain('staff.write');
  });

  it('the setup owner signs in with the setup password', async () => {
    expect((await new Session(t.app).login('owner@lotus.test', OWNER_PASSWORD)).statusCode).toBe(200);
  });
});
