import { describe, expect, it } from 'vitest';
import { codeFor, withName } from './TaxRatesEditor.js';

describe('custom tax rate names', () => {
  it('keeps each language’s name as typed, and drops a blank one', () => {
    const cn = withName(undefined, 'zh-CN', '销售 ');
    expect(cn).toEqual({ 'zh-CN': '销售 ' });
    expect(withName(cn, 'zh-TW', '銷售稅')).toEqual({ 'zh-CN': '销售 ', 'zh-TW': '銷售稅' });
    expect(withName({ 'zh-CN': '销售税', 'zh-TW': '銷售稅' }, 'zh-TW', '  ')).toEqual({ 'zh-CN': '销售税' });
    expect(withName({ 'zh-CN': '销售税' }, 'zh-CN', '')).toBeUndefined();
  });

  it('derives a code from the English name', () => {
    expect(codeFor('Federal GST', [])).toBe('federal_gst');
    expect(codeFor('GST', ['gst'])).toBe('gst_2');
  });
});
