import type { Kysely } from 'kysely';
import { precompiled } from '../db/compiled.js';
import { WalSyncFailed } from '../db/database.js';
import type { DB } from '../db/tables.js';
import { type TxContext, withTransaction } from '../db/tx.js';
import { sha256Hex } from './crypto.js';
import { AppError, PlatformErrors } from './errors.js';

export type StoredResponse = { status: number; body: unknown };
/** The key row of a write, all but its answer: for a write that stores it itself (see WriteResult). */
export type KeyRow = { scope: string; key: string; request_hash: string; created_at: number };
export type WriteResult = StoredResponse & {
  /**
   * Set by a write whose answer holds values known only at COMMIT (a receipt number taken with the commit):
   * the answer as JSON once committed. Such a write stores the key row it is given itself, in its last
   * statement, with those values filled in.
   */
  committedJson?: () => string;
};
export type IdempotentResult = StoredResponse & {
  replayed: boolean;
  /** The body as JSON, as stored: send it as is, without serialising the body a second time. */
  json: string;
};

const KEY = /^[A-Za-z0-9._:-]{8,200}$/;

/** Canonical JSON (sorted keys) so the same body always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

const storedResponse = precompiled(['scope', 'key'], (db, p) =>
  db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'status_code', 'response'])
    .where('scope', '=', p.scope)
    .where('key', '=', p.key),
);
export const insertKey = precompiled(['scope', 'key', 'request_hash', 'status_code', 'response', 'created_at'], (db, p) =>
  db.insertInto('idempotency_keys').values(p),
);

/**
 * One transaction of a money or booking write, run again when PostgreSQL aborted it to break a deadlock
 * (40P01): e.g. a checkout locks ledger accounts in its hooks and the store's receipt counter with its
 * COMMIT, a refund the other way round. The write rolled back whole and is safe to run again.
 */
async function writeTransaction<T>(db: Kysely<DB>, attempts: number, fn: (ctx: TxContext) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await withTransaction(db, fn);
    } catch (err) {
      if (attempt < attempts && (err as { code?: unknown })?.code === '40P01') continue;
      throw err;
    }
  }
}
const DEADLOCK_ATTEMPTS = 3;

/**
 * Runs a money or booking write at most once per Idempotency-Key. The key row is written in the same
 * transaction as the write, so either both commit or neither. A concurrent retry with the same key
 * loses the race on the primary key, rolls back, and answers with the winner's stored response.
 * The same key with a different body is 409 idempotency_key_reused.
 *
 * `lookFirst: false` skips the look-up before the write, for a write that refuses to run twice by itself
 * (completing a completed sale is a 409): a retry then finds the stored response once the write refuses,
 * and the key's primary key still stops a second write. First attempts save a query.
 */
export async function runIdempotent(
  db: Kysely<DB>,
  opts: {
    scope: string;
    key: string | undefined;
    required?: boolean;
    lookFirst?: boolean;
    /** false: a deadlock fails the write (a booking answers it as a taken slot) instead of running it again. */
    retryDeadlock?: boolean;
    request: unknown;
    now: number;
  },
  write: (ctx: TxContext, key: KeyRow | null) => Promise<WriteResult>,
): Promise<IdempotentResult> {
  const attempts = opts.retryDeadlock === false ? 1 : DEADLOCK_ATTEMPTS;
  if (opts.key === undefined) {
    if (opts.required) throw PlatformErrors.idempotency_key_required();
    const { committedJson, ...result } = await writeTransaction(db, attempts, (ctx) => write(ctx, null));
    return { ...result, replayed: false, json: committedJson ? committedJson() : JSON.stringify(result.body) };
  }
  if (!KEY.test(opts.key))
    throw PlatformErrors.validation_failed({ fields: 'Idempotency-Key' }, [
      { path: 'Idempotency-Key', message: '8–200 characters of A-Z a-z 0-9 . _ : -' },
    ]);
  const requestHash = sha256Hex(canonicalJson(opts.request));
  const replay = async () => {
    const row = (await storedResponse(db, { scope: opts.scope, key: opts.key! })).rows[0];
    if (!row) return undefined;
    if (row.request_hash !== requestHash) throw PlatformErrors.idempotency_key_reused();
    return { status: row.status_code, body: JSON.parse(row.response) as unknown, replayed: true, json: row.response };
  };
  if (opts.lookFirst !== false) {
    const earlier = await replay();
    if (earlier) return earlier;
  }
  try {
    const keyRow: KeyRow = { scope: opts.scope, key: opts.key, request_hash: requestHash, created_at: opts.now };
    const result = await writeTransaction(db, attempts, async (ctx) => {
      const { committedJson, ...response } = await write(ctx, keyRow);
      if (committedJson) return { ...response, json: committedJson };
      const json = JSON.stringify(response.body);
      // Sent with the COMMIT on PostgreSQL: a concurrent retry's key then fails the commit, as it would here.
      await insertKey(ctx.tx, { ...keyRow, status_code: response.status, response: json }, '', { atCommit: true });
      return { ...response, json: () => json };
    });
    return { status: result.status, body: result.body, json: result.json(), replayed: false };
  } catch (err) {
    // Committed but not on disk: the stored answer is not durable either, so it must not be replayed.
    if (err instanceof WalSyncFailed) throw err;
    if (err instanceof AppError && (opts.lookFirst !== false || err.code === 'idempotency_key_reused')) throw err;
    const winner = await replay();
    if (winner) return winner;
    throw err;
  }
}
