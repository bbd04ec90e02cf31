// Parsers for single cell values: dates, consent flags, tags, email, language. Pure.
import type { Language } from '../../../platform/i18n.js';

export const DATE_FORMATS = ['MDY', 'DMY', 'YMD'] as const;
/** MDY = MM/DD/YYYY (US), DMY = DD/MM/YYYY (Canada, UK), YMD = YYYY-MM-DD (ISO, Chinese software). */
export type DateFormat = (typeof DATE_FORMATS)[number];

export type PartialDate = { year: number | null; month: number; day: number };

const daysIn = (month: number, year: number | null): number => {
  if (month === 2) return year === null || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
};

function valid(year: number | null, month: number, day: number): PartialDate | null {
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (!Number.isInteger(day) || day < 1 || day > daysIn(month, year)) return null;
  return { year, month, day };
}

/** Two-digit years pivot on the current year: '26' is 2026 in 2026, '27' is 1927. */
function fullYear(y: string, currentYear: number): number {
  if (y.length !== 2) return Number(y);
  const n = Number(y);
  return n <= currentYear % 100 ? 2000 + n : 1900 + n;
}

/**
 * Parses a date as written in the chosen format; an ISO `YYYY-MM-DD` (four-digit year first) is
 * accepted whatever the format. The year may be missing (`03/15`, `--03-15`, `3月15日`) and the
 * placeholder years 0000 and 1604 mean "no year". A time after the date is ignored.
 * Returns null when the text is not such a date (or not a real day: 02/30, 13/01 in MDY).
 */
export function parseDate(raw: string, format: DateFormat, currentYear: number): PartialDate | null {
  let s = raw.trim();
  if (!s) return null;
  const cn = /^(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]?$/.exec(s);
  if (cn) return withYear(cn[1] ?? null, Number(cn[2]), Number(cn[3]), currentYear);
  const named = monthNameDate(s, currentYear);
  if (named !== undefined) return named;
  s = s.replace(/[T\s].*$/, ''); // "1990-03-15 00:00:00", "1990-03-15T00:00:00Z"
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  if (iso) return withYear(iso[1]!, Number(iso[2]), Number(iso[3]), currentYear);
  const noYearIso = /^--(\d{1,2})-(\d{1,2})$/.exec(s);
  if (noYearIso) return valid(null, Number(noYearIso[1]), Number(noYearIso[2]));
  const parts = s.split(/[-/.]/);
  if (parts.some((p) => !/^\d{1,4}$/.test(p))) return null;
  if (parts.length === 3) {
    const [a, b, c] = parts as [string, string, string];
    if (format === 'YMD') return a.length >= 2 ? withYear(a, Number(b), Number(c), currentYear) : null;
    if (c.length !== 2 && c.length !== 4) return null;
    return format === 'MDY' ? withYear(c, Number(a), Number(b), currentYear) : withYear(c, Number(b), Number(a), currentYear);
  }
  if (parts.length === 2) {
    const [a, b] = parts as [string, string];
    if (a.length > 2 || b.length > 2) return null;
    return format === 'DMY' ? valid(null, Number(b), Number(a)) : valid(null, Number(a), Number(b));
  }
  return null;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** "15 Mar 1990", "Mar 15, 1990", "March 15", "15-Mar-90": unambiguous whatever the format. undefined = no month name. */
function monthNameDate(s: string, currentYear: number): PartialDate | null | undefined {
  const tokens = s
    .toLowerCase()
    .replace(/(\d)(st|nd|rd|th)\b/g, '$1')
    .split(/[\s,./-]+/)
    .filter(Boolean);
  const mi = tokens.findIndex((t) => /^[a-z]{3,}$/.test(t));
  if (mi < 0) return undefined;
  const word = tokens[mi] === 'sept' ? 'sep' : tokens[mi]!;
  const month = MONTHS.findIndex((m) => m.startsWith(word)) + 1;
  if (month === 0) return null;
  const nums = tokens.filter((_, i) => i !== mi);
  if (nums.some((t) => !/^\d{1,4}$/.test(t)) || nums.length < 1 || nums.length > 2) return null;
  const [a, b] = nums as [string, string | undefined];
  // A four-digit number (or the second of two) is the year; the other is the day.
  if (b === undefined) return a.length <= 2 ? valid(null, month, Number(a)) : null;
  if (a.length === 4) return withYear(a, month, Number(b), currentYear);
  return withYear(b, month, Number(a), currentYear);
}

function withYear(y: string | null, month: number, day: number, currentYear: number): PartialDate | null {
  if (y === null) return valid(null, month, day);
  const year = fullYear(y, currentYear);
  if (year === 0 || year === 1604) return valid(null, month, day);
  if (year < 1900 || year > currentYear) return null;
  return valid(year, month, day);
}

/** `YYYY-MM-DD`, or `--MM-DD` without a year (ISO 8601), as Orchid stores and exports birthdays. */
export function formatPartialDate(d: PartialDate): string {
  const mm = String(d.month).padStart(2, '0');
  const dd = String(d.day).padStart(2, '0');
  return d.year === null ? `--${mm}-${dd}` : `${String(d.year).padStart(4, '0')}-${mm}-${dd}`;
}

/** A consent timestamp: a full date (year required) in the file's format, with an optional `HH:mm[:ss]` and AM/PM, or an ISO instant. */
export type LocalDateTime = { date: string; time: string } | { instant: number };

export function parseDateTime(raw: string, format: DateFormat, currentYear: number): LocalDateTime | null {
  const s = raw.trim();
  if (!s) return null;
  if (/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/i.test(s)) {
    const ms = Date.parse(s);
    return Number.isFinite(ms) ? { instant: ms } : null;
  }
  const m = /^(\S+?)(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*([AaPp][Mm])?)?$/.exec(s);
  if (!m) return null;
  const date = parseDate(m[1]!, format, currentYear);
  if (!date || date.year === null) return null;
  let hour = m[2] === undefined ? 0 : Number(m[2]);
  const minute = m[3] === undefined ? 0 : Number(m[3]);
  const ampm = m[5]?.toLowerCase();
  if (ampm) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (ampm === 'pm' ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return null;
  const hh = String(hour).padStart(2, '0');
  const mi = String(minute).padStart(2, '0');
  return { date: formatPartialDate(date), time: `${hh}:${mi}` };
}

const YES = new Set([
  'yes',
  'y',
  'true',
  't',
  '1',
  'x',
  '✓',
  '✔',
  'on',
  'subscribed',
  'opted in',
  'opt in',
  'optin',
  'accepted',
  'accepts',
  'granted',
  'allowed',
  '是',
  '同意',
  '接受',
  '订阅',
  '訂閱',
  '已订阅',
  '已訂閱',
  '允许',
  '允許',
  '有',
]);
const NO = new Set([
  'no',
  'n',
  'false',
  'f',
  '0',
  'off',
  'unsubscribed',
  'not subscribed',
  'opted out',
  'opt out',
  'optout',
  'declined',
  'denied',
  'refused',
  'withdrawn',
  'never subscribed',
  '否',
  '不同意',
  '拒绝',
  '拒絕',
  '不接受',
  '未订阅',
  '未訂閱',
  '取消订阅',
  '取消訂閱',
  '退订',
  '退訂',
  '无',
  '無',
]);

/** yes/no/true/false/1/0/Y/N/是/否/subscribed/unsubscribed… → true/false; empty → undefined; anything else → null. */
export function parseConsent(raw: string): boolean | null | undefined {
  const s = raw.trim().toLowerCase().replace(/[_-]+/g, ' ').replace(/\s+/g, ' ');
  if (!s) return undefined;
  if (YES.has(s)) return true;
  if (NO.has(s)) return false;
  return null;
}

/**
 * Splits a tags cell on the given separators (default `,` `;` `|`, plus the Chinese 、,; when a comma is
 * one); trims, drops empties and case-insensitive repeats.
 */
export function splitTags(raw: string, separators = ',;|'): string[] {
  const seps = [...separators, ...(separators.includes(',') ? ['\u3001', '\uff0c', '\uff1b'] : [])];
  const out: string[] = [];
  const seen = new Set<string>();
  let parts = [raw];
  for (const sep of seps) parts = parts.flatMap((p) => p.split(sep));
  for (const part of parts) {
    const tag = part.trim();
    const key = tag.toLowerCase();
    if (tag && !seen.has(key)) {
      seen.add(key);
      out.push(tag);
    }
  }
  return out;
}

const LANGUAGE_WORDS: Record<string, Language> = {
  en: 'en',
  eng: 'en',
  english: 'en',
  英文: 'en',
  英语: 'en',
  英語: 'en',
  zh: 'zh-CN',
  'zh cn': 'zh-CN',
  'zh hans': 'zh-CN',
  chinese: 'zh-CN',
  mandarin: 'zh-CN',
  'simplified chinese': 'zh-CN',
  'chinese (simplified)': 'zh-CN',
  中文: 'zh-CN',
  简体: 'zh-CN',
  简体中文: 'zh-CN',
  普通话: 'zh-CN',
  国语: 'zh-CN',
  'zh tw': 'zh-TW',
  'zh hant': 'zh-TW',
  'zh hk': 'zh-TW',
  'traditional chinese': 'zh-TW',
  'chinese (traditional)': 'zh-TW',
  cantonese: 'zh-TW',
  繁體: 'zh-TW',
  繁體中文: 'zh-TW',
  繁体中文: 'zh-TW',
  粵語: 'zh-TW',
  粤语: 'zh-TW',
  廣東話: 'zh-TW',
  广东话: 'zh-TW',
};

/** Language codes and names (en, zh-CN, 中文, Cantonese, 繁體…) → Orchid's languages; undefined when unknown or empty. */
export function parseLanguage(raw: string): Language | undefined {
  const s = raw.trim().toLowerCase().replace(/[_-]+/g, ' ');
  return s ? LANGUAGE_WORDS[s] : undefined;
}
