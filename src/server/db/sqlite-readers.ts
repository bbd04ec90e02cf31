import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  type QueryResult,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import type { DB } from './tables.js';

// better-sqlite3 runs every statement on the thread that calls it, and the server's connection lives on the
// event loop: a search that walks index pages for a millisecond holds up every other request meanwhile, and
// uses one of the machine's cores only. Heavy read-only queries (client search) therefore go to a few
// read-only connections in worker threads instead. WAL lets them read beside the writer; each read sees
// everything committed before it started, so a client saved a moment ago is found by the next search.
// Only plain queries: no transactions, no writes (the worker refuses a statement that is not a reader).

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driverPath);
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
db.pragma('cache_size = -32768');
const statements = new Map();
parentPort.on('message', ({ id, sql, parameters }) => {
  try {
    let stmt = statements.get(sql);
    if (!stmt) {
      stmt = db.prepare(sql);
      if (!stmt.reader) throw new Error('the read-only pool runs queries only');
      if (statements.size >= 200) statements.delete(statements.keys().next().value);
      statements.set(sql, stmt);
    }
    parentPort.postMessage({ id, rows: stmt.all(parameters) });
  } catch (err) {
    parentPort.postMessage({ id, error: { message: String(err && err.message), code: err && err.code } });
  }
});
`;

type Pending = { resolve(rows: unknown[]): void; reject(err: Error): void };
type Reader = { worker: Worker; pending: Map<number, Pending> };

/** A Kysely handle whose queries run on `size` read-only connections to `file`, each in its own thread. */
export function openSqliteReaders(file: string, size: number): { db: Kysely<DB>; close(): Promise<void> } {
  const driverPath = createRequire(import.meta.url).resolve('better-sqlite3');
  const readers: Array<Reader | undefined> = Array.from({ length: size });
  let lastId = 0;
  let closed = false;

  const spawn = (slot: number): Reader => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driverPath } });
    const reader: Reader = { worker, pending: new Map() };
    worker.unref();
    worker.on('message', (m: { id: number; rows?: unknown[]; error?: { message: string; code?: string } }) => {
      const p = reader.pending.get(m.id);
      if (!p) return;
      reader.pending.delete(m.id);
      if (reader.pending.size === 0) worker.unref();
      if (m.error) p.reject(Object.assign(new Error(m.error.message), { code: m.error.code }));
      else p.resolve(m.rows ?? []);
    });
    // A reader that dies fails what it was running; the next query starts a new one in its place.
    const fail = (err: Error) => {
      if (readers[slot] === reader) readers[slot] = undefined;
      for (const p of reader.pending.values()) p.reject(err);
      reader.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`SQLite reader thread exited (${code})`)));
    return reader;
  };

  /** The least busy reader (a new one while some slot is empty). */
  const pick = (): Reader => {
    let best: Reader | undefined;
    for (let slot = 0; slot < readers.length; slot++) {
      let r = readers[slot];
      if (!r) {
        r = spawn(slot);
        readers[slot] = r;
      }
      if (!best || r.pending.size < best.pending.size) best = r;
      if (r.pending.size === 0) break;
    }
    return best!;
  };

  const run = (sql: string, parameters: readonly unknown[]): Promise<unknown[]> => {
    if (closed) return Promise.reject(new Error('the SQLite readers are closed'));
    const reader = pick();
    const id = ++lastId;
    return new Promise((resolve, reject) => {
      if (reader.pending.size === 0) reader.worker.ref();
      reader.pending.set(id, { resolve, reject });
      reader.worker.postMessage({ id, sql, parameters });
    });
  };

  const connection: DatabaseConnection = {
    async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
      return { rows: (await run(query.sql, query.parameters)) as R[] };
    },
    streamQuery() {
      throw new Error('the SQLite readers do not stream');
    },
  };
  const noTransactions = async () => {
    throw new Error('the SQLite readers run single queries, not transactions');
  };
  const driver: Driver = {
    init: async () => {},
    acquireConnection: async () => connection,
    beginTransaction: noTransactions,
    commitTransaction: noTransactions,
    rollbackTransaction: noTransactions,
    releaseConnection: async () => {},
    destroy: async () => {},
  };
  const db = new Kysely<DB>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => driver,
      createIntrospector: (k) => new SqliteIntrospector(k),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  });
  return {
    db,
    close: async () => {
      closed = true;
      await Promise.all(readers.map((r) => r?.worker.terminate()));
    },
  };
}
