import { sql } from 'kysely';
import type { Executor } from '../../db/tx.js';
import type { Actor } from '../../http/actor.js';
import { type AuditContext, writeAudit } from '../../platform/audit.js';
import type { FieldCipher } from '../../platform/crypto.js';
import { PlatformErrors } from '../../platform/errors.js';
import { loadVisibleClient } from './card.js';
import { toClientSummary } from './clients.js';
import { ClientErrors } from './errors.js';
import { combineHealth, decryptHealth, encryptHealth } from './health.js';
import { mergeHooks } from './merge-hooks.js';
import { type ClientRow, deleteSearchTerms, tagsByClient, writeSearchTerms } from './repo.js';
import { auditView } from './service.js';
import { visibleClientsFilter } from './visibility.js';

// Duplicates and merge. A merge moves everything that points at the merged card onto the kept one (notes,
// tags, consent history, custom values, and every registered hook's tables), fills the kept card's blanks
// from the merged one, and marks the merged card `merged_into_id = keep` (archived, never deleted), all in
// one transaction, audited with before and after. Nothing is lost: both histories end up on one card.

/** The client-id columns mergeClients moves itself; every other one belongs to a registered hook. */
export const MERGE_CORE_COLUMNS = [
  'client_notes.client_id',
  'client_consents.client_id',
  'client_tags.client_id', // union of both cards' tags
  'client_custom_values.client_id', // the kept card's value wins per field
  'client_search_terms.client_id', // the merged card's terms are dropped, the kept card's rewritten
  'clients.merged_into_id', // cards merged earlier into the merged one now point at the kept one
] as const;

/** Every 'table.column' holding a client id that a merge moves: its own and the registered hooks'. */
export function mergeCoverage(): Set<string> {
  return new Set<string>([...MERGE_CORE_COLUMNS, ...mergeHooks().flatMap((h) => h.columns ?? [])]);
}

const FILLABLE = [
  'preferred_name',
  'phone',
  'email',
  'gender',
  'source',
  'referrer',
  'favourite_staff_id',
  'pressure',
] as const satisfies ReadonlyArray<keyof ClientRow>;

async function count(tx: Executor, table: 'client_notes' | 'client_tags' | 'client_consents' | 'client_custom_values', clientId: string) {
  const r = await tx
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** What the kept card gains from the merged one: filled blank fields. */
function filledFields(keep: ClientRow, merge: ClientRow, hasKeepHealth: boolean, hasMergeHealth: boolean) {
  const fill: Partial<ClientRow> = {};
  for (const f of FILLABLE) if (keep[f] === null && merge[f] !== null) (fill as Record<string, unknown>)[f] = merge[f];
  if (keep.birth_month === null && merge.birth_month !== null) {
    Object.assign(fill, {
      birth_month: merge.birth_month,
      birth_day: merge.birth_day,
      birth_year: merge.birth_year,
      birthday_lunar: merge.birthday_lunar,
    });
  } else if (
    keep.birth_year === null &&
    merge.birth_year !== null &&
    keep.birth_month === merge.birth_month &&
    keep.birth_day === merge.birth_day
  ) {
    fill.birth_year = merge.birth_year;
  }
  if (keep.focus_areas === '[]' && merge.focus_areas !== '[]') fill.focus_areas = merge.focus_areas;
  // An allergy reminder is about safety: keep both when they differ.
  if (merge.allergy_reminder && merge.allergy_reminder !== keep.allergy_reminder) {
    fill.allergy_reminder = keep.allergy_reminder ? `${keep.allergy_reminder}; ${merge.allergy_reminder}` : merge.allergy_reminder;
  }
  if ((merge.last_visit_at ?? 0) > (keep.last_visit_at ?? 0)) fill.last_visit_at = merge.last_visit_at;
  const fields = Object.keys(fill).filter((k) => k !== 'last_visit_at');
  if (hasMergeHealth) fields.push(hasKeepHealth ? 'health (blanks filled)' : 'health');
  return { fill, fields };
}

async function loadPair(tx: Executor, actor: Actor, keepId: string, mergeId: string) {
  if (keepId === mergeId) throw ClientErrors.merge_same_client();
  const keep = await loadVisibleClient(tx, actor, keepId);
  const merge = await loadVisibleClient(tx, actor, mergeId);
  for (const c of [keep, merge]) if (c.merged_into_id) throw ClientErrors.client_merged({ mergedIntoId: c.merged_into_id });
  return { keep, merge };
}

/** What a merge would do, to show before the user confirms. */
export async function mergePreview(tx: Executor, actor: Actor, keepId: string, mergeId: string) {
  const { keep, merge } = await loadPair(tx, actor, keepId, mergeId);
  const moves: Record<string, number> = {
    notes: await count(tx, 'client_notes', mergeId),
    tags: await count(tx, 'client_tags', mergeId),
    consentHistory: await count(tx, 'client_consents', mergeId),
    customFields: await count(tx, 'client_custom_values', mergeId),
  };
  for (const h of mergeHooks()) if (h.count) moves[h.name] = await h.count(tx, mergeId);
  const tags = await tagsByClient(tx, [keepId, mergeId]);
  return {
    keep: toClientSummary(keep, tags.get(keepId) ?? []),
    merge: toClientSummary(merge, tags.get(mergeId) ?? []),
    moves,
    fills: filledFields(keep, merge, keep.health !== null, merge.health !== null).fields,
  };
}

export async function mergeClients(
  tx: Executor,
  actor: Actor,
  input: { keepId: string; mergeId: string; keepVersion: number; mergeVersion: number },
  cipher: FieldCipher,
  ctx: AuditContext,
): Promise<{ keepId: string; moved: Record<string, number>; filled: string[] }> {
  const { keepId, mergeId } = input;
  const { keep, merge } = await loadPair(tx, actor, keepId, mergeId);
  if (keep.version !== input.keepVersion || merge.version !== input.mergeVersion) throw PlatformErrors.stale_version();

  const moved: Record<string, number> = {};
  const n = (r: { numUpdatedRows?: bigint; numDeletedRows?: bigint } | undefined) => Number(r?.numUpdatedRows ?? 0);
  moved.notes = n(await tx.updateTable('client_notes').set({ client_id: keepId }).where('client_id', '=', mergeId).executeTakeFirst());
  moved.consentHistory = n(
    await tx.updateTable('client_consents').set({ client_id: keepId }).where('client_id', '=', mergeId).executeTakeFirst(),
  );
  const newTags = await tx
    .selectFrom('client_tags')
    .select('tag_id')
    .where('client_id', '=', mergeId)
    .where('tag_id', 'not in', tx.selectFrom('client_tags').select('tag_id').where('client_id', '=', keepId))
    .execute();
  if (newTags.length)
    await tx
      .insertInto('client_tags')
      .values(newTags.map((t) => ({ client_id: keepId, tag_id: t.tag_id })))
      .execute();
  await tx.deleteFrom('client_tags').where('client_id', '=', mergeId).execute();
  moved.tags = newTags.length;
  // Custom values: the kept card's own value wins; the merged card's fills the fields it lacks.
  moved.customFields = n(
    await tx
      .updateTable('client_custom_values')
      .set({ client_id: keepId })
      .where('client_id', '=', mergeId)
      .where('field_id', 'not in', tx.selectFrom('client_custom_values as k').select('k.field_id').where('k.client_id', '=', keepId))
      .executeTakeFirst(),
  );
  await tx.deleteFrom('client_custom_values').where('client_id', '=', mergeId).execute();
  for (const h of mergeHooks()) moved[h.name] = (await h.move(tx, { keepId, mergeId, ctx })) ?? 0;
  // Cards merged earlier into the merged one now point at the kept one (no chains).
  await tx.updateTable('clients').set({ merged_into_id: keepId }).where('merged_into_id', '=', mergeId).execute();

  const keepHealth = decryptHealth(cipher, keep.id, keep.health);
  const mergeHealth = decryptHealth(cipher, merge.id, merge.health);
  const { fill, fields } = filledFields(keep, merge, keepHealth !== null, mergeHealth !== null);
  const next: ClientRow = {
    ...keep,
    ...fill,
    health: mergeHealth ? encryptHealth(cipher, keep.id, combineHealth(keepHealth, mergeHealth)) : keep.health,
    version: keep.version + 1,
    updated_at: ctx.now,
  };
  const { id: _id, created_at: _c, ...changes } = next;
  await tx.updateTable('clients').set(changes).where('id', '=', keepId).where('version', '=', keep.version).execute();
  const res = await tx
    .updateTable('clients')
    .set({ merged_into_id: keepId, archived: 1, version: merge.version + 1, updated_at: ctx.now })
    .where('id', '=', mergeId)
    .where('version', '=', merge.version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw PlatformErrors.stale_version();
  await deleteSearchTerms(tx, mergeId);
  await writeSearchTerms(tx, keepId, {
    firstName: next.first_name,
    lastName: next.last_name,
    preferredName: next.preferred_name,
    email: next.email,
    phone: next.phone,
  });
  await writeAudit(tx, ctx, {
    action: 'client.merge',
    entityType: 'client',
    entityId: keepId,
    storeId: keep.home_store_id,
    before: { keep: auditView(keep), merge: auditView(merge) },
    after: { keep: auditView(next), mergedId: mergeId, moved, filled: fields },
  });
  return { keepId, moved, filled: fields };
}

type Reason = 'phone' | 'email' | 'name_birthday';

/** Likely duplicate pairs among active clients the actor sees: same phone, same email, same name + birthday. */
export async function listDuplicatePairs(db: Executor, actor: Actor, limit: number) {
  const active = (a: string) => sql.raw(`${a}.merged_into_id is null and ${a}.archived = 0`);
  const pairs = await sql<{ a_id: string; b_id: string; reason: Reason }>`
    select a.id as a_id, b.id as b_id, 'phone' as reason from clients a join clients b on b.phone = a.phone and a.id < b.id
      where a.phone is not null and ${active('a')} and ${active('b')}
    union all
    select a.id, b.id, 'email' from clients a join clients b on b.email = a.email and a.id < b.id
      where a.email is not null and ${active('a')} and ${active('b')}
    union all
    select a.id, b.id, 'name_birthday' from clients a join clients b
      on b.name_key = a.name_key and b.birth_month = a.birth_month and b.birth_day = a.birth_day and a.id < b.id
      where a.birth_month is not null and ${active('a')} and ${active('b')}
  `.execute(db);
  const byPair = new Map<string, { a: string; b: string; reasons: Reason[] }>();
  for (const p of pairs.rows) {
    const key = `${p.a_id}|${p.b_id}`;
    const entry = byPair.get(key) ?? { a: p.a_id, b: p.b_id, reasons: [] };
    if (!entry.reasons.includes(p.reason)) entry.reasons.push(p.reason);
    byPair.set(key, entry);
  }
  const ids = [...new Set([...byPair.values()].flatMap((p) => [p.a, p.b]))];
  if (ids.length === 0) return { data: [], nextCursor: null };
  let q = db.selectFrom('clients').selectAll().where('id', 'in', ids);
  const visible = visibleClientsFilter(actor);
  if (visible) q = q.where(visible);
  const rows = new Map((await q.execute()).map((r) => [r.id, r]));
  const tags = await tagsByClient(db, [...rows.keys()]);
  const order: Record<Reason, number> = { phone: 0, email: 1, name_birthday: 2 };
  const data = [...byPair.values()]
    .filter((p) => rows.has(p.a) && rows.has(p.b))
    .sort((x, y) => order[x.reasons[0]!] - order[y.reasons[0]!] || x.a.localeCompare(y.a))
    .slice(0, limit)
    .map((p) => ({
      reasons: p.reasons,
      a: toClientSummary(rows.get(p.a)!, tags.get(p.a) ?? []),
      b: toClientSummary(rows.get(p.b)!, tags.get(p.b) ?? []),
    }));
  return { data, nextCursor: null };
}
