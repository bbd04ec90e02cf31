import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff, addStore, createTestApp, expectProblem, OWNER_PASSWORD, Session, setUpBusiness, type TestApp } from './support/app.js';

const FIFTEEN_MIN = 15 * 60_000;

// A shared front-desk terminal: registered once by an owner or manager, then staff switch with a PIN.
describe('store terminals and PIN switching', () => {
  let t: TestApp;
  let owner: Session;
  let ownerId: string;
  let storeA: string;
  let storeB: string;
  let desk: Session; // the front-desk browser of store A
  let terminalId: string;
  const staff = {} as Record<'frontDesk' | 'tech' | 'techB' | 'noPin' | 'archived' | 'manager', string>;

  beforeAll(async () => {
    t = await createTestApp();
    const setup = await setUpBusiness(t);
    owner = setup.owner;
    ownerId = setup.me.staff.id;
    storeA = setup.storeId;
    storeB = (await addStore(owner, { name: 'Vancouver', timeZone: 'America/Vancouver' })).id;
    const create = async (email: string, role: string, storeIds: string[], pin?: string) => {
      const res = await owner.post('/api/v1/staff', { name: email.split('@')[0], email, role, storeIds, ...(pin ? { pin } : {}) });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    staff.frontDesk = await create('desk@lotus.test', 'front_desk', [storeA], '1234');
    staff.tech = await create('tech@lotus.test', 'technician', [storeA]);
    staff.techB = await create('techb@lotus.test', 'technician', [storeB], '5555');
    staff.noPin = await create('nopin@lotus.test', 'technician', [storeA]);
    staff.archived = await create('gone@lotus.test', 'technician', [storeA], '7777');
    expect((await owner.post(`/api/v1/staff/${staff.archived}/archive`)).statusCode).toBe(200);
    // A PIN set afterwards by someone with staff.write.
    expect((await owner.put(`/api/v1/staff/${staff.tech}/pin`, { pin: '246810' })).statusCode).toBe(204);

    desk = new Session(t.app);
    expect((await desk.login('owner@lotus.test', OWNER_PASSWORD)).statusCode).toBe(200);
    const reg = await desk.post('/api/v1/terminals', { storeId: storeA, name: 'Front desk 1' });
    expect(reg.statusCode, reg.body).toBe(201);
    expect(reg.json()).toMatchObject({ name: 'Front desk 1', storeId: storeA });
    terminalId = reg.json().id;
    const cookie = String(reg.headers['set-cookie']);
    expect(cookie).toMatch(/orchid_terminal=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Max-Age=\d{7,}/); // survives browser restarts
    expect(desk.cookies.has('orchid_terminal')).toBe(true);
  });
  afterAll(() => t.close());

  /** The same browser, holding only the terminal cookie (e.g. after the last person signed out). */
  const terminalOnly = () => {
    const s = new Session(t.app);
    s.cookies.set('orchid_terminal', desk.cookies.get('orchid_terminal')!);
    return s;
  };
  const pin = (s: Session, staffId: string, value: string) => s.post('/api/v1/auth/pin', { staffId, pin: value });

  it('lists the staff of its store who have a PIN', async () => {
    const res = await terminalOnly().get('/api/v1/terminals/current/staff');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.terminal).toEqual({ id: terminalId, name: 'Front desk 1', storeId: storeA });
    const listed = body.data.map((s: { id: string }) => s.id).sort();
    expect(listed).toEqual([staff.frontDesk, staff.tech].sort());
    expect(body.data[0]).toEqual({ id: expect.any(String), displayName: expect.any(String), role: expect.any(String) });
    expect(JSON.stringify(body)).not.toMatch(/pin_hash|argon2|email/);
  });

  it('refuses everything without a terminal cookie, or with a forged one', async () => {
    expectProblem(await new Session(t.app).get('/api/v1/terminals/current/staff'), 403, 'terminal_required');
    expectProblem(await pin(new Session(t.app), staff.frontDesk, '1234'), 403, 'terminal_required');
    const forged = new Session(t.app);
    forged.cookies.set('orchid_terminal', 'made-up-token');
    expectProblem(await forged.get('/api/v1/terminals/current/staff'), 403, 'terminal_required');
    expectProblem(await pin(forged, staff.frontDesk, '1234'), 403, 'terminal_required');
    // A signed-in owner without the cookie is still not a terminal.
    expectProblem(await pin(owner, staff.frontDesk, '1234'), 403, 'terminal_required');
  });

  it('switches the user: a new session, the previous one revoked', async () => {
    const previous = new Map(desk.cookies);
    const res = await pin(desk, staff.frontDesk, '1234');
    expect(res.statusCode, res.body).toBe(200);
    const me = res.json();
    expect(me.staff).toMatchObject({ id: staff.frontDesk, role: 'front_desk' });
    expect(me.terminal).toEqual({ id: terminalId, name: 'Front desk 1', storeId: storeA });
    expect(typeof me.csrfToken).toBe('string');
    expect(desk.cookies.get('orchid_session')).not.toBe(previous.get('orchid_session'));
    expect((await desk.get('/api/v1/me')).json().staff.id).toBe(staff.frontDesk);

    // The owner's session on this terminal is over.
    const replay = new Session(t.app);
    replay.cookies = previous;
    expectProblem(await replay.get('/api/v1/me'), 401, 'unauthenticated');
    // The owner's other browser is untouched.
    expect((await owner.get('/api/v1/me')).statusCode).toBe(200);

    // And the next person takes over from the front desk.
    const before = desk.cookies.get('orchid_session');
    const next = await pin(desk, staff.tech, '246810');
    expect(next.statusCode).toBe(200);
    const stale = new Session(t.app);
    stale.cookies.set('orchid_session', before!);
    expect((await stale.get('/api/v1/me')).statusCode).toBe(401);
    expect((await desk.get('/api/v1/me')).json().staff.role).toBe('technician');
  });

  it('a wrong PIN is 401 invalid_pin with the tries left; success resets the count', async () => {
    const s = terminalOnly();
    for (const left of [4, 3, 2]) {
      const body = expectProblem(await pin(s, staff.frontDesk, '0000'), 401, 'invalid_pin');
      expect(body.detail).toContain(`${left} tries left`);
    }
    expect((await pin(s, staff.frontDesk, '1234')).statusCode).toBe(200);
    const body = expectProblem(await pin(terminalOnly(), staff.frontDesk, '9999'), 401, 'invalid_pin');
    expect(body.detail).toContain('4 tries left');
    expect((await pin(terminalOnly(), staff.frontDesk, '1234')).statusCode).toBe(200);
  });

  it('five wrong tries lock the PIN for 15 minutes, even against the right PIN, on every terminal', async () => {
    const s = terminalOnly();
    for (let i = 0; i < 4; i++) expectProblem(await pin(s, staff.tech, '111111'), 401, 'invalid_pin');
    const locked = expectProblem(await pin(s, staff.tech, '111111'), 423, 'pin_locked');
    expect(locked.detail).toContain('15 minutes');
    expectProblem(await pin(s, staff.tech, '246810'), 423, 'pin_locked');

    // A second terminal of the same store sees the same lock.
    const other = new Session(t.app);
    await other.login('owner@lotus.test', OWNER_PASSWORD);
    expect((await other.post('/api/v1/terminals', { storeId: storeA, name: 'Front desk 2' })).statusCode).toBe(201);
    expectProblem(await pin(other, staff.tech, '246810'), 423, 'pin_locked');

    // Others are not locked out by someone else's lock.
    expect((await pin(terminalOnly(), staff.frontDesk, '1234')).statusCode).toBe(200);

    t.clock.advance(FIFTEEN_MIN - 60_000);
    const still = expectProblem(await pin(s, staff.tech, '246810'), 423, 'pin_locked');
    expect(still.detail).toContain('1 minutes');
    t.clock.advance(60_001);
    const ok = await pin(s, staff.tech, '246810');
    expect(ok.statusCode, ok.body).toBe(200);
    // The count starts afresh after the lock.
    expect(expectProblem(await pin(s, staff.tech, '000000'), 401, 'invalid_pin').detail).toContain('4 tries left');
    expect((await pin(s, staff.tech, '246810')).statusCode).toBe(200);
  });

  it('many wrong guesses at once still get only five tries', async () => {
    const guesses = Array.from({ length: 12 }, (_, i) => pin(terminalOnly(), staff.frontDesk, String(1000 + i * 7).padStart(4, '0')));
    const results = await Promise.all(guesses);
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 423).length).toBeGreaterThanOrEqual(7);
    expect(statuses.every((s) => s === 401 || s === 423)).toBe(true);
    expectProblem(await pin(terminalOnly(), staff.frontDesk, '1234'), 423, 'pin_locked');
    t.clock.advance(FIFTEEN_MIN + 1);
    expect((await pin(terminalOnly(), staff.frontDesk, '1234')).statusCode).toBe(200);
  });

  it('refuses the PIN of someone from another store, without a PIN, or archived', async () => {
    const s = terminalOnly();
    expectProblem(await pin(s, staff.techB, '5555'), 401, 'invalid_pin');
    expectProblem(await pin(s, staff.noPin, '0000'), 401, 'invalid_pin');
    expectProblem(await pin(s, staff.archived, '7777'), 401, 'invalid_pin');
    expectProblem(await pin(s, '01900000-0000-7000-8000-000000000000', '1234'), 401, 'invalid_pin');
    expect(s.cookies.has('orchid_session')).toBe(false);
    // At a terminal of store B, the store B technician is welcome.
    const deskB = new Session(t.app);
    await deskB.login('owner@lotus.test', OWNER_PASSWORD);
    expect((await deskB.post('/api/v1/terminals', { storeId: storeB, name: 'Vancouver desk' })).statusCode).toBe(201);
    expect((await pin(deskB, staff.techB, '5555')).json().staff.id).toBe(staff.techB);
  });

  it('an owner with a PIN can switch in at any store', async () => {
    expect((await owner.put(`/api/v1/staff/${ownerId}/pin`, { pin: '8080' })).statusCode).toBe(204);
    const listed = (await terminalOnly().get('/api/v1/terminals/current/staff')).json().data.map((s: { id: string }) => s.id);
    expect(listed).toContain(ownerId);
    expect((await pin(terminalOnly(), ownerId, '8080')).statusCode).toBe(200);
  });

  it('a PIN must be 4 to 6 digits', async () => {
    for (const bad of ['123', '1234567', 'abcd', '12 34']) {
      expectProblem(await pin(terminalOnly(), staff.frontDesk, bad), 400, 'validation_failed');
      expectProblem(await owner.put(`/api/v1/staff/${staff.frontDesk}/pin`, { pin: bad }), 400, 'validation_failed');
    }
  });

  it('a manager may register a terminal of their store, not of another', async () => {
    const { session } = await addStaff(t, owner, { role: 'manager', storeIds: [storeA], email: 'manager@lotus.test' });
    expect((await session.post('/api/v1/terminals', { storeId: storeA, name: 'Manager desk' })).statusCode).toBe(201);
    expectProblem(await session.post('/api/v1/terminals', { storeId: storeB, name: 'Not mine' }), 403, 'store_forbidden');
  });
});
