import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './tables.js';

export type Dialect = 'sqlite' | 'postgres';

export type Database = {
  db: Kysely<DB>;
  dialect: Dialect;
  /** The raw better-sqlite3 handle (backup API); undefined on PostgreSQL. */
  sqlite?: SqliteDatabase.Database;
  close(): Promise<void>;
};

// pg returns int8 (20) and numeric (1700, e.g. sum()) as strings; SQLite returns numbers.
// Money and epoch-ms instants stay far inside 2^53, so both engines give plain numbers.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export type SqliteOptions = {
  /**
   * 'full' (the default, always in production) fsyncs every commit. Tests, which never survive a
   * power cut anyway, may pass 'normal' to skip the fsync and run several times faster.
   */
  durability?: 'full' | 'normal';
};

export function openSqlite(file: string, opts: SqliteOptions = {}): Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  // WAL lets readers (and the online backup) run beside the single writer.
  sqlite.pragma('journal_mode = WAL');
  // FULL fsyncs the WAL on every commit: an acknowledged sale survives a power cut.
  // It costs some write throughput versus NORMAL; for money that is the right trade.
  sqlite.pragma(opts.durability === 'normal' ? 'synchronous = NORMAL' : 'synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 64 MiB of page cache (the default is 2 MiB): searches and lists walk index pages spread over the
  // whole file, and every page missing from the cache costs a read system call even when the OS has it.
  sqlite.pragma('cache_size = -65536');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', sqlite, close: () => db.destroy() };
}

/**
 * Kysely prepares every statement afresh; preparing costs more than running most of our queries.
 * Statements are reusable on better-sqlite3's single connection, so keep the recent ones (LRU).
 */
function withStatementCache(sqlite: SqliteDatabase.Database, size = 500) {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (sql: string) => {
      let stmt = cache.get(sql);
      if (stmt) {
        cache.delete(sql);
      } else {
        stmt = sqlite.prepare(sql);
        if (cache.size >= size) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, stmt);
      return stmt;
    },
  };
}

export function openPostgres(url: string, opts: { max?: number; schema?: string; onIdleError?: (err: Error) => void } = {}): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
  });
  // An idle client dropped by the server (restart, failover) must not crash the process;
  // the pool replaces it on next use.
  pool.on('error', (err) => opts.onIdleError?.(err));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

export function openDatabase(database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string }): Database {
  return database.kind === 'sqlite' ? openSqlite(database.file) : openPostgres(database.url);
}
