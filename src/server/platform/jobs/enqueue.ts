import type { Insertable } from 'kysely';
import { precompiledInsert } from '../../db/compiled.js';
import type { JobsTable } from '../../db/tables.js';
import type { Executor } from '../../db/tx.js';
import { newId } from '../ids.js';

/** A job to run later. `payload` is stored as JSON, so it must be plain data. */
export type JobSpec = {
  kind: string;
  payload?: unknown;
  /** Epoch ms; defaults to `now` (run as soon as a worker polls or is woken). */
  runAt?: number;
  /** Total tries before the job is marked failed (default 8). */
  maxAttempts?: number;
  /**
   * A fixed id makes the enqueue idempotent: a second insert with the same id is ignored
   * (schedules use it so several app servers firing the same cron tick create one job).
   */
  id?: string;
};

export const DEFAULT_MAX_ATTEMPTS = 8;

// Workers in this process subscribe here; `wakeWorkers` after a commit makes them poll at once
// instead of waiting for the next tick. Other app servers still find the job on their next poll.
const wakeListeners = new Set<() => void>();

export function onWake(listener: () => void): () => void {
  wakeListeners.add(listener);
  return () => wakeListeners.delete(listener);
}

/** Asks the job workers of this process to poll now. Call it after commit (`afterCommit(wakeWorkers)`). */
export function wakeWorkers(): void {
  for (const listener of wakeListeners) listener();
}

/**
 * Outbox insert: writes the job row with the caller's executor, so when that is a transaction the job
 * exists only if the transaction commits. Pass `afterCommit` from `withTransaction` to wake the workers
 * once it did. Returns the job id.
 */
export async function enqueue(executor: Executor, job: JobSpec, now: number, afterCommit?: (fn: () => void) => void): Promise<string> {
  return (await enqueueAll(executor, [job], now, afterCommit))[0]!;
}

export const JOB_COLUMNS = [
  'id',
  'kind',
  'payload',
  'status',
  'run_at',
  'attempts',
  'max_attempts',
  'locked_by',
  'locked_until',
  'last_error',
  'created_at',
  'done_at',
] as const satisfies readonly (keyof JobsTable)[];
// Every booking enqueues its messages: compiled once per row count (db/compiled.ts).
const insertJobs = precompiledInsert<Insertable<JobsTable>>(JOB_COLUMNS, (db, rows) =>
  db
    .insertInto('jobs')
    .values(rows)
    .onConflict((oc) => oc.column('id').doNothing()),
);

/** Like enqueue, for several jobs in one statement (one round trip). Returns their ids in order. */
export async function enqueueAll(
  executor: Executor,
  jobs: readonly JobSpec[],
  now: number,
  afterCommit?: (fn: () => void) => void,
): Promise<string[]> {
  const rows = jobRows(jobs, now);
  await insertJobRows(executor, rows, afterCommit);
  return rows.map((r) => r.id);
}

/** Inserts rows from jobRows, then wakes the workers after commit (enqueueAll without the row building). */
export async function insertJobRows(
  executor: Executor,
  rows: readonly Insertable<JobsTable>[],
  afterCommit?: (fn: () => void) => void,
): Promise<void> {
  if (rows.length === 0) return;
  await insertJobs(executor, rows);
  afterCommit?.(wakeWorkers);
}

/**
 * The rows enqueueAll would insert (validated), without inserting them: a caller that writes them inside
 * a statement of its own (JOB_COLUMNS, ON CONFLICT (id) DO NOTHING) must still `afterCommit(wakeWorkers)`.
 */
export function jobRows(jobs: readonly JobSpec[], now: number): (Insertable<JobsTable> & { id: string })[] {
  return jobs.map((job) => {
    if (!job.kind || job.kind.length > 100) throw new RangeError('job kind must be 1–100 characters');
    const maxAttempts = job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new RangeError(`maxAttempts must be an integer ≥ 1, got ${maxAttempts}`);
    const runAt = job.runAt ?? now;
    if (!Number.isSafeInteger(runAt)) throw new RangeError(`runAt must be an integer epoch ms, got ${runAt}`);
    return {
      id: job.id ?? newId(),
      kind: job.kind,
      payload: JSON.stringify(job.payload ?? null),
      status: 'pending',
      run_at: runAt,
      attempts: 0,
      max_attempts: maxAttempts,
      locked_by: null,
      locked_until: null,
      last_error: null,
      created_at: now,
      done_at: null,
    };
  });
}
