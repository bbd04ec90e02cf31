import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqlite } from './database.js';

// SQLite at full durability: commits wait for a WAL sync taken off the event loop and shared by the
// commits written meanwhile (group commit). Everything acknowledged must be there after a reopen.
describe('SQLite group commit', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const fresh = () => {
    const dir = mkdtempSync(join(tmpdir(), 'orchid-durable-'));
    dirs.push(dir);
    return join(dir, 'db.sqlite');
  };

  it('acknowledges concurrent transactions, single writes and savepoints, and keeps them all', async () => {
    const file = fresh();
    const first = openSqlite(file);
    await sql`create table t (id integer primary key, v text not null)`.execute(first.db);
    await Promise.all([
      ...Array.from({ length: 30 }, (_, i) =>
        first.db.transaction().execute(async (tx) => {
          await sql`insert into t (id, v) values (${i}, 'tx')`.execute(tx);
        }),
      ),
      ...Array.from({ length: 10 }, (_, i) => sql`insert into t (id, v) values (${100 + i}, 'single')`.execute(first.db)),
      (async () => {
        const tx = await first.db.startTransaction().execute();
        const sp = await tx.savepoint('a').execute();
        await sql`insert into t (id, v) values (200, 'rolled back')`.execute(sp);
        await sp.rollbackToSavepoint('a').execute();
        await sql`insert into t (id, v) values (201, 'kept')`.execute(tx);
        await tx.commit().execute();
      })(),
    ]);
    await expect(
      first.db.transaction().execute(async (tx) => {
        await sql`insert into t (id, v) values (300, 'failed')`.execute(tx);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await first.close();

    const again = openSqlite(file);
    const rows = await sql<{ v: string; n: number }>`select v, count(*) as n from t group by v order by v`.execute(again.db);
    await again.close();
    expect(rows.rows).toEqual([
      { v: 'kept', n: 1 },
      { v: 'single', n: 10 },
      { v: 'tx', n: 30 },
    ]);
  });

  it('flushes for every kind of write, RETURNING included, and not for reads', async () => {
    const database = openSqlite(fresh());
    const { db } = database;
    await sql`create table t (id integer primary key, v text not null)`.execute(db);
    await sql`insert into t (id, v) values (1, 'a')`.execute(db);
    const flushes = () => database.walFlushes!();
    let before = flushes();
    // better-sqlite3 treats a statement with RETURNING as a reader: it must still wait for the disk.
    await sql`update t set v = 'b' where id = 1 returning id`.execute(db);
    expect(flushes()).toBe(before + 1);
    before = flushes();
    await sql`select v from t`.execute(db);
    await db.transaction().execute(async (tx) => {
      await sql`select v from t`.execute(tx);
    });
    expect(flushes()).toBe(before);
    await db.transaction().execute(async (tx) => {
      await sql`insert into t (id, v) values (2, 'c') returning id`.execute(tx);
    });
    expect(flushes()).toBe(before + 1);
    await database.close();
  });
});
