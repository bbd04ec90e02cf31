import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Client search ranks up to 500 candidates per word by (last visit, last update) and reads full rows only
// for the page. Both reads become index-only:
// - clients_rank_idx carries what ranking and the visibility filters read, so each candidate costs one
//   probe of a small index instead of a fetch of its whole row (SQLite: every column in the key;
//   PostgreSQL: the id key, the rest INCLUDEd);
// - on PostgreSQL the term primary key INCLUDEs kind, so the prefix range is an index-only scan (SQLite's
//   WITHOUT ROWID table already is its primary key, kind included).
export async function up(db: Kysely<unknown>): Promise<void> {
  const rankColumns = ['merged_into_id', 'archived', 'home_store_id', 'last_visit_at', 'updated_at'];
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`create index clients_rank_idx on clients (id) include (${sql.join(rankColumns.map((c) => sql.ref(c)))})`.execute(db);
    await sql`alter table client_search_terms drop constraint client_search_terms_pk,
      add constraint client_search_terms_pk primary key (term, client_id) include (kind)`.execute(db);
    return;
  }
  await db.schema
    .createIndex('clients_rank_idx')
    .on('clients')
    .columns(['id', ...rankColumns])
    .execute();
}
