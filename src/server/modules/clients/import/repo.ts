// SQL of the importer: its own tables, plus the batched read-only lookups it needs on the clients tables
// (one query per batch instead of per row) and a note insert, which the clients module does not publish.
import type { Insertable, Selectable } from 'kysely';
import type { ClientImportRowsTable, ClientImportsTable } from '../../../db/tables.js';
import type { Executor } from '../../../db/tx.js';
import { newId } from '../../../platform/ids.js';
import { ImportErrors } from './errors.js';

export type ImportRow = Selectable<ClientImportsTable>;

export const findImport = (db: Executor, id: string) => db.selectFrom('client_imports').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertImport(db: Executor, row: Insertable<ClientImportsTable>, content: Buffer): Promise<void> {
  await db.insertInto('client_imports').values(row).execute();
  await db.insertInto('client_import_files').values({ import_id: row.id, content }).execute();
}

/** The uploaded bytes; gone once the import is done (then 409 import_finished). */
export async function loadFile(db: Executor, importId: string): Promise<Buffer> {
  const row = await db.selectFrom('client_import_files').select('content').where('import_id', '=', importId).executeTakeFirst();
  if (!row) throw ImportErrors.import_finished();
  return Buffer.isBuffer(row.content) ? row.content : Buffer.from(row.content as Uint8Array);
}

export type ReportRow = Insertable<ClientImportRowsTable>;

export async function insertReportRows(db: Executor, rows: readonly ReportRow[]): Promise<void> {
  // 7 values a row: stay far below SQLite's bound-variable limit.
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('client_import_rows')
      .values(rows.slice(i, i + 500))
      .execute();
}

export const reportRows = (db: Executor, importId: string) =>
  db.selectFrom('client_import_rows').selectAll().where('import_id', '=', importId).orderBy('row_number').execute();

/**
 * Links a source row to its client. Row keys (`row:` digests) are strictly unique: a conflict means another
 * import of the same file committed first, and the batch must fail and be redone (it then skips the row).
 * External-id keys keep the first client they named (a later "create" of the same id adds no second link).
 */
export async function insertLinks(
  db: Executor,
  rows: ReadonlyArray<{ key: string; client_id: string; import_id: string; created_at: number }>,
) {
  const unique = [...new Map(rows.map((r) => [r.key, r])).values()];
  const byRow = unique.filter((r) => r.key.startsWith('row:'));
  const byExt = unique.filter((r) => !r.key.startsWith('row:'));
  for (let i = 0; i < byRow.length; i += 500)
    await db
      .insertInto('client_import_links')
      .values(byRow.slice(i, i + 500))
      .execute();
  for (let i = 0; i < byExt.length; i += 500) {
    await db
      .insertInto('client_import_links')
      .values(byExt.slice(i, i + 500))
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
  }
}

const chunks = <T>(items: readonly T[], size = 500): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

/** Link key → client (merged-away clients followed to the one they were merged into). */
export async function linkedClients(db: Executor, keys: readonly string[]): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for (const part of chunks([...new Set(keys)])) {
    if (!part.length) continue;
    const rows = await db
      .selectFrom('client_import_links')
      .innerJoin('clients', 'clients.id', 'client_import_links.client_id')
      .select(['client_import_links.key', 'clients.id', 'clients.merged_into_id'])
      .where('client_import_links.key', 'in', part)
      .execute();
    for (const r of rows) map.set(r.key, r.merged_into_id ?? r.id);
  }
  return map;
}

/** Live (not merged-away) clients by phone, email or id: value → first client id (oldest first). */
export async function clientsBy(db: Executor, column: 'phone' | 'email' | 'id', values: readonly string[]): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for (const part of chunks([...new Set(values)])) {
    if (!part.length) continue;
    const rows = await db
      .selectFrom('clients')
      .select(['id', 'phone', 'email'])
      .where(column, 'in', part)
      .where('merged_into_id', 'is', null)
      .orderBy('id')
      .execute();
    for (const r of rows) {
      const v = column === 'id' ? r.id : r[column];
      if (v && !map.has(v)) map.set(v, r.id);
    }
  }
  return map;
}

/** Latest consent per client and channel (the clients module keeps an append-only history). */
export async function latestConsents(db: Executor, clientIds: readonly string[]): Promise<Map<string, { sms?: boolean; email?: boolean }>> {
  const map = new Map<string, { sms?: boolean; email?: boolean }>();
  for (const part of chunks([...new Set(clientIds)])) {
    if (!part.length) continue;
    const rows = await db
      .selectFrom('client_consents')
      .select(['client_id', 'channel', 'granted'])
      .where('client_id', 'in', part)
      .orderBy('at')
      .orderBy('id')
      .execute();
    for (const r of rows) map.set(r.client_id, { ...map.get(r.client_id), [r.channel]: r.granted === 1 });
  }
  return map;
}

export type NewNote = { clientId: string; body: string; authorId: string | null; storeId: string; now: number };

/** Notes of new clients, in a few multi-row INSERTs (the clients module publishes no note writer). */
export async function insertNotes(db: Executor, notes: readonly NewNote[]): Promise<void> {
  const rows = notes.map((n) => ({
    id: newId(),
    client_id: n.clientId,
    author_id: n.authorId,
    store_id: n.storeId,
    body: n.body,
    created_at: n.now,
  }));
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('client_notes')
      .values(rows.slice(i, i + 500))
      .execute();
}

/** Appends a note to a client's timeline unless the same text is already there (a re-run adds nothing). */
export async function addNoteOnce(db: Executor, note: NewNote) {
  const same = await db
    .selectFrom('client_notes')
    .select('id')
    .where('client_id', '=', note.clientId)
    .where('body', '=', note.body)
    .executeTakeFirst();
  if (same) return;
  await db
    .insertInto('client_notes')
    .values({
      id: newId(),
      client_id: note.clientId,
      author_id: note.authorId,
      store_id: note.storeId,
      body: note.body,
      created_at: note.now,
    })
    .execute();
}

export const storesForLookup = (db: Executor) => db.selectFrom('stores').select(['id', 'slug', 'name', 'currency', 'time_zone']).execute();
export const staffForLookup = (db: Executor) => db.selectFrom('staff').select(['id', 'email', 'name']).execute();
export const businessLanguage = async (db: Executor) => (await db.selectFrom('business').select('language').executeTakeFirst())?.language;

export const newImportId = newId;
