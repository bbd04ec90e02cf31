import type { Executor } from '../../db/tx.js';
import { type AuditContext, writeAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { normalizeEmail, normalizePhone } from './contact.js';
import { type CustomFieldDef, type CustomValue, validateCustomValues } from './custom-fields.js';
import { ClientErrors, clientExists } from './errors.js';
import { compactHealth, encryptHealth } from './health.js';
import { type ClientRow, insertChunked, loadFieldDefs, nameKeys, tagIdsByKey } from './repo.js';
import type { NewClient } from './schemas.js';
import { searchTermsFor } from './search-terms.js';
import { auditView, countryForStore, type WriteOptions, type WrittenClient } from './service.js';

// Creating clients, one or many. The many form is what an import of 50,000 rows needs: each row is
// checked on its own (a bad row becomes an error result, the others still go in), then the good rows are
// written with a handful of multi-row INSERTs instead of several statements per client.

export type InsertResult = { ok: true; client: WrittenClient } | { ok: false; error: AppError };

type Prepared = { index: number; input: NewClient; row: ClientRow; custom: Map<string, CustomValue> };

/**
 * Creates clients in the caller's transaction, in input order. Per row: phone (home store's country) and
 * email normalised, custom fields validated, favourite technician checked, and — unless
 * `checkDuplicates: false` — refused as 409 client_exists when an existing client, or an earlier row of the
 * same batch, has the same phone or email. A refused row is `{ ok: false, error }` (an AppError with field
 * paths); other errors (database) are thrown and roll the caller's transaction back.
 */
export async function insertClients(
  tx: Executor,
  inputs: readonly NewClient[],
  ctx: AuditContext,
  opts: WriteOptions = {},
): Promise<InsertResult[]> {
  const results: InsertResult[] = new Array(inputs.length);
  const defs = opts.fieldDefs ?? (await loadFieldDefs(tx));
  const countries = opts.countryByStore ?? new Map();
  const staffIds = [...new Set(inputs.map((i) => i.preferences?.favouriteStaffId).filter((x): x is string => !!x))];
  const knownStaff = new Set(
    staffIds.length ? (await tx.selectFrom('staff').select('id').where('id', 'in', staffIds).execute()).map((r) => r.id) : [],
  );

  const prepared: Prepared[] = [];
  for (const [index, input] of inputs.entries()) {
    try {
      prepared.push(await prepare(tx, index, input, ctx, opts, { defs, countries, knownStaff }));
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      results[index] = { ok: false, error: err };
    }
  }

  const accepted = opts.checkDuplicates === false ? prepared : await withoutDuplicates(tx, prepared, results);
  await writeAll(tx, accepted, defs, ctx);
  for (const p of accepted) {
    results[p.index] = { ok: true, client: { id: p.row.id, version: 1, phone: p.row.phone, email: p.row.email } };
    if (opts.audit === false) continue;
    await writeAudit(tx, ctx, {
      action: 'client.create',
      entityType: 'client',
      entityId: p.row.id,
      storeId: p.row.home_store_id,
      after: { ...auditView(p.row), tags: p.input.tags ?? [], customFields: Object.fromEntries(p.custom) },
    });
    if (p.row.health) {
      await writeAudit(tx, ctx, {
        action: 'client.health_write',
        entityType: 'client',
        entityId: p.row.id,
        storeId: p.row.home_store_id,
        after: { fields: Object.keys(compactHealth(p.input.health) ?? {}), erased: false },
      });
    }
  }
  return results;
}

/** One client; throws the row's AppError (422 invalid_phone, 409 client_exists, …). */
export async function insertClient(tx: Executor, input: NewClient, ctx: AuditContext, opts: WriteOptions = {}): Promise<WrittenClient> {
  const [result] = await insertClients(tx, [input], ctx, opts);
  if (!result!.ok) throw result!.error;
  return result!.client;
}

async function prepare(
  tx: Executor,
  index: number,
  input: NewClient,
  ctx: AuditContext,
  opts: WriteOptions,
  cache: { defs: readonly CustomFieldDef[]; countries: NonNullable<WriteOptions['countryByStore']>; knownStaff: Set<string> },
): Promise<Prepared> {
  const country = await countryForStore(tx, input.homeStoreId, cache.countries);
  const phone = input.phone ? normalizePhone(input.phone, country) : null;
  const email = input.email ? normalizeEmail(input.email) : null;
  const custom = validateCustomValues(cache.defs, input.customFields, { create: true });
  const favourite = input.preferences?.favouriteStaffId ?? null;
  if (favourite && !cache.knownStaff.has(favourite)) {
    throw ClientErrors.unknown_staff({}, [{ path: 'preferences.favouriteStaffId', message: 'no such staff member' }]);
  }
  const id = newId();
  const lastName = (input.lastName ?? '').trim();
  const firstName = input.firstName.trim();
  let health: string | null = null;
  if (compactHealth(input.health)) {
    if (!opts.cipher) throw new Error('clients: writing health data needs opts.cipher (createFieldCipher(deps.secrets.fieldKey))');
    health = encryptHealth(opts.cipher, id, input.health);
  }
  const row: ClientRow = {
    id,
    first_name: firstName,
    last_name: lastName,
    preferred_name: input.preferredName?.trim() || null,
    ...nameKeys(firstName, lastName),
    phone,
    email,
    birth_month: input.birthday?.month ?? null,
    birth_day: input.birthday?.day ?? null,
    birth_year: input.birthday?.year ?? null,
    birthday_lunar: input.birthday?.lunar ? 1 : 0,
    gender: input.gender?.trim() || null,
    language: input.language ?? 'en',
    source: input.source?.trim() || null,
    referrer: input.referrer?.trim() || null,
    home_store_id: input.homeStoreId,
    favourite_staff_id: favourite,
    pressure: input.preferences?.pressure ?? null,
    focus_areas: JSON.stringify(input.preferences?.focusAreas ?? []),
    allergy_reminder: input.preferences?.allergyReminder?.trim() || null,
    health,
    archived: 0,
    merged_into_id: null,
    last_visit_at: null,
    version: 1,
    created_at: ctx.now,
    updated_at: ctx.now,
  };
  return { index, input, row, custom: custom.set };
}

/** Drops (as 409 client_exists results) rows whose phone or email an existing client or an earlier row has. */
async function withoutDuplicates(tx: Executor, prepared: Prepared[], results: InsertResult[]): Promise<Prepared[]> {
  const byPhone = new Map<string, string>();
  const byEmail = new Map<string, string>();
  const phones = [...new Set(prepared.map((p) => p.row.phone).filter((x): x is string => !!x))];
  const emails = [...new Set(prepared.map((p) => p.row.email).filter((x): x is string => !!x))];
  for (const [column, values, map] of [
    ['phone', phones, byPhone],
    ['email', emails, byEmail],
  ] as const) {
    for (let i = 0; i < values.length; i += 500) {
      const rows = await tx
        .selectFrom('clients')
        .select(['id', column])
        .where(column, 'in', values.slice(i, i + 500))
        .where('merged_into_id', 'is', null)
        .orderBy('id')
        .execute();
      for (const r of rows) {
        const key = (r as Record<string, string | null>)[column];
        if (key && !map.has(key)) map.set(key, r.id);
      }
    }
  }
  const accepted: Prepared[] = [];
  for (const p of prepared) {
    const samePhone = p.row.phone ? byPhone.get(p.row.phone) : undefined;
    const sameEmail = p.row.email ? byEmail.get(p.row.email) : undefined;
    if (samePhone || sameEmail) {
      results[p.index] = { ok: false, error: samePhone ? clientExists(samePhone, 'phone') : clientExists(sameEmail!, 'email') };
      continue;
    }
    if (p.row.phone) byPhone.set(p.row.phone, p.row.id);
    if (p.row.email) byEmail.set(p.row.email, p.row.id);
    accepted.push(p);
  }
  return accepted;
}

async function writeAll(tx: Executor, accepted: Prepared[], defs: readonly CustomFieldDef[], ctx: AuditContext): Promise<void> {
  if (accepted.length === 0) return;
  // 29 columns a client row, 3 a term: chunks far below SQLite's 32,766 and PostgreSQL's 65,535 parameters.
  await insertChunked(
    tx,
    'clients',
    accepted.map((p) => p.row),
    200,
  );
  const terms = accepted.flatMap((p) =>
    searchTermsFor({
      firstName: p.row.first_name,
      lastName: p.row.last_name,
      preferredName: p.row.preferred_name,
      email: p.row.email,
      phone: p.row.phone,
    }).map((t) => ({ term: t.term, client_id: p.row.id, kind: t.kind })),
  );
  await insertChunked(tx, 'client_search_terms', terms, 2000);

  const tagIds = await tagIdsByKey(
    tx,
    accepted.flatMap((p) => p.input.tags ?? []),
    ctx.now,
  );
  const clientTags = accepted.flatMap((p) =>
    [...new Set((p.input.tags ?? []).map((n) => tagIds.get(n.trim().toLowerCase())).filter((x): x is string => !!x))].map((tag_id) => ({
      client_id: p.row.id,
      tag_id,
    })),
  );
  await insertChunked(tx, 'client_tags', clientTags, 2000);

  const fieldIds = new Map(defs.map((d) => [d.key, d.id]));
  const values = accepted.flatMap((p) =>
    [...p.custom].map(([key, v]) => ({ client_id: p.row.id, field_id: fieldIds.get(key)!, value: JSON.stringify(v) })),
  );
  await insertChunked(tx, 'client_custom_values', values, 2000);

  const consents = accepted.flatMap((p) =>
    (p.input.consents ?? []).map((c) => ({
      id: newId(),
      client_id: p.row.id,
      channel: c.channel,
      granted: c.granted ? (1 as const) : (0 as const),
      at: c.at ?? ctx.now,
      source: c.source ?? 'front_desk',
      wording_version: c.wordingVersion ?? null,
      actor_id: ctx.actorId,
      created_at: ctx.now,
    })),
  );
  await insertChunked(tx, 'client_consents', consents, 1000);
}
