import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectProblem, SETUP_BODY, Session, type TestApp, tryJson } from './support/app.js';

// First-run setup happens once, however many browsers race for it, and a refused setup writes nothing.
describe('first-run setup', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const count = async (table: 'business' | 'stores' | 'staff' | 'sessions' | 'audit_log') =>
    Number(
      (
        await t.db.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('a refused setup leaves the database empty', async () => {
    const weak = await new Session(t.app).post('/api/v1/setup', { ...SETUP_BODY, owner: { ...SETUP_BODY.owner, password: 'password123' } });
    expectProblem(weak, 422, 'weak_password');
    const invalid = await new Session(t.app).post('/api/v1/setup', {
      ...SETUP_BODY,
      business: { ...SETUP_BODY.business, currency: 'EUR' },
    });
    expect(expectProblem(invalid, 400, 'validation_failed').errors[0].path).toBe('business.currency');
    for (const table of ['business', 'stores', 'staff', 'sessions', 'audit_log'] as const) expect(await count(table), table).toBe(0);
    expect((await new Session(t.app).get('/api/v1/setup/status')).json()).toEqual({ setUp: false });
  });

  it('five concurrent setups: exactly one wins, the others are 409 already_set_up', async () => {
    const browsers = Array.from({ length: 5 }, () => new Session(t.app));
    const results = await Promise.all(
      browsers.map((b, i) =>
        b.post('/api/v1/setup', {
          ...SETUP_BODY,
          business: { ...SETUP_BODY.business, name: `Business ${i}` },
          owner: { ...SETUP_BODY.owner, email: `owner${i}@lotus.test` },
        }),
      ),
    );
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    for (const r of results.filter((x) => x.statusCode !== 201)) expectProblem(r, 409, 'already_set_up');

    expect(await count('business')).toBe(1);
    expect(await count('stores')).toBe(1);
    expect(await count('staff')).toBe(1);
    expect(await count('sessions')).toBe(1);

    const winner = statuses.indexOf(201);
    const business = await t.db.db.selectFrom('business').selectAll().executeTakeFirstOrThrow();
    expect(business.name).toBe(`Business ${winner}`);
    const me = await browsers[winner]!.get('/api/v1/me');
    expect(me.json().staff.email).toBe(`owner${winner}@lotus.test`);
    // The losers did not get a session.
    for (const [i, b] of browsers.entries()) if (i !== winner) expect(b.cookies.has('orchid_session')).toBe(false);
    expect((await new Session(t.app).get('/api/v1/setup/status')).json()).toEqual({ setUp: true });
  });

  it('repeated setup attempts from one address are rate limited with Retry-After', async () => {
    let last = await new Session(t.app).post('/api/v1/setup', SETUP_BODY);
    for (let i = 0; i < 25 && last.statusCode !== 429; i++) last = await new Session(t.app).post('/api/v1/setup', SETUP_BODY);
    const body = expectProblem(last, 429, 'rate_limited');
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
    expect(body.detail).toMatch(/\d+ seconds/);
    expect(tryJson(last).errors).toBeUndefined();
    expect(await count('business')).toBe(1);
  });
});
