import { describe, expect, it } from 'vitest';
import { featureLocaleFiles, localeBundles, type LocaleTree as Tree } from './bundle.js';

// The merged bundles: shared strings plus every feature's own locale files.
const locales: Record<string, Tree> = localeBundles;

describe('feature locale files', () => {
  it('come in all three languages', () => {
    const features = new Set(featureLocaleFiles.map((f) => f.replace(/\/locales\/[^/]+\.json$/, '')));
    for (const feature of features) {
      for (const lang of ['en', 'zh-CN', 'zh-TW']) expect(featureLocaleFiles).toContain(`${feature}/locales/${lang}.json`);
    }
  });
});

/** Every leaf as "a.b.c" → value (non-string leaves are kept so the test can report them). */
function leaves(tree: Tree, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object' && !Array.isArray(value)) leaves(value as Tree, path, out);
    else out.set(path, value);
  }
  return out;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1] ?? '').sort();
}

const flat = Object.fromEntries(Object.entries(locales).map(([name, tree]) => [name, leaves(tree)]));
const names = Object.keys(flat);

describe('locale files', () => {
  for (const a of names) {
    for (const b of names) {
      if (a === b) continue;
      it(`${a} has every key that ${b} has`, () => {
        const missing = [...(flat[b]?.keys() ?? [])].filter((key) => !flat[a]?.has(key));
        expect(missing, `keys in ${b} missing from ${a}`).toEqual([]);
      });
    }
  }

  for (const name of names) {
    it(`${name} has no empty or non-text values`, () => {
      const bad = [...(flat[name] ?? new Map())]
        .filter(([, value]) => typeof value !== 'string' || value.trim() === '')
        .map(([key]) => key);
      expect(bad, `empty or non-string values in ${name}`).toEqual([]);
    });
  }

  for (const name of names.filter((n) => n !== 'en')) {
    it(`${name} uses the same {{placeholders}} as en`, () => {
      const mismatched = [...(flat.en ?? new Map())]
        .filter(([key, value]) => {
          const other = flat[name]?.get(key);
          return typeof value === 'string' && typeof other === 'string' && placeholders(value).join() !== placeholders(other).join();
        })
        .map(([key]) => key);
      expect(mismatched).toEqual([]);
    });
  }

  it('zh-TW is written in Traditional characters, not copied from zh-CN', () => {
    const cn = flat['zh-CN'] ?? new Map();
    const tw = flat['zh-TW'] ?? new Map();
    // Common Simplified-only characters that must never appear in Traditional text.
    const simplifiedOnly = /[们这时门设员账号户钮录开关认说处让语选择编辑删预约营业务单请输东红网发见过还从样体线]/;
    const offenders = [...tw].filter(([, value]) => typeof value === 'string' && simplifiedOnly.test(value)).map(([k]) => k);
    expect(offenders).toEqual([]);
    const identicalWithHan = [...tw].filter(
      ([key, value]) => typeof value === 'string' && /[\u4e00-\u9fff]{4,}/.test(value) && cn.get(key) === value,
    );
    // A few short phrases are legitimately identical in both scripts; whole sentences are not.
    expect(identicalWithHan.length).toBeLessThan(tw.size * 0.1);
  });
});
