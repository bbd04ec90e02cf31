import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../src/server/platform/crypto.js';
import { addStaff, addStore, createTestApp, expectProblem, Session, setUpBusiness, type TestApp } from './support/app.js';

// Personal API tokens: created by an owner, shown once, stored hashed, used as `Authorization: Bearer`.
describe('API tokens', () => {
  let t: TestApp;
  let owner: Session;
  let ownerId: string;
  let storeId: string;

  beforeAll(async () => {
    t = await createTestApp();
    ({ owner, storeId } = await setUpBusiness(t));
    ownerId = (await owner.get('/api/v1/me')).json().staff.id;
  });
  afterAll(() => t.close());

  const bearer = (
    token: string,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
  ): Promise<LightMyRequestResponse> =>
    t.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });

  const create = async (body: Record<string, unknown>) => {
    const res = await owner.post('/api/v1/api-tokens', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; name: string; token: string };
  };

  it('creates a token shown once, stored only as a hash', async () => {
    const created = await create({ name: 'Accounting export' });
    expect(created).toMatchObject({ id: expect.any(String), name: 'Accounting export' });
    expect(created.token).toMatch(/^orc_[A-Za-z0-9_-]{30,}$/);
    const row = await t.db.db.selectFrom('api_tokens').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(sha256Hex(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);

    const list = await owner.get('/api/v1/api-tokens');
    expect(list.statusCode).toBe(200);
    const listed = list.json().data.find((x: { id: string }) => x.id === created.id);
    expect(listed).toEqual({
      id: created.id,
      name: 'Accounting export',
      createdAt: expect.stringMatching(/^2026-11-27T/),
      expiresAt: null,
      lastUsedAt: null,
    });
    expect(list.body).not.toContain(created.token);
    expect(list.body).not.toContain(row.token_hash);
  });

  it('works as Bearer without CSRF and with the owner’s permissions', async () => {
    const { token } = await create({ name: 'Script' });
    const me = await bearer(token, 'GET', '/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().staff).toMatchObject({ id: ownerId, role: 'owner' });
    expect(me.json().csrfToken).toBeNull();
    // Writes need no X-CSRF-Token.
    const store = await bearer(token, 'POST', '/api/v1/stores', { name: 'Token Store', timeZone: 'America/Chicago' });
    expect(store.statusCode, store.body).toBe(201);
    const version = store.json().version;
    const patched = await bearer(token, 'PATCH', `/api/v1/stores/${store.json().id}`, { version, phone: '+13125550100' });
    expect(patched.statusCode).toBe(200);
    // Owner-only routes work too; the audit trail names the owner.
    expect((await bearer(token, 'GET', '/api/v1/audit-log?entityType=store')).json().data[0].actor.id).toBe(ownerId);
    // last used is recorded.
    const listed = (await owner.get('/api/v1/api-tokens')).json().data;
    expect(listed.some((x: { lastUsedAt: string | null }) => x.lastUsedAt !== null)).toBe(true);
  });

  it('refuses unknown, malformed and empty bearer tokens with 401', async () => {
    expectProblem(await bearer('orc_not-a-real-token', 'GET', '/api/v1/me'), 401, 'unauthenticated');
    expectProblem(await bearer('', 'GET', '/api/v1/me'), 401, 'unauthenticated');
    const basic = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: 'Basic b3duZXI6cHc=' } });
    expectProblem(basic, 401, 'unauthenticated');
  });

  it('a revoked token is 401 at once', async () => {
    const { id, token } = await create({ name: 'Short-lived' });
    expect((await bearer(token, 'GET', '/api/v1/me')).statusCode).toBe(200);
    expect((await owner.delete(`/api/v1/api-tokens/${id}`)).statusCode).toBe(204);
    expectProblem(await bearer(token, 'GET', '/api/v1/me'), 401, 'unauthenticated');
    expect((await owner.get('/api/v1/api-tokens')).json().data.map((x: { id: string }) => x.id)).not.toContain(id);
    // Revoking twice, or a token that never existed, is 404.
    expectProblem(await owner.delete(`/api/v1/api-tokens/${id}`), 404, 'not_found');
    expectProblem(await owner.delete('/api/v1/api-tokens/01900000-0000-7000-8000-000000000000'), 404, 'not_found');
  });

  it('an expired token is 401', async () => {
    const expiresAt = new Date(t.clock.now() + 60 * 60_000).toISOString();
    const { token, id } = await create({ name: 'One hour', expiresAt });
    expect((await bearer(token, 'GET', '/api/v1/me')).statusCode).toBe(200);
    const listed = (await owner.get('/api/v1/api-tokens')).json().data.find((x: { id: string }) => x.id === id);
    expect(Date.parse(listed.expiresAt)).toBe(Date.parse(expiresAt));
    t.clock.advance(60 * 60_000);
    expectProblem(await bearer(token, 'GET', '/api/v1/me'), 401, 'unauthenticated');
  });

  it('an expiry in the past or not an instant is refused', async () => {
    expectProblem(await owner.post('/api/v1/api-tokens', { name: 'x', expiresAt: 'tomorrow' }), 400, 'validation_failed');
    expectProblem(await owner.post('/api/v1/api-tokens', { name: 'x', expiresAt: '2026-12-01T10:00:00' }), 400, 'validation_failed');
    const past = new Date(t.clock.now() - 60_000).toISOString();
    const body = expectProblem(await owner.post('/api/v1/api-tokens', { name: 'x', expiresAt: past }), 400, 'validation_failed');
    expect(body.errors[0].path).toBe('expiresAt');
    expectProblem(await owner.post('/api/v1/api-tokens', { name: '' }), 400, 'validation_failed');
  });

  it('a token stops working when its owner is archived, and follows a change of role', async () => {
    const second = await owner.post('/api/v1/staff', {
      name: 'Second Owner',
      email: 'owner2@lotus.test',
      role: 'owner',
      password: 'second-owner-pass',
    });
    expect(second.statusCode).toBe(201);
    const s2 = new Session(t.app);
    await s2.login('owner2@lotus.test', 'second-owner-pass');
    const res = await s2.post('/api/v1/api-tokens', { name: 'Second' });
    const { token } = res.json();
    expect((await bearer(token, 'GET', '/api/v1/api-tokens')).statusCode).toBe(200);
    // Tokens are personal: the first owner's list does not show the second owner's token and cannot revoke it.
    expect((await owner.get('/api/v1/api-tokens')).json().data.map((x: { id: string }) => x.id)).not.toContain(res.json().id);
    expectProblem(await owner.delete(`/api/v1/api-tokens/${res.json().id}`), 404, 'not_found');

    // Demoted to manager (of store A): the token now has a manager's permissions.
    const v = second.json().version;
    const demoted = await owner.patch(`/api/v1/staff/${second.json().id}`, { version: v, role: 'manager', storeIds: [storeId] });
    expect(demoted.statusCode, demoted.body).toBe(200);
    expectProblem(await bearer(token, 'GET', '/api/v1/api-tokens'), 403, 'forbidden');
    expect((await bearer(token, 'GET', '/api/v1/staff')).statusCode).toBe(200);

    expect((await owner.post(`/api/v1/staff/${second.json().id}/archive`)).statusCode).toBe(200);
    expectProblem(await bearer(token, 'GET', '/api/v1/me'), 401, 'unauthenticated');
  });

  it('non-owners cannot create, list or revoke tokens', async () => {
    const storeB = await addStore(owner, { name: 'Brooklyn' });
    const { token, id } = await create({ name: 'Owner token' });
    for (const role of ['manager', 'front_desk', 'technician', 'accountant']) {
      const { session } = await addStaff(t, owner, { role, storeIds: [storeId, storeB.id], email: `${role}-tok@lotus.test` });
      expectProblem(await session.post('/api/v1/api-tokens', { name: 'mine' }), 403, 'forbidden');
      expectProblem(await session.get('/api/v1/api-tokens'), 403, 'forbidden');
      expectProblem(await session.delete(`/api/v1/api-tokens/${id}`), 403, 'forbidden');
    }
    expect((await bearer(token, 'GET', '/api/v1/me')).statusCode).toBe(200);
  });
});
