import { describe, expect, it } from 'vitest';
// The app imports every module, and every module declares its codes on import: the catalog is complete.
import '../app.js';
import { AppError, defineErrors, describeError, errorCatalog, PlatformErrors } from './errors.js';
import { LANGUAGES } from './i18n.js';

const CJK = /[\u3400-\u9fff]/;
// Simplified forms that Traditional Chinese writes differently: one of these in a zh-TW text is a copy-paste from zh-CN.
const SIMPLIFIED_ONLY =
  /[们这个请无码门销东后发时间数据错误没为与对该选择输设户钟录权长见关开会点单价额费务项审计启过内删继续确认库账号邮处试签锁终复杂帐虑让说应实现条现领导员当总结参预约务]/;
// A module may pre-render a text per language into `{x_en}`, `{x_zh_CN}`, `{x_zh_TW}`: those count as one placeholder `x`.
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!.replace(/_(en|zh_CN|zh_TW)$/, '')).sort();

describe('error catalog', () => {
  const entries = [...errorCatalog()];

  it('holds the codes of every module', () => {
    const codes = entries.map(([code]) => code);
    for (const code of [
      'validation_failed',
      'invalid_json',
      'route_not_found',
      'method_not_allowed',
      'payload_too_large',
      'unsupported_media_type',
      'conflict',
      'stale_version',
      'rate_limited',
      'invalid_credentials',
      'pin_locked',
      'already_set_up',
      'email_taken',
      'last_owner',
    ]) {
      expect(codes).toContain(code);
    }
  });

  it.each(entries)('%s has a client or server status and a non-empty title in every language', (_code, def) => {
    expect(def.status).toBeGreaterThanOrEqual(400);
    expect(def.status).toBeLessThan(600);
    for (const lang of LANGUAGES) {
      expect(def.title[lang]?.trim().length, lang).toBeGreaterThan(0);
      if (def.detail) expect(def.detail[lang]?.trim().length, lang).toBeGreaterThan(0);
    }
  });

  it.each(entries)('%s is written in the right script and uses the same placeholders everywhere', (_code, def) => {
    expect(CJK.test(def.title.en)).toBe(false);
    expect(CJK.test(def.title['zh-CN'])).toBe(true);
    expect(CJK.test(def.title['zh-TW'])).toBe(true);
    expect(SIMPLIFIED_ONLY.test(def.title['zh-TW']), def.title['zh-TW']).toBe(false);
    for (const lang of LANGUAGES) expect(placeholders(def.title[lang]), lang).toEqual(placeholders(def.title.en));
    if (def.detail) {
      expect(SIMPLIFIED_ONLY.test(def.detail['zh-TW']), def.detail['zh-TW']).toBe(false);
      for (const lang of LANGUAGES) expect(placeholders(def.detail[lang]), lang).toEqual(placeholders(def.detail.en));
    }
  });

  it('zh-TW is its own translation, not a copy of zh-CN, for most codes', () => {
    const differing = entries.filter(([, def]) => def.title['zh-TW'] !== def.title['zh-CN']);
    expect(differing.length / entries.length).toBeGreaterThanOrEqual(0.8);
  });

  it('describes an error in the asked language with its parameters filled in', () => {
    const err = PlatformErrors.rate_limited({ seconds: 42 });
    expect(describeError(err, 'en')).toEqual({
      title: 'Too many attempts: please wait',
      detail: 'Too many attempts. Try again in 42 seconds.',
    });
    expect(describeError(err, 'zh-CN').detail).toContain('42 秒');
    expect(describeError(err, 'zh-TW').detail).toContain('42 秒後');
    // Without a detail template, the detail is the title.
    expect(describeError(PlatformErrors.conflict(), 'zh-TW')).toEqual({ title: '與現有資料衝突', detail: '與現有資料衝突' });
    // An unknown code still describes itself rather than crashing.
    expect(describeError(new AppError('mystery', 418), 'en')).toEqual({ title: 'mystery', detail: 'mystery' });
  });

  it('refuses a code declared twice with a different meaning', () => {
    expect(() => defineErrors({ conflict: { status: 400, title: { en: 'x', 'zh-CN': '冲突', 'zh-TW': '衝突' } } })).toThrow(
      /declared twice/,
    );
  });
});
