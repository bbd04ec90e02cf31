import { sql } from 'kysely';
import type { Executor } from '../db/tx.js';

/**
 * Fixed-window counters in the database, so every app server behind a load balancer shares them.
 * Used for login and PIN attempts, where the numbers are small and correctness beats speed.
 */
export type Window = { limit: number; windowMs: number };

/** Seconds until the key may try again, or 0 when it is under its limit. */
export async function retryAfter(db: Executor, key: string, w: Window, now: number): Promise<number> {
  const row = await db.selectFrom('rate_limits').select(['count', 'reset_at']).where('key', '=', key).executeTakeFirst();
  if (!row || row.reset_at <= now || row.count < w.limit) return 0;
  return Math.max(1, Math.ceil((row.reset_at - now) / 1000));
}

/** Counts one event for the key (a failed attempt). */
export async function hit(db: Executor, key: string, w: Window, now: number): Promise<void> {
  await db
    .insertInto('rate_limits')
    .values({ key, count: 1, reset_at: now + w.windowMs })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        count: sql`case when rate_limits.reset_at <= ${now} then 1 else rate_limits.count + 1 end`,
        reset_at: sql`case when rate_limits.reset_at <= ${now} then ${now + w.windowMs} else rate_limits.reset_at end`,
      }),
    )
    .execute();
}

export async function clear(db: Executor, key: string): Promise<void> {
  await db.deleteFrom('rate_limits').where('key', '=', key).execute();
}
