// The column mapping step's state: which file column feeds which client field. Pure.
import type { CustomMap, FieldMap, ImportField, MappingBody } from './types.js';

/** The target fields, grouped as the mapping screen shows them. */
export type FieldGroupKey = 'name' | 'contact' | 'birthday' | 'about' | 'marketing' | 'preferences';
export const FIELD_GROUPS: Array<{ key: FieldGroupKey; fields: ImportField[] }> = [
  { key: 'name', fields: ['fullName', 'firstName', 'lastName', 'preferredName'] },
  { key: 'contact', fields: ['phone', 'email', 'language', 'homeStore'] },
  { key: 'birthday', fields: ['birthday', 'birthMonth', 'birthDay', 'birthYear', 'lunarBirthday'] },
  { key: 'about', fields: ['gender', 'source', 'referrer', 'tags', 'notes', 'externalId'] },
  {
    key: 'marketing',
    fields: [
      'smsConsent',
      'smsConsentDate',
      'smsConsentWording',
      'emailConsent',
      'emailConsentDate',
      'emailConsentWording',
      'marketingConsent',
      'marketingConsentDate',
    ],
  },
  { key: 'preferences', fields: ['allergyReminder', 'favouriteTechnician', 'pressure', 'focusAreas'] },
];

/** The mapping as the screen edits it: standard fields and custom field keys, each to column indexes. */
export interface MappingState {
  fields: FieldMap;
  custom: CustomMap;
}

function without(state: MappingState, column: number): MappingState {
  const fields: FieldMap = {};
  for (const [f, cols] of Object.entries(state.fields) as Array<[ImportField, number[]]>) {
    const left = cols.filter((c) => c !== column);
    if (left.length) fields[f] = left;
  }
  const custom = Object.fromEntries(Object.entries(state.custom).filter(([, c]) => c !== column));
  return { fields, custom };
}

/**
 * Maps `field` to `column` (null: not imported). A column feeds one field only, so choosing it here takes
 * it away from wherever it was. Choosing a column by hand replaces the preset's fallbacks for that field.
 */
export function setFieldColumn(state: MappingState, field: ImportField, column: number | null): MappingState {
  const base = column === null ? state : without(state, column);
  const fields = { ...base.fields };
  if (column === null) delete fields[field];
  else fields[field] = [column];
  return { ...base, fields };
}

/** Removes one fallback column of a field ("Mobile, then Home phone" → just "Mobile"). */
export function dropFallback(state: MappingState, field: ImportField, column: number): MappingState {
  const cols = (state.fields[field] ?? []).filter((c) => c !== column);
  const fields = { ...state.fields };
  if (cols.length) fields[field] = cols;
  else delete fields[field];
  return { ...state, fields };
}

export function setCustomColumn(state: MappingState, key: string, column: number | null): MappingState {
  const base = column === null ? state : without(state, column);
  const custom = { ...base.custom };
  if (column === null) delete custom[key];
  else custom[key] = column;
  return { ...base, custom };
}

/** Something identifies a client: a name, a phone or an email (the server refuses a run without one). */
export function identifies(fields: FieldMap): boolean {
  return (['fullName', 'firstName', 'lastName', 'phone', 'email'] as const).some((f) => (fields[f]?.length ?? 0) > 0);
}

/** File columns that feed nothing (their data would be left behind). */
export function unusedColumns(headers: readonly string[], state: MappingState): number[] {
  const used = new Set([...Object.values(state.fields).flat(), ...Object.values(state.custom)]);
  return headers.map((_, i) => i).filter((i) => !used.has(i));
}

/** The first non-empty sample value of a column, for "e.g. …" hints. */
export function sampleOf(rows: readonly string[][], column: number | undefined): string | null {
  if (column === undefined) return null;
  for (const row of rows) {
    const v = row[column]?.trim();
    if (v) return v.length > 40 ? `${v.slice(0, 39)}…` : v;
  }
  return null;
}

export function mappedCount(state: MappingState): number {
  return Object.keys(state.fields).length + Object.keys(state.custom).length;
}

/** The PUT body for the mapping as edited: every standard field (null = unmapped), so it replaces the server's. */
export function toMappingFields(state: MappingState): NonNullable<MappingBody['fields']> {
  const out: NonNullable<MappingBody['fields']> = {};
  for (const [f, cols] of Object.entries(state.fields) as Array<[ImportField, number[]]>) if (cols.length) out[f] = cols;
  return out;
}

export function sameMapping(a: MappingState, b: MappingState): boolean {
  const norm = (s: MappingState) =>
    JSON.stringify([
      Object.entries(s.fields).sort(([x], [y]) => x.localeCompare(y)),
      Object.entries(s.custom).sort(([x], [y]) => x.localeCompare(y)),
    ]);
  return norm(a) === norm(b);
}

/** Spreadsheet-style column names: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
