import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Appointments: visits with one or more lines, their status history, per-store booking settings, the
// waitlist and one-time codes of online booking. Instants bigint epoch ms, booleans 0/1, JSON as text.
//
// No double booking is a database guarantee. Every active line writes what it takes from its technician
// (`staff_occupancy`, split around a processing gap when the store allows overlap there) and from its
// resource (`resource_occupancy`). Two rows of the same staff member or resource can never overlap:
// - PostgreSQL: exclusion constraints (btree_gist) on (id WITH =, int8range(start_at, end_at) WITH &&);
// - SQLite: BEFORE INSERT/UPDATE triggers that abort on an overlap. SQLite has a single writer, so the
//   trigger's check and the insert cannot interleave with another transaction.
// Cancelling or a no-show deletes the rows; a completed visit keeps them.
export async function up(db: Kysely<unknown>): Promise<void> {
  const isPg = isPostgres(db);

  await db.schema
    .createTable('store_booking_settings')
    .addColumn('store_id', 'text', (c) => c.primaryKey().references('stores.id'))
    .addColumn('settings', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('appointments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('client_id', 'text', (c) => c.references('clients.id'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('booked', 'confirmed', 'checked_in', 'in_service', 'completed', 'cancelled', 'no_show')`),
    )
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('front_desk', 'online', 'phone', 'walk_in')`))
    .addColumn('notes', 'text')
    // The visit: first service start and last service end (buffers excluded).
    .addColumn('start_at', 'bigint', (c) => c.notNull())
    .addColumn('end_at', 'bigint', (c) => c.notNull())
    .addColumn('cancel_reason', 'text')
    // A late-cancel or no-show fee for checkout to collect (cents), per the store's policy at the time.
    .addColumn('fee_kind', 'text')
    .addColumn('fee_amount', 'integer')
    .addColumn('reschedule_count', 'integer', (c) => c.notNull().defaultTo(0))
    // Changing it revokes the client's manage link (the link is an HMAC over id and nonce).
    .addColumn('manage_nonce', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('confirmed_at', 'bigint')
    .addColumn('confirmed_by', 'text')
    .addColumn('checked_in_at', 'bigint')
    .addColumn('checked_in_by', 'text')
    .addColumn('started_at', 'bigint')
    .addColumn('started_by', 'text')
    .addColumn('completed_at', 'bigint')
    .addColumn('completed_by', 'text')
    .addColumn('cancelled_at', 'bigint')
    .addColumn('cancelled_by', 'text')
    .addColumn('no_show_at', 'bigint')
    .addColumn('no_show_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('appointments_store_start_idx').on('appointments').columns(['store_id', 'start_at']).execute();
  await db.schema.createIndex('appointments_store_updated_idx').on('appointments').columns(['store_id', 'updated_at']).execute();
  await db.schema.createIndex('appointments_client_idx').on('appointments').columns(['client_id', 'start_at']).execute();

  await db.schema
    .createTable('appointment_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('appointment_id', 'text', (c) => c.notNull().references('appointments.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('service_id', 'text', (c) => c.notNull().references('services.id'))
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
    // 1 when the client asked for this technician, 0 when "any" picked them.
    .addColumn('staff_requested', 'integer', (c) => c.notNull())
    .addColumn('resource_id', 'text', (c) => c.references('resources.id'))
    .addColumn('parallel_with_previous', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('start_at', 'bigint', (c) => c.notNull())
    .addColumn('end_at', 'bigint', (c) => c.notNull())
    // Buffer before + service + buffer after: what the line takes from the calendar.
    .addColumn('busy_start_at', 'bigint', (c) => c.notNull())
    .addColumn('busy_end_at', 'bigint', (c) => c.notNull())
    .addColumn('buffer_before_min', 'integer', (c) => c.notNull())
    .addColumn('buffer_after_min', 'integer', (c) => c.notNull())
    .addColumn('processing_start_at', 'bigint')
    .addColumn('processing_end_at', 'bigint')
    .addColumn('duration_min', 'integer', (c) => c.notNull())
    .addColumn('price', 'integer', (c) => c.notNull())
    // 0 once the appointment is cancelled or a no-show: such lines no longer take time.
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('appointment_lines_appointment_idx')
    .on('appointment_lines')
    .columns(['appointment_id', 'position'])
    .execute();
  // Availability reads every active line of a store's staff over a month: a partial index holding all it
  // needs answers that without touching the table.
  await db.schema
    .createIndex('appointment_lines_busy_idx')
    .on('appointment_lines')
    .columns(['staff_id', 'busy_start_at', 'busy_end_at', 'processing_start_at', 'processing_end_at', 'appointment_id'])
    .where(sql.ref('active'), '=', 1)
    .execute();
  await db.schema.createIndex('appointment_lines_service_idx').on('appointment_lines').column('service_id').execute();

  for (const [table, key] of [
    ['staff_occupancy', 'staff_id'],
    ['resource_occupancy', 'resource_id'],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('appointment_id', 'text', (c) => c.notNull().references('appointments.id'))
      .addColumn('line_id', 'text', (c) => c.notNull().references('appointment_lines.id'))
      .addColumn(key, 'text', (c) => c.notNull())
      .addColumn('start_at', 'bigint', (c) => c.notNull())
      .addColumn('end_at', 'bigint', (c) => c.notNull())
      .addCheckConstraint(`${table}_positive`, sql`end_at > start_at`)
      .execute();
    await db.schema.createIndex(`${table}_appointment_idx`).on(table).column('appointment_id').execute();
    if (isPg) {
      await sql`create extension if not exists btree_gist`.execute(db);
      await sql`alter table ${sql.table(table)} add constraint ${sql.ref(`${table}_no_overlap`)}
        exclude using gist (${sql.ref(key)} with =, int8range(start_at, end_at) with &&)`.execute(db);
    } else {
      await db.schema.createIndex(`${table}_key_idx`).on(table).columns([key, 'start_at']).execute();
      for (const event of ['insert', 'update'] as const) {
        await sql`create trigger ${sql.ref(`${table}_no_overlap_${event}`)} before ${sql.raw(event)} on ${sql.table(table)}
          when exists (
            select 1 from ${sql.table(table)} o
            where o.${sql.ref(key)} = new.${sql.ref(key)} and o.start_at < new.end_at and o.end_at > new.start_at and o.id <> new.id
          )
          begin select raise(abort, 'slot_taken'); end`.execute(db);
      }
    }
  }

  await db.schema
    .createTable('appointment_status_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('appointment_id', 'text', (c) => c.notNull().references('appointments.id'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('reason', 'text')
    .addColumn('start_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('appointment_status_history_idx')
    .on('appointment_status_history')
    .columns(['appointment_id', 'id'])
    .execute();

  await db.schema
    .createTable('waitlist_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('service_ids', 'text', (c) => c.notNull()) // JSON array
    .addColumn('staff_id', 'text', (c) => c.references('staff.id')) // null: any technician
    .addColumn('date_from', 'text', (c) => c.notNull())
    .addColumn('date_to', 'text', (c) => c.notNull())
    .addColumn('time_from', 'text')
    .addColumn('time_to', 'text')
    .addColumn('notes', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('waiting', 'booked', 'removed')`))
    // Set when a cancellation freed a slot that fits: the front desk can offer it.
    .addColumn('matched_at', 'bigint')
    .addColumn('match', 'text') // JSON: the first fitting slot
    .addColumn('appointment_id', 'text', (c) => c.references('appointments.id'))
    .addColumn('created_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('waitlist_store_idx').on('waitlist_entries').columns(['store_id', 'status', 'date_from']).execute();
  await db.schema.createIndex('waitlist_client_idx').on('waitlist_entries').column('client_id').execute();

  await db.schema
    .createTable('booking_otps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('destination', 'text', (c) => c.notNull()) // E.164 phone or lower-cased email
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('consumed_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('booking_otps_destination_idx').on('booking_otps').columns(['destination', 'created_at']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Orchid migrations are forward-only; restore a backup to go back.');
}

function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
