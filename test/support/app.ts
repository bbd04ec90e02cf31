import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import type { Deps } from '../../src/server/deps.js';
import { type FixedClock, fixedClock } from '../../src/server/platform/clock.js';
import type { Notifier, OutgoingMessage } from '../../src/server/platform/notifications/notifier.js';
import { ephemeralSecrets } from '../../src/server/platform/secrets.js';
import { createTestDatabase, type TestDatabase } from './db.js';

export const OWNER_PASSWORD = 'correct-horse-battery';

/** A notifier that keeps what it was asked to send, for assertions. */
export class MemoryNotifier implements Notifier {
  readonly name = 'memory';
  readonly sent: OutgoingMessage[] = [];
  async send(message: OutgoingMessage): Promise<void> {
    this.sent.push(message);
  }
}

export type TestApp = {
  app: FastifyInstance;
  db: TestDatabase;
  clock: FixedClock;
  notifier: MemoryNotifier;
  deps: Deps;
  close(): Promise<void>;
};

/** A real app on a fresh database with a fixed clock (2026-11-27 15:00 UTC unless told otherwise). */
export async function createTestApp(
  opts: { now?: number; webDir?: string; beforeReady?: (app: FastifyInstance) => void | Promise<void> } = {},
): Promise<TestApp> {
  const db = await createTestDatabase();
  const clock = fixedClock(opts.now ?? Date.UTC(2026, 10, 27, 15, 0, 0));
  const notifier = new MemoryNotifier();
  const deps: Deps = {
    database: db,
    clock,
    secrets: ephemeralSecrets(),
    notifier,
    settings: { sessionIdleMinutes: 60, trustProxy: false, version: 'test', ...(opts.webDir ? { webDir: opts.webDir } : {}) },
  };
  const app = await buildApp(deps);
  // Lets a test add a route of its own (e.g. one that provokes a raw database error) before the app is sealed.
  await opts.beforeReady?.(app);
  await app.ready();
  return {
    app,
    db,
    clock,
    notifier,
    deps,
    close: async () => {
      await app.close();
      await db.destroy();
    },
  };
}

type Body = Record<string, unknown> | unknown[] | undefined;

/** A signed-in browser: keeps its cookies and sends the CSRF token like the web app does. */
export class Session {
  cookies = new Map<string, string>();
  csrfToken: string | null = null;
  language = 'en';
  constructor(readonly app: FastifyInstance) {}

  async request(method: string, url: string, body?: Body, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({
      method: method as 'GET',
      url,
      headers: {
        'accept-language': this.language,
        ...(this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
        ...(this.csrfToken && method !== 'GET' ? { 'x-csrf-token': this.csrfToken } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: body as object } : {}),
    });
    for (const c of res.cookies as Array<{ name: string; value: string; maxAge?: number; expires?: Date }>) {
      const expired = c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now()) || c.value === '';
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const json = tryJson(res);
    if (json && typeof json === 'object' && 'csrfToken' in json && typeof json.csrfToken === 'string') this.csrfToken = json.csrfToken;
    return res;
  }

  get = (url: string, headers?: Record<string, string>) => this.request('GET', url, undefined, headers);
  post = (url: string, body?: Body, headers?: Record<string, string>) => this.request('POST', url, body ?? {}, headers);
  patch = (url: string, body?: Body, headers?: Record<string, string>) => this.request('PATCH', url, body ?? {}, headers);
  put = (url: string, body?: Body, headers?: Record<string, string>) => this.request('PUT', url, body ?? {}, headers);
  delete = (url: string, headers?: Record<string, string>) => this.request('DELETE', url, undefined, headers);

  async login(email: string, password: string): Promise<LightMyRequestResponse> {
    return this.post('/api/v1/auth/login', { email, password });
  }
}

export function tryJson(res: LightMyRequestResponse): any {
  try {
    return res.json();
  } catch {
    return undefined;
  }
}

export const SETUP_BODY = {
  business: { name: 'Lotus Nail & Spa', currency: 'USD', language: 'en' },
  store: { name: 'Flushing', timeZone: 'America/New_York', address: '136-20 Roosevelt Ave, Flushing, NY', phone: '+17185550100' },
  owner: { name: 'Mei Lin', email: 'owner@lotus.test', password: OWNER_PASSWORD },
};

/** Runs first-run setup and returns the owner's signed-in session and the first store's id. */
export async function setUpBusiness(t: TestApp) {
  const owner = new Session(t.app);
  const res = await owner.post('/api/v1/setup', SETUP_BODY);
  if (res.statusCode !== 201) throw new Error(`setup failed: ${res.statusCode} ${res.body}`);
  const me = res.json();
  return { owner, me, storeId: me.stores[0].id as string };
}

/** Adds a staff member through the API as the owner, then signs them in. */
export async function addStaff(
  t: TestApp,
  owner: Session,
  input: { role: string; storeIds: string[]; email: string; name?: string; pin?: string },
) {
  const password = 'staff-password-1234';
  const res = await owner.post('/api/v1/staff', { name: input.name ?? input.email.split('@')[0], language: 'en', password, ...input });
  if (res.statusCode !== 201) throw new Error(`add staff failed: ${res.statusCode} ${res.body}`);
  const session = new Session(t.app);
  const login = await session.login(input.email, password);
  if (login.statusCode !== 200) throw new Error(`staff login failed: ${login.statusCode} ${login.body}`);
  return { staff: res.json(), session };
}

/** Opens another store as the owner and returns it. */
export async function addStore(owner: Session, input: { name: string; timeZone?: string } & Record<string, unknown>) {
  const res = await owner.post('/api/v1/stores', { timeZone: 'America/New_York', ...input });
  if (res.statusCode !== 201) throw new Error(`add store failed: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; slug: string; version: number } & Record<string, unknown>;
}

/**
 * Asserts an RFC 9457 problem: status, stable code, problem+json content type, every required field,
 * and the request id both in the body and in the x-request-id header. Returns the parsed body.
 */
export function expectProblem(res: LightMyRequestResponse, status: number, code: string): any {
  const body = tryJson(res);
  expect({ status: res.statusCode, code: body?.code }, res.body).toEqual({ status, code });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(body).toMatchObject({ type: expect.stringContaining(code), status, code });
  expect(typeof body.title).toBe('string');
  expect(body.title.length).toBeGreaterThan(0);
  expect(typeof body.detail).toBe('string');
  expect(body.detail.length).toBeGreaterThan(0);
  expect(typeof body.requestId).toBe('string');
  expect(res.headers['x-request-id']).toBe(body.requestId);
  return body;
}
