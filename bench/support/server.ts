import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../../src/server/app.js';
import { type Database, openPostgres, openSqlite } from '../../src/server/db/database.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import { withTransaction } from '../../src/server/db/tx.js';
import type { Deps } from '../../src/server/deps.js';
import { createSession, hashSecret } from '../../src/server/modules/auth/index.js';
import { insertStaff } from '../../src/server/modules/staff/index.js';
import { systemClock } from '../../src/server/platform/clock.js';
import { newId } from '../../src/server/platform/ids.js';
import { loadOrCreateSecrets } from '../../src/server/platform/secrets.js';

export type BenchEngine = 'sqlite' | 'postgres';

export type BenchServer = {
  engine: BenchEngine;
  /** For the report: "SQLite", or "PostgreSQL" and how it is reached (its Unix socket or TCP). */
  engineName: string;
  baseUrl: string;
  /** `orchid_session=…` for the owner, ready for a Cookie header. */
  cookie: string;
  /** The raw session token inside that cookie (for in-process comparisons). */
  sessionToken: string;
  app: FastifyInstance;
  deps: Deps;
  close(): Promise<void>;
};

export const OWNER = { email: 'owner@bench.example', password: 'bench-password-2026' };
// PostgreSQL on the same machine is reached through its Unix socket, as a one-host deployment should be
// (README, "Running on PostgreSQL"): back to back, loopback TCP gave 3–18 % fewer bookings per second (the
// most when the machine was slow). BENCH_PG_URL picks another server, or TCP.
const LOCAL_SOCKET_DIR = '/var/run/postgresql';
const ADMIN_URL =
  process.env.BENCH_PG_URL ??
  (existsSync(`${LOCAL_SOCKET_DIR}/.s.PGSQL.5432`)
    ? `postgres://postgres@localhost/postgres?host=${LOCAL_SOCKET_DIR}`
    : 'postgres://postgres@127.0.0.1:5432/postgres');

function postgresName(url: string): string {
  const socket = new URL(url).searchParams.get('host');
  return socket?.startsWith('/') ? `PostgreSQL (Unix socket ${socket})` : `PostgreSQL (TCP ${new URL(url).host})`;
}

export const benchEngine = (): BenchEngine => (process.env.BENCH_DB === 'postgres' ? 'postgres' : 'sqlite');

/**
 * The real server (buildApp + listen on 127.0.0.1, random port) on a fresh database — a temp SQLite file,
 * or with BENCH_DB=postgres a new PostgreSQL database dropped on close — set up through the API like a
 * first visit, with a salon's worth of staff and session history. Logging is off: it is not what we measure.
 */
export async function startBenchServer(opts: { engine?: BenchEngine; staff?: number; pastSessions?: number } = {}): Promise<BenchServer> {
  const engine = opts.engine ?? benchEngine();
  const dataDir = mkdtempSync(join(tmpdir(), 'orchid-bench-'));
  const cleanups: Array<() => Promise<void> | void> = [() => rmSync(dataDir, { recursive: true, force: true })];
  try {
    let database: Database;
    if (engine === 'sqlite') {
      database = openSqlite(join(dataDir, 'orchid.sqlite'));
    } else {
      const name = `orchid_bench_${newId().replaceAll('-', '').slice(-16)}`;
      await admin(`create database ${name}`);
      cleanups.unshift(() => admin(`drop database if exists ${name} with (force)`));
      const url = new URL(ADMIN_URL);
      url.pathname = `/${name}`;
      database = openPostgres(url.toString(), { max: 10 });
    }
    cleanups.unshift(() => database.close());
    await migrateToLatest(database.db);

    const deps: Deps = {
      database,
      clock: systemClock,
      secrets: loadOrCreateSecrets(dataDir),
      notifier: { name: 'bench', send: async () => {} },
      settings: { sessionIdleMinutes: 720, trustProxy: false, version: 'bench', logLevel: 'silent' },
    };
    const app = await buildApp(deps);
    cleanups.unshift(() => app.close());
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('server has no TCP address');
    const baseUrl = `http://127.0.0.1:${address.port}`;

    const res = await fetch(`${baseUrl}/api/v1/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        business: { name: 'Bench Beauty', currency: 'USD', language: 'en' },
        store: { name: 'Bench Main St', timeZone: 'America/New_York' },
        owner: { name: 'Bench Owner', ...OWNER },
      }),
    });
    if (res.status !== 201) throw new Error(`setup failed: ${res.status} ${await res.text()}`);
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0]!)
      .find((c) => c.startsWith('orchid_session='));
    if (!cookie) throw new Error('setup set no session cookie');
    const unsigned = app.unsignCookie(decodeURIComponent(cookie.slice('orchid_session='.length)));
    if (!unsigned.valid || !unsigned.value) throw new Error('cannot read the session cookie');

    await seed(deps, opts.staff ?? 20, opts.pastSessions ?? 5_000);
    return {
      engine,
      engineName: engine === 'sqlite' ? 'SQLite' : postgresName(ADMIN_URL),
      baseUrl,
      cookie,
      sessionToken: unsigned.value,
      app,
      deps,
      close: async () => {
        for (const c of cleanups) await c();
      },
    };
  } catch (err) {
    for (const c of cleanups) await Promise.resolve(c()).catch(() => {});
    throw err;
  }
}

/** Realistic table sizes for a sign-in lookup: a salon's staff and a year or so of past sessions. */
async function seed(deps: Deps, staff: number, pastSessions: number) {
  const db = deps.database.db;
  const store = await db.selectFrom('stores').select('id').executeTakeFirstOrThrow();
  const passwordHash = await hashSecret('staff-password-2026');
  const ctx = { actorId: null, ip: null, requestId: null, now: Date.now() };
  const ids = await withTransaction(db, async ({ tx }) => {
    const out: string[] = [];
    for (let i = 1; i < staff; i++) {
      const role = i % 7 === 0 ? 'front_desk' : i % 11 === 0 ? 'manager' : 'technician';
      const s = await insertStaff(
        tx,
        { name: `Staff ${i}`, email: `staff${i}@bench.example`, role, storeIds: [store.id], language: 'en', passwordHash, pinHash: null },
        ctx,
      );
      out.push(s.id);
    }
    return out;
  });
  const yearAgo = Date.now() - 365 * 86_400_000;
  for (let start = 0; start < pastSessions; start += 500) {
    await withTransaction(db, async ({ tx }) => {
      for (let i = start; i < Math.min(pastSessions, start + 500); i++) {
        const at = yearAgo + Math.floor((i / pastSessions) * 364 * 86_400_000);
        const s = await createSession(tx, ids[i % ids.length]!, { now: at, ip: '10.0.0.7', userAgent: 'bench', terminalId: null });
        await tx
          .updateTable('sessions')
          .set({ revoked_at: at + 8 * 3_600_000 })
          .where('id', '=', s.sessionId)
          .execute();
      }
    });
  }
}

async function admin(text: string) {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
