import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openSqlite } from '../src/server/db/database.js';
import { openSqliteReaders } from '../src/server/db/sqlite-readers.js';

// Heavy read-only queries on a SQLite file run on read-only connections in worker threads
// (src/server/db/sqlite-readers.ts). They must see every commit made before they start, refuse writes, and
// keep working when a reader thread dies. (A SQLite file of its own: the same on either test engine.)
describe('SQLite reader threads', () => {
  let dir: string;
  let database: Database;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'orchid-readers-'));
    database = openSqlite(join(dir, 'r.sqlite'));
    await sql`create table t (id integer primary key, v text not null)`.execute(database.db);
  });
  afterAll(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const readAllFrom = async (db: NonNullable<Database['reads']>) =>
    (await sql<{ id: number; v: string }>`select id, v from t order by id`.execute(db)).rows;
  const readAll = () => readAllFrom(database.reads!);

  it('a file database gets them; an in-memory one does not', async () => {
    expect(database.reads).toBeDefined();
    const memory = openSqlite(':memory:');
    expect(memory.reads).toBeUndefined();
    await memory.close();
  });

  it('each read sees what was committed before it, in order, on every reader', async () => {
    for (let i = 1; i <= 20; i++) {
      await sql`insert into t (id, v) values (${i}, ${`row ${i}`})`.execute(database.db);
      // Several at once, so both readers answer.
      const seen = await Promise.all([readAll(), readAll(), readAll()]);
      for (const rows of seen) expect(rows.at(-1)).toEqual({ id: i, v: `row ${i}` });
    }
  });

  it('refuses a write and changes nothing', async () => {
    await expect(sql`delete from t`.execute(database.reads!)).rejects.toThrow(/queries only|readonly/);
    await expect(sql`select * from no_such_table`.execute(database.reads!)).rejects.toThrow(/no such table/);
    expect(await readAll()).toHaveLength(20);
  });

  it('has no transactions', async () => {
    await expect(database.reads!.transaction().execute(async () => 1)).rejects.toThrow(/not transactions/);
  });

  it('closing fails the queries in flight and refuses new ones; a new pool reads on', async () => {
    const file = join(dir, 'r.sqlite');
    const pool = openSqliteReaders(file, 1);
    // Long enough to be still running when its thread is terminated under it.
    const long = sql`with recursive n(x) as (select 1 union all select x + 1 from n where x < 5000000) select count(*) from n`.execute(
      pool.db,
    );
    await new Promise((r) => setTimeout(r, 100));
    await pool.close();
    await expect(long).rejects.toThrow(/exited/);
    await expect(readAllFrom(pool.db)).rejects.toThrow(/closed/);
    const again = openSqliteReaders(file, 1);
    expect(await readAllFrom(again.db)).toHaveLength(20);
    await again.close();
  });
});
