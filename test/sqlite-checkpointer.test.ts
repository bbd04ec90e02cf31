import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openSqlite } from '../src/server/db/database.js';
import { DEFAULT_AUTOCHECKPOINT_PAGES, SAFETY_NET_PAGES, startCheckpointer } from '../src/server/db/sqlite-checkpointer.js';

// On a SQLite file the server's connection does not checkpoint inside its commits (a stall of the event
// loop); a worker thread does, after every few writes (src/server/db/sqlite-checkpointer.ts). What it copied
// is in the database file itself: a copy of the file alone, without its write-ahead log, holds the rows.
describe('SQLite checkpoints in a worker thread', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'orchid-checkpoint-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function writeRows(database: Database, n: number) {
    await sql`create table t (id integer primary key, v text not null)`.execute(database.db);
    for (let i = 1; i <= n; i++) await sql`insert into t (id, v) values (${i}, ${`row ${i}`})`.execute(database.db);
  }
  /** The rows of t in a copy of the main file alone (null: no table t there yet, or a copy taken mid-write). */
  function rowsInFileAlone(file: string, name: string): number | null {
    const copy = join(dir, `${name}-copy.sqlite`);
    copyFileSync(file, copy);
    try {
      const db = new SqliteDatabase(copy, { readonly: true });
      try {
        const table = db.prepare(`select 1 from sqlite_master where name = 't'`).get();
        return table ? (db.prepare('select count(*) as n from t').get() as { n: number }).n : null;
      } finally {
        db.close();
      }
    } catch {
      return null;
    }
  }
  async function waitForRows(file: string, name: string, atLeast: number) {
    const deadline = Date.now() + 5_000;
    let n = rowsInFileAlone(file, name);
    while ((n ?? 0) < atLeast && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
      n = rowsInFileAlone(file, name);
    }
    return n;
  }

  it('copies committed pages into the database file after every few writes, the writer never checkpointing', async () => {
    const file = join(dir, 'bg.sqlite');
    const database = openSqlite(file, { checkpointEvery: 10 });
    try {
      expect(database.sqlite!.pragma('wal_autocheckpoint', { simple: true })).toBe(SAFETY_NET_PAGES);
      await writeRows(database, 45);
      // 46 writes (the table, 45 rows): the thread checkpointed after the 10th, 20th, 30th and 40th.
      expect(await waitForRows(file, 'bg', 39)).toBeGreaterThanOrEqual(39);
      expect(await database.checkpoints!()).toBeGreaterThan(0);
      expect((await sql<{ n: number }>`select count(*) as n from t`.execute(database.db)).rows[0]!.n).toBe(45);
    } finally {
      await database.close();
    }
    await expect(database.checkpoints!()).rejects.toThrow();
    // Closing checkpoints the rest: the file alone has every row.
    expect(rowsInFileAlone(file, 'bg-closed')).toBe(45);
  });

  it('without it (checkpointEvery: 0) a small log stays in the write-ahead log until SQLite checkpoints itself', async () => {
    const file = join(dir, 'own.sqlite');
    const database = openSqlite(file, { checkpointEvery: 0 });
    try {
      expect(database.checkpoints).toBeUndefined();
      expect(database.sqlite!.pragma('wal_autocheckpoint', { simple: true })).toBe(DEFAULT_AUTOCHECKPOINT_PAGES);
      await writeRows(database, 45);
      await new Promise((r) => setTimeout(r, 100));
      expect(rowsInFileAlone(file, 'own')).toBeNull();
    } finally {
      await database.close();
    }
  });

  it('tells its owner once when the thread fails, and refuses to count after', async () => {
    const reasons: string[] = [];
    // A thread that cannot open its file dies at once, as one that hits a disk error would stop.
    const checkpointer = startCheckpointer(join(dir, 'missing.sqlite'), 10, (reason) => reasons.push(reason));
    const deadline = Date.now() + 5_000;
    while (reasons.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(reasons).toHaveLength(1);
    for (let i = 0; i < 20; i++) checkpointer.noteWrite();
    await expect(checkpointer.count()).rejects.toThrow();
    await checkpointer.close();
    expect(reasons).toHaveLength(1);
  });
});
