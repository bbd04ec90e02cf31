import { type Kysely, type Selectable, sql } from 'kysely';
import type { Dialect } from '../../db/database.js';
import type { DB, JobsTable } from '../../db/tables.js';

// The SQL of the job table: leasing, finishing, retrying. Every write after the lease is guarded by
// `locked_by = me`, so a worker whose lease expired (and whose job another worker took over) cannot
// overwrite the newer outcome.

export type JobRow = Selectable<JobsTable>;

export type LeaseRequest = { workerId: string; kinds: readonly string[]; limit: number; now: number; leaseMs: number };

/** Leases up to `limit` due jobs of the given kinds for this worker; each lease counts as one attempt. */
export async function leaseDueJobs(db: Kysely<DB>, dialect: Dialect, req: LeaseRequest): Promise<JobRow[]> {
  if (req.kinds.length === 0 || req.limit < 1) return [];
  return dialect === 'postgres' ? leasePostgres(db, req) : leaseSqlite(db, req);
}

function dueJobs(db: Kysely<DB>, req: LeaseRequest) {
  return db
    .selectFrom('jobs')
    .select('id')
    .where('status', '=', 'pending')
    .where('run_at', '<=', req.now)
    .where('kind', 'in', req.kinds)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', req.now)]))
    .orderBy('run_at')
    .orderBy('id')
    .limit(req.limit);
}

const leaseValues = (req: LeaseRequest) => ({
  locked_by: req.workerId,
  locked_until: req.now + req.leaseMs,
  attempts: sql<number>`attempts + 1`,
});

// PostgreSQL: row locks. SKIP LOCKED lets each app server take different rows without waiting;
// the lease columns are set in the same transaction, so once it commits other workers skip the
// rows by `locked_until` too (the row lock ends at commit, the lease lasts until it expires).
async function leasePostgres(db: Kysely<DB>, req: LeaseRequest): Promise<JobRow[]> {
  return db.transaction().execute(async (tx) => {
    const due = await dueJobs(tx, req).forUpdate().skipLocked().execute();
    if (due.length === 0) return [];
    const rows = await tx
      .updateTable('jobs')
      .set(leaseValues(req))
      .where(
        'id',
        'in',
        due.map((r) => r.id),
      )
      .returningAll()
      .execute();
    return rows.sort((a, b) => a.run_at - b.run_at || (a.id < b.id ? -1 : 1));
  });
}

// SQLite: one writer at a time. Each candidate is claimed by a conditional update that only matches
// while the job is still pending and unleased; whoever's update changes the row owns the job.
async function leaseSqlite(db: Kysely<DB>, req: LeaseRequest): Promise<JobRow[]> {
  const due = await dueJobs(db, req).execute();
  const leased: JobRow[] = [];
  for (const { id } of due) {
    const row = await db
      .updateTable('jobs')
      .set(leaseValues(req))
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .where('run_at', '<=', req.now)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', req.now)]))
      .returningAll()
      .executeTakeFirst();
    if (row) leased.push(row);
  }
  return leased;
}

/** Marks a leased job done. False when the lease was lost (expired and taken over). */
export async function markDone(db: Kysely<DB>, id: string, workerId: string, now: number): Promise<boolean> {
  const r = await db
    .updateTable('jobs')
    .set({ status: 'done', done_at: now, locked_by: null, locked_until: null, last_error: null })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Puts a failed job back for another try at `runAt`. */
export async function markRetry(db: Kysely<DB>, id: string, workerId: string, runAt: number, error: string): Promise<boolean> {
  const r = await db
    .updateTable('jobs')
    .set({ run_at: runAt, locked_by: null, locked_until: null, last_error: error })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Gives up on a job: status failed, with the last error kept for the owner to read. */
export async function markFailed(db: Kysely<DB>, id: string, workerId: string, now: number, error: string): Promise<boolean> {
  const r = await db
    .updateTable('jobs')
    .set({ status: 'failed', done_at: now, locked_by: null, locked_until: null, last_error: error })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
