import { type Kysely, sql } from 'kysely';

// Treatment packages (疗程) and treatment records (护理记录).
//
// - A package template (HQ) lists items: N sessions of one service, or a pool of sessions over a set of
//   services, each with an optional step; its price is allocated over every session (deferred revenue).
// - A client package is bought from a template: its terms and allocation are copied (a later change of the
//   template never changes what a client bought). Each item's remaining sessions are a ledger account
//   (kind package_session, unit uses) moved only through the ledgers' guarded postings, so a session can
//   never be spent twice and `reconcile` covers packages like every other balance.
// - A package session is one redemption: what it was worth, who performed it, where, from which sale or
//   appointment line; reversed (never deleted) by a refund or void.
// - A treatment record is one per service performed; its health content (metrics, reaction, notes,
//   aftercare) is one AES-256-GCM token; photos are files under the photo directory, rows here.
// Instants bigint epoch ms; booleans 0/1; JSON text; calendar dates YYYY-MM-DD text (store-local).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('package_settings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('settings', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('package_templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_translations', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('description', 'text')
    .addColumn('description_translations', 'text', (c) => c.notNull().defaultTo('{}'))
    // JSON [{ id, label, labelTranslations, sessions, serviceIds, step, weight }]
    .addColumn('items', 'text', (c) => c.notNull())
    // JSON [{ productId, quantity }]: handed over with the package.
    .addColumn('products', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('price', 'integer', (c) => c.notNull().check(sql`price >= 0`))
    .addColumn('tax_class', 'text')
    .addColumn('validity_kind', 'text', (c) => c.notNull().check(sql`validity_kind in ('months', 'fixed', 'none')`))
    .addColumn('validity_months', 'integer')
    .addColumn('valid_until', 'text')
    .addColumn('store_ids', 'text') // JSON array; null = every store
    .addColumn('freeze_allowed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('freeze_max_days', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('shareable', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_members', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('client_packages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('template_id', 'text', (c) => c.notNull().references('package_templates.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_translations', 'text', (c) => c.notNull().defaultTo('{}'))
    // JSON snapshot of the template's terms at purchase: storeIds, freeze, shareable, maxMembers, validity, products.
    .addColumn('terms', 'text', (c) => c.notNull())
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('sale_id', 'text')
    .addColumn('sale_line_id', 'text', (c) => c.unique())
    // Pre-tax revenue allocated over the sessions, and what the client paid for the line (tax included).
    .addColumn('price', 'integer', (c) => c.notNull().check(sql`price >= 0`))
    .addColumn('paid_total', 'integer', (c) => c.notNull().check(sql`paid_total >= 0`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active', 'expired', 'refunded', 'voided')`))
    .addColumn('purchased_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint')
    .addColumn('frozen_from', 'bigint')
    .addColumn('frozen_until', 'bigint')
    .addColumn('freeze_days_used', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('refunded_amount', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('refund_fee', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('closed_at', 'bigint')
    .addColumn('closed_reason', 'text')
    .addColumn('created_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('client_packages_client_idx').on('client_packages').columns(['client_id', 'purchased_at']).execute();
  await db.schema.createIndex('client_packages_status_idx').on('client_packages').columns(['status', 'expires_at']).execute();
  await db.schema.createIndex('client_packages_store_idx').on('client_packages').columns(['store_id', 'purchased_at']).execute();

  await db.schema
    .createTable('client_package_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('package_id', 'text', (c) => c.notNull().references('client_packages.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('label_translations', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('service_ids', 'text', (c) => c.notNull()) // JSON array
    .addColumn('step', 'integer')
    .addColumn('sessions', 'integer', (c) => c.notNull().check(sql`sessions > 0`))
    .addColumn('session_values', 'text', (c) => c.notNull()) // JSON int array, one per session
    .addColumn('account_id', 'text', (c) => c.notNull().references('ledger_accounts.id'))
    .execute();
  await db.schema
    .createIndex('client_package_items_package_idx')
    .on('client_package_items')
    .columns(['package_id', 'position'])
    .unique()
    .execute();

  await db.schema
    .createTable('client_package_members')
    .addColumn('package_id', 'text', (c) => c.notNull().references('client_packages.id'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('relation', 'text')
    .addColumn('added_by', 'text')
    .addColumn('added_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('client_package_members_pk', ['package_id', 'client_id'])
    .execute();
  await db.schema.createIndex('client_package_members_client_idx').on('client_package_members').column('client_id').execute();

  await db.schema
    .createTable('package_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('package_id', 'text', (c) => c.notNull().references('client_packages.id'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('client_package_items.id'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('service_id', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'text')
    .addColumn('session_number', 'integer', (c) => c.notNull())
    .addColumn('value', 'integer', (c) => c.notNull().check(sql`value >= 0`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('redeemed', 'reversed')`))
    .addColumn('source', 'text', (c) => c.notNull()) // checkout | direct
    .addColumn('sale_id', 'text')
    .addColumn('sale_line_id', 'text', (c) => c.unique())
    .addColumn('appointment_id', 'text')
    .addColumn('appointment_line_id', 'text')
    .addColumn('step_override_by', 'text')
    .addColumn('step_override_reason', 'text')
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('redeemed_at', 'bigint', (c) => c.notNull())
    .addColumn('reversed_at', 'bigint')
    .addColumn('reversed_by', 'text')
    .addColumn('reverse_reason', 'text')
    .addColumn('created_by', 'text')
    .execute();
  await db.schema.createIndex('package_sessions_package_idx').on('package_sessions').columns(['package_id', 'redeemed_at']).execute();
  await db.schema.createIndex('package_sessions_client_idx').on('package_sessions').columns(['client_id', 'redeemed_at']).execute();
  await db.schema.createIndex('package_sessions_store_idx').on('package_sessions').columns(['store_id', 'redeemed_at']).execute();
  await db.schema.createIndex('package_sessions_appt_line_idx').on('package_sessions').column('appointment_line_id').execute();

  await db.schema
    .createTable('package_recommendation_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('from_template_id', 'text', (c) => c.notNull().references('package_templates.id'))
    .addColumn('trigger_kind', 'text', (c) => c.notNull().check(sql`trigger_kind in ('completed', 'remaining')`))
    .addColumn('remaining', 'integer')
    .addColumn('to_template_id', 'text', (c) => c.notNull().references('package_templates.id'))
    .addColumn('send_to_client', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('message', 'text', (c) => c.notNull().defaultTo('{}')) // JSON translations
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('package_rec_rules_from_idx').on('package_recommendation_rules').column('from_template_id').execute();

  await db.schema
    .createTable('package_recommendations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('rule_id', 'text', (c) => c.notNull().references('package_recommendation_rules.id'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('from_package_id', 'text', (c) => c.notNull().references('client_packages.id'))
    .addColumn('to_template_id', 'text', (c) => c.notNull().references('package_templates.id'))
    .addColumn('store_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'converted', 'dismissed')`))
    .addColumn('sent_at', 'bigint')
    .addColumn('converted_package_id', 'text')
    .addColumn('converted_at', 'bigint')
    .addColumn('dismissed_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('package_recs_rule_pkg_idx')
    .on('package_recommendations')
    .columns(['rule_id', 'from_package_id'])
    .unique()
    .execute();
  await db.schema.createIndex('package_recs_client_idx').on('package_recommendations').columns(['client_id', 'status']).execute();

  // One row per notice sent (expiry 30 / 7 days, next-session reminder, recommendation): a fixed key, so a
  // job that runs twice sends once.
  await db.schema
    .createTable('package_notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ref_id', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('channels', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('package_notices_ref_idx').on('package_notices').columns(['kind', 'ref_id']).unique().execute();
  await db.schema.createIndex('package_notices_client_idx').on('package_notices').columns(['client_id', 'created_at']).execute();

  // Treatment records.
  await db.schema
    .createTable('treatment_templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_translations', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('category_ids', 'text', (c) => c.notNull().defaultTo('[]')) // JSON array of service category ids
    .addColumn('fields', 'text', (c) => c.notNull()) // JSON field definitions
    .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('treatment_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('service_id', 'text', (c) => c.notNull().references('services.id'))
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('appointment_id', 'text')
    // One record per service performed: at most one per appointment line and per package session.
    .addColumn('appointment_line_id', 'text', (c) => c.unique())
    .addColumn('package_session_id', 'text', (c) => c.unique())
    .addColumn('template_id', 'text')
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('ended_at', 'bigint')
    .addColumn('products', 'text', (c) => c.notNull().defaultTo('[]')) // JSON [{ productId, amount, unit }]
    .addColumn('technique', 'text')
    .addColumn('settings', 'text', (c) => c.notNull().defaultTo('{}')) // JSON { key: value }
    // Encrypted JSON { metrics, reaction, notes, aftercare }, bound to the record id.
    .addColumn('clinical', 'text')
    .addColumn('next_recommended_on', 'text')
    .addColumn('shared_with_client', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('treatment_records_client_idx').on('treatment_records').columns(['client_id', 'started_at']).execute();
  await db.schema
    .createIndex('treatment_records_store_next_idx')
    .on('treatment_records')
    .columns(['store_id', 'next_recommended_on'])
    .execute();
  await db.schema.createIndex('treatment_records_staff_idx').on('treatment_records').columns(['staff_id', 'started_at']).execute();

  await db.schema
    .createTable('treatment_addenda')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('record_id', 'text', (c) => c.notNull().references('treatment_records.id'))
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull()) // encrypted
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('treatment_addenda_record_idx').on('treatment_addenda').columns(['record_id', 'created_at']).execute();

  await db.schema
    .createTable('treatment_photos')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('record_id', 'text', (c) => c.notNull().references('treatment_records.id'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('before', 'after', 'other')`))
    .addColumn('file', 'text', (c) => c.notNull())
    .addColumn('thumb_file', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('treatment_photos_record_idx').on('treatment_photos').columns(['record_id', 'created_at']).execute();
  await db.schema.createIndex('treatment_photos_client_idx').on('treatment_photos').columns(['client_id', 'created_at']).execute();

  // The client portal: one-time codes (stored as an HMAC) and sign-in sessions (stored as a SHA-256).
  await db.schema
    .createTable('portal_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('destination', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('consumed_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('portal_codes_destination_idx').on('portal_codes').columns(['destination', 'created_at']).execute();

  await db.schema
    .createTable('portal_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('revoked_at', 'bigint')
    .execute();
  await db.schema.createIndex('portal_sessions_client_idx').on('portal_sessions').column('client_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('Orchid migrations are forward-only; restore a backup to go back.');
}
