import type { Kysely } from 'kysely';

// The catalog: HQ-defined services, add-ons and products, per-store overrides, and each store's rooms,
// beds and chairs. Money is integer cents; booleans 0/1; JSON (translations, locks) as text.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('service_categories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_translations', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('color', 'text')
    .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('services')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('category_id', 'text', (c) => c.references('service_categories.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_translations', 'text', (c) => c.notNull().defaultTo('{}'))
    // Lowercased name, translations (and for products SKU, barcode, brand): what `?q=` searches.
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description', 'text')
    .addColumn('description_translations', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('duration_min', 'integer', (c) => c.notNull())
    .addColumn('buffer_before_min', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('buffer_after_min', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('processing_start_min', 'integer')
    .addColumn('processing_min', 'integer')
    .addColumn('price', 'integer', (c) => c.notNull())
    .addColumn('tax_class', 'text', (c) => c.notNull())
    .addColumn('online_bookable', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('color', 'text')
    .addColumn('resource_type', 'text')
    .addColumn('locks', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('services_category_idx').on('services').column('category_id').execute();
  await db.schema.createIndex('services_name_idx').on('services').columns(['name', 'id']).execute();

  await db.schema
    .createTable('service_staff')
    .addColumn('service_id', 'text', (c) => c.notNull().references('services.id'))
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('price', 'integer')
    .addColumn('duration_min', 'integer')
    .addPrimaryKeyConstraint('service_staff_pk', ['service_id', 'staff_id'])
    .execute();
  await db.schema.createIndex('service_staff_staff_idx').on('service_staff').column('staff_id').execute();

  await db.schema
    .createTable('add_ons')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_translations', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('price', 'integer', (c) => c.notNull())
    .addColumn('extra_min', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('tax_class', 'text', (c) => c.notNull())
    .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('service_add_ons')
    .addColumn('service_id', 'text', (c) => c.notNull().references('services.id'))
    .addColumn('add_on_id', 'text', (c) => c.notNull().references('add_ons.id'))
    .addPrimaryKeyConstraint('service_add_ons_pk', ['service_id', 'add_on_id'])
    .execute();
  await db.schema.createIndex('service_add_ons_add_on_idx').on('service_add_ons').column('add_on_id').execute();

  await db.schema
    .createTable('products')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sku', 'text', (c) => c.notNull().unique())
    // Unique when present: both engines let several rows hold NULL under a unique constraint.
    .addColumn('barcode', 'text', (c) => c.unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_translations', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('brand', 'text')
    .addColumn('price', 'integer', (c) => c.notNull())
    .addColumn('cost', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('tax_class', 'text', (c) => c.notNull())
    .addColumn('usage', 'text', (c) => c.notNull())
    .addColumn('unit', 'text')
    // A measure, not money: 250 (ml), 7.5 (g).
    .addColumn('size', 'double precision')
    .addColumn('locks', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('products_name_idx').on('products').columns(['name', 'id']).execute();

  // A row exists only while a store overrides something; NULL in a column means "HQ value".
  await db.schema
    .createTable('service_overrides')
    .addColumn('service_id', 'text', (c) => c.notNull().references('services.id'))
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('price', 'integer')
    .addColumn('duration_min', 'integer')
    .addColumn('available', 'integer')
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('service_overrides_pk', ['service_id', 'store_id'])
    .execute();
  await db.schema.createIndex('service_overrides_store_idx').on('service_overrides').column('store_id').execute();

  await db.schema
    .createTable('product_overrides')
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('price', 'integer')
    .addColumn('available', 'integer')
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('product_overrides_pk', ['product_id', 'store_id'])
    .execute();
  await db.schema.createIndex('product_overrides_store_idx').on('product_overrides').column('store_id').execute();

  await db.schema
    .createTable('resources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('resources_store_idx').on('resources').columns(['store_id', 'type']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Orchid migrations are forward-only; restore a backup to go back.');
}
