import type { CustomFieldDef, CustomValue } from './custom-fields.js';

// The columns of Orchid's own client CSV: `GET /clients/export.csv` writes exactly these (then one
// `custom.<key>` column per custom field), and the importer's "Orchid" preset reads them, so an export
// imports back without loss. Files are UTF-8 with a BOM (Excel shows Chinese names correctly), comma
// separated, RFC 4180 quoting. Never reorder or rename a column: add new ones at the end.
//
// Value formats:
//   client_id            Orchid id (UUIDv7); empty for new clients. Lets a re-import match the same card.
//   phone                E.164 (+14155550134)
//   email                lower case
//   birth_month/day/year integers; year may be empty
//   lunar_birthday       yes | no
//   language             en | zh-CN | zh-TW
//   home_store           the store's slug (the importer also accepts a store name or id)
//   tags, focus_areas    list joined by ";" (tag names cannot contain ";")
//   *_consent            yes | no | empty (never asked); *_consent_at ISO 8601 UTC; *_consent_wording text
//   favourite_technician the staff member's email
//   pressure             light | medium | firm | extra_firm
//   created_at           ISO 8601 UTC (informational)
//   custom.<key>         text as is; number as decimal; yes_no yes|no; date YYYY-MM-DD; choice its value;
//                        multi_choice values joined by ";"
// Health data is never in this file (it is only in the owner's encrypted business export).
export const CLIENT_CSV_COLUMNS = [
  'client_id',
  'first_name',
  'last_name',
  'preferred_name',
  'phone',
  'email',
  'birth_month',
  'birth_day',
  'birth_year',
  'lunar_birthday',
  'gender',
  'language',
  'source',
  'referrer',
  'home_store',
  'tags',
  'sms_consent',
  'sms_consent_at',
  'sms_consent_wording',
  'email_consent',
  'email_consent_at',
  'email_consent_wording',
  'favourite_technician',
  'pressure',
  'focus_areas',
  'allergy_reminder',
  'created_at',
] as const;
export type ClientCsvColumn = (typeof CLIENT_CSV_COLUMNS)[number];

export const CUSTOM_FIELD_COLUMN_PREFIX = 'custom.';
export const CSV_LIST_SEPARATOR = ';';

export const customFieldColumn = (key: string) => `${CUSTOM_FIELD_COLUMN_PREFIX}${key}`;

/** The key of a `custom.<key>` column, or null for a standard column. */
export const customFieldKeyOf = (column: string): string | null =>
  column.startsWith(CUSTOM_FIELD_COLUMN_PREFIX) ? column.slice(CUSTOM_FIELD_COLUMN_PREFIX.length) : null;

export const formatCsvBool = (v: boolean | null | undefined) => (v === true ? 'yes' : v === false ? 'no' : '');

/** yes/no in the forms other systems write (true/false, y/n, 1/0, 是/否); null for empty or unknown. */
export function parseCsvBool(text: string | null | undefined): boolean | null {
  const t = (text ?? '').trim().toLowerCase();
  if (['yes', 'y', 'true', '1', 'opted in', 'subscribed', '是'].includes(t)) return true;
  if (['no', 'n', 'false', '0', 'opted out', 'unsubscribed', '否'].includes(t)) return false;
  return null;
}

export const formatCsvList = (items: readonly string[]) => items.join(CSV_LIST_SEPARATOR);
export const parseCsvList = (text: string | null | undefined) =>
  (text ?? '')
    .split(CSV_LIST_SEPARATOR)
    .map((s) => s.trim())
    .filter(Boolean);

export function formatCustomValue(def: Pick<CustomFieldDef, 'type'>, value: CustomValue | undefined): string {
  if (value === undefined || value === null) return '';
  switch (def.type) {
    case 'yes_no':
      return formatCsvBool(value as boolean);
    case 'multi_choice':
      return formatCsvList(value as string[]);
    default:
      return String(value);
  }
}

/** The typed value of a custom-field cell (not yet validated against options/ranges), or undefined when empty. */
export function parseCustomValue(def: Pick<CustomFieldDef, 'type'>, text: string): unknown {
  const t = text.trim();
  if (t === '') return undefined;
  switch (def.type) {
    case 'number': {
      const n = Number(t.replace(/,/g, ''));
      return Number.isFinite(n) ? n : t; // a non-number stays text: validation names the cell
    }
    case 'yes_no':
      return parseCsvBool(t) ?? t;
    case 'multi_choice':
      return parseCsvList(t);
    default:
      return t;
  }
}
