import { describe, expect, it } from 'vitest';
import { approvalRequired } from './approval-required.js';
import { defaultReceiptPrefix, parseSalesSettings, RECEIPT_PREFIX, salesSettingsSchema } from './settings.js';
import { parseTaxSettings, rateNamesJson, storedRateName, TAX_PRESETS, taxPreset } from './tax.js';

describe('receipt prefix', () => {
  it('derives a default from the store’s slug', () => {
    expect(defaultReceiptPrefix('flushing')).toBe('FLU');
    expect(defaultReceiptPrefix('lotus-flushing')).toBe('LF');
    expect(defaultReceiptPrefix('lotus-richmond')).toBe('LR');
    expect(defaultReceiptPrefix('lotus-flushing-2')).toBe('LF2');
    expect(defaultReceiptPrefix('lian-hua-fa-la-sheng-main-street-store')).toBe('LHFLSM');
    expect(defaultReceiptPrefix('ny')).toBe('NY');
    expect(defaultReceiptPrefix('')).toBe('R');
    for (const slug of ['flushing', 'lotus-flushing-2', 'a-b-c-d-e-f-g-h', 'store-12345678'])
      expect(defaultReceiptPrefix(slug)).toMatch(RECEIPT_PREFIX);
  });

  it('accepts 1–6 capital letters or digits in a request; a longer saved prefix still reads', () => {
    expect(salesSettingsSchema.safeParse({ receiptPrefix: 'FLU1' }).success).toBe(true);
    for (const bad of ['', 'abc', 'TOOLONG', 'A-1']) expect(salesSettingsSchema.safeParse({ receiptPrefix: bad }).success).toBe(false);
    expect(parseSalesSettings('{"receiptPrefix":"LEGACY12","tipPresets":[10]}')).toMatchObject({
      receiptPrefix: 'LEGACY12',
      tipPresets: [10],
    });
  });
});

describe('tax rate names', () => {
  it('every preset names its rates in every language', () => {
    for (const p of TAX_PRESETS)
      for (const r of taxPreset(p).rates) expect(Object.keys(r.nameTranslations ?? {}).sort()).toEqual(['en', 'zh-CN', 'zh-TW']);
  });

  it('fills a preset rate saved without translations from the preset, keeping custom ones', () => {
    const old = JSON.stringify({
      pricesIncludeTax: false,
      preset: 'ca_bc',
      rates: [
        { code: 'gst', name: 'GST', rate: '5', appliesTo: ['service', 'product'], compound: false },
        { code: 'pst', name: 'PST', nameTranslations: { 'zh-TW': '卑詩省銷售稅' }, rate: '7', appliesTo: ['product'], compound: false },
      ],
    });
    const [gst, pst] = parseTaxSettings(old).rates;
    expect(gst!.nameTranslations).toEqual({ en: 'GST', 'zh-CN': '联邦消费税 GST', 'zh-TW': '聯邦消費稅 GST' });
    expect(pst!.nameTranslations).toEqual({ en: 'PST', 'zh-CN': '省销售税 PST', 'zh-TW': '卑詩省銷售稅' });
    // A custom rate (no preset) stays as it was.
    const custom = parseTaxSettings(
      JSON.stringify({
        pricesIncludeTax: false,
        preset: null,
        rates: [{ code: 'gst', name: 'GST', rate: '5', appliesTo: ['product'], compound: false }],
      }),
    );
    expect(custom.rates[0]!.nameTranslations).toBeUndefined();
  });

  it('reads a sale’s saved names in a language, falling back to the English name', () => {
    const saved = rateNamesJson({ name: 'Sales tax', nameTranslations: { 'zh-CN': '销售税' } });
    expect(JSON.parse(saved)).toEqual({ en: 'Sales tax', 'zh-CN': '销售税' });
    expect(storedRateName('Sales tax', saved, 'zh-CN')).toBe('销售税');
    expect(storedRateName('Sales tax', saved, 'zh-TW')).toBe('Sales tax');
    expect(storedRateName('Sales tax', '{}', 'zh-CN')).toBe('Sales tax');
    expect(storedRateName('Sales tax', 'not json', 'zh-CN')).toBe('Sales tax');
    expect(storedRateName('Sales tax', null, 'zh-CN')).toBe('Sales tax');
  });
});

describe('approval_required', () => {
  it('carries the text in every language with the amount in the store’s currency', () => {
    expect(approvalRequired('refund', 12_345, 'CAD').params).toEqual({
      what_en: 'A refund of $123.45',
      what_zh_CN: '退款 $123.45 ',
      what_zh_TW: '退款 $123.45 ',
    });
    expect(approvalRequired('line_discount', 250, 'USD').params.what_zh_TW).toBe('此折扣（$2.50）');
  });
});
