import { pinyin } from 'pinyin-pro';
import { phoneDigits } from './contact.js';

// Search keys, pure. Every client gets a set of lower-case terms, written on each change to
// client_search_terms(term, client_id, kind). A query word matches a client when it is a prefix of one of
// its terms: `term >= word AND term < nextPrefix(word)`, a range on the btree, never a scan.
//
//   Latin names   "Mary-Jane O'Brien" → mary, jane, o, brien, maryjaneobrien, janeobrien, obrien, brien,
//                 obrienmaryjane, brienmaryjane (the joined forms from every token boundary, both orders)
//   Chinese names 王小明 → 王小明, 小明, 明; wangxiaoming, xiaoming, ming; wxm, xm; xiaomingwang (given first)
//   Email         mary.obrien@gmail.com, mary.obrien, maryobrien
//   Phone         +1 (415) 555-0134 → 14155550134, 4155550134 and every digit suffix of length ≥ 4 of the
//                 national number (155550134 … 0134), so any run of 4+ digits is a prefix of some term.
//
// `kind` ranks: 2 = the exact phone, 1 = the exact full name / preferred name / email, 0 = partial.

export const KIND_PARTIAL = 0;
export const KIND_EXACT_NAME = 1;
export const KIND_EXACT_PHONE = 2;
export const MAX_TERM_LENGTH = 64;
const MIN_PHONE_SUFFIX = 4;

export type SearchTerm = { term: string; kind: number };
export type SearchableClient = {
  firstName: string;
  lastName: string;
  preferredName?: string | null;
  email?: string | null;
  phone?: string | null; // E.164
};

const HAN = /\p{Script=Han}/u;
const hasHan = (s: string) => HAN.test(s);

/** NFKC, lower case, accents removed (José → jose, Lü → lu). */
export function fold(s: string): string {
  return s.normalize('NFKC').toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

/** Words of a Latin-script text: letters and digits, split on anything else. */
function latinTokens(s: string): string[] {
  return fold(s)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Pinyin syllables of a Chinese text (non-Han parts as Latin tokens); `asSurname` reads 曾 as zeng, 单 as shan. */
function pinyinSyllables(s: string, asSurname: boolean): string[] {
  const out: string[] = [];
  for (const chunk of s.normalize('NFKC').match(/\p{Script=Han}+|[^\p{Script=Han}]+/gu) ?? []) {
    if (hasHan(chunk)) {
      const syl = pinyin(chunk, { toneType: 'none', type: 'array', v: true, ...(asSurname ? { surname: 'head' as const } : {}) });
      out.push(...syl.map((x) => fold(x)).filter((x) => /^[a-z]+$/.test(x)));
    } else out.push(...latinTokens(chunk));
  }
  return out;
}

const suffixJoins = (tokens: string[]) => tokens.map((_, i) => tokens.slice(i).join(''));

/** The search terms of one client (deduplicated; the highest kind wins). */
export function searchTermsFor(c: SearchableClient): SearchTerm[] {
  const terms = new Map<string, number>();
  const add = (term: string, kind = KIND_PARTIAL) => {
    const t = term.slice(0, MAX_TERM_LENGTH);
    if (t && (terms.get(t) ?? -1) < kind) terms.set(t, kind);
  };
  const addEach = (list: readonly string[]) => {
    for (const t of list) add(t);
  };
  /** The joined forms from every token boundary; the whole (first) one is an exact full name. */
  const addJoins = (tokens: readonly string[]) => {
    suffixJoins([...tokens]).forEach((t, i) => {
      add(t, i === 0 ? KIND_EXACT_NAME : KIND_PARTIAL);
    });
  };
  const addName = (first: string, last: string) => {
    const chinese = hasHan(first) || hasHan(last);
    if (chinese) {
      // Family name first: 王小明. Characters from every boundary, pinyin from every syllable.
      const chars = Array.from(`${last}${first}`.normalize('NFKC')).filter((ch) => hasHan(ch));
      addJoins(chars);
      const fam = pinyinSyllables(last, true);
      const given = pinyinSyllables(first, false);
      const full = [...fam, ...given];
      addEach(full);
      addJoins(full);
      addJoins(full.map((s) => s.replace(/v/g, 'u'))); // the lü of 吕 is typed lv (IME) or lu
      addEach(suffixJoins(full.map((s) => s[0] ?? ''))); // initials: wxm, xm, m
      if (given.length && fam.length) add([...given, ...fam].join(''), KIND_EXACT_NAME); // "Xiaoming Wang"
      return;
    }
    const f = latinTokens(first);
    const l = latinTokens(last);
    addEach([...f, ...l]);
    addJoins([...f, ...l]);
    addJoins([...l, ...f]);
  };

  addName(c.firstName, c.lastName);
  if (c.preferredName) {
    if (hasHan(c.preferredName)) addName(c.preferredName, '');
    else {
      const p = latinTokens(c.preferredName);
      addEach(p);
      addJoins(p);
      // "Lily Wang": preferred given name + family name.
      const fam = hasHan(c.lastName) ? pinyinSyllables(c.lastName, true) : latinTokens(c.lastName);
      if (fam.length) add([...p, ...fam].join(''), KIND_EXACT_NAME);
    }
  }
  if (c.email) {
    const email = c.email.toLowerCase();
    const local = email.split('@')[0] ?? '';
    add(email, KIND_EXACT_NAME);
    add(local);
    add(local.replace(/[^\p{L}\p{N}]+/gu, ''));
  }
  if (c.phone) {
    const { national, international } = phoneDigits(c.phone);
    add(international, KIND_EXACT_PHONE);
    add(national, KIND_EXACT_PHONE);
    for (let i = 1; national.length - i >= MIN_PHONE_SUFFIX; i++) add(national.slice(i));
  }
  return [...terms].map(([term, kind]) => ({ term, kind }));
}

export type SearchQuery = {
  /** Each word must match (intersection); ordered longest first. */
  words: string[];
  /** The words joined: an exact full-name / phone match on it ranks first. */
  joined: string;
  /**
   * Two words typed: the second then the first, joined. "jen smith" → smithjen, a prefix of the last-first
   * term smithjennifer, which the words joined in typed order (jensmith) are not.
   */
  reversed?: string;
};

/**
 * Parses what the user typed. A query of digits and phone punctuation with 4+ digits is one phone word
 * ("(415) 555-0134" → 4155550134; a leading +1 / 1 country code is kept, it is a term too). Other words
 * are folded like the terms; a word with "@" keeps its dots. Returns null when nothing searchable is left.
 */
export function parseQuery(raw: string): SearchQuery | null {
  const text = raw.normalize('NFKC').trim();
  if (!text) return null;
  const digits = text.replace(/\D/g, '');
  if (/^[\d\s().+\-/]+$/.test(text) && digits.length >= MIN_PHONE_SUFFIX) return { words: [digits], joined: digits };
  const words = text
    .split(/\s+/)
    .map((w) => (w.includes('@') ? fold(w) : fold(w).replace(/[^\p{L}\p{N}]+/gu, '')))
    .map((w) => w.slice(0, MAX_TERM_LENGTH))
    .filter(Boolean);
  if (words.length === 0) return null;
  const unique = [...new Set(words)].slice(0, 5);
  const query: SearchQuery = { words: [...unique].sort((a, b) => b.length - a.length), joined: words.join('').slice(0, MAX_TERM_LENGTH) };
  if (unique.length === 2) query.reversed = `${unique[1]}${unique[0]}`.slice(0, MAX_TERM_LENGTH);
  return query;
}

/**
 * The smallest string greater than every string that starts with `prefix` (in code point order, which is
 * UTF-8 byte order): the exclusive upper bound of the prefix range.
 */
export function nextPrefix(prefix: string): string {
  const cps = Array.from(prefix);
  while (cps.length) {
    const last = cps.pop()!.codePointAt(0)!;
    if (last < 0x10ffff) {
      let next = last + 1;
      if (next >= 0xd800 && next <= 0xdfff) next = 0xe000; // skip the surrogate range
      return cps.join('') + String.fromCodePoint(next);
    }
  }
  return '\u{10ffff}';
}
