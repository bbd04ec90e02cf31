import { type Kysely, PostgresAdapter } from 'kysely';

// Client CSV imports: the upload and its choices, the raw file (kept apart so polling progress never reads
// it), the rows that were not imported (the report), and links from a source row to the client it made
// (so a re-run of the same file creates no duplicates). Instants bigint epoch ms; JSON as text.
export async function up(db: Kysely<unknown>): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;

  await db.schema
    .createTable('client_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
    // uploaded → queued → running → done | failed
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text')
    .addColumn('file_size', 'integer', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('encoding', 'text', (c) => c.notNull())
    .addColumn('detected_encoding', 'text', (c) => c.notNull())
    .addColumn('encoding_confident', 'integer', (c) => c.notNull())
    .addColumn('delimiter', 'text', (c) => c.notNull())
    .addColumn('preset', 'text', (c) => c.notNull())
    .addColumn('headers', 'text', (c) => c.notNull())
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('options', 'text', (c) => c.notNull())
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('processed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('skipped', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .addColumn('job_id', 'text')
    .addColumn('created_by', 'text', (c) => c.references('staff.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('started_at', 'bigint')
    .addColumn('finished_at', 'bigint')
    .execute();
  await db.schema.createIndex('client_imports_store_idx').on('client_imports').columns(['store_id', 'id']).execute();

  await db.schema
    .createTable('client_import_files')
    .addColumn('import_id', 'text', (c) => c.primaryKey().references('client_imports.id'))
    .addColumn('content', isPg ? 'bytea' : 'blob', (c) => c.notNull())
    .execute();

  // Rows not imported (skipped or failed) with the reason, and the original cells for the report.
  await db.schema
    .createTable('client_import_rows')
    .addColumn('import_id', 'text', (c) => c.notNull().references('client_imports.id'))
    .addColumn('row_number', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text')
    .addColumn('cells', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('client_import_rows_pk', ['import_id', 'row_number'])
    .execute();

  // `key` is `row:<sha256 of the mapped row>` or `ext:<preset>:<external id>`. A later merge may leave a link
  // pointing at a merged client: lookups follow merged_into_id.
  await db.schema
    .createTable('client_import_links')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('import_id', 'text', (c) => c.notNull().references('client_imports.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('client_import_links_client_idx').on('client_import_links').column('client_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('Orchid migrations are forward-only; restore a backup to go back.');
}
