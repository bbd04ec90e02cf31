import type { Kysely } from 'kysely';

// A balance reminder that was decided against (a reminder already went out this week, no channel she can
// be reached on, the balance was topped up since) is kept too, with why, so the salon can see why a client
// got no message. Such rows have kind `balance_reminder_skipped`: the frequency cap, which counts
// `balance_reminder` rows, is not extended by them.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('balance_notices').addColumn('skipped', 'text').execute();
}
