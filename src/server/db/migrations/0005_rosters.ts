import { type Kysely, sql } from 'kysely';

// Rosters: each staff member's weekly hours per store ('HH:mm' ranges as JSON, in the store's zone),
// dated exceptions (time off, breaks, extra shifts, custom hours) and blocked time (instants, epoch ms).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('staff_rosters')
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('hours', 'text', (c) => c.notNull())
    .addColumn('rotation_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('staff_rosters_pk', ['staff_id', 'store_id'])
    .execute();
  await db.schema.createIndex('staff_rosters_store_idx').on('staff_rosters').column('store_id').execute();

  await db.schema
    .createTable('roster_exceptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('time_off', 'break', 'extra_shift', 'custom_hours')`))
    .addColumn('hours', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('roster_exceptions_store_date_idx').on('roster_exceptions').columns(['store_id', 'date']).execute();
  // One set of custom hours per person, store and date (a second one would be ambiguous): the database says so.
  await db.schema
    .createIndex('roster_exceptions_custom_uq')
    .on('roster_exceptions')
    .columns(['staff_id', 'store_id', 'date'])
    .unique()
    .where(sql.ref('kind'), '=', 'custom_hours')
    .execute();

  await db.schema
    .createTable('blocked_times')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('start_at', 'bigint', (c) => c.notNull())
    .addColumn('end_at', 'bigint', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addCheckConstraint('blocked_times_order', sql`end_at > start_at`)
    .execute();
  await db.schema.createIndex('blocked_times_staff_idx').on('blocked_times').columns(['staff_id', 'start_at']).execute();
  await db.schema.createIndex('blocked_times_store_idx').on('blocked_times').columns(['store_id', 'start_at']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Orchid migrations are forward-only; restore a backup to go back.');
}
