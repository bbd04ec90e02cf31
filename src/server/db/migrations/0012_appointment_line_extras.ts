import type { Kysely } from 'kysely';

// Appointment lines carry their add-ons and may be resized by hand at the front desk.
// - `add_ons`: JSON [{ id, extraMin, price }], the catalog terms of each add-on when it was booked (like
//   the line's own price): they lengthen the line and come through to checkout as add-on lines.
// - `custom_duration`: 1 when `duration_min` was set by hand (a resize on the calendar); such a line keeps
//   its length when the visit moves, instead of taking the catalog's duration again.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('appointment_lines')
    .addColumn('add_ons', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema
    .alterTable('appointment_lines')
    .addColumn('custom_duration', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
