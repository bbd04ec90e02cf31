// Property tests: any table survives encoding + delimiter + quoting, and any client record written in Orchid's
// export format reads back identically through detection, the Orchid preset and the row mapping.
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CLIENT_CSV_COLUMNS,
  type ClientCsvColumn,
  customFieldColumn,
  formatCsvBool,
  formatCsvList,
  PRESSURES,
  tryNormalizeEmail,
  tryNormalizePhone,
} from '../index.js';
import { encode } from './encoding.js';
import { type ClientDraft, type MapContext, mapRow } from './mapping.js';
import { readFile } from './parse.js';
import { detectPreset, PRESETS, suggestMapping } from './presets.js';

// Characters that make CSV hard: delimiters, quotes, line breaks, spaces, accents, Chinese.
const CHARS = ['a', 'b', 'Z', 'é', ' ', ',', ';', '"', "'", '\n', '\r\n', '\t', '|', '王', '小', '明', '欧', '阳', '娜', '陳', '美', '、'];
const text = (max: number) =>
  fc
    .array(fc.constantFrom(...CHARS), { maxLength: max })
    .map((cs) => cs.join('').trim())
    .filter((s) => [...s].length <= max);
const isValidUtf8 = (bytes: Uint8Array) => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};
const optional = (max: number) => fc.option(text(max).filter(Boolean), { nil: null });

describe('any table survives every encoding and delimiter', () => {
  it('reads back what was written (sniffed delimiter, detected encoding)', () => {
    const cell = fc.array(fc.constantFrom(...CHARS), { maxLength: 12 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 6 })
          .chain((cols) =>
            fc.tuple(fc.constant(cols), fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: 1, maxLength: 8 })),
          ),
        fc.constantFrom(',', ';', '\t'),
        fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030'),
        ([cols, rows], delimiter, enc) => {
          // Rows whose cells are all blank are skipped by design (a spreadsheet's empty lines).
          const data = rows.filter((r) => r.some((c) => c.trim() !== ''));
          fc.pre(data.length > 0);
          const headers = Array.from({ length: cols }, (_, i) => `Column ${i + 1}`);
          const csv = stringify([headers, ...data], { delimiter, quoted: true, record_delimiter: 'windows' });
          const bytes = enc === 'utf-8' ? Buffer.from(csv) : enc === 'utf-8-bom' ? Buffer.from(`\ufeff${csv}`) : encode(csv, enc);
          // GB18030 bytes that are also valid UTF-8 (pure ASCII, or a few characters such as 欧 = C5 B7 = "ŷ")
          // cannot be told apart by bytes alone; detection reads them as UTF-8 by design, and the user can
          // switch the encoding in the import preview. Only ASCII among those reads back the same.
          const validUtf8 = enc === 'gb18030' && isValidUtf8(bytes);
          const ascii = [...csv].every((ch) => ch.charCodeAt(0) < 0x80);
          fc.pre(!validUtf8 || ascii);
          // GB18030 bytes with no Chinese character at all (only "é" here) are Latin-1 text as far as detection
          // can tell: it offers Windows-1252 without confidence, the user picks GB18030, and the file reads back.
          const latinOnlyGb = enc === 'gb18030' && !validUtf8 && !/[\u3000-\u303f\u4e00-\u9fff]/u.test(csv);
          if (latinOnlyGb) expect(readFile(bytes)).toMatchObject({ encoding: 'windows-1252', encodingConfident: false });
          const read = latinOnlyGb ? readFile(bytes, { encoding: 'gb18030' }) : readFile(bytes);
          expect(read.delimiter).toBe(delimiter);
          expect(read.encoding).toBe(enc.startsWith('utf-8') || validUtf8 ? 'utf-8' : enc);
          expect(read.headers).toEqual(headers);
          expect(read.rows).toEqual(data);
        },
      ),
      { numRuns: 300 },
    );
  });
});

type Consent = { granted: boolean; at: number; wording: string | null } | null;
type Record_ = {
  firstName: string;
  lastName: string;
  preferredName: string | null;
  phone: string | null;
  email: string | null;
  birthday: { month: number; day: number; year: number | null; lunar: boolean } | null;
  gender: string | null;
  language: 'en' | 'zh-CN' | 'zh-TW';
  source: string | null;
  referrer: string | null;
  homeStore: 'flushing' | 'richmond';
  tags: string[];
  sms: Consent;
  email_: Consent;
  favouriteTechnician: string | null;
  pressure: (typeof PRESSURES)[number] | null;
  focusAreas: string[];
  allergyReminder: string | null;
  remark: string | null;
};

const listItem = (max: number) => text(max).filter((s) => s !== '' && !/[;\n\r]/.test(s));
const uniqueList = (max: number, count: number) => fc.uniqueArray(listItem(max), { maxLength: count, selector: (s) => s.toLowerCase() });
const consent: fc.Arbitrary<Consent> = fc.option(
  fc.record({ granted: fc.boolean(), at: fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2026, 10, 1) }), wording: optional(60) }),
  { nil: null },
);
const birthday = fc.option(
  fc
    .record({
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
      year: fc.option(fc.integer({ min: 1900, max: 2026 }), { nil: null }),
      lunar: fc.boolean(),
    })
    .filter((b) => {
      if (b.lunar) return b.day <= 30;
      return new Date(Date.UTC(b.year ?? 2000, b.month - 1, b.day)).getUTCDate() === b.day;
    }),
  { nil: null },
);

const record: fc.Arbitrary<Record_> = fc.record({
  firstName: text(100).filter(Boolean),
  lastName: text(100),
  preferredName: optional(100),
  phone: fc.option(
    fc
      .tuple(fc.constantFrom('212', '415', '604', '718'), fc.integer({ min: 0, max: 99 }))
      .map(([area, n]) => `+1${area}55501${String(n).padStart(2, '0')}`),
    { nil: null },
  ),
  email: fc.option(
    fc
      .emailAddress()
      .map((e) => e.toLowerCase())
      .filter((e) => tryNormalizeEmail(e) === e),
    { nil: null },
  ),
  birthday,
  gender: optional(40),
  language: fc.constantFrom('en', 'zh-CN', 'zh-TW'),
  source: optional(100),
  referrer: optional(200),
  homeStore: fc.constantFrom('flushing', 'richmond'),
  tags: uniqueList(40, 30),
  sms: consent,
  email_: consent,
  favouriteTechnician: fc.option(fc.constantFrom('amy@lotus.test', 'bo@lotus.test'), { nil: null }),
  pressure: fc.option(fc.constantFrom(...PRESSURES), { nil: null }),
  focusAreas: uniqueList(60, 20),
  allergyReminder: optional(500),
  remark: optional(200),
});

/** One client as GET /clients/export.csv writes it (see csv-columns.ts for the value formats). */
function exportRow(r: Record_, id: string): string[] {
  const values: Record<ClientCsvColumn, string> = {
    client_id: id,
    first_name: r.firstName,
    last_name: r.lastName,
    preferred_name: r.preferredName ?? '',
    phone: r.phone ?? '',
    email: r.email ?? '',
    birth_month: r.birthday ? String(r.birthday.month) : '',
    birth_day: r.birthday ? String(r.birthday.day) : '',
    birth_year: r.birthday?.year ? String(r.birthday.year) : '',
    lunar_birthday: r.birthday ? formatCsvBool(r.birthday.lunar) : '',
    gender: r.gender ?? '',
    language: r.language,
    source: r.source ?? '',
    referrer: r.referrer ?? '',
    home_store: r.homeStore,
    tags: formatCsvList(r.tags),
    sms_consent: formatCsvBool(r.sms?.granted),
    sms_consent_at: r.sms ? new Date(r.sms.at).toISOString() : '',
    sms_consent_wording: r.sms?.wording ?? '',
    email_consent: formatCsvBool(r.email_?.granted),
    email_consent_at: r.email_ ? new Date(r.email_.at).toISOString() : '',
    email_consent_wording: r.email_?.wording ?? '',
    favourite_technician: r.favouriteTechnician ?? '',
    pressure: r.pressure ?? '',
    focus_areas: formatCsvList(r.focusAreas),
    allergy_reminder: r.allergyReminder ?? '',
    created_at: '2026-11-27T15:00:00.000Z',
  };
  return [...CLIENT_CSV_COLUMNS.map((c) => values[c]), r.remark ?? ''];
}

const remarkDef = {
  id: 'f1',
  key: 'remark',
  type: 'text',
  required: false,
  labels: { en: 'Remark' },
  options: [],
  sortOrder: 0,
  archived: false,
  version: 1,
} as const;
const ctx: Omit<MapContext, 'dateFormat' | 'nameOrder' | 'tagSeparators'> = {
  currentYear: 2026,
  defaultStoreId: 'store-flushing',
  store: (raw) => ({ flushing: 'store-flushing', richmond: 'store-richmond' })[raw] ?? null,
  staff: (raw) => ({ 'amy@lotus.test': 'staff-amy', 'bo@lotus.test': 'staff-bo' })[raw] ?? null,
  phone: (raw, storeId) => tryNormalizePhone(raw, storeId === 'store-richmond' ? 'CA' : 'US'),
  email: tryNormalizeEmail,
  customDefs: [remarkDef as unknown as MapContext['customDefs'][number]],
};

/** What the import must produce from a record. */
function expected(r: Record_, id: string): ClientDraft {
  const c = (x: Consent) => (x ? { granted: x.granted, at: { instant: x.at }, wording: x.wording } : null);
  return {
    externalId: id,
    firstName: r.firstName,
    lastName: r.lastName,
    preferredName: r.preferredName,
    phone: r.phone,
    email: r.email,
    birthday: r.birthday,
    gender: r.gender,
    language: r.language,
    source: r.source,
    referrer: r.referrer,
    homeStoreId: `store-${r.homeStore}`,
    tags: r.tags,
    notes: null,
    smsConsent: c(r.sms),
    emailConsent: c(r.email_),
    favouriteStaffId: r.favouriteTechnician ? (ctx.staff(r.favouriteTechnician) as string) : null,
    pressure: r.pressure,
    focusAreas: r.focusAreas.length ? r.focusAreas : null,
    allergyReminder: r.allergyReminder,
    customFields: r.remark ? { remark: r.remark } : {},
  };
}

describe("Orchid's export → import round trip", () => {
  it('reads back every record exactly, Chinese names, commas, quotes and line breaks included', () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 6 }), (records) => {
        const ids = records.map((_, i) => `0190a000-0000-7000-8000-${String(i).padStart(12, '0')}`);
        const header = [...CLIENT_CSV_COLUMNS, customFieldColumn('remark')];
        const csv = `\ufeff${stringify([header, ...records.map((r, i) => exportRow(r, ids[i]!))], { record_delimiter: 'windows' })}`;
        const file = readFile(Buffer.from(csv, 'utf8'));
        expect(file).toMatchObject({ encoding: 'utf-8', delimiter: ',' });
        const preset = detectPreset(file.headers).id;
        expect(preset).toBe('orchid');
        const mapping = suggestMapping(file.headers, preset, ['remark']);
        const p = PRESETS.orchid;
        file.rows.forEach((cells, i) => {
          const result = mapRow(cells, mapping, {
            ...ctx,
            dateFormat: p.dateFormat,
            nameOrder: p.nameOrder,
            tagSeparators: p.tagSeparators,
          });
          expect(result).toEqual({ ok: true, draft: expected(records[i]!, ids[i]!), warnings: [] });
        });
      }),
      { numRuns: 200 },
    );
  });
});
