// The context an import runs in (stores, staff, custom fields, phone countries, time zones), and the
// translation of a mapped row into the clients module's NewClient / ClientPatch.
import type { Executor } from '../../../db/tx.js';
import { isLanguage, type Language } from '../../../platform/i18n.js';
import { zonedDateTimeToInstant } from '../../../platform/zoned-time.js';
import {
  type ClientPatch,
  type ConsentInput,
  type CustomFieldDef,
  countryForCurrency,
  loadFieldDefs,
  type NewClient,
  type PhoneCountry,
  tryNormalizeEmail,
  tryNormalizePhone,
} from '../index.js';
import type { LocalDateTime } from './fields.js';
import type { ClientDraft, ConsentDraft, MapContext, Mapping, RowResult } from './mapping.js';
import type { BatchLookups } from './plan.js';
import { lookupKeys } from './plan.js';
import { PRESETS, type PresetId } from './presets.js';
import { businessLanguage, clientsBy, type ImportRow, linkedClients, staffForLookup, storesForLookup } from './repo.js';
import type { ImportOptions } from './schemas.js';

export type ImportEnv = {
  storeId: string;
  source: PresetId;
  options: ImportOptions;
  mapping: Mapping;
  mapCtx: MapContext;
  fieldDefs: CustomFieldDef[];
  countryByStore: Map<string, PhoneCountry>;
  timeZoneOf(storeId: string): string;
  defaultLanguage: Language;
};

export async function loadEnv(db: Executor, imp: ImportRow, currentYear: number): Promise<ImportEnv> {
  const [stores, staff, fieldDefs, language] = await Promise.all([
    storesForLookup(db),
    staffForLookup(db),
    loadFieldDefs(db),
    businessLanguage(db),
  ]);
  const storeByKey = new Map<string, string>();
  const countryByStore = new Map<string, PhoneCountry>();
  const zoneByStore = new Map<string, string>();
  for (const s of stores) {
    for (const k of [s.id, s.slug, s.name]) if (!storeByKey.has(k.toLowerCase())) storeByKey.set(k.toLowerCase(), s.id);
    countryByStore.set(s.id, countryForCurrency(s.currency));
    zoneByStore.set(s.id, s.time_zone);
  }
  const staffByKey = new Map<string, string>();
  for (const s of staff) for (const k of [s.email, s.name]) if (!staffByKey.has(k.toLowerCase())) staffByKey.set(k.toLowerCase(), s.id);
  const options = JSON.parse(imp.options) as ImportOptions;
  const source = (imp.preset in PRESETS ? imp.preset : 'generic') as PresetId;
  const active = fieldDefs.filter((d) => !d.archived);
  return {
    storeId: imp.store_id,
    source,
    options,
    mapping: JSON.parse(imp.mapping) as Mapping,
    fieldDefs,
    countryByStore,
    timeZoneOf: (id) => zoneByStore.get(id) ?? 'UTC',
    defaultLanguage: isLanguage(language) ? language : 'en',
    mapCtx: {
      dateFormat: options.dateFormat,
      nameOrder: options.nameOrder,
      currentYear,
      tagSeparators: options.tagSeparators,
      defaultStoreId: imp.store_id,
      store: (raw) => storeByKey.get(raw.trim().toLowerCase()) ?? null,
      staff: (raw) => staffByKey.get(raw.trim().toLowerCase()) ?? null,
      phone: (raw, storeId) => tryNormalizePhone(raw, countryByStore.get(storeId) ?? 'US'),
      email: tryNormalizeEmail,
      customDefs: active,
    },
  };
}

/** One round of queries for a whole batch: earlier imports' links, and live clients by phone, email, id. */
export async function fetchLookups(db: Executor, mapped: readonly RowResult[], source: string): Promise<BatchLookups> {
  const keys = lookupKeys(mapped, source);
  const [links, byPhone, byEmail, byId] = await Promise.all([
    linkedClients(db, keys.links),
    clientsBy(db, 'phone', keys.phones),
    clientsBy(db, 'email', keys.emails),
    clientsBy(db, 'id', keys.ids),
  ]);
  return { links, byPhone, byEmail, byId };
}

function instant(at: LocalDateTime | null, timeZone: string, now: number): number {
  if (!at) return now;
  if ('instant' in at) return at.instant;
  return zonedDateTimeToInstant(at.date, at.time, timeZone);
}

/** Consent events of a row: source "import", the file's date (in the home store's zone) or the import time. */
export function consentsOf(draft: ClientDraft, env: ImportEnv, now: number): ConsentInput[] {
  const out: ConsentInput[] = [];
  const zone = env.timeZoneOf(draft.homeStoreId);
  const add = (channel: 'sms' | 'email', c: ConsentDraft | null) => {
    if (c) out.push({ channel, granted: c.granted, at: instant(c.at, zone, now), source: 'import', wordingVersion: c.wording });
  };
  add('sms', draft.smsConsent);
  add('email', draft.emailConsent);
  return out;
}

function preferencesOf(d: ClientDraft): NewClient['preferences'] {
  const p: NonNullable<NewClient['preferences']> = {};
  if (d.favouriteStaffId) p.favouriteStaffId = d.favouriteStaffId;
  if (d.pressure) p.pressure = d.pressure;
  if (d.focusAreas) p.focusAreas = d.focusAreas;
  if (d.allergyReminder) p.allergyReminder = d.allergyReminder;
  return Object.keys(p).length ? p : undefined;
}

const birthdayOf = (d: ClientDraft) =>
  d.birthday ? { month: d.birthday.month, day: d.birthday.day, year: d.birthday.year, ...(d.birthday.lunar ? { lunar: true } : {}) } : null;

export function toNewClient(d: ClientDraft, env: ImportEnv, now: number): NewClient {
  const preferences = preferencesOf(d);
  return {
    firstName: d.firstName,
    lastName: d.lastName,
    preferredName: d.preferredName,
    phone: d.phone,
    email: d.email,
    birthday: birthdayOf(d),
    gender: d.gender,
    language: d.language ?? env.defaultLanguage,
    source: d.source,
    referrer: d.referrer,
    homeStoreId: d.homeStoreId,
    tags: d.tags,
    ...(preferences ? { preferences } : {}),
    customFields: d.customFields,
    consents: consentsOf(d, env, now),
  };
}

/**
 * "Update" policy: the file wins for every field it fills; empty cells leave the client's data alone.
 * Tags are added to the client's (never removed); the home store does not move.
 */
export function toPatch(d: ClientDraft, currentTags: readonly string[]): ClientPatch {
  const patch: ClientPatch = { firstName: d.firstName, lastName: d.lastName };
  if (d.preferredName) patch.preferredName = d.preferredName;
  if (d.phone) patch.phone = d.phone;
  if (d.email) patch.email = d.email;
  if (d.birthday) patch.birthday = birthdayOf(d);
  if (d.gender) patch.gender = d.gender;
  if (d.language) patch.language = d.language;
  if (d.source) patch.source = d.source;
  if (d.referrer) patch.referrer = d.referrer;
  const tagKeys = new Set(currentTags.map((t) => t.toLowerCase()));
  const added = d.tags.filter((t) => !tagKeys.has(t.toLowerCase()));
  if (added.length) patch.tags = [...currentTags, ...added];
  const preferences = preferencesOf(d);
  if (preferences) patch.preferences = preferences;
  if (Object.keys(d.customFields).length) patch.customFields = d.customFields;
  return patch;
}
