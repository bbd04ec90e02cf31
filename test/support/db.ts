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
    const database = openSqlite(join(dir, 'test.sqlite'));
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
  const name = `orchid_test_${newId().replaceAll('-', '').slice(-16)}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const database = openPostgres(url.toString(), { max: 10 });
  await migrateToLatest(database.db);
  return {
    ...database,
    name,
    destroy: async () => {
      await database.close();
      await adminQuery(`drop database if exists ${name} with (force)`);
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
