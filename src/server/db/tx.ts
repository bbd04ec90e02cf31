import { type Kysely, PostgresAdapter, type Transaction } from 'kysely';
import type { DB } from './tables.js';
import { afterTransaction, watchStamp } from './write-watch.js';

export type Tx = Transaction<DB>;
/** Either the root handle or an open transaction: repos accept both. */
export type Executor = Kysely<DB> | Tx;

export const isPostgres = (db: Executor): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

export type TxContext = {
  tx: Tx;
  /** Runs after a successful commit, never after a rollback (e.g. wake the job worker). */
  afterCommit(fn: () => void | Promise<void>): void;
};

/**
 * Runs `fn` in one transaction. Side effects registered with afterCommit run only once the
 * commit succeeded; their failures are logged by the caller-provided handler, never rethrown,
 * because the data is already durable.
 */
export async function withTransaction<T>(
  db: Kysely<DB>,
  fn: (ctx: TxContext) => Promise<T>,
  onHookError: (err: unknown) => void = () => {},
): Promise<T> {
  const hooks: Array<() => void | Promise<void>> = [];
  const stamp = watchStamp();
  let result: T;
  try {
    result = await db.transaction().execute((tx) => fn({ tx, afterCommit: (h) => hooks.push(h) }));
  } finally {
    // A watched write in here was committed or rolled back only now: what was cached meanwhile (on
    // another connection, before the commit) may be stale (see write-watch.ts).
    afterTransaction(stamp);
  }
  for (const hook of hooks) {
    try {
      await hook();
    } catch (err) {
      onHookError(err);
    }
  }
  return result;
}

/** Maps a DB row's 0/1 integer to a boolean (both engines return numbers). */
export const bool = (v: number): boolean => v === 1;
export const toBool = (v: boolean): 0 | 1 => (v ? 1 : 0);
