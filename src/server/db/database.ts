import { closeSync, fdatasync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresDialect,
  type QueryCompiler,
  SqliteDialect,
  type SqliteDialectConfig,
  type TransactionSettings,
} from 'kysely';
import pg from 'pg';
import { withFewerRoundTrips } from './pg-round-trips.js';
import { type Checkpointer, DEFAULT_AUTOCHECKPOINT_PAGES, SAFETY_NET_PAGES, startCheckpointer } from './sqlite-checkpointer.js';
import { openSqliteReaders } from './sqlite-readers.js';
import type { DB } from './tables.js';
import { WriteWatch } from './write-watch.js';

export type Dialect = 'sqlite' | 'postgres';

export type Database = {
  db: Kysely<DB>;
  dialect: Dialect;
  /** The raw better-sqlite3 handle (backup API); undefined on PostgreSQL. */
  sqlite?: SqliteDatabase.Database;
  /** SQLite at full durability: how many WAL flushes ran (one flush covers every commit made meanwhile). */
  walFlushes?(): number;
  /** SQLite file in WAL mode: how many background checkpoints found pages to copy (sqlite-checkpointer.ts). */
  checkpoints?(): Promise<number>;
  /**
   * For heavy read-only queries outside transactions (client search): on a SQLite file, read-only
   * connections in worker threads (see sqlite-readers.ts); on PostgreSQL, a small pool of its own
   * (openPostgres); otherwise absent, and `db` serves them.
   */
  reads?: Kysely<DB>;
  close(): Promise<void>;
};

// pg returns int8 (20) and numeric (1700, e.g. sum()) as strings; SQLite returns numbers.
// Money and epoch-ms instants stay far inside 2^53, so both engines give plain numbers.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export type SqliteOptions = {
  /**
   * 'full' (the default, always in production): a write is acknowledged only once it is on disk. Tests,
   * which never survive a power cut anyway, may pass 'normal' to skip the disk wait and run faster.
   */
  durability?: 'full' | 'normal';
  /** Read-only connections in worker threads for `reads` (a file in WAL mode only; 0 for none). Default 2. */
  readers?: number;
  /**
   * At full durability: checkpoint from a worker thread after every this many writes (sqlite-checkpointer.ts),
   * not inside the server's commits. 0: SQLite's own automatic checkpoints. Default 40.
   */
  checkpointEvery?: number;
};

export function openSqlite(file: string, opts: SqliteOptions = {}): Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  // WAL lets readers (and the online backup) run beside the single writer.
  const walMode = sqlite.pragma('journal_mode = WAL', { simple: true }) === 'wal';
  // An acknowledged sale must survive a power cut, so every commit waits for the disk. SQLite's own
  // synchronous=FULL would fsync inside COMMIT, which better-sqlite3 runs on the event loop: every request
  // stalls for each commit's fsync in turn (4–8 ms on a VM disk). Instead SQLite runs with NORMAL (no
  // fsync at commit; still crash-consistent in WAL mode) and the driver fdatasyncs the WAL off the event
  // loop before a write's promise resolves, one sync covering every commit written meanwhile (group commit).
  // (Without WAL, e.g. in memory, SQLite's own FULL.)
  const durable = opts.durability !== 'normal' && walMode;
  sqlite.pragma(durable || opts.durability === 'normal' ? 'synchronous = NORMAL' : 'synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 64 MiB of page cache (the default is 2 MiB): searches and lists walk index pages spread over the
  // whole file, and every page missing from the cache costs a read system call even when the OS has it.
  sqlite.pragma('cache_size = -65536');
  const wal = durable ? walSyncer(`${file}-wal`) : undefined;
  const checkpointEvery = opts.checkpointEvery ?? 40;
  let checkpointer: Checkpointer | undefined;
  if (wal && checkpointEvery > 0) {
    sqlite.pragma(`wal_autocheckpoint = ${SAFETY_NET_PAGES}`);
    checkpointer = startCheckpointer(file, checkpointEvery, () => {
      // The thread failed: SQLite checkpoints inside commits again, as it does by default.
      if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`);
    });
  }
  const config = { database: withStatementCache(sqlite) };
  const syncWrite =
    wal && checkpointer
      ? () => {
          checkpointer.noteWrite();
          return wal.sync();
        }
      : wal?.sync;
  const dialect = syncWrite ? new GroupCommitDialect(config, sqlite, syncWrite) : new SqliteDialect(config);
  const db = new Kysely<DB>({ dialect, plugins: [new WriteWatch()] });
  const readerCount = opts.readers ?? 2;
  const readers = walMode && file !== ':memory:' && readerCount > 0 ? openSqliteReaders(file, readerCount) : undefined;
  return {
    db,
    dialect: 'sqlite',
    sqlite,
    ...(wal ? { walFlushes: wal.flushes } : {}),
    ...(readers ? { reads: readers.db } : {}),
    ...(checkpointer ? { checkpoints: checkpointer.count } : {}),
    close: async () => {
      await checkpointer?.close();
      await readers?.close();
      await db.destroy();
      wal?.close();
    },
  };
}

/** The disk refused a WAL flush: writes since the last good flush may not survive a power cut. */
export class WalSyncFailed extends Error {
  constructor(cause: unknown) {
    super(`the SQLite write-ahead log could not be flushed to disk: ${String(cause)}`, { cause });
    this.name = 'WalSyncFailed';
  }
}

/**
 * fdatasync of the WAL file on the thread pool. A call waits for a sync that starts after it; calls made
 * while one runs share the next one, so N concurrent commits cost about two syncs, not N.
 */
function walSyncer(path: string) {
  let fd: number | undefined;
  let running: Promise<void> | undefined;
  let next: Promise<void> | undefined;
  // After a failed fdatasync Linux may report the next one as fine although the pages it failed to write
  // are gone, so one failure is final: nothing written after it is ever acknowledged (as PostgreSQL does).
  let failed: WalSyncFailed | undefined;
  let flushes = 0;
  const once = () =>
    new Promise<void>((resolve, reject) => {
      // Opened on first use: SQLite creates the file with the first write. It keeps its inode for the
      // connection's life (a checkpoint rewinds it, never deletes it).
      try {
        fd ??= openSync(path, 'r');
      } catch (err) {
        failed ??= new WalSyncFailed(err);
        return reject(failed);
      }
      flushes++;
      fdatasync(fd, (err) => {
        if (err) failed ??= new WalSyncFailed(err);
        return failed ? reject(failed) : resolve();
      });
    });
  const sync = (): Promise<void> => {
    if (failed) return Promise.reject(failed);
    if (!running) {
      running = once().finally(() => {
        running = undefined;
      });
      return running;
    }
    // The running sync may have started before this commit was written: wait for the one after it.
    next ??= running
      .catch(() => {})
      .then(() => {
        next = undefined;
        return sync();
      });
    return next;
  };
  return {
    sync,
    flushes: () => flushes,
    close: () => {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
    },
  };
}

class GroupCommitDialect extends SqliteDialect {
  constructor(
    config: SqliteDialectConfig,
    private readonly sqlite: SqliteDatabase.Database,
    private readonly sync: () => Promise<void>,
  ) {
    super(config);
  }
  override createDriver(): Driver {
    return new GroupCommitDriver(super.createDriver(), this.sqlite, this.sync);
  }
}

/**
 * Kysely's SQLite driver, plus: a connection that committed a write (a transaction's COMMIT, or a write
 * outside one) is released first, then its release waits for the WAL sync. Releasing first lets the next
 * transaction run during the sync, which is what lets one sync cover several commits.
 */
const READ_ONLY = /^\s*(select|begin|commit)\b/i;

class GroupCommitDriver implements Driver {
  /** A statement since the last commit may have changed data. */
  private dirty = false;
  /** Committed changes wait for a WAL flush before the connection's holder is answered. */
  private wrote = false;
  constructor(
    private readonly inner: Driver,
    private readonly sqlite: SqliteDatabase.Database,
    private readonly sync: () => Promise<void>,
  ) {}
  init() {
    return this.inner.init();
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    const conn = await this.inner.acquireConnection();
    return {
      executeQuery: async <R>(query: CompiledQuery) => {
        const result = await conn.executeQuery<R>(query);
        // Anything but a plain SELECT may have changed data (numAffectedRows is unset for `… RETURNING`,
        // so it cannot tell). BEGIN and COMMIT change nothing themselves: a read-only transaction needs no flush.
        if (!READ_ONLY.test(query.sql)) this.dirty = true;
        // Once no transaction is open, what was changed has committed: it must reach the disk.
        if (this.dirty && !this.sqlite.inTransaction) {
          this.wrote = true;
          this.dirty = false;
        }
        return result;
      },
      streamQuery: (query, chunkSize) => conn.streamQuery(query, chunkSize),
    };
  }
  beginTransaction(conn: DatabaseConnection, settings: TransactionSettings) {
    return this.inner.beginTransaction(conn, settings);
  }
  commitTransaction(conn: DatabaseConnection) {
    return this.inner.commitTransaction(conn);
  }
  async rollbackTransaction(conn: DatabaseConnection) {
    await this.inner.rollbackTransaction(conn);
    this.wrote = false;
    this.dirty = false;
  }
  savepoint(conn: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    return this.inner.savepoint!(conn, name, compile);
  }
  rollbackToSavepoint(conn: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    return this.inner.rollbackToSavepoint!(conn, name, compile);
  }
  releaseSavepoint(conn: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    return this.inner.releaseSavepoint!(conn, name, compile);
  }
  async releaseConnection(conn: DatabaseConnection) {
    // One connection, held under a mutex: the flag belongs to the holder that is releasing it.
    const wrote = this.wrote;
    this.wrote = false;
    await this.inner.releaseConnection(conn);
    if (wrote) await this.sync();
  }
  destroy() {
    return this.inner.destroy();
  }
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

export type PostgresOptions = {
  max?: number;
  schema?: string;
  onIdleError?: (err: Error) => void;
  /** Connections of the separate pool behind `reads` (0 for none: `db` serves them). Default 3. */
  readers?: number;
};

export function openPostgres(url: string, opts: PostgresOptions = {}): Database {
  const pool = postgresPool(url, opts, { max: opts.max ?? 10 });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [new WriteWatch()] });
  // Heavy reads (client search) get their own few connections. With one backend per request on two cores,
  // ten searches at once share the CPU and each takes ten times as long; queued for three connections
  // they finish in arrival order (search p99 -30 %, +15 % searches/s). Their plans are generic: a search
  // statement's plan is fixed by its shape, and planning it afresh cost a third of running it.
  const readerCount = opts.readers ?? 3;
  const reads =
    readerCount > 0
      ? new Kysely<DB>({
          dialect: new PostgresDialect({
            pool: postgresPool(url, opts, {
              max: readerCount,
              settings: '-c plan_cache_mode=force_generic_plan -c default_transaction_read_only=on',
            }),
          }),
        })
      : undefined;
  return {
    db,
    dialect: 'postgres',
    ...(reads ? { reads } : {}),
    close: async () => {
      await reads?.destroy();
      await db.destroy();
    },
  };
}

function postgresPool(url: string, opts: PostgresOptions, pool: { max: number; settings?: string }) {
  const { connectionString, fromUrl } = withoutUrlOptions(url);
  const settings = [fromUrl, opts.schema ? `-c search_path=${opts.schema}` : '', pool.settings ?? ''].filter(Boolean).join(' ');
  const created = new pg.Pool({
    connectionString,
    max: pool.max,
    // Statements sent together are not each a round trip (pg-round-trips.ts).
    pipeline: true,
    ...(settings ? { options: settings } : {}),
  });
  // An idle client dropped by the server (restart, failover) must not crash the process;
  // the pool replaces it on next use.
  created.on('error', (err) => opts.onIdleError?.(err));
  created.on('connect', (client) => withFewerRoundTrips(client));
  return created;
}

/**
 * Settings in a URL's `?options=…` would replace ours (node-postgres lets the URL win), so they are taken
 * out and merged. A connection string that is not a URL (a socket path) is left as it is.
 */
function withoutUrlOptions(url: string): { connectionString: string; fromUrl: string } {
  if (!URL.canParse(url)) return { connectionString: url, fromUrl: '' };
  const parsed = new URL(url);
  const fromUrl = parsed.searchParams.get('options');
  if (fromUrl === null) return { connectionString: url, fromUrl: '' };
  parsed.searchParams.delete('options');
  return { connectionString: parsed.toString(), fromUrl };
}

export function openDatabase(database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string }): Database {
  return database.kind === 'sqlite' ? openSqlite(database.file) : openPostgres(database.url);
}
