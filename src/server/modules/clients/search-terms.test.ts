import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KIND_EXACT_NAME, KIND_EXACT_PHONE, nextPrefix, parseQuery, searchTermsFor } from './search-terms.js';

const terms = (c: Parameters<typeof searchTermsFor>[0]) => new Map(searchTermsFor(c).map((t) => [t.term, t.kind]));
/** Would the query find this client? Every word must be a prefix of some term. */
const finds = (c: Parameters<typeof searchTermsFor>[0], q: string) => {
  const parsed = parseQuery(q);
  const all = [...terms(c).keys()];
  return !!parsed && parsed.words.every((w) => all.some((t) => t.startsWith(w)));
};

describe('search terms', () => {
  const wang = { firstName: '小明', lastName: '王', phone: '+14155550134', email: 'xm.wang@example.com' };

  it('covers a Chinese name by characters, pinyin, initials, with and without spaces', () => {
    const t = terms(wang);
    for (const k of ['王小明', '小明', 'wangxiaoming', 'xiaoming', 'ming', 'wxm', 'xm', 'wang', 'xiao', 'xiaomingwang'])
      expect(t.has(k), k).toBe(true);
    expect(t.get('王小明')).toBe(KIND_EXACT_NAME);
    expect(t.get('wangxiaoming')).toBe(KIND_EXACT_NAME);
    for (const q of ['wang', 'xiaoming', 'wangxiaoming', 'wxm', '小明', '王小', 'wang xiaoming', 'Xiaoming Wang', 'WXM', 'ming'])
      expect(finds(wang, q), q).toBe(true);
    expect(finds(wang, 'li')).toBe(false);
  });

  it('reads family-name polyphones as surnames and ü both ways', () => {
    expect(terms({ firstName: '小贤', lastName: '曾' }).has('zengxiaoxian')).toBe(true);
    const lv = terms({ firstName: '丽', lastName: '吕' });
    expect(lv.has('lvli')).toBe(true);
    expect(lv.has('luli')).toBe(true);
  });

  it('covers a Latin name, joined forms from every boundary, accents folded', () => {
    const c = { firstName: 'Mary-Jane', lastName: "O'Brien", preferredName: 'MJ' };
    for (const q of ['mary', 'jane', 'obrien', 'brien', 'maryjane', 'maryjaneobrien', "o'brien", 'mary jane o', 'mj'])
      expect(finds(c, q), q).toBe(true);
    expect(finds({ firstName: 'José', lastName: 'Núñez' }, 'jose nunez')).toBe(true);
  });

  it('finds a phone by any run of 4+ digits, formatted or not, and ranks the exact number', () => {
    const t = terms(wang);
    expect(t.get('4155550134')).toBe(KIND_EXACT_PHONE);
    expect(t.get('14155550134')).toBe(KIND_EXACT_PHONE);
    for (const q of ['0134', '5550', '555-0134', '(415) 555', '415.555.0134', '+1 415 555 0134', '4155'])
      expect(finds(wang, q), q).toBe(true);
    expect(parseQuery('555-0134')).toEqual({ words: ['5550134'], joined: '5550134' });
    expect(finds(wang, '0135')).toBe(false);
  });

  it('finds an email and its local part', () => {
    for (const q of ['xm.wang@example.com', 'xm.wang@ex', 'xm.wang', 'xmwang']) expect(finds(wang, q), q).toBe(true);
  });

  it('property: any 4+ digit substring of the national number is found', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 4, max: 10 }),
        (line, start, len) => {
          const national = `212555${String(line).padStart(4, '0')}`;
          const run = national.slice(start, start + len);
          fc.pre(run.length >= 4);
          return finds({ firstName: 'A', lastName: 'B', phone: `+1${national}` }, run);
        },
      ),
    );
  });

  it('property: nextPrefix bounds exactly the strings with the prefix', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 6, unit: 'grapheme' }),
        fc.string({ maxLength: 4, unit: 'grapheme' }),
        fc.string({ maxLength: 6, unit: 'grapheme' }),
        (p, tail, other) => {
          const hi = nextPrefix(p);
          const cmp = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
          const withPrefix = p + tail;
          expect(cmp(withPrefix, p) >= 0 && cmp(withPrefix, hi) < 0).toBe(true);
          if (!other.startsWith(p)) expect(cmp(other, p) < 0 || cmp(other, hi) >= 0).toBe(true);
        },
      ),
    );
  });

  it('ignores queries with nothing searchable', () => {
    expect(parseQuery('   ')).toBeNull();
    expect(parseQuery('--')).toBeNull();
  });
});
