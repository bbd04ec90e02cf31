import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openPostgres } from '../src/server/db/database.js';
import { createEmptyPostgresDatabase } from './support/db.js';

// On PostgreSQL, `reads` (client search) is a pool of its own: a few connections, read-only, generic plans.
describe('PostgreSQL reads pool', () => {
  let target: Awaited<ReturnType<typeof createEmptyPostgresDatabase>>;
  let database: Database;
  beforeAll(async () => {
    target = await createEmptyPostgresDatabase('orchid_reads');
    database = openPostgres(target.url, { max: 2, readers: 2 });
    await sql`create table t (id integer primary key, v text not null)`.execute(database.db);
  });
  afterAll(async () => {
    await database.close();
    await target.drop();
  });

  it('sees every write committed before the read', async () => {
    const reads = database.reads!;
    for (let i = 1; i <= 20; i++) {
      await sql`insert into t (id, v) values (${i}, ${`v${i}`})`.execute(database.db);
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from t where id <= ${i}`.execute(reads);
      expect(rows[0]!.n).toBe(i);
    }
  });

  it('refuses writes and plans generically', async () => {
    const reads = database.reads!;
    await expect(sql`insert into t (id, v) values (${100}, ${'x'})`.execute(reads)).rejects.toMatchObject({ code: '25006' });
    expect((await sql<{ n: number }>`select count(*)::int as n from t where id = ${100}`.execute(database.db)).rows[0]!.n).toBe(0);
    const { rows } = await sql<{ plan_cache_mode: string }>`show plan_cache_mode`.execute(reads);
    expect(rows[0]!.plan_cache_mode).toBe('force_generic_plan');
    const main = await sql<{ plan_cache_mode: string }>`show plan_cache_mode`.execute(database.db);
    expect(main.rows[0]!.plan_cache_mode).toBe('auto');
  });

  it('is absent with readers: 0, and closes with the database', async () => {
    const none = openPostgres(target.url, { max: 1, readers: 0 });
    expect(none.reads).toBeUndefined();
    await none.close();
    const other = openPostgres(target.url, { max: 1, readers: 1 });
    expect((await sql<{ one: number }>`select 1 as one`.execute(other.reads!)).rows).toEqual([{ one: 1 }]);
    await other.close();
    await expect(sql`select 1`.execute(other.reads!)).rejects.toThrow();
  });
});

describe('PostgreSQL settings in the URL', () => {
  it('are kept beside the reads pool’s own', async () => {
    const target = await createEmptyPostgresDatabase('orchid_reads_url');
    const url = new URL(target.url);
    url.searchParams.set('options', '-c statement_timeout=4321');
    const database = openPostgres(url.toString(), { max: 1, readers: 1 });
    try {
      const show = async (db: Database['db'], name: string) =>
        (await sql.raw<Record<string, string>>(`show ${name}`).execute(db)).rows[0]![name];
      expect(await show(database.db, 'statement_timeout')).toBe('4321ms');
      expect(await show(database.reads!, 'statement_timeout')).toBe('4321ms');
      expect(await show(database.reads!, 'plan_cache_mode')).toBe('force_generic_plan');
      expect(await show(database.reads!, 'default_transaction_read_only')).toBe('on');
    } finally {
      await database.close();
      await target.drop();
    }
  });
});
