import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, OWNER_PASSWORD, SETUP_BODY, Session, setUpBusiness, type TestApp } from './support/app.js';

describe('setup, sign-in and sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('reports not set up, then sets up once and signs the owner in', async () => {
    const anon = new Session(t.app);
    expect((await anon.get('/api/v1/setup/status')).json()).toEqual({ setUp: false });
    const { owner, me } = await setUpBusiness(t);
    expect(me.staff).toMatchObject({ email: 'owner@lotus.test', role: 'owner' });
    expect(me.business).toMatchObject({ name: 'Lotus Nail & Spa', currency: 'USD' });
    expect(me.stores).toHaveLength(1);
    expect(me.stores[0]).toMatchObject({ name: 'Flushing', timeZone: 'America/New_York', slug: 'flushing' });
    expect(typeof me.csrfToken).toBe('string');
    const meAgain = await owner.get('/api/v1/me');
    expect(meAgain.statusCode).toBe(200);
    expect(meAgain.json().staff.id).toBe(me.staff.id);
    expect((await anon.get('/api/v1/setup/status')).json()).toEqual({ setUp: true });

    const again = await new Session(t.app).post('/api/v1/setup', SETUP_BODY);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('already_set_up');
  });

  it('sets an HttpOnly SameSite=Lax session cookie', async () => {
    const res = await new Session(t.app).login('owner@lotus.test', OWNER_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/orchid_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('answers wrong email and wrong password the same way', async () => {
    const a = await new Session(t.app).login('nobody@lotus.test', 'whatever-password');
    const b = await new Session(t.app).login('owner@lotus.test', 'wrong-password-1');
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json().code).toBe('invalid_credentials');
    expect({ ...a.json(), requestId: 0 }).toEqual({ ...b.json(), requestId: 0 });
  });

  it('refuses a cookie write without the CSRF token, accepts it with the token', async () => {
    const s = new Session(t.app);
    await s.login('owner@lotus.test', OWNER_PASSWORD);
    const token = s.csrfToken;
    s.csrfToken = null;
    const refused = await s.patch('/api/v1/me', { language: 'zh-CN' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('csrf_failed');
    s.csrfToken = 'not-the-token';
    expect((await s.patch('/api/v1/me', { language: 'zh-CN' })).json().code).toBe('csrf_failed');
    s.csrfToken = token;
    const ok = await s.patch('/api/v1/me', { language: 'zh-CN' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().staff.language).toBe('zh-CN');
    // remembered: a fresh sign-in gets the language back
    const again = await new Session(t.app).login('owner@lotus.test', OWNER_PASSWORD);
    expect(again.json().staff.language).toBe('zh-CN');
    await s.patch('/api/v1/me', { language: 'en' });
  });

  it('logs out: the session stops working', async () => {
    const s = new Session(t.app);
    await s.login('owner@lotus.test', OWNER_PASSWORD);
    const cookies = new Map(s.cookies);
    expect((await s.post('/api/v1/auth/logout')).statusCode).toBe(204);
    s.cookies = cookies; // replaying the old cookie after logout
    const res = await s.get('/api/v1/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('unauthenticated');
  });

  it('expires idle sessions', async () => {
    const s = new Session(t.app);
    await s.login('owner@lotus.test', OWNER_PASSWORD);
    t.clock.advance(61 * 60_000);
    expect((await s.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('rate-limits repeated failed logins for an account with 429 and Retry-After', async () => {
    let last: Awaited<ReturnType<Session['login']>> | undefined;
    for (let i = 0; i < 9; i++) last = await new Session(t.app).login('owner@lotus.test', `wrong-password-${i}`);
    expect(last!.statusCode).toBe(429);
    expect(last!.json().code).toBe('rate_limited');
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
    // even the right password is refused while limited
    expect((await new Session(t.app).login('owner@lotus.test', OWNER_PASSWORD)).statusCode).toBe(429);
    t.clock.advance(16 * 60_000);
    expect((await new Session(t.app).login('owner@lotus.test', OWNER_PASSWORD)).statusCode).toBe(200);
  });
});
