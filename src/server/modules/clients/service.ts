import type { Executor } from '../../db/tx.js';
import { type AuditContext, writeAudit } from '../../platform/audit.js';
import type { FieldCipher } from '../../platform/crypto.js';
import { PlatformErrors } from '../../platform/errors.js';
import { countryForCurrency, normalizeEmail, normalizePhone, type PhoneCountry } from './contact.js';
import { type CustomFieldDef, validateCustomValues } from './custom-fields.js';
import { ClientErrors, clientExists } from './errors.js';
import { compactHealth, decryptHealth, encryptHealth } from './health.js';
import {
  type ClientRow,
  customValuesByClient,
  findClientById,
  insertConsent,
  loadFieldDefs,
  nameKeys,
  setClientTags,
  writeCustomValues,
  writeSearchTerms,
} from './repo.js';
import type { ClientPatch, ConsentInput } from './schemas.js';

// Writes inside the caller's transaction: the API routes, the CSV importer and the demo share them.

export type WriteOptions = {
  /** Refuse (409 client_exists) when another client has the same phone or email. Default true. */
  checkDuplicates?: boolean;
  /** Write a `client.create` / `client.update` audit row. Default true (an import audits its run instead). */
  audit?: boolean;
  /** Needed only when the input carries `health`. */
  cipher?: FieldCipher;
  /** Caches for batch callers (importer): the custom field definitions and the phone country of each store. */
  fieldDefs?: readonly CustomFieldDef[];
  countryByStore?: Map<string, PhoneCountry>;
};

export type WrittenClient = { id: string; version: number; phone: string | null; email: string | null };

/** The country a phone number typed for this store is read in: US for USD stores, CA for CAD stores. */
export async function countryForStore(db: Executor, storeId: string, cache?: Map<string, PhoneCountry>): Promise<PhoneCountry> {
  const hit = cache?.get(storeId);
  if (hit) return hit;
  const store = await db.selectFrom('stores').select('currency').where('id', '=', storeId).executeTakeFirst();
  if (!store) throw ClientErrors.unknown_home_store({}, [{ path: 'homeStoreId', message: 'no such store' }]);
  const country = countryForCurrency(store.currency);
  cache?.set(storeId, country);
  return country;
}

/**
 * Other clients (not merged away) with this phone (E.164) or email (lower-case): the strongest
 * duplicate signals. Phone matches first.
 */
export async function findDuplicates(
  db: Executor,
  by: { phone?: string | null; email?: string | null; excludeId?: string },
): Promise<Array<{ id: string; matchedOn: 'phone' | 'email' }>> {
  const out: Array<{ id: string; matchedOn: 'phone' | 'email' }> = [];
  for (const matchedOn of ['phone', 'email'] as const) {
    const value = by[matchedOn];
    if (!value) continue;
    let q = db.selectFrom('clients').select('id').where(matchedOn, '=', value).where('merged_into_id', 'is', null).orderBy('id').limit(10);
    if (by.excludeId) q = q.where('id', '!=', by.excludeId);
    for (const r of await q.execute()) if (!out.some((o) => o.id === r.id)) out.push({ id: r.id, matchedOn });
  }
  return out;
}

async function assertStaffExists(db: Executor, staffId: string | null | undefined) {
  if (!staffId) return;
  const found = await db.selectFrom('staff').select('id').where('id', '=', staffId).executeTakeFirst();
  if (!found) throw ClientErrors.unknown_staff({}, [{ path: 'preferences.favouriteStaffId', message: 'no such staff member' }]);
}

function needCipher(opts: WriteOptions): FieldCipher {
  if (!opts.cipher) throw new Error('clients: writing health data needs opts.cipher (createFieldCipher(deps.secrets.fieldKey))');
  return opts.cipher;
}

export async function writeConsents(db: Executor, clientId: string, consents: readonly ConsentInput[], ctx: AuditContext) {
  for (const c of consents) {
    await insertConsent(db, {
      clientId,
      channel: c.channel,
      granted: c.granted,
      at: c.at ?? ctx.now,
      source: c.source ?? 'front_desk',
      wordingVersion: c.wordingVersion ?? null,
      actorId: ctx.actorId,
      now: ctx.now,
    });
  }
}

/** The fields of a row worth recording in the audit log (health stays out; writeAudit masks it anyway). */
export function auditView(row: ClientRow) {
  const { health: _h, name_key: _n, sort_key: _s, ...rest } = row;
  return rest;
}

/**
 * Changes a client in the caller's transaction. With `patch.version` the write is optimistic (stale → 409
 * stale_version); without it (internal callers) the current version is used. Changing phone or email to
 * one another client has is 409 client_exists unless `checkDuplicates: false`.
 */
export async function updateClient(
  tx: Executor,
  id: string,
  patch: ClientPatch,
  ctx: AuditContext,
  opts: WriteOptions = {},
): Promise<WrittenClient> {
  const current = await findClientById(tx, id);
  if (!current) throw PlatformErrors.not_found();
  if (current.merged_into_id) throw ClientErrors.client_merged({ mergedIntoId: current.merged_into_id });
  const version = patch.version ?? current.version;
  if (version !== current.version) throw PlatformErrors.stale_version();
  const homeStoreId = patch.homeStoreId ?? current.home_store_id;
  const country = await countryForStore(tx, homeStoreId, opts.countryByStore);
  const phone = patch.phone === undefined ? current.phone : patch.phone ? normalizePhone(patch.phone, country) : null;
  const email = patch.email === undefined ? current.email : patch.email ? normalizeEmail(patch.email) : null;
  const defs = opts.fieldDefs ?? (await loadFieldDefs(tx));
  const currentValues = (await customValuesByClient(tx, [id])).get(id) ?? {};
  const custom = validateCustomValues(defs, patch.customFields, { create: false, current: currentValues });
  const prefs = patch.preferences ?? {};
  await assertStaffExists(tx, prefs.favouriteStaffId);
  if (opts.checkDuplicates !== false && (phone !== current.phone || email !== current.email)) {
    const dup = (
      await findDuplicates(tx, {
        phone: phone !== current.phone ? phone : null,
        email: email !== current.email ? email : null,
        excludeId: id,
      })
    )[0];
    if (dup) throw clientExists(dup.id, dup.matchedOn);
  }
  const firstName = patch.firstName?.trim() ?? current.first_name;
  const lastName = patch.lastName?.trim() ?? current.last_name;
  const pick = <T>(v: T | undefined, cur: T) => (v === undefined ? cur : v);
  const next: ClientRow = {
    ...current,
    first_name: firstName,
    last_name: lastName,
    ...nameKeys(firstName, lastName),
    preferred_name: patch.preferredName === undefined ? current.preferred_name : patch.preferredName?.trim() || null,
    phone,
    email,
    birth_month: patch.birthday === undefined ? current.birth_month : (patch.birthday?.month ?? null),
    birth_day: patch.birthday === undefined ? current.birth_day : (patch.birthday?.day ?? null),
    birth_year: patch.birthday === undefined ? current.birth_year : (patch.birthday?.year ?? null),
    birthday_lunar: patch.birthday === undefined ? current.birthday_lunar : patch.birthday?.lunar ? 1 : 0,
    gender: patch.gender === undefined ? current.gender : patch.gender?.trim() || null,
    language: patch.language ?? current.language,
    source: patch.source === undefined ? current.source : patch.source?.trim() || null,
    referrer: patch.referrer === undefined ? current.referrer : patch.referrer?.trim() || null,
    home_store_id: homeStoreId,
    favourite_staff_id: pick(prefs.favouriteStaffId, current.favourite_staff_id),
    pressure: pick(prefs.pressure, current.pressure),
    focus_areas: prefs.focusAreas === undefined ? current.focus_areas : JSON.stringify(prefs.focusAreas),
    allergy_reminder: prefs.allergyReminder === undefined ? current.allergy_reminder : prefs.allergyReminder?.trim() || null,
    health: patch.health === undefined ? current.health : encryptHealth(needCipher(opts), id, patch.health),
    version: current.version + 1,
    updated_at: ctx.now,
  };
  const { id: _id, created_at: _c, ...changes } = next;
  const res = await tx.updateTable('clients').set(changes).where('id', '=', id).where('version', '=', current.version).executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw PlatformErrors.stale_version();
  await writeSearchTerms(tx, id, { firstName, lastName, preferredName: next.preferred_name, email, phone });
  if (patch.tags) await setClientTags(tx, id, patch.tags, ctx.now);
  await writeCustomValues(tx, id, defs, custom);
  if (opts.audit !== false) {
    const healthChanged = patch.health !== undefined;
    await writeAudit(tx, ctx, {
      action: 'client.update',
      entityType: 'client',
      entityId: id,
      storeId: homeStoreId,
      before: { ...auditView(current), customFields: currentValues },
      after: {
        ...auditView(next),
        ...(patch.tags ? { tags: patch.tags } : {}),
        customFields: {
          ...Object.fromEntries(Object.entries(currentValues).filter(([k]) => !custom.clear.includes(k))),
          ...Object.fromEntries(custom.set),
        },
      },
    });
    // Health changes get their own row, so "who touched health data" is one filter in the audit log.
    if (healthChanged) {
      await writeAudit(tx, ctx, {
        action: 'client.health_write',
        entityType: 'client',
        entityId: id,
        storeId: homeStoreId,
        after: { fields: Object.keys(compactHealth(patch.health) ?? {}), erased: !compactHealth(patch.health) },
      });
    }
  }
  return { id, version: next.version, phone, email };
}

/** Decrypts a client's health data (no permission check, no audit: callers do both). */
export function readHealth(cipher: FieldCipher, row: Pick<ClientRow, 'id' | 'health'>) {
  return decryptHealth(cipher, row.id, row.health);
}
