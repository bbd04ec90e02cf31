// Column mapping: which column feeds which client field, and turning one row into a client draft.
// Pure: lookups (phone and email rules, stores, staff, custom field definitions) are passed in.
import type { Language } from '../../../platform/i18n.js';
import { type CustomFieldDef, checkCustomValue, PRESSURES, parseCsvBool, parseCsvList, parseCustomValue } from '../index.js';
import {
  type DateFormat,
  type LocalDateTime,
  type PartialDate,
  parseConsent,
  parseDate,
  parseDateTime,
  parseLanguage,
  splitTags,
} from './fields.js';
import { type NameOrder, resolveName } from './names.js';

type Pressure = (typeof PRESSURES)[number];

/** Client fields a column can feed (custom fields are mapped separately, by key). */
export const FIELDS = [
  'externalId',
  'firstName',
  'lastName',
  'fullName',
  'preferredName',
  'phone',
  'email',
  'birthday',
  'birthMonth',
  'birthDay',
  'birthYear',
  'lunarBirthday',
  'gender',
  'language',
  'source',
  'referrer',
  'homeStore',
  'tags',
  'notes',
  'smsConsent',
  'smsConsentDate',
  'smsConsentWording',
  'emailConsent',
  'emailConsentDate',
  'emailConsentWording',
  'marketingConsent',
  'marketingConsentDate',
  'favouriteTechnician',
  'pressure',
  'focusAreas',
  'allergyReminder',
] as const;
export type FieldKey = (typeof FIELDS)[number];

/** Field → column indexes (0-based). With several columns the first non-empty one wins (Mobile, then Home phone). */
export type ColumnMap = Partial<Record<FieldKey, number[]>>;
/** The whole mapping: standard fields, and custom field key → column. */
export type Mapping = { fields: ColumnMap; custom: Record<string, number> };

export const DUPLICATE_POLICIES = ['skip', 'update', 'create'] as const;
export type DuplicatePolicy = (typeof DUPLICATE_POLICIES)[number];

// The clients module's limits (its schemas.ts), checked here so the dry run reports them per row.
export const LIMITS = {
  name: 100,
  preferredName: 100,
  gender: 40,
  source: 100,
  referrer: 200,
  tag: 40,
  tags: 30,
  notes: 5000,
  externalId: 200,
  wording: 60,
  focusArea: 60,
  focusAreas: 20,
  allergyReminder: 500,
} as const;

export type ConsentDraft = { granted: boolean; at: LocalDateTime | null; wording: string | null };
export type BirthdayDraft = PartialDate & { lunar: boolean };

export type ClientDraft = {
  externalId: string | null;
  firstName: string;
  lastName: string;
  preferredName: string | null;
  phone: string | null;
  email: string | null;
  birthday: BirthdayDraft | null;
  gender: string | null;
  language: Language | null;
  source: string | null;
  referrer: string | null;
  homeStoreId: string;
  tags: string[];
  notes: string | null;
  smsConsent: ConsentDraft | null;
  emailConsent: ConsentDraft | null;
  favouriteStaffId: string | null;
  pressure: Pressure | null;
  focusAreas: string[] | null;
  allergyReminder: string | null;
  customFields: Record<string, unknown>;
};

export const ROW_ISSUES = [
  'name_missing',
  'invalid_phone',
  'invalid_email',
  'invalid_birthday',
  'invalid_consent',
  'invalid_consent_date',
  'invalid_value',
  'invalid_custom_field',
  'custom_field_required',
  'too_long',
  'too_many',
  'invalid_tag',
  'unknown_language',
  'unknown_store',
  'unknown_staff',
] as const;
export type RowIssueCode = (typeof ROW_ISSUES)[number];
/** `field` is a FieldKey or `custom.<key>`; null for the row as a whole. */
export type RowIssue = { field: string | null; code: RowIssueCode; value?: string; max?: number; message?: string };

export type MapContext = {
  dateFormat: DateFormat;
  nameOrder: NameOrder;
  currentYear: number;
  /** Characters separating tags (the preset's; Orchid's export uses `;` only). */
  tagSeparators?: string;
  /** The import's store: home store of every client unless a home store column names another. */
  defaultStoreId: string;
  /** A store slug, name or id → its id. */
  store(raw: string): string | null;
  /** A staff member's email (or name) → id. */
  staff(raw: string): string | null;
  /** E.164 in the home store's country, or null. */
  phone(raw: string, storeId: string): string | null;
  email(raw: string): string | null;
  customDefs: readonly CustomFieldDef[];
};

export type RowResult = { ok: true; draft: ClientDraft; warnings: RowIssue[] } | { ok: false; issues: RowIssue[]; warnings: RowIssue[] };

/** Header text → a comparable key: lower case, accents and punctuation dropped, CJK kept. */
export function headerKey(h: string): string {
  return h
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9\u3400-\u9fff]+/g, '');
}

/** Column indexes that do not exist in a file with `count` columns. */
export function outOfRange(mapping: Mapping, count: number): Array<{ path: string; column: number }> {
  const bad: Array<{ path: string; column: number }> = [];
  const check = (path: string, column: number) => {
    if (!Number.isInteger(column) || column < 0 || column >= count) bad.push({ path, column });
  };
  for (const [field, cols] of Object.entries(mapping.fields) as Array<[FieldKey, number[]]>)
    for (const c of cols) check(`fields.${field}`, c);
  for (const [key, c] of Object.entries(mapping.custom)) check(`custom.${key}`, c);
  return bad;
}

/** A mapping is usable when something identifies a client: a name, a phone or an email column. */
export function identifies(columns: ColumnMap): boolean {
  return (['firstName', 'lastName', 'fullName', 'phone', 'email'] as const).some((f) => (columns[f]?.length ?? 0) > 0);
}

function cell(row: readonly string[], columns: ColumnMap, field: FieldKey): string {
  for (const c of columns[field] ?? []) {
    const v = row[c]?.trim();
    if (v) return v;
  }
  return '';
}

const len = (s: string) => [...s].length;
const isPressure = (s: string): s is Pressure => (PRESSURES as readonly string[]).includes(s);

/** One row → a client draft, or the reasons it cannot be imported. Warnings never block a row. */
export function mapRow(row: readonly string[], mapping: Mapping, ctx: MapContext): RowResult {
  const columns = mapping.fields;
  const issues: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  const get = (f: FieldKey) => cell(row, columns, f);
  const text = (f: FieldKey, max: number): string | null => {
    const v = get(f);
    if (!v) return null;
    if (len(v) > max) issues.push({ field: f, code: 'too_long', max });
    return v;
  };

  const name = resolveName({ first: get('firstName'), last: get('lastName'), full: get('fullName') }, ctx.nameOrder);
  if (!name.firstName && !name.lastName) issues.push({ field: null, code: 'name_missing' });
  // A client needs a first name: one known only by a family name ("Smith", 司马) is filed under it.
  if (!name.firstName && name.lastName) {
    name.firstName = name.lastName;
    name.lastName = '';
  }
  if (len(name.firstName) > LIMITS.name) issues.push({ field: 'firstName', code: 'too_long', max: LIMITS.name });
  if (len(name.lastName) > LIMITS.name) issues.push({ field: 'lastName', code: 'too_long', max: LIMITS.name });

  let homeStoreId = ctx.defaultStoreId;
  const rawStore = get('homeStore');
  if (rawStore) {
    const found = ctx.store(rawStore);
    if (found) homeStoreId = found;
    else warnings.push({ field: 'homeStore', code: 'unknown_store', value: rawStore });
  }

  const rawPhone = get('phone');
  const phone = rawPhone ? ctx.phone(rawPhone, homeStoreId) : null;
  if (rawPhone && !phone) issues.push({ field: 'phone', code: 'invalid_phone', value: rawPhone });
  const rawEmail = get('email');
  const email = rawEmail ? ctx.email(rawEmail) : null;
  if (rawEmail && !email) issues.push({ field: 'email', code: 'invalid_email', value: rawEmail });

  const birthday = readBirthday(get, ctx, issues);

  const rawLanguage = get('language');
  const language = rawLanguage ? (parseLanguage(rawLanguage) ?? null) : null;
  if (rawLanguage && !language) warnings.push({ field: 'language', code: 'unknown_language', value: rawLanguage });

  const consent = (valueField: FieldKey, dateField: FieldKey, wordingField: FieldKey | null): ConsentDraft | null => {
    const raw = get(valueField);
    if (!raw) return null;
    const granted = parseConsent(raw);
    if (granted === null || granted === undefined) {
      issues.push({ field: valueField, code: 'invalid_consent', value: raw });
      return null;
    }
    const rawAt = get(dateField);
    const at = rawAt ? parseDateTime(rawAt, ctx.dateFormat, ctx.currentYear) : null;
    if (rawAt && !at) issues.push({ field: dateField, code: 'invalid_consent_date', value: rawAt });
    return { granted, at, wording: wordingField ? text(wordingField, LIMITS.wording) : null };
  };
  const marketing = consent('marketingConsent', 'marketingConsentDate', null);
  const smsConsent = consent('smsConsent', 'smsConsentDate', 'smsConsentWording') ?? marketing;
  const emailConsent = consent('emailConsent', 'emailConsentDate', 'emailConsentWording') ?? marketing;

  const tags = splitTags(get('tags'), ctx.tagSeparators);
  for (const t of tags) {
    if (len(t) > LIMITS.tag) issues.push({ field: 'tags', code: 'too_long', value: t, max: LIMITS.tag });
    else if (/[;\n\r]/.test(t)) issues.push({ field: 'tags', code: 'invalid_tag', value: t });
  }
  if (tags.length > LIMITS.tags) issues.push({ field: 'tags', code: 'too_many', max: LIMITS.tags });

  const rawStaff = get('favouriteTechnician');
  const favouriteStaffId = rawStaff ? ctx.staff(rawStaff) : null;
  if (rawStaff && !favouriteStaffId) warnings.push({ field: 'favouriteTechnician', code: 'unknown_staff', value: rawStaff });

  const rawPressure = get('pressure')
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  const pressure = rawPressure && isPressure(rawPressure) ? rawPressure : null;
  if (rawPressure && !pressure) warnings.push({ field: 'pressure', code: 'invalid_value', value: get('pressure') });

  const rawFocus = get('focusAreas');
  const focusAreas = rawFocus ? parseCsvList(rawFocus) : null;
  if (focusAreas && focusAreas.length > LIMITS.focusAreas) issues.push({ field: 'focusAreas', code: 'too_many', max: LIMITS.focusAreas });
  if (focusAreas?.some((f) => len(f) > LIMITS.focusArea)) issues.push({ field: 'focusAreas', code: 'too_long', max: LIMITS.focusArea });

  const draft: ClientDraft = {
    externalId: text('externalId', LIMITS.externalId),
    firstName: name.firstName,
    lastName: name.lastName,
    preferredName: text('preferredName', LIMITS.preferredName),
    phone,
    email,
    birthday,
    gender: text('gender', LIMITS.gender),
    language,
    source: text('source', LIMITS.source),
    referrer: text('referrer', LIMITS.referrer),
    homeStoreId,
    tags,
    notes: notes(get('notes'), issues),
    smsConsent,
    emailConsent,
    favouriteStaffId,
    pressure,
    focusAreas,
    allergyReminder: text('allergyReminder', LIMITS.allergyReminder),
    customFields: customValues(row, mapping.custom, ctx.customDefs, issues),
  };
  return issues.length ? { ok: false, issues, warnings } : { ok: true, draft, warnings };
}

/** One date column in the chosen format, or month / day / year columns (Orchid's own export). */
function readBirthday(get: (f: FieldKey) => string, ctx: MapContext, issues: RowIssue[]): BirthdayDraft | null {
  const rawLunar = get('lunarBirthday');
  const lunar = rawLunar ? parseCsvBool(rawLunar) : false;
  if (lunar === null) issues.push({ field: 'lunarBirthday', code: 'invalid_value', value: rawLunar });
  const single = get('birthday');
  if (single) {
    const d = parseDate(single, ctx.dateFormat, ctx.currentYear);
    if (!d) issues.push({ field: 'birthday', code: 'invalid_birthday', value: single });
    return d ? { ...d, lunar: lunar === true } : null;
  }
  const [m, d, y] = [get('birthMonth'), get('birthDay'), get('birthYear')];
  if (!m && !d && !y) return null;
  const shown = [m, d, y].filter(Boolean).join('/');
  const iso = `${y ? y.padStart(4, '0') : '2000'}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const parsed = /^\d{1,2}$/.test(m) && /^\d{1,2}$/.test(d) && (!y || /^\d{4}$/.test(y)) ? parseDate(iso, 'YMD', ctx.currentYear) : null;
  // Lunar months have at most 30 days, and a lunar date is not a Gregorian one (no leap-day rule).
  const lunarOk = lunar === true && /^\d{1,2}$/.test(m) && /^\d{1,2}$/.test(d) && +m >= 1 && +m <= 12 && +d >= 1 && +d <= 30;
  if (lunar === true && lunarOk) return { year: y ? Number(y) : null, month: Number(m), day: Number(d), lunar: true };
  if (!parsed || lunar === true) {
    issues.push({ field: 'birthMonth', code: 'invalid_birthday', value: shown });
    return null;
  }
  return { year: y ? parsed.year : null, month: parsed.month, day: parsed.day, lunar: false };
}

// Notes keep their line breaks (a quoted multi-line cell is one note).
function notes(raw: string, issues: RowIssue[]): string | null {
  const v = raw.replace(/\r\n?/g, '\n');
  if (!v) return null;
  if (len(v) > LIMITS.notes) issues.push({ field: 'notes', code: 'too_long', max: LIMITS.notes });
  return v;
}

/** Custom field cells, typed and checked with the clients module's rules; required ones must be present. */
function customValues(row: readonly string[], custom: Record<string, number>, defs: readonly CustomFieldDef[], issues: RowIssue[]) {
  const out: Record<string, unknown> = {};
  for (const def of defs) {
    if (def.archived) continue;
    const column = custom[def.key];
    const raw = column === undefined ? '' : (row[column] ?? '').trim();
    if (!raw) {
      if (def.required) issues.push({ field: `custom.${def.key}`, code: 'custom_field_required' });
      continue;
    }
    const checked = checkCustomValue(def, parseCustomValue(def, raw));
    if (checked.ok) out[def.key] = checked.value;
    else issues.push({ field: `custom.${def.key}`, code: 'invalid_custom_field', value: raw, message: checked.message });
  }
  return out;
}

/** The keys a re-run recognises a row by: external id, phone, email (in that order of trust). */
export type MatchKey = { kind: 'externalId' | 'phone' | 'email'; value: string };

export function matchKeys(d: ClientDraft): MatchKey[] {
  const keys: MatchKey[] = [];
  if (d.externalId) keys.push({ kind: 'externalId', value: d.externalId });
  if (d.phone) keys.push({ kind: 'phone', value: d.phone });
  if (d.email) keys.push({ kind: 'email', value: d.email });
  return keys;
}
