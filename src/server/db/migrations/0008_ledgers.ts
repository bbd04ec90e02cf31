import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Ledgers: one mechanism for every balance (stored-value principal and bonus, gift cards, points, coupon
// uses), then what stored value, gift cards, points, tiers and coupons keep beside it.
//
// - `ledger_accounts` holds the current balance; it is changed only by a guarded conditional update
//   (`balance = balance - :x WHERE id = :id AND balance >= :x`, row count checked) in the same transaction
//   that appends the entry, and a CHECK (balance >= 0) backs the guard up.
// - `ledger_entries` is append-only: triggers refuse UPDATE and DELETE on both engines. Each entry carries
//   the account's gap-free `seq` and the `balance_after` it produced, so a statement pages by seq and
//   `reconcile` can prove sum(entries) = balance and that every step of the chain adds up.
// Money in integer cents, points and uses as integers; instants bigint epoch ms; booleans 0/1; JSON text.
export async function up(db: Kysely<unknown>): Promise<void> {
  const isPg = isPostgres(db);

  await db.schema
    .createTable('ledger_settings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('settings', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('ledger_accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // wallet_principal | wallet_bonus | gift_card | points | coupon_pool | coupon_client
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('owner_type', 'text', (c) => c.notNull()) // client | gift_card | coupon
    .addColumn('owner_id', 'text', (c) => c.notNull())
    // '' when the owner has one account of the kind; the coupon id for a client's coupon uses.
    .addColumn('subject_id', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('unit', 'text', (c) => c.notNull()) // cents | points | uses
    .addColumn('balance', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('entry_count', 'integer', (c) => c.notNull().defaultTo(0))
    // Bumped each time a multi-account posting locks the account first (orders a wallet's statement).
    .addColumn('book_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addCheckConstraint('ledger_accounts_balance_non_negative', sql`balance >= 0`)
    .execute();
  await db.schema
    .createIndex('ledger_accounts_owner_idx')
    .on('ledger_accounts')
    .columns(['kind', 'owner_id', 'subject_id'])
    .unique()
    .execute();
  await db.schema.createIndex('ledger_accounts_owner_only_idx').on('ledger_accounts').columns(['owner_id', 'kind']).execute();

  await db.schema
    .createTable('ledger_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('ledger_accounts.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('balance_after', 'integer', (c) => c.notNull())
    .addColumn('book_seq', 'integer')
    .addColumn('book_balance_after', 'integer')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ref_type', 'text')
    .addColumn('ref_id', 'text')
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('store_id', 'text', (c) => c.references('stores.id'))
    .addColumn('actor_id', 'text')
    .addColumn('reason', 'text')
    .addColumn('meta', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addCheckConstraint('ledger_entries_amount_non_zero', sql`amount <> 0`)
    .addCheckConstraint('ledger_entries_balance_non_negative', sql`balance_after >= 0`)
    .execute();
  await db.schema.createIndex('ledger_entries_account_seq_idx').on('ledger_entries').columns(['account_id', 'seq']).unique().execute();
  await db.schema.createIndex('ledger_entries_account_book_idx').on('ledger_entries').columns(['account_id', 'book_seq']).execute();
  await db.schema.createIndex('ledger_entries_ref_idx').on('ledger_entries').columns(['ref_type', 'ref_id']).execute();
  await db.schema.createIndex('ledger_entries_group_idx').on('ledger_entries').column('group_id').execute();
  await db.schema.createIndex('ledger_entries_store_idx').on('ledger_entries').columns(['store_id', 'created_at']).execute();

  // Append-only, enforced by the database whatever code runs.
  if (isPg) {
    await sql`create or replace function ledger_entries_append_only() returns trigger language plpgsql as $$
      begin raise exception 'ledger_entries are append-only: post a correcting entry instead'; end $$`.execute(db);
    await sql`create trigger ledger_entries_no_change before update or delete on ledger_entries
      for each row execute function ledger_entries_append_only()`.execute(db);
  } else {
    for (const event of ['update', 'delete'] as const) {
      await sql`create trigger ${sql.ref(`ledger_entries_no_${event}`)} before ${sql.raw(event)} on ledger_entries
        begin select raise(abort, 'ledger_entries are append-only: post a correcting entry instead'); end`.execute(db);
    }
  }

  // Stored value (modules/wallet).
  await db.schema
    .createTable('wallet_bonus_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('thresholds', 'text', (c) => c.notNull()) // JSON [{ pay, bonus }]
    .addColumn('starts_on', 'text') // YYYY-MM-DD store-local, inclusive
    .addColumn('ends_on', 'text')
    .addColumn('store_ids', 'text') // JSON array; null = every store
    .addColumn('first_top_up_only', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('scope', 'text', (c) => c.notNull().check(sql`scope in ('hq', 'store')`))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('wallet_top_ups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('sale_id', 'text')
    .addColumn('line_ref', 'text')
    .addColumn('principal', 'integer', (c) => c.notNull())
    .addColumn('bonus', 'integer', (c) => c.notNull())
    .addColumn('rule_id', 'text')
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('refunded_principal', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('forfeited_bonus', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addCheckConstraint(
      'wallet_top_ups_amounts',
      sql`principal > 0 and bonus >= 0 and refunded_principal <= principal and forfeited_bonus <= bonus`,
    )
    .execute();
  await db.schema.createIndex('wallet_top_ups_client_idx').on('wallet_top_ups').columns(['client_id', 'created_at']).execute();
  await db.schema.createIndex('wallet_top_ups_line_idx').on('wallet_top_ups').column('line_ref').unique().execute();

  await db.schema
    .createTable('wallet_otps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('verified_at', 'bigint')
    .addColumn('used_at', 'bigint')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('wallet_otps_client_idx').on('wallet_otps').columns(['client_id', 'created_at']).execute();

  // Gift cards (modules/gift-cards). The code is never stored: its SHA-256 (looked up by equality) and
  // its last four characters for display.
  await db.schema
    .createTable('gift_cards')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code_hash', 'text', (c) => c.notNull().unique())
    .addColumn('code_last4', 'text', (c) => c.notNull())
    .addColumn('code_kind', 'text', (c) => c.notNull().check(sql`code_kind in ('generated', 'scanned')`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active', 'void')`))
    .addColumn('design', 'text')
    .addColumn('initial_amount', 'integer', (c) => c.notNull())
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('sale_id', 'text')
    .addColumn('line_ref', 'text')
    .addColumn('client_id', 'text', (c) => c.references('clients.id'))
    .addColumn('recipient_name', 'text')
    .addColumn('account_id', 'text', (c) => c.notNull().references('ledger_accounts.id'))
    .addColumn('expires_at', 'bigint')
    .addColumn('activated_at', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('gift_cards_store_idx').on('gift_cards').columns(['store_id', 'created_at']).execute();
  await db.schema.createIndex('gift_cards_client_idx').on('gift_cards').column('client_id').execute();
  await db.schema.createIndex('gift_cards_line_idx').on('gift_cards').column('line_ref').unique().execute();

  // Messages about balances (reminders, points expiry notices): the frequency cap reads this.
  await db.schema
    .createTable('balance_notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // balance_reminder | points_expiry
    .addColumn('subject', 'text', (c) => c.notNull()) // wallet | gift_card:<id> | points
    .addColumn('channels', 'text', (c) => c.notNull()) // JSON array of channels used
    .addColumn('balance', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('balance_notices_client_idx').on('balance_notices').columns(['client_id', 'kind', 'created_at']).execute();

  // Tiers (modules/tiers).
  await db.schema
    .createTable('tiers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_translations', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('threshold', 'integer', (c) => c.notNull()) // cents or points over the rolling window
    .addColumn('discounts', 'text', (c) => c.notNull().defaultTo('[]')) // JSON [{ categoryId|null, percentBp }]
    .addColumn('points_multiplier_bp', 'integer', (c) => c.notNull().defaultTo(10000))
    .addColumn('birthday_gift', 'text') // JSON { couponId?, note? }
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('client_tiers')
    .addColumn('client_id', 'text', (c) => c.primaryKey().references('clients.id'))
    .addColumn('tier_id', 'text', (c) => c.references('tiers.id'))
    .addColumn('since', 'bigint', (c) => c.notNull())
    .addColumn('evaluated_at', 'bigint', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('tier_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('from_tier_id', 'text')
    .addColumn('to_tier_id', 'text')
    .addColumn('reason', 'text', (c) => c.notNull()) // upgrade | downgrade | manual
    .addColumn('qualifying', 'integer', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('tier_history_client_idx').on('tier_history').columns(['client_id', 'created_at']).execute();

  // What counts toward tiers: completed sales (+) and refunds (−) per client, written by the checkout hooks.
  await db.schema
    .createTable('client_spend')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('store_id', 'text', (c) => c.notNull())
    .addColumn('ref_type', 'text', (c) => c.notNull())
    .addColumn('ref_id', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('points', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('client_spend_client_idx').on('client_spend').columns(['client_id', 'created_at']).execute();
  await db.schema.createIndex('client_spend_ref_idx').on('client_spend').columns(['ref_type', 'ref_id', 'client_id']).unique().execute();

  // Coupons (modules/coupons). Use limits are ledger accounts: the campaign's pool (total uses left) and a
  // client's uses (issued to her, or her per-client allowance), so limits hold under concurrency.
  await db.schema
    .createTable('coupons')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('amount', 'percent', 'free_service')`))
    .addColumn('value', 'integer', (c) => c.notNull()) // cents | basis points | 0
    .addColumn('service_id', 'text')
    .addColumn('max_discount', 'integer')
    .addColumn('min_spend', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('starts_on', 'text')
    .addColumn('ends_on', 'text')
    .addColumn('store_ids', 'text')
    .addColumn('category_ids', 'text')
    .addColumn('per_client_limit', 'integer')
    .addColumn('total_limit', 'integer')
    .addColumn('pool_account_id', 'text', (c) => c.references('ledger_accounts.id'))
    .addColumn('stackable', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('issued_only', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('coupon_redemptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('coupon_id', 'text', (c) => c.notNull().references('coupons.id'))
    .addColumn('client_id', 'text')
    .addColumn('store_id', 'text', (c) => c.notNull())
    .addColumn('sale_id', 'text', (c) => c.notNull())
    .addColumn('discount', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('applied', 'reversed')`))
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('reversed_at', 'bigint')
    .execute();
  await db.schema.createIndex('coupon_redemptions_coupon_idx').on('coupon_redemptions').columns(['coupon_id', 'created_at']).execute();
  await db.schema.createIndex('coupon_redemptions_sale_idx').on('coupon_redemptions').columns(['sale_id', 'coupon_id']).unique().execute();
}

export async function down(): Promise<void> {
  throw new Error('Orchid migrations are forward-only; restore a backup to go back.');
}

function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
