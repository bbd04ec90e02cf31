import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAudit } from '../src/server/platform/audit.js';
import { addStaff, addStore, createTestApp, expectProblem, OWNER_PASSWORD, Session, setUpBusiness, type TestApp } from './support/app.js';

type Entry = {
  id: string;
  at: string;
  actor: { id: string; name: string } | null;
  storeId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: any;
  after: any;
  ip: string | null;
};

const HOUR = 3600_000;
const SECRET_PASSWORD = 'very-secret-passphrase-42';
const SECRET_PIN = '918273';

describe('audit log', () => {
  let t: TestApp;
  let owner: Session;
  let ownerId: string;
  let storeA: string;
  let storeB: string;
  let techId: string;
  let manager: Session;
  let frontDesk: Session;
  let tokenId: string;
  let tokenSecret: string;
  let startedAt: number;

  beforeAll(async () => {
    t = await createTestApp();
    startedAt = t.clock.now();
    const setup = await setUpBusiness(t);
    owner = setup.owner;
    ownerId = setup.me.staff.id;
    storeA = setup.storeId;
    storeB = (await addStore(owner, { name: 'Vancouver', timeZone: 'America/Vancouver' })).id;
    ({ session: manager } = await addStaff(t, owner, { role: 'manager', storeIds: [storeA], email: 'manager@lotus.test' }));
    ({ session: frontDesk } = await addStaff(t, owner, { role: 'front_desk', storeIds: [storeA], email: 'desk@lotus.test' }));

    t.clock.advance(HOUR);
    const tech = await owner.post('/api/v1/staff', {
      name: 'Kim Le',
      email: 'kim@lotus.test',
      role: 'technician',
      storeIds: [storeA],
      password: SECRET_PASSWORD,
      pin: SECRET_PIN,
    });
    techId = tech.json().id;
    const promoted = await owner.patch(`/api/v1/staff/${techId}`, { version: 1, role: 'front_desk', password: `${SECRET_PASSWORD}-2` });
    expect(promoted.statusCode, promoted.body).toBe(200);
    await owner.patch(`/api/v1/staff/${techId}`, { version: 2, displayName: 'Kimmy' });
    await owner.put(`/api/v1/staff/${techId}/pin`, { pin: SECRET_PIN });

    t.clock.advance(HOUR);
    const storeBefore = (await owner.get(`/api/v1/stores/${storeA}`)).json();
    await owner.patch(`/api/v1/stores/${storeA}`, { version: storeBefore.version, name: 'Flushing Main St', phone: '+17185550199' });
    const storeBV = (await owner.get(`/api/v1/stores/${storeB}`)).json().version;
    await owner.patch(`/api/v1/stores/${storeB}`, { version: storeBV, phone: '+16045550100' });
    const token = (await owner.post('/api/v1/api-tokens', { name: 'Bookkeeping' })).json();
    tokenId = token.id;
    tokenSecret = token.token;
    await owner.delete(`/api/v1/api-tokens/${tokenId}`);

    t.clock.advance(HOUR);
    const desk = new Session(t.app);
    await desk.login('owner@lotus.test', OWNER_PASSWORD);
    await desk.post('/api/v1/terminals', { storeId: storeA, name: 'Desk' });
    const switched = await desk.post('/api/v1/auth/pin', { staffId: techId, pin: SECRET_PIN });
    expect(switched.statusCode, switched.body).toBe(200);
    // Three hours have passed: the manager and front desk sessions timed out; they sign in again.
    for (const s of [manager, frontDesk]) s.cookies.clear();
    await manager.login('manager@lotus.test', 'staff-password-1234');
    await frontDesk.login('desk@lotus.test', 'staff-password-1234');
  });
  afterAll(() => t.close());

  const entries = async (s: Session, query = ''): Promise<Entry[]> => {
    const res = await s.get(`/api/v1/audit-log?limit=200${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().data;
  };
  const one = async (query: string) => {
    const found = await entries(owner, query);
    expect(found.length, query).toBeGreaterThan(0);
    return found[0]!;
  };

  it('records setup and sign-in', async () => {
    const setup = await one('&action=business.setup');
    expect(setup).toMatchObject({
      entityType: 'business',
      actor: { id: ownerId, name: 'Mei' },
      after: { name: 'Lotus Nail & Spa', currency: 'USD' },
    });
    const login = await one(`&action=auth.login&actorId=${ownerId}`);
    expect(login).toMatchObject({ entityType: 'staff', actor: { id: ownerId }, entityId: ownerId });
    expect(login.ip).toBe('127.0.0.1');
    expect((await one('&action=store.create')).entityType).toBe('store');
  });

  it('records staff creation and a change of role as a permissions change, with before and after', async () => {
    const created = await one(`&action=staff.create&entityId=${techId}`);
    expect(created).toMatchObject({
      actor: { id: ownerId },
      storeId: storeA,
      before: null,
      after: { email: 'kim@lotus.test', role: 'technician', storeIds: [storeA] },
    });
    const change = await one(`&action=staff.permissions_change&entityId=${techId}`);
    expect(change.before.role).toBe('technician');
    expect(change.after.role).toBe('front_desk');
    expect(change.storeId).toBe(storeA);
    const update = await one(`&action=staff.update&entityId=${techId}`);
    expect([update.before.displayName, update.after.displayName]).toEqual(['Kim', 'Kimmy']);
    expect((await one(`&action=staff.pin_set&entityId=${techId}`)).actor?.id).toBe(ownerId);
  });

  it('records a store update with before and after', async () => {
    const update = await one(`&action=store.update&entityId=${storeA}`);
    expect(update.storeId).toBe(storeA);
    expect(update.before).toMatchObject({ name: 'Flushing', phone: '+17185550100' });
    expect(update.after).toMatchObject({ name: 'Flushing Main St', phone: '+17185550199', slug: 'flushing-main-st' });
    expect(update.after.version).toBe(update.before.version + 1);
  });

  it('records API token creation and revocation without the secret', async () => {
    const created = await one(`&action=api_token.create&entityId=${tokenId}`);
    expect(created.after).toMatchObject({ name: 'Bookkeeping' });
    expect((await one(`&action=api_token.revoke&entityId=${tokenId}`)).actor?.id).toBe(ownerId);
  });

  it('records the PIN switch at the terminal’s store, by the person who switched in', async () => {
    const sw = await one('&action=auth.pin_switch');
    expect(sw).toMatchObject({ entityType: 'staff', entityId: techId, storeId: storeA, actor: { id: techId } });
    expect((await one('&action=terminal.register')).storeId).toBe(storeA);
  });

  it('never stores a password, PIN, hash or token secret', async () => {
    const rows = await t.db.db.selectFrom('audit_log').select(['before', 'after']).execute();
    const dump = JSON.stringify(rows);
    for (const secret of [SECRET_PASSWORD, SECRET_PIN, OWNER_PASSWORD, tokenSecret, '$argon2']) expect(dump).not.toContain(secret);
    // Whatever a later module passes in, sensitive keys are masked at any depth.
    await writeAudit(
      t.db.db,
      { actorId: ownerId, ip: null, requestId: null, now: t.clock.now() },
      {
        action: 'test.masking',
        entityType: 'test',
        before: { password: 'p1', nested: { pin: '1234', healthNotes: 'asthma', list: [{ apiToken: 'orc_x' }] }, name: 'visible' },
        after: { passwordHash: '$argon2id$…', allergies: 'latex', name: 'visible' },
      },
    );
    const masked = await one('&action=test.masking');
    expect(masked.before).toEqual({
      password: '***',
      nested: { pin: '***', healthNotes: '***', list: [{ apiToken: '***' }] },
      name: 'visible',
    });
    expect(masked.after).toEqual({ passwordHash: '***', allergies: '***', name: 'visible' });
  });

  it('filters by action, entity type, actor and time', async () => {
    const staffOnly = await entries(owner, '&entityType=staff');
    expect(staffOnly.length).toBeGreaterThan(3);
    expect(staffOnly.every((e) => e.entityType === 'staff')).toBe(true);
    const creates = await entries(owner, '&action=staff.create');
    expect(creates.every((e) => e.action === 'staff.create')).toBe(true);
    expect(creates.map((e) => e.entityId)).toContain(techId);
    expect((await entries(owner, `&actorId=${techId}`)).every((e) => e.actor?.id === techId)).toBe(true);

    // The second hour holds the tech's creation and edits, nothing from setup or the store edits.
    const from = new Date(startedAt + HOUR).toISOString();
    const to = new Date(startedAt + 2 * HOUR).toISOString();
    const window = await entries(owner, `&from=${from}&to=${to}`);
    expect(window.map((e) => e.action).sort()).toEqual(['staff.create', 'staff.permissions_change', 'staff.pin_set', 'staff.update']);
    for (const e of window) {
      const at = Date.parse(e.at);
      expect(at).toBeGreaterThanOrEqual(startedAt + HOUR);
      expect(at).toBeLessThan(startedAt + 2 * HOUR);
    }
    // An offset instant means the same moment.
    const offsetFrom = encodeURIComponent('2026-11-27T11:00:00-05:00'); // = 16:00Z = startedAt + 1h
    expect((await entries(owner, `&from=${offsetFrom}&to=${to}`)).length).toBe(window.length);
    expect(await entries(owner, '&action=no.such.action')).toEqual([]);
  });

  it('pages newest first with a cursor', async () => {
    const all = await entries(owner);
    expect(all.length).toBeGreaterThan(10);
    for (let i = 1; i < all.length; i++) {
      expect(Date.parse(all[i - 1]!.at)).toBeGreaterThanOrEqual(Date.parse(all[i]!.at));
      expect(all[i - 1]!.id > all[i]!.id).toBe(true);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await owner.get(`/api/v1/audit-log?limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      const page = res.json();
      expect(page.data.length).toBeLessThanOrEqual(4);
      seen.push(...page.data.map((e: Entry) => e.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 50);
    expect(seen).toEqual(all.map((e) => e.id));
    expect(pages).toBe(Math.ceil(all.length / 4));
    // Filters and the cursor combine.
    const first = (await owner.get('/api/v1/audit-log?limit=1&entityType=staff')).json();
    const second = (await owner.get(`/api/v1/audit-log?limit=1&entityType=staff&cursor=${first.nextCursor}`)).json();
    expect(second.data[0].entityType).toBe('staff');
    expect(second.data[0].id < first.data[0].id).toBe(true);
    // A garbage cursor is not a crash.
    expect((await owner.get('/api/v1/audit-log?cursor=%%%%')).statusCode).toBeLessThan(500);
  });

  it('a manager sees only the entries of their stores', async () => {
    const seen = await entries(manager);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((e) => e.storeId === storeA)).toBe(true);
    const actions = seen.map((e) => `${e.action}:${e.entityId}`);
    expect(actions).toContain(`store.update:${storeA}`);
    expect(actions).not.toContain(`store.update:${storeB}`);
    expect(actions).toContain(`staff.create:${techId}`);
    expect(actions).toContain(`staff.permissions_change:${techId}`);
    expect(seen.map((e) => e.action)).not.toContain('api_token.create');
    expect(await entries(manager, `&storeId=${storeA}`)).toEqual(seen);
    expectProblem(await manager.get(`/api/v1/audit-log?storeId=${storeB}`), 403, 'store_forbidden');
    // The owner sees store B's entries.
    expect((await entries(owner, `&storeId=${storeB}`)).map((e) => e.action)).toContain('store.update');
  });

  it('front desk staff cannot read it', async () => {
    expectProblem(await frontDesk.get('/api/v1/audit-log'), 403, 'forbidden');
  });
});
