import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Clients: records, search keys, tags, notes, consent history, custom fields. Instants bigint epoch ms,
// booleans 0/1, JSON as text. Phone and email are NOT unique: imports may knowingly create a duplicate,
// and the duplicates screen exists to find and merge them; the API refuses a same-phone/email create.
export async function up(db: Kysely<unknown>): Promise<void> {
  const isPg = isPostgres(db);

  await db.schema
    .createTable('clients')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('preferred_name', 'text')
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('sort_key', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('birth_month', 'integer')
    .addColumn('birth_day', 'integer')
    .addColumn('birth_year', 'integer')
    .addColumn('birthday_lunar', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('gender', 'text')
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('en'))
    .addColumn('source', 'text')
    .addColumn('referrer', 'text')
    .addColumn('home_store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('favourite_staff_id', 'text', (c) => c.references('staff.id'))
    .addColumn('pressure', 'text')
    .addColumn('focus_areas', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('allergy_reminder', 'text')
    .addColumn('health', 'text')
    .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('merged_into_id', 'text', (c) => c.references('clients.id'))
    .addColumn('last_visit_at', 'bigint')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('clients_phone_idx').on('clients').column('phone').execute();
  await db.schema.createIndex('clients_email_idx').on('clients').column('email').execute();
  await db.schema.createIndex('clients_name_birthday_idx').on('clients').columns(['name_key', 'birth_month', 'birth_day']).execute();
  await db.schema.createIndex('clients_sort_idx').on('clients').columns(['sort_key', 'id']).execute();
  await db.schema.createIndex('clients_home_store_idx').on('clients').columns(['home_store_id', 'sort_key']).execute();

  // Search keys maintained on write. On PostgreSQL the term is byte-ordered (collate "C") so the prefix
  // range `term >= :q AND term < :next` uses the btree whatever the database's locale; SQLite's default
  // BINARY collation already is. On SQLite the table is WITHOUT ROWID: the primary key is the table.
  const terms = db.schema
    .createTable('client_search_terms')
    .addColumn('term', isPg ? sql`text collate "C"` : 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('kind', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('client_search_terms_pk', ['term', 'client_id']);
  await (isPg ? terms : terms.modifyEnd(sql`without rowid`)).execute();
  await db.schema.createIndex('client_search_terms_client_idx').on('client_search_terms').columns(['client_id', 'term']).execute();

  await db.schema
    .createTable('tags')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('client_tags')
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('tag_id', 'text', (c) => c.notNull().references('tags.id'))
    .addPrimaryKeyConstraint('client_tags_pk', ['client_id', 'tag_id'])
    .execute();
  await db.schema.createIndex('client_tags_tag_idx').on('client_tags').columns(['tag_id', 'client_id']).execute();

  await db.schema
    .createTable('client_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('author_id', 'text', (c) => c.references('staff.id'))
    .addColumn('store_id', 'text', (c) => c.references('stores.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('client_notes_client_idx').on('client_notes').columns(['client_id', 'id']).execute();

  // Append-only: the current consent of a channel is its latest row (by `at`, then id).
  await db.schema
    .createTable('client_consents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('sms', 'email')`))
    .addColumn('granted', 'integer', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('wording_version', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('client_consents_client_idx').on('client_consents').columns(['client_id', 'channel', 'at']).execute();

  await db.schema
    .createTable('custom_fields')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('required', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('labels', 'text', (c) => c.notNull())
    .addColumn('options', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('client_custom_values')
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('field_id', 'text', (c) => c.notNull().references('custom_fields.id'))
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('client_custom_values_pk', ['client_id', 'field_id'])
    .execute();
}

function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function down(): Promise<void> {
  throw new Error('Orchid migrations are forward-only; restore a backup to go back.');
}
