import { describe, expect, it } from 'vitest';
import { type LocaleTree, localeBundles } from './bundle.js';

// Chinese prose takes full-width punctuation (，。：；？！（）); an ASCII mark beside a Chinese
// character reads as careless machine output. Technical text (11:00, 1,000, URLs, {{placeholders}})
// never touches a Chinese character, so the rule is simply: no ASCII , ( ) : ; ? ! next to one.
const CHINESE = '[\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u3000-\\u303f\\uff01-\\uff60]';
const HALF_WIDTH_BESIDE_CHINESE = new RegExp(`${CHINESE}[,():;?!]|[,():;?!]${CHINESE}`);
// A mark quoted on its own is the character itself being named: 逗号（,）, 不能包含“;”.
const QUOTED_MARK = /[(（“「‘][,():;?!][)）”」’]/g;

function halfWidthBesideChinese(text: string): boolean {
  return HALF_WIDTH_BESIDE_CHINESE.test(text.replace(QUOTED_MARK, ''));
}

function leaves(tree: LocaleTree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]): [string, string][] =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : leaves(value, `${prefix}${key}.`),
  );
}

// Server-side problem messages and SMS/e-mail templates live beside their module's code as
// { en, 'zh-CN', 'zh-TW' } literals, so the check reads the string literals of every source line
// (comment lines excluded; Chinese object keys such as 英文: 'en' are code, not prose).
const serverSources = import.meta.glob<string>(['../../server/**/*.ts', '!../../server/**/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('Chinese punctuation', () => {
  it('the check itself tells prose from technical text', () => {
    expect(halfWidthBesideChinese('共 {{total}} 次,剩 {{left}} 次')).toBe(true);
    expect(halfWidthBesideChinese('(共 {{total}} 次)')).toBe(true);
    expect(halfWidthBesideChinese('{{name}},您好')).toBe(true);
    expect(halfWidthBesideChinese('删除吗?')).toBe(true);
    expect(halfWidthBesideChinese('（共 {{total}} 次），11:00 开始，满 1,000 积分，见 https://a.b/c')).toBe(false);
    expect(halfWidthBesideChinese('不能包含“;”，分隔符为逗号（,）')).toBe(false);
  });

  for (const lang of ['zh-CN', 'zh-TW'] as const) {
    it(`${lang} web strings use full-width punctuation`, () => {
      const offenders = leaves(localeBundles[lang])
        .filter(([, value]) => halfWidthBesideChinese(value))
        .map(([key, value]) => `${key}: ${value}`);
      expect(offenders).toEqual([]);
    });
  }

  it('server messages and templates use full-width punctuation', () => {
    expect(Object.keys(serverSources).length).toBeGreaterThan(50);
    const offenders: string[] = [];
    for (const [path, source] of Object.entries(serverSources)) {
      source.split('\n').forEach((line, i) => {
        if (/^\s*(\/\/|\/\*|\*)/.test(line)) return;
        const literals = line.replace(/\s\/\/\s.*$/, '').match(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`/g) ?? [];
        if (literals.some(halfWidthBesideChinese)) offenders.push(`${path}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });
});
