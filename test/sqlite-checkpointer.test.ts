import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openSqlite } from '../src/server/db/database.js';

// On a SQLite file the server's connection never checkpoints inside a commit (a stall of the event loop);
// a worker thread does it (src/server/db/sqlite-checkpointer.ts). What it copied is in the database file
// itself: a copy of the file alone, without its write-ahead log, holds the rows.
describe('SQLite checkpoints in a worker thread', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'orchid-checkpoint-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function writeRows(database: Database) {
    await sql`create table t (id integer primary key, v text not null)`.execute(database.db);
    for (let i = 1; i <= 50; i++) await sql`insert into t (id, v) values (${i}, ${`row ${i}`})`.execute(database.db);
  }
  /** The rows of t in a copy of the main file alone (null: the copy has no table t yet). */
  function rowsInFileAlone(file: string, name: string): number | null {
    const copy = join(dir, `${name}-copy.sqlite`);
    copyFileSync(file, copy);
    const db = new SqliteDatabase(copy, { readonly: true });
    try {
      const table = db.prepare(`select 1 from sqlite_master where name = 't'`).get();
      return table ? (db.prepare('select count(*) as n from t').get() as { n: number }).n : null;
    } finally {
      db.close();
    }
  }

  it('copies committed pages into the database file without the writer checkpointing', async () => {
    const file = join(dir, 'bg.sqlite');
    const database = openSqlite(file, { checkpointMs: 20 });
    try {
      expect(database.sqlite!.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
      await writeRows(database);
      const deadline = Date.now() + 5_000;
      while (rowsInFileAlone(file, 'bg') !== 50 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(rowsInFileAlone(file, 'bg')).toBe(50);
      expect(await database.checkpoints!()).toBeGreaterThan(0);
      // Writes go on while it works, and reads see them all.
      await sql`insert into t (id, v) values (${51}, ${'row 51'})`.execute(database.db);
      expect((await sql<{ n: number }>`select count(*) as n from t`.execute(database.db)).rows[0]!.n).toBe(51);
    } finally {
      await database.close();
    }
    await expect(database.checkpoints!()).rejects.toThrow();
  });

  it('without it (checkpointMs: 0) a small log stays in the write-ahead log until SQLite checkpoints itself', async () => {
    const file = join(dir, 'own.sqlite');
    const database = openSqlite(file, { checkpointMs: 0 });
    try {
      expect(database.checkpoints).toBeUndefined();
      expect(database.sqlite!.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
      await writeRows(database);
      await new Promise((r) => setTimeout(r, 100));
      expect(rowsInFileAlone(file, 'own')).toBeNull();
    } finally {
      await database.close();
    }
  });
});
