import { type Kysely, sql } from 'kysely';

// Ledger rules added after 0008: coupon stacking, gift card replacement, per-wallet store restriction.
// Booleans 0/1; instants bigint epoch ms; JSON as text.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Coupon stacking: `stackable` (0008) now says whether a coupon combines with other coupons; these say
  // whether it combines with the member's tier discount and with discounts typed at the desk. Existing
  // campaigns keep what `stackable` meant for them ("combines with other discounts").
  await db.schema
    .alterTable('coupons')
    .addColumn('stacks_with_tier', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('coupons')
    .addColumn('stacks_with_manual', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update coupons set stacks_with_tier = stackable, stacks_with_manual = stackable`.execute(db);

  // A lost card's balance moved to a new card: the old one points at its replacement (and is void).
  await db.schema.alterTable('gift_cards').addColumn('replaced_by_id', 'text').execute();
  await db.schema.alterTable('gift_cards').addColumn('replaced_at', 'bigint').execute();

  // HQ's restriction of one client's stored value to some stores (none: the business setting applies).
  await db.schema
    .createTable('wallet_store_limits')
    .addColumn('client_id', 'text', (c) => c.primaryKey().references('clients.id'))
    .addColumn('store_ids', 'text', (c) => c.notNull()) // JSON array, at least one store
    .addColumn('reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Orchid migrations are forward-only; restore a backup to go back.');
}
