import { type Kysely, PostgresAdapter, sql } from 'kysely';

// SQLite's no-overlap triggers (0006) looked for a clash among every earlier row of the technician or
// resource (`start_at < new.end_at` bounds the index range from above only), so each booking read that
// person's whole history. A row spans at most MAX_LINE_SPAN_MS (4 days, modules/availability/engine.ts): a
// row starting that long before the new one has ended by then, so the search now starts there. A row
// longer than that is refused outright, so the bound can never hide a clash. PostgreSQL's exclusion
// constraints already search by range: nothing to do there.
const SPAN_MS = 4 * 1440 * 60_000;

export async function up(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  for (const [table, key] of [
    ['staff_occupancy', 'staff_id'],
    ['resource_occupancy', 'resource_id'],
  ] as const) {
    for (const event of ['insert', 'update'] as const) {
      await sql`drop trigger ${sql.ref(`${table}_no_overlap_${event}`)}`.execute(db);
      await sql`create trigger ${sql.ref(`${table}_no_overlap_${event}`)} before ${sql.raw(event)} on ${sql.table(table)}
        when new.end_at - new.start_at > ${sql.lit(SPAN_MS)} or exists (
          select 1 from ${sql.table(table)} o
          where o.${sql.ref(key)} = new.${sql.ref(key)} and o.start_at > new.start_at - ${sql.lit(SPAN_MS)}
            and o.start_at < new.end_at and o.end_at > new.start_at and o.id <> new.id
        )
        begin select raise(abort, 'slot_taken'); end`.execute(db);
    }
  }
}

export async function down(): Promise<void> {
  throw new Error('Orchid migrations are forward-only; restore a backup to go back.');
}
