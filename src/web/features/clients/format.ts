// How a client's name, birthday and phone read on screen. Pure, so the list, the profile and the
// import preview agree.
import { clientDisplayName } from '../../../shared/client-name.js';
import type { Birthday, ClientSummary } from './types.js';

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

export function isCjk(text: string): boolean {
  return CJK.test(text);
}

type Named = Pick<ClientSummary, 'firstName' | 'lastName'> & { preferredName?: string | null };

/**
 * The name every screen shows: 王小明 (a Chinese name keeps its order and form), Amy Wang (a preferred
 * name stands in for the given name of a Latin one). The rule is shared with the server:
 * src/shared/client-name.ts.
 */
export function fullName(c: Named): string {
  return clientDisplayName(c);
}

/**
 * What the shown name leaves out, for a second line: the preferred name beside a Chinese name (王小明 ·
 * Mandy), or the name on the card when the preferred one is shown (Amy Wang · Ying Wang).
 */
export function otherName(c: Named): string | null {
  const preferred = c.preferredName?.trim();
  if (!preferred) return null;
  const shown = fullName(c);
  const legal = clientDisplayName({ ...c, preferredName: null });
  if (shown !== legal) return legal;
  return shown.includes(preferred) ? null : preferred;
}

/** What an avatar shows: the preferred name for an English name on a Chinese card reads best. */
export function avatarName(c: Named): string {
  return fullName(c) || c.preferredName || '?';
}

/** "March 15", "March 15, 1990", "3月15日" — in the UI language; a lunar birthday is marked by the caller. */
export function formatBirthday(b: Birthday | null | undefined, lang: string): string {
  if (!b) return '';
  const year = b.year ?? 2000; // a leap year, so 29 February formats
  const date = Date.UTC(year, b.month - 1, b.day);
  const opts: Intl.DateTimeFormatOptions = b.year ? { year: 'numeric', month: 'long', day: 'numeric' } : { month: 'long', day: 'numeric' };
  return new Intl.DateTimeFormat(lang, { ...opts, timeZone: 'UTC' }).format(date);
}

/** The largest day of a month (29 for February when the year is unknown or leap; 30 for lunar months). */
export function maxDay(month: number, year: number | null | undefined, lunar = false): number {
  if (lunar) return 30;
  if (month === 2) return year == null || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Only the digits of a phone as typed (for "is this a phone search?" and loose checks). */
export function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

/** A phone as typed looks plausible: 7 to 15 digits and only phone punctuation. */
export function looksLikePhone(text: string): boolean {
  const t = text.trim();
  if (!t) return true;
  if (!/^[+\d\s().\-/]+(?:\s*(?:x|ext\.?)\s*\d+)?$/i.test(t)) return false;
  const n = digitsOf(t.replace(/(?:x|ext\.?)\s*\d+$/i, '')).length;
  return n >= 7 && n <= 15;
}

/**
 * A name typed in the search box, split for a new card: a Chinese name is family name + given name
 * (王小明 → 王 + 小明, two-character family names such as 欧阳 kept together), others "Jane Doe" → Jane + Doe.
 */
export function splitTypedName(text: string): { firstName: string; lastName: string } {
  const t = text.trim().replace(/\s+/g, ' ');
  if (!t) return { firstName: '', lastName: '' };
  if (isCjk(t) && !t.includes(' ')) {
    if (t.length === 1) return { firstName: t, lastName: '' };
    const compound = /^(欧阳|歐陽|司马|司馬|诸葛|諸葛|上官|东方|東方|皇甫|尉迟|尉遲|公孙|公孫|慕容|长孙|長孫|宇文|司徒|夏侯|令狐)/.exec(t);
    const family = compound && t.length > 2 ? compound[1]! : t.slice(0, 1);
    return { lastName: family, firstName: t.slice(family.length) };
  }
  const [first, ...rest] = t.split(' ');
  return { firstName: first ?? '', lastName: rest.join(' ') };
}

/** A birthday as the importer previews it: "1990-03-15", or "--03-15" without a year. */
export function formatIsoBirthday(text: string | null, lang: string): string {
  if (!text) return '';
  const m = /^(?:(\d{4})|-)-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return text;
  return formatBirthday({ year: m[1] ? Number(m[1]) : null, month: Number(m[2]), day: Number(m[3]) }, lang);
}
