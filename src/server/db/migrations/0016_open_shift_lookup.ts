import type { Kysely } from 'kysely';

// Every cash completion asks for the store's open shifts (`store_id = ? and status = ?`). The partial
// one-open-per-drawer index cannot serve a bound status, so SQLite walked the store's whole shift history
// through (store_id, opened_at): slower every day the store trades. This index answers it directly.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('shifts_store_status_idx').on('shifts').columns(['store_id', 'status']).execute();
}
