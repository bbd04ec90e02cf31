import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, errorCatalog } from '../src/server/platform/errors.js';
import {
  addStaff,
  addStore,
  createTestApp,
  expectProblem,
  OWNER_PASSWORD,
  SETUP_BODY,
  Session,
  setUpBusiness,
  type TestApp,
  tryJson,
} from './support/app.js';

// Every error class of the API answers with an RFC 9457 problem: stable code, localised title/detail,
// the request id in body and header. Nothing a client sends is a 500.
describe('problem+json for every error class', () => {
  let t: TestApp;
  let owner: Session;
  let storeId: string;

  beforeAll(async () => {
    t = await createTestApp({
      beforeReady: (app) => {
        // Test-only routes that provoke what no public route should: a raw constraint error and a crash.
        app.post('/api/v1/__test/fk-violation', { config: { access: { public: true } } }, async () => {
          await t.db.db.insertInto('staff_stores').values({ staff_id: 'no-such-staff', store_id: 'no-such-store' }).execute();
          return { ok: true };
        });
        app.post('/api/v1/__test/duplicate-store', { config: { access: { public: true } } }, async () => {
          const store = await t.db.db.selectFrom('stores').selectAll().executeTakeFirstOrThrow();
          await t.db.db
            .insertInto('stores')
            .values({ ...store, id: 'another-id' })
            .execute();
          return { ok: true };
        });
        app.get('/api/v1/__test/crash', { config: { access: { public: true } } }, async () => {
          throw new Error('secret internal detail');
        });
      },
    });
    ({ owner, storeId } = await setUpBusiness(t));
  });
  afterAll(() => t.close());

  const raw = (method: 'POST' | 'GET' | 'PUT' | 'DELETE' | 'PATCH', url: string, payload?: string, headers: Record<string, string> = {}) =>
    t.app.inject({
      method,
      url,
      headers: { 'content-type': 'application/json', ...headers },
      ...(payload !== undefined ? { payload } : {}),
    });

  it('malformed JSON is 400 invalid_json', async () => {
    expectProblem(await raw('POST', '/api/v1/auth/login', '{"email": "a@b.test", '), 400, 'invalid_json');
    expectProblem(await raw('POST', '/api/v1/auth/login', "{'email': 1}"), 400, 'invalid_json');
    expectProblem(await raw('POST', '/api/v1/auth/login', ''), 400, 'invalid_json');
  });

  it('a zod failure is 400 validation_failed with the path of every bad field', async () => {
    const res = await new Session(t.app).post('/api/v1/setup', {
      ...SETUP_BODY,
      store: { ...SETUP_BODY.store, timeZone: 'Mars/Olympus_Mons' },
      owner: { ...SETUP_BODY.owner, email: 'not-an-email' },
    });
    const body = expectProblem(res, 400, 'validation_failed');
    const paths = body.errors.map((e: { path: string }) => e.path);
    expect(paths).toContain('owner.email');
    expect(paths).toContain('store.timeZone');
    for (const e of body.errors) expect(typeof e.message).toBe('string');
    expect(body.detail).toContain('owner.email');
  });

  it('an unknown field in a strict body is 400 naming the field, at any depth', async () => {
    const top = expectProblem(
      await new Session(t.app).post('/api/v1/auth/login', { email: 'owner@lotus.test', password: 'x', isAdmin: true }),
      400,
      'validation_failed',
    );
    expect(top.errors).toEqual([expect.objectContaining({ path: 'isAdmin' })]);
    expect(top.detail).toContain('isAdmin');

    const nested = expectProblem(
      await new Session(t.app).post('/api/v1/setup', { ...SETUP_BODY, business: { ...SETUP_BODY.business, plan: 'gold', tier: 1 } }),
      400,
      'validation_failed',
    );
    expect(nested.errors.map((e: { path: string }) => e.path).sort()).toEqual(['business.plan', 'business.tier']);
  });

  it('bad path and query parameters are 400 with their names, never 500', async () => {
    const id = expectProblem(await owner.get('/api/v1/stores/not-a-uuid'), 400, 'validation_failed');
    expect(id.errors[0].path).toBe('id');
    const limit = expectProblem(await owner.get('/api/v1/audit-log?limit=0'), 400, 'validation_failed');
    expect(limit.errors[0].path).toBe('limit');
    // Shaped like an instant but no such day: a 400, not a crash in the date parser.
    const from = expectProblem(await owner.get('/api/v1/audit-log?from=2026-02-30T00:00:00Z'), 400, 'validation_failed');
    expect(from.errors[0].path).toBe('from');
    expectProblem(await owner.get('/api/v1/audit-log?from=2026-03-01T10:00:00'), 400, 'validation_failed');
  });

  it('an unknown route is 404 route_not_found, signed in or not', async () => {
    const body = expectProblem(await owner.get('/api/v1/no-such-thing?x=1'), 404, 'route_not_found');
    expect(body.detail).toBe('GET /api/v1/no-such-thing does not exist.');
    expectProblem(await raw('GET', '/api/v1/stores/x/y/z'), 404, 'route_not_found');
    expectProblem(await raw('POST', '/api/v2/setup', '{}'), 404, 'route_not_found');
  });

  it('a wrong method on an existing path is 405 with an Allow header', async () => {
    const del = await owner.delete(`/api/v1/stores/${storeId}`);
    expectProblem(del, 405, 'method_not_allowed');
    expect(String(del.headers.allow).split(', ').sort()).toEqual(['GET', 'PATCH']);
    const put = await raw('PUT', '/api/v1/setup', '{}');
    expect(expectProblem(put, 405, 'method_not_allowed').detail).toContain('POST');
    expect(put.headers.allow).toBe('POST');
    const get = await raw('GET', '/api/v1/auth/login');
    expectProblem(get, 405, 'method_not_allowed');
    expect(get.headers.allow).toBe('POST');
  });

  it('a body that is not JSON is 415 unsupported_media_type', async () => {
    expectProblem(
      await raw('POST', '/api/v1/auth/login', 'email=a&password=b', { 'content-type': 'text/plain' }),
      415,
      'unsupported_media_type',
    );
    expectProblem(
      await raw('POST', '/api/v1/auth/login', 'email=a&password=b', { 'content-type': 'application/x-www-form-urlencoded' }),
      415,
      'unsupported_media_type',
    );
    expectProblem(await raw('POST', '/api/v1/auth/login', '<a/>', { 'content-type': 'application/xml' }), 415, 'unsupported_media_type');
  });

  it('a body over 1 MiB is 413 payload_too_large', async () => {
    const payload = JSON.stringify({ email: 'a@b.test', password: 'x'.repeat(1024 * 1024) });
    expectProblem(await raw('POST', '/api/v1/auth/login', payload), 413, 'payload_too_large');
    // Just under the limit is parsed (and then refused by the schema, not by size).
    const under = JSON.stringify({ email: 'a@b.test', password: 'x'.repeat(1024 * 1024 - 100) });
    expectProblem(await raw('POST', '/api/v1/auth/login', under), 400, 'validation_failed');
  });

  it('an email already taken is 409 email_taken, whatever its case, and adds no row', async () => {
    const before = await countStaff(t);
    const res = await owner.post('/api/v1/staff', { name: 'Copy', email: 'OWNER@Lotus.test', role: 'technician', storeIds: [storeId] });
    expectProblem(res, 409, 'email_taken');
    expect(await countStaff(t)).toBe(before);
  });

  it('a raw unique violation reachable through the API is 409 conflict, and nothing is half-written', async () => {
    // The same store twice violates the staff_stores primary key after the staff row was inserted.
    const before = await countStaff(t);
    const res = await owner.post('/api/v1/staff', {
      name: 'Twice',
      email: 'twice@lotus.test',
      role: 'technician',
      storeIds: [storeId, storeId],
    });
    expectProblem(res, 409, 'conflict');
    expect(await countStaff(t)).toBe(before);
    expect(await t.db.db.selectFrom('staff').select('id').where('email', '=', 'twice@lotus.test').executeTakeFirst()).toBeUndefined();
  });

  it('raw unique and foreign-key violations from the driver map to 409 conflict on this engine', async () => {
    expectProblem(await raw('POST', '/api/v1/__test/duplicate-store', '{}'), 409, 'conflict');
    expectProblem(await raw('POST', '/api/v1/__test/fk-violation', '{}'), 409, 'conflict');
  });

  it('a stale version on PATCH /stores/:id is 409 stale_version and changes nothing', async () => {
    const store = (await owner.get(`/api/v1/stores/${storeId}`)).json();
    const ok = await owner.patch(`/api/v1/stores/${storeId}`, { version: store.version, phone: '+17185550111' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().version).toBe(store.version + 1);
    const stale = await owner.patch(`/api/v1/stores/${storeId}`, { version: store.version, phone: '+17185550999' });
    expectProblem(stale, 409, 'stale_version');
    expect((await owner.get(`/api/v1/stores/${storeId}`)).json().phone).toBe('+17185550111');
  });

  it('too many attempts is 429 rate_limited with Retry-After', async () => {
    let last = await new Session(t.app).login('ghost@lotus.test', 'wrong-password-0');
    for (let i = 1; i < 9; i++) last = await new Session(t.app).login('ghost@lotus.test', `wrong-password-${i}`);
    const body = expectProblem(last, 429, 'rate_limited');
    const seconds = Number(last.headers['retry-after']);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(15 * 60);
    expect(body.detail).toContain(String(seconds));
  });

  it('Accept-Language picks the language of title and detail', async () => {
    const cases: Array<[string, 'en' | 'zh-CN' | 'zh-TW']> = [
      ['zh-CN', 'zh-CN'],
      ['zh-TW', 'zh-TW'],
      ['zh-Hant-HK', 'zh-TW'],
      ['zh-HK', 'zh-TW'],
      ['zh', 'zh-CN'],
      ['en-US', 'en'],
      ['fr-FR, zh-TW;q=0.8, en;q=0.5', 'zh-TW'],
      ['en;q=0.3, zh-CN;q=0.9', 'zh-CN'],
      ['de', 'en'],
    ];
    const notFound = errorCatalog().get('route_not_found')!;
    const validation = errorCatalog().get('validation_failed')!;
    for (const [header, lang] of cases) {
      const res = await raw('GET', '/api/v1/nowhere', undefined, { 'accept-language': header });
      const body = expectProblem(res, 404, 'route_not_found');
      expect(body.title, header).toBe(notFound.title[lang]);
      expect(res.headers['content-language']).toBe(lang);

      const bad = await raw('POST', '/api/v1/auth/login', '{"email": 1}', { 'accept-language': header });
      const vb = expectProblem(bad, 400, 'validation_failed');
      expect(vb.title, header).toBe(validation.title[lang]);
      expect(vb.detail.startsWith(validation.detail![lang].split('{')[0]!), header).toBe(true);
    }
    // A business-rule error too, with its parameters filled in.
    const zh = await new Session(t.app).request('POST', '/api/v1/setup', SETUP_BODY, { 'accept-language': 'zh-Hant-HK' });
    const body = expectProblem(zh, 409, 'already_set_up');
    expect(body.title).toBe('Orchid 已完成初始設定');
  });

  it('without Accept-Language, a signed-in person gets their own language', async () => {
    const { session } = await addStaff(t, owner, { role: 'technician', storeIds: [storeId], email: 'zh-tech@lotus.test' });
    await session.patch('/api/v1/me', { language: 'zh-TW' });
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit-log',
      headers: { cookie: [...session.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(expectProblem(res, 403, 'forbidden').title).toBe(errorCatalog().get('forbidden')!.title['zh-TW']);
    // An explicit header still wins.
    expect(expectProblem(await session.get('/api/v1/audit-log', { 'accept-language': 'en' }), 403, 'forbidden').title).toBe(
      errorCatalog().get('forbidden')!.title.en,
    );
  });

  it('the request id is echoed when the client sends a sane one, replaced otherwise', async () => {
    const mine = await raw('GET', '/api/v1/nowhere', undefined, { 'x-request-id': 'client-req-12345' });
    expect(mine.headers['x-request-id']).toBe('client-req-12345');
    expect(mine.json().requestId).toBe('client-req-12345');
    const bad = await raw('GET', '/api/v1/nowhere', undefined, { 'x-request-id': '<script>' });
    expect(bad.headers['x-request-id']).not.toBe('<script>');
    expect(bad.json().requestId).toBe(bad.headers['x-request-id']);
    // Successful responses carry one too.
    expect((await owner.get('/api/v1/me')).headers['x-request-id']).toMatch(/.{8,}/);
  });

  it('an unexpected crash is a 500 problem that leaks nothing but the request id', async () => {
    const res = await raw('GET', '/api/v1/__test/crash');
    const body = expectProblem(res, 500, 'internal_error');
    expect(res.body).not.toContain('secret internal detail');
    expect(body.detail).toContain(body.requestId);
  });

  it('no JSON value sent to a route is ever a 500', async () => {
    const routes: Array<[Session | null, 'POST' | 'PATCH' | 'PUT', string]> = [
      [null, 'POST', '/api/v1/auth/login'],
      [null, 'POST', '/api/v1/setup'],
      [owner, 'POST', '/api/v1/stores'],
      [owner, 'PATCH', `/api/v1/stores/${storeId}`],
      [owner, 'POST', '/api/v1/staff'],
      [owner, 'POST', '/api/v1/api-tokens'],
      [owner, 'POST', '/api/v1/terminals'],
      [owner, 'PATCH', '/api/v1/me'],
    ];
    for (const [session, method, url] of routes) {
      await fc.assert(
        fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), async (value) => {
          const payload = JSON.stringify(value);
          const headers: Record<string, string> = session
            ? { cookie: [...session.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'x-csrf-token': session.csrfToken ?? '' }
            : {};
          const res = await raw(method, url, payload, headers);
          expect(res.statusCode, `${method} ${url} ${payload} → ${res.body}`).toBeLessThan(500);
          if (res.statusCode >= 400) expect(tryJson(res)?.code, res.body).toBeTruthy();
        }),
        { numRuns: 25 },
      );
    }
    // Prototype-pollution shapes are refused like any other bad body.
    const proto = await raw('POST', '/api/v1/auth/login', '{"__proto__": {"admin": true}, "email": "a@b.test", "password": "x"}');
    expect(proto.statusCode).toBe(400);
    expect(proto.headers['content-type']).toMatch(/problem\+json/);
  });

  it('AppError carries its code and status', () => {
    const e = new AppError('conflict', 409);
    expect(e).toBeInstanceOf(Error);
    expect([e.code, e.status]).toEqual(['conflict', 409]);
  });

  it('staff of one store get the same problem shape for permission errors', async () => {
    const other = await addStore(owner, { name: 'Midtown' });
    const { session } = await addStaff(t, owner, { role: 'technician', storeIds: [storeId], email: 'tech-errors@lotus.test' });
    expectProblem(await session.get(`/api/v1/stores/${other.id}`), 403, 'store_forbidden');
    const forbidden = expectProblem(
      await session.post('/api/v1/staff', { name: 'X', email: 'x@lotus.test', role: 'technician' }),
      403,
      'forbidden',
    );
    expect(forbidden.detail).toContain('staff.write');
    expectProblem(await new Session(t.app).get('/api/v1/me'), 401, 'unauthenticated');
  });
});

async function countStaff(t: TestApp): Promise<number> {
  const row = await t.db.db
    .selectFrom('staff')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('with the web app served at /', () => {
  let t: TestApp;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orchid-web-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Orchid</title>');
    t = await createTestApp({ webDir: dir });
  });
  afterAll(() => t.close());

  it('unknown API addresses are still 404 problems, not the web app or a 405', async () => {
    for (const method of ['GET', 'POST', 'DELETE', 'PATCH'] as const) {
      const res = await t.app.inject({
        method,
        url: '/api/v1/no-such-thing',
        headers: { 'content-type': 'application/json' },
        payload: method === 'GET' ? undefined : '{}',
      });
      expectProblem(res, 404, 'route_not_found');
    }
    const put = await t.app.inject({ method: 'PUT', url: '/api/v1/setup', headers: { 'content-type': 'application/json' }, payload: '{}' });
    expectProblem(put, 405, 'method_not_allowed');
    expect(put.headers.allow).toBe('POST');
  });

  it('client-side routes load the single-page app', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/staff/123' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
  });
});

describe('login rate limit per address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await setUpBusiness(t);
  });
  afterAll(() => t.close());

  const login = (email: string, password: string, remoteAddress: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress });

  it('many failed sign-ins from one address, each for a different account, are limited too', async () => {
    for (let i = 0; i < 30; i++) expect((await login(`guess${i}@lotus.test`, 'wrong-password', '203.0.113.7')).statusCode).toBe(401);
    const limited = await login('owner@lotus.test', OWNER_PASSWORD, '203.0.113.7');
    expectProblem(limited, 429, 'rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is not affected, and the account itself was never the target.
    expect((await login('owner@lotus.test', OWNER_PASSWORD, '198.51.100.20')).statusCode).toBe(200);
    t.clock.advance(15 * 60_000);
    expect((await login('owner@lotus.test', OWNER_PASSWORD, '203.0.113.7')).statusCode).toBe(200);
  });
});

describe('field error messages follow the caller language', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('translates zod messages for each field', async () => {
    const body = {
      business: { name: 'Lotus', currency: 'USD', language: 'en' },
      store: { name: 'Flushing', timeZone: 'America/New_York' },
      owner: { name: 'Mei', email: 'not-an-email', password: 'correct-horse-battery' },
      extra: 1,
    };
    const messages = async (lang: string) => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/setup', headers: { 'accept-language': lang }, payload: body });
      expect(res.statusCode).toBe(400);
      return Object.fromEntries((res.json().errors as Array<{ path: string; message: string }>).map((e) => [e.path, e.message]));
    };
    const en = await messages('en');
    const cn = await messages('zh-CN');
    const tw = await messages('zh-TW');
    expect(en['owner.email']).toMatch(/email/i);
    expect(cn['owner.email']).toMatch(/电子邮件/);
    expect(tw['owner.email']).toMatch(/郵件/);
    expect(cn.extra).toMatch(/未知/);
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'accept-language': 'zh-TW' },
      payload: { email: 'a@b.co' },
    });
    expect(missing.json().errors).toEqual([{ path: 'password', message: '必填' }]);
  });
});
