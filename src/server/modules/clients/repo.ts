import type { Selectable } from 'kysely';
import type { ClientsTable, CustomFieldsTable } from '../../db/tables.js';
import type { Executor } from '../../db/tx.js';
import { newId } from '../../platform/ids.js';
import type { CustomFieldDef, CustomFieldType, CustomValue } from './custom-fields.js';
import type { ConsentChannel } from './schemas.js';
import { type SearchableClient, searchTermsFor } from './search-terms.js';

export type ClientRow = Selectable<ClientsTable>;

export const findClientById = (db: Executor, id: string) => db.selectFrom('clients').selectAll().where('id', '=', id).executeTakeFirst();

/** Keys of the name: duplicate detection ("first last") and list order ("last first"). */
export function nameKeys(firstName: string, lastName: string): { name_key: string; sort_key: string } {
  const norm = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
  return { name_key: norm(`${firstName} ${lastName}`), sort_key: norm(`${lastName} ${firstName}`) };
}

/** Rewrites the search keys of one client (delete + insert, in the caller's transaction). */
export async function writeSearchTerms(db: Executor, clientId: string, c: SearchableClient): Promise<void> {
  await db.deleteFrom('client_search_terms').where('client_id', '=', clientId).execute();
  const rows = searchTermsFor(c).map((t) => ({ term: t.term, client_id: clientId, kind: t.kind }));
  // 3 bound values a row: stay well below SQLite's 32k variable limit.
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('client_search_terms')
      .values(rows.slice(i, i + 500))
      .execute();
}

export const deleteSearchTerms = (db: Executor, clientId: string) =>
  db.deleteFrom('client_search_terms').where('client_id', '=', clientId).execute();

// ---- tags

/** Tag ids by lower-cased name, creating missing tags (matched case-insensitively; the first spelling stays). */
export async function tagIdsByKey(db: Executor, names: readonly string[], now: number): Promise<Map<string, string>> {
  const byKey = new Map<string, string>();
  for (const n of names) {
    const name = n.trim();
    if (name) byKey.set(name.toLowerCase(), byKey.get(name.toLowerCase()) ?? name);
  }
  const out = new Map<string, string>();
  if (byKey.size === 0) return out;
  const keys = [...byKey.keys()];
  const find = async () => {
    for (let i = 0; i < keys.length; i += 500) {
      const rows = await db
        .selectFrom('tags')
        .select(['id', 'name_key'])
        .where('name_key', 'in', keys.slice(i, i + 500))
        .execute();
      for (const r of rows) out.set(r.name_key, r.id);
    }
  };
  await find();
  const missing = keys.filter((k) => !out.has(k));
  if (missing.length) {
    for (let i = 0; i < missing.length; i += 500) {
      await db
        .insertInto('tags')
        .values(missing.slice(i, i + 500).map((k) => ({ id: newId(), name: byKey.get(k)!, name_key: k, created_at: now })))
        .onConflict((oc) => oc.column('name_key').doNothing())
        .execute();
    }
    await find(); // a concurrent writer may have created some: read back what won
  }
  return out;
}

export async function ensureTags(db: Executor, names: readonly string[], now: number): Promise<string[]> {
  return [...new Set((await tagIdsByKey(db, names, now)).values())];
}

type BulkTable = 'clients' | 'client_search_terms' | 'client_tags' | 'client_custom_values' | 'client_consents';

/** Inserts many rows in chunks that stay under both engines' bound-parameter limits. */
export async function insertChunked(db: Executor, table: BulkTable, rows: readonly object[], chunk: number): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk)
    await db
      .insertInto(table)
      .values(rows.slice(i, i + chunk) as never)
      .execute();
}

export async function setClientTags(db: Executor, clientId: string, names: readonly string[], now: number): Promise<void> {
  const ids = await ensureTags(db, names, now);
  await db.deleteFrom('client_tags').where('client_id', '=', clientId).execute();
  if (ids.length)
    await db
      .insertInto('client_tags')
      .values(ids.map((tag_id) => ({ client_id: clientId, tag_id })))
      .execute();
}

export async function tagsByClient(db: Executor, clientIds: readonly string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>(clientIds.map((id) => [id, []]));
  if (clientIds.length === 0) return map;
  const rows = await db
    .selectFrom('client_tags')
    .innerJoin('tags', 'tags.id', 'client_tags.tag_id')
    .select(['client_tags.client_id', 'tags.name'])
    .where('client_tags.client_id', 'in', clientIds)
    .orderBy('tags.name_key')
    .execute();
  for (const r of rows) map.get(r.client_id)?.push(r.name);
  return map;
}

// ---- consent

export type ConsentState = { granted: boolean; at: number; source: string; wordingVersion: string | null } | null;

export async function insertConsent(
  db: Executor,
  row: {
    clientId: string;
    channel: ConsentChannel;
    granted: boolean;
    at: number;
    source: string;
    wordingVersion: string | null;
    actorId: string | null;
    now: number;
  },
): Promise<void> {
  await db
    .insertInto('client_consents')
    .values({
      id: newId(),
      client_id: row.clientId,
      channel: row.channel,
      granted: row.granted ? 1 : 0,
      at: row.at,
      source: row.source,
      wording_version: row.wordingVersion,
      actor_id: row.actorId,
      created_at: row.now,
    })
    .execute();
}

/** The current consent per channel: the latest entry by time (then by id, which is time-ordered). */
export async function currentConsents(
  db: Executor,
  clientIds: readonly string[],
): Promise<Map<string, Record<ConsentChannel, ConsentState>>> {
  const map = new Map<string, Record<ConsentChannel, ConsentState>>(clientIds.map((id) => [id, { sms: null, email: null }]));
  if (clientIds.length === 0) return map;
  const rows = await db.selectFrom('client_consents').selectAll().where('client_id', 'in', clientIds).orderBy('at').orderBy('id').execute();
  for (const r of rows) {
    const entry = map.get(r.client_id);
    if (entry)
      entry[r.channel as ConsentChannel] = { granted: r.granted === 1, at: r.at, source: r.source, wordingVersion: r.wording_version };
  }
  return map;
}

export const consentHistory = (db: Executor, clientId: string) =>
  db.selectFrom('client_consents').selectAll().where('client_id', '=', clientId).orderBy('at', 'desc').orderBy('id', 'desc').execute();

// ---- custom fields

export function toFieldDef(r: Selectable<CustomFieldsTable>): CustomFieldDef {
  return {
    id: r.id,
    key: r.key,
    type: r.type as CustomFieldType,
    required: r.required === 1,
    labels: JSON.parse(r.labels),
    options: JSON.parse(r.options),
    sortOrder: r.sort_order,
    archived: r.archived === 1,
    version: r.version,
  };
}

export async function loadFieldDefs(db: Executor): Promise<CustomFieldDef[]> {
  const rows = await db.selectFrom('custom_fields').selectAll().orderBy('sort_order').orderBy('key').execute();
  return rows.map(toFieldDef);
}

/** Stored values by client, keyed by field key (archived fields included: the data is still the client's). */
export async function customValuesByClient(db: Executor, clientIds: readonly string[]): Promise<Map<string, Record<string, CustomValue>>> {
  const map = new Map<string, Record<string, CustomValue>>(clientIds.map((id) => [id, {}]));
  if (clientIds.length === 0) return map;
  const rows = await db
    .selectFrom('client_custom_values')
    .innerJoin('custom_fields', 'custom_fields.id', 'client_custom_values.field_id')
    .select(['client_custom_values.client_id', 'custom_fields.key', 'client_custom_values.value'])
    .where('client_custom_values.client_id', 'in', clientIds)
    .execute();
  for (const r of rows) {
    const entry = map.get(r.client_id);
    if (entry) entry[r.key] = JSON.parse(r.value);
  }
  return map;
}

export async function writeCustomValues(
  db: Executor,
  clientId: string,
  defs: readonly CustomFieldDef[],
  change: { set: Map<string, CustomValue>; clear: string[] },
): Promise<void> {
  const idOf = new Map(defs.map((d) => [d.key, d.id]));
  const touched = [...change.set.keys(), ...change.clear].map((k) => idOf.get(k)!).filter(Boolean);
  if (touched.length) {
    await db.deleteFrom('client_custom_values').where('client_id', '=', clientId).where('field_id', 'in', touched).execute();
  }
  const rows = [...change.set].map(([k, v]) => ({ client_id: clientId, field_id: idOf.get(k)!, value: JSON.stringify(v) }));
  if (rows.length) await db.insertInto('client_custom_values').values(rows).execute();
}
