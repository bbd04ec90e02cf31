import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS } from '../src/server/platform/permissions.js';
import { addStaff, addStore, createTestApp, expectProblem, Session, setUpBusiness, type TestApp } from './support/app.js';

type Role = 'owner' | 'manager' | 'front_desk' | 'technician' | 'accountant';
const ROLES: Role[] = ['owner', 'manager', 'front_desk', 'technician', 'accountant'];

// Two stores: A (from setup) and B. One person per role works at A only; owners see every store.
describe('permission matrix and store scoping', () => {
  let t: TestApp;
  let storeA: string;
  let storeB: string;
  const as = {} as Record<Role, Session>;
  const ids = {} as Record<Role, string>;
  let techA: string; // a technician of A, target of edits
  let techB: string; // a technician of B only
  let shared: string; // a technician of A and B
  let n = 0;
  const email = (prefix: string) => `${prefix}-${++n}@lotus.test`;

  beforeAll(async () => {
    t = await createTestApp();
    const setup = await setUpBusiness(t);
    as.owner = setup.owner;
    ids.owner = setup.me.staff.id;
    storeA = setup.storeId;
    storeB = (await addStore(as.owner, { name: 'Vancouver', timeZone: 'America/Vancouver' })).id;
    for (const role of ROLES.filter((r) => r !== 'owner')) {
      const { staff, session } = await addStaff(t, as.owner, { role, storeIds: [storeA], email: `${role}@lotus.test` });
      as[role] = session;
      ids[role] = staff.id;
    }
    const make = async (mail: string, storeIds: string[]) =>
      (await as.owner.post('/api/v1/staff', { name: mail, email: mail, role: 'technician', storeIds })).json().id as string;
    techA = await make('tech-a@lotus.test', [storeA]);
    techB = await make('tech-b@lotus.test', [storeB]);
    shared = await make('tech-ab@lotus.test', [storeA, storeB]);
  });
  afterAll(() => t.close());

  const storeVersion = async (id: string) => (await as.owner.get(`/api/v1/stores/${id}`)).json().version as number;

  // Each row: a representative route and the status every role gets (403 = forbidden by the matrix).
  type Row = { name: string; call: (s: Session) => Promise<import('fastify').LightMyRequestResponse>; expect: Record<Role, number> };
  const allowAll = { owner: 200, manager: 200, front_desk: 200, technician: 200, accountant: 200 };
  const rows: Row[] = [
    { name: 'GET /me', call: (s) => s.get('/api/v1/me'), expect: allowAll },
    { name: 'GET /stores', call: (s) => s.get('/api/v1/stores'), expect: allowAll },
    { name: 'GET /stores/A', call: (s) => s.get(`/api/v1/stores/${storeA}`), expect: allowAll },
    { name: 'GET /staff', call: (s) => s.get('/api/v1/staff'), expect: allowAll },
    { name: 'GET /staff?storeId=A', call: (s) => s.get(`/api/v1/staff?storeId=${storeA}`), expect: allowAll },
    { name: 'GET /staff/:techA', call: (s) => s.get(`/api/v1/staff/${techA}`), expect: allowAll },
    { name: 'GET /roles', call: (s) => s.get('/api/v1/roles'), expect: allowAll },
    {
      name: 'POST /staff (technician at A)',
      call: (s) => s.post('/api/v1/staff', { name: 'New Tech', email: email('new'), role: 'technician', storeIds: [storeA] }),
      expect: { owner: 201, manager: 201, front_desk: 403, technician: 403, accountant: 403 },
    },
    {
      name: 'PATCH /staff/:techA',
      call: async (s) => {
        const v = (await as.owner.get(`/api/v1/staff/${techA}`)).json().version;
        return s.patch(`/api/v1/staff/${techA}`, { version: v, phone: `+1718555${String(1000 + n++)}` });
      },
      expect: { owner: 200, manager: 200, front_desk: 403, technician: 403, accountant: 403 },
    },
    {
      name: 'PATCH /stores/A',
      call: async (s) =>
        s.patch(`/api/v1/stores/${storeA}`, { version: await storeVersion(storeA), phone: `+1718555${String(2000 + n++)}` }),
      expect: { owner: 200, manager: 200, front_desk: 403, technician: 403, accountant: 403 },
    },
    {
      name: 'POST /stores',
      call: (s) => s.post('/api/v1/stores', { name: `Store ${++n}`, timeZone: 'America/New_York' }),
      expect: { owner: 201, manager: 403, front_desk: 403, technician: 403, accountant: 403 },
    },
    {
      name: 'GET /audit-log',
      call: (s) => s.get('/api/v1/audit-log'),
      expect: { owner: 200, manager: 200, front_desk: 403, technician: 403, accountant: 403 },
    },
    {
      name: 'GET /api-tokens',
      call: (s) => s.get('/api/v1/api-tokens'),
      expect: { owner: 200, manager: 403, front_desk: 403, technician: 403, accountant: 403 },
    },
    {
      name: 'POST /api-tokens',
      call: (s) => s.post('/api/v1/api-tokens', { name: 'script' }),
      expect: { owner: 201, manager: 403, front_desk: 403, technician: 403, accountant: 403 },
    },
    {
      name: 'POST /terminals (store A)',
      call: (s) => s.post('/api/v1/terminals', { storeId: storeA, name: 'Front desk' }),
      expect: { owner: 201, manager: 201, front_desk: 403, technician: 403, accountant: 403 },
    },
    {
      name: 'PUT /staff/:techA/pin',
      call: (s) => s.put(`/api/v1/staff/${techA}/pin`, { pin: '2468' }),
      expect: { owner: 204, manager: 204, front_desk: 403, technician: 403, accountant: 403 },
    },
  ];

  describe.each(rows)('$name', (row) => {
    it.each(ROLES)('%s', async (role) => {
      const res = await row.call(as[role]);
      const want = row.expect[role];
      if (want === 403) expectProblem(res, 403, 'forbidden');
      else expect(res.statusCode, res.body).toBe(want);
    });
    it('anonymous → 401', async () => {
      expectProblem(await row.call(new Session(t.app)), 401, 'unauthenticated');
    });
  });

  it('the matrix in code agrees with the table above', () => {
    expect(ROLE_PERMISSIONS.accountant.filter((p) => /write|manage|roles|merge|import|override/.test(p))).toEqual([]);
    expect(ROLE_PERMISSIONS.front_desk).not.toContain('staff.write');
    expect(ROLE_PERMISSIONS.manager).not.toContain('tokens.manage');
    expect(ROLE_PERMISSIONS.manager).not.toContain('staff.roles');
  });

  describe.each(['manager', 'front_desk', 'technician', 'accountant'] as const)('a %s of store A', (role) => {
    it('cannot read store B', async () => {
      expectProblem(await as[role].get(`/api/v1/stores/${storeB}`), 403, 'store_forbidden');
      const list = (await as[role].get('/api/v1/stores')).json().data.map((s: { id: string }) => s.id);
      expect(list).toEqual([storeA]);
      const me = (await as[role].get('/api/v1/me')).json();
      expect(me.stores.map((s: { id: string }) => s.id)).toEqual([storeA]);
    });

    it("cannot list or see store B's staff", async () => {
      expectProblem(await as[role].get(`/api/v1/staff?storeId=${storeB}`), 403, 'store_forbidden');
      expectProblem(await as[role].get(`/api/v1/staff/${techB}`), 404, 'not_found');
      const list = (await as[role].get('/api/v1/staff?limit=200')).json().data.map((s: { id: string }) => s.id);
      expect(list).toContain(techA);
      expect(list).toContain(shared);
      expect(list).not.toContain(techB);
      // Someone working at A and B is visible (they share store A).
      expect((await as[role].get(`/api/v1/staff/${shared}`)).statusCode).toBe(200);
    });

    it('cannot reach store B through any write either', async () => {
      const res = await as[role].patch(`/api/v1/stores/${storeB}`, { version: await storeVersion(storeB), name: 'Hijacked' });
      expect(res.statusCode).toBe(403);
      expect((await as.owner.get(`/api/v1/stores/${storeB}`)).json().name).toBe('Vancouver');
      expect((await as[role].post('/api/v1/terminals', { storeId: storeB, name: 'Sneaky' })).statusCode).toBe(403);
    });
  });

  it('the owner sees and edits every store and every person', async () => {
    expect((await as.owner.get(`/api/v1/stores/${storeB}`)).statusCode).toBe(200);
    expect((await as.owner.get(`/api/v1/staff/${techB}`)).statusCode).toBe(200);
    const list = (await as.owner.get(`/api/v1/staff?storeId=${storeB}`)).json().data.map((s: { id: string }) => s.id);
    expect(list.sort()).toEqual([techB, shared].sort());
    const me = (await as.owner.get('/api/v1/me')).json();
    expect(me.stores.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining([storeA, storeB]));
    const patched = await as.owner.patch(`/api/v1/stores/${storeB}`, { version: await storeVersion(storeB), phone: '+16045550100' });
    expect(patched.statusCode).toBe(200);
    const promoted = await as.owner.post('/api/v1/staff', { name: 'Second Owner', email: email('owner2'), role: 'owner' });
    expect(promoted.statusCode).toBe(201);
    expect((await as.owner.post('/api/v1/terminals', { storeId: storeB, name: 'Vancouver desk' })).statusCode).toBe(201);
  });

  it('an accountant cannot write anything', async () => {
    const acct = as.accountant;
    const techVersion = (await as.owner.get(`/api/v1/staff/${techA}`)).json().version;
    const attempts = [
      acct.post('/api/v1/staff', { name: 'X', email: email('acct'), role: 'technician', storeIds: [storeA] }),
      acct.patch(`/api/v1/staff/${techA}`, { version: techVersion, name: 'Renamed' }),
      acct.post(`/api/v1/staff/${techA}/archive`),
      acct.put(`/api/v1/staff/${techA}/pin`, { pin: '1357' }),
      acct.patch(`/api/v1/stores/${storeA}`, { version: await storeVersion(storeA), name: 'Renamed' }),
      acct.post('/api/v1/stores', { name: 'Accountant store', timeZone: 'America/New_York' }),
      acct.post('/api/v1/terminals', { storeId: storeA, name: 'Desk' }),
      acct.post('/api/v1/api-tokens', { name: 'x' }),
    ];
    for (const res of await Promise.all(attempts)) expectProblem(res, 403, 'forbidden');
    expect((await as.owner.get(`/api/v1/staff/${techA}`)).json()).toMatchObject({ version: techVersion, active: true });
  });

  describe('a manager of store A', () => {
    it('cannot create an owner or a manager', async () => {
      for (const role of ['owner', 'manager']) {
        const res = await as.manager.post('/api/v1/staff', { name: 'Boss', email: email(role), role, storeIds: [storeA] });
        expectProblem(res, 403, 'forbidden');
      }
    });

    it('cannot promote someone to manager or owner, nor change another manager or an owner', async () => {
      const v = (await as.owner.get(`/api/v1/staff/${techA}`)).json().version;
      expectProblem(await as.manager.patch(`/api/v1/staff/${techA}`, { version: v, role: 'manager' }), 403, 'forbidden');
      expectProblem(await as.manager.patch(`/api/v1/staff/${techA}`, { version: v, role: 'owner' }), 403, 'forbidden');
      expect((await as.owner.get(`/api/v1/staff/${techA}`)).json().role).toBe('technician');
      const ov = (await as.owner.get(`/api/v1/staff/${ids.owner}`)).json().version;
      expectProblem(await as.manager.patch(`/api/v1/staff/${ids.owner}`, { version: ov, role: 'technician' }), 403, 'forbidden');
      expectProblem(await as.manager.post(`/api/v1/staff/${ids.owner}/archive`), 403, 'forbidden');
      expectProblem(await as.manager.put(`/api/v1/staff/${ids.owner}/pin`, { pin: '0000' }), 403, 'forbidden');
    });

    it('may change roles among the non-privileged ones', async () => {
      const v = (await as.owner.get(`/api/v1/staff/${techA}`)).json().version;
      const res = await as.manager.patch(`/api/v1/staff/${techA}`, { version: v, role: 'front_desk' });
      expect(res.statusCode, res.body).toBe(200);
      const back = await as.manager.patch(`/api/v1/staff/${techA}`, { version: res.json().version, role: 'technician' });
      expect(back.statusCode).toBe(200);
    });

    it("cannot put staff into a store they don't work at, nor take them out of it", async () => {
      const created = await as.manager.post('/api/v1/staff', {
        name: 'B Tech',
        email: email('btech'),
        role: 'technician',
        storeIds: [storeB],
      });
      expectProblem(created, 403, 'store_forbidden');
      const both = await as.manager.post('/api/v1/staff', {
        name: 'AB Tech',
        email: email('abtech'),
        role: 'technician',
        storeIds: [storeA, storeB],
      });
      expectProblem(both, 403, 'store_forbidden');

      const v = (await as.owner.get(`/api/v1/staff/${techA}`)).json().version;
      expectProblem(await as.manager.patch(`/api/v1/staff/${techA}`, { version: v, storeIds: [storeA, storeB] }), 403, 'store_forbidden');
      expect((await as.owner.get(`/api/v1/staff/${techA}`)).json().storeIds).toEqual([storeA]);

      // Someone who also works at B stays at B: store B is not the manager's to change.
      const sv = (await as.owner.get(`/api/v1/staff/${shared}`)).json().version;
      expectProblem(await as.manager.patch(`/api/v1/staff/${shared}`, { version: sv, storeIds: [storeA] }), 403, 'store_forbidden');
      expect((await as.owner.get(`/api/v1/staff/${shared}`)).json().storeIds.sort()).toEqual([storeA, storeB].sort());
      // …while editing other fields of that person, or keeping their stores as they are, is fine.
      const ok = await as.manager.patch(`/api/v1/staff/${shared}`, { version: sv, displayName: 'Shared', storeIds: [storeB, storeA] });
      expect(ok.statusCode, ok.body).toBe(200);
    });

    it('cannot read the audit log of store B', async () => {
      expectProblem(await as.manager.get(`/api/v1/audit-log?storeId=${storeB}`), 403, 'store_forbidden');
    });
  });

  it('a front desk member may set their own PIN but nobody else’s', async () => {
    expect((await as.front_desk.put(`/api/v1/staff/${ids.front_desk}/pin`, { pin: '8642' })).statusCode).toBe(204);
    expectProblem(await as.front_desk.put(`/api/v1/staff/${ids.technician}/pin`, { pin: '8642' }), 403, 'forbidden');
  });
});
