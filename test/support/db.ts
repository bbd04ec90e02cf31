import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Database, openPostgres, openSqlite } from '../../src/server/db/database.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import { newId } from '../../src/server/platform/ids.js';

export const ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export type TestDatabase = Database & { destroy(): Promise<void>; name: string };

/** Which engine this run tests: the vitest project sets DB=sqlite or DB=postgres. */
export const engine = (): 'sqlite' | 'postgres' => (process.env.DB === 'postgres' ? 'postgres' : 'sqlite');

/** A fresh, migrated database for one test file: a temp SQLite file or a new PostgreSQL database. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (engine() === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'orchid-test-'));
    const database = openSqlite(join(dir, 'test.sqlite'), { durability: 'normal' });
    await migrateToLatest(database.db);
    return {
      ...database,
      name: dir,
      destroy: async () => {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const { name, url, drop } = await createEmptyPostgresDatabase();
  const database = openPostgres(url, { max: 10 });
  await migrateToLatest(database.db);
  return {
    ...database,
    name,
    destroy: async () => {
      await database.close();
      await drop();
    },
  };
}

/** A new, empty PostgreSQL database on the test server: its name, its URL and a way to drop it. */
export async function createEmptyPostgresDatabase(prefix = 'orchid_test'): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${newId().replaceAll('-', '').slice(-16)}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: () => adminQuery(`drop database if exists ${name} with (force)`) };
}

export type TestTarget = {
  /** A fresh temp directory to use as DATA_DIR (secrets, backups, the SQLite file). */
  dataDir: string;
  /** What `Config.database` should say: the SQLite file in dataDir, or a new PostgreSQL database. */
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  /** Environment for a child process or `loadConfig`: DATA_DIR, and DATABASE_URL on PostgreSQL. */
  env: Record<string, string>;
  destroy(): Promise<void>;
};

/**
 * For CLI tests (demo, backup, restore): a fresh DATA_DIR and an empty database of this run's engine,
 * neither opened nor migrated — the command under test does that, as `npm run …` would.
 */
export async function createTestTarget(): Promise<TestTarget> {
  const dataDir = mkdtempSync(join(tmpdir(), 'orchid-cli-'));
  const removeDir = () => rmSync(dataDir, { recursive: true, force: true });
  if (engine() === 'sqlite') {
    return {
      dataDir,
      database: { kind: 'sqlite', file: join(dataDir, 'orchid.sqlite') },
      env: { DATA_DIR: dataDir },
      destroy: async () => removeDir(),
    };
  }
  const pgDb = await createEmptyPostgresDatabase();
  return {
    dataDir,
    database: { kind: 'postgres', url: pgDb.url },
    env: { DATA_DIR: dataDir, DATABASE_URL: pgDb.url },
    destroy: async () => {
      await pgDb.drop();
      removeDir();
    },
  };
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
