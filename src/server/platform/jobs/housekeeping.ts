import type { Executor } from '../../db/tx.js';
import type { JobHandler } from './worker.js';

/** Job kind of the periodic clean-up; scheduled hourly by the server's worker. */
export const HOUSEKEEPING_KIND = 'platform.housekeeping';
export const HOUSEKEEPING_CRON = '17 * * * *';

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

/** How long things are kept. Failed jobs are kept: they are evidence of something to look at. */
export const RETENTION = {
  idempotencyKeysMs: DAY,
  doneJobsMs: 30 * DAY,
} as const;

export type HousekeepingReport = { idempotencyKeys: number; rateLimits: number; jobs: number };

/**
 * Deletes idempotency keys older than 24 h (a retry after a day is a new request), rate-limit
 * windows that have ended (they no longer limit anything) and done jobs older than 30 days.
 */
export async function runHousekeeping(db: Executor, now: number): Promise<HousekeepingReport> {
  const keys = await db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<', now - RETENTION.idempotencyKeysMs)
    .executeTakeFirst();
  const limits = await db.deleteFrom('rate_limits').where('reset_at', '<', now).executeTakeFirst();
  const jobs = await db
    .deleteFrom('jobs')
    .where('status', '=', 'done')
    .where('done_at', '<', now - RETENTION.doneJobsMs)
    .executeTakeFirst();
  return { idempotencyKeys: Number(keys.numDeletedRows), rateLimits: Number(limits.numDeletedRows), jobs: Number(jobs.numDeletedRows) };
}

export function housekeepingHandler(db: Executor, log?: { info(obj: object, msg?: string): void }): JobHandler {
  return async (_payload, ctx) => {
    const report = await runHousekeeping(db, ctx.now);
    log?.info({ ...report }, 'housekeeping');
  };
}
