import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_TAX, parseTaxSettings, rateToPpm, type TaxSettings, taxLine, taxPreset } from './tax.js';
import { arbitrarySettings } from './test-arbitraries.js';

const exclusive = (rates: TaxSettings['rates']): TaxSettings => ({ pricesIncludeTax: false, rates, preset: null });

describe('tax rates', () => {
  it('reads decimal percent strings exactly', () => {
    expect(rateToPpm('8.875')).toBe(88_750);
    expect(rateToPpm('13')).toBe(130_000);
    expect(rateToPpm('0.0001')).toBe(1);
    for (const bad of ['8.87501', '-5', '1e2', '', '100.5.1', ' 5']) expect(() => rateToPpm(bad)).toThrow(RangeError);
  });

  it('reads stored settings, and treats nothing stored as no tax', () => {
    expect(parseTaxSettings('{}')).toEqual(NO_TAX);
    expect(parseTaxSettings('not json')).toEqual(NO_TAX);
    expect(parseTaxSettings(JSON.stringify(taxPreset('ca_on')))).toEqual(taxPreset('ca_on'));
  });
});

describe('presets, per line, half-up on cents', () => {
  it('New York City: 8.875 % on products, and on services only when the store says so', () => {
    expect(taxLine(1200, 'product', taxPreset('us_nyc')).tax).toBe(107); // 106.5 → 107
    expect(taxLine(1000, 'product', taxPreset('us_nyc')).tax).toBe(89); // 88.75 → 89
    expect(taxLine(4500, 'service', taxPreset('us_nyc')).tax).toBe(0);
    expect(taxLine(4500, 'service', taxPreset('us_nyc', { taxServices: true })).tax).toBe(399); // 399.375
  });

  it('British Columbia: GST 5 % on everything, PST 7 % on products only', () => {
    expect(taxLine(1000, 'product', taxPreset('ca_bc')).taxes).toEqual([
      { code: 'gst', amount: 50 },
      { code: 'pst', amount: 70 },
    ]);
    expect(taxLine(1000, 'service', taxPreset('ca_bc')).taxes).toEqual([{ code: 'gst', amount: 50 }]);
  });

  it('Ontario HST 13 % and Alberta GST 5 % on services and products', () => {
    expect(taxLine(3000, 'service', taxPreset('ca_on')).tax).toBe(390);
    expect(taxLine(1999, 'product', taxPreset('ca_on')).tax).toBe(260); // 259.87
    expect(taxLine(3000, 'service', taxPreset('ca_ab')).tax).toBe(150);
    expect(taxLine(1010, 'product', taxPreset('ca_ab')).tax).toBe(51); // 50.5 → 51
  });

  it('never taxes a line without a tax class (gift cards, top-ups)', () => {
    expect(taxLine(5000, null, taxPreset('ca_on'))).toEqual({ taxes: [], tax: 0, preTax: 5000 });
  });

  it('compound rates tax the amount plus the taxes listed before them', () => {
    const s = exclusive([
      { code: 'a', name: 'A', rate: '5', appliesTo: ['service'], compound: false },
      { code: 'b', name: 'B', rate: '10', appliesTo: ['service'], compound: true },
    ]);
    expect(taxLine(10_000, 'service', s).taxes).toEqual([
      { code: 'a', amount: 500 },
      { code: 'b', amount: 1050 },
    ]);
    expect(taxLine(11_550, 'service', { ...s, pricesIncludeTax: true })).toMatchObject({ tax: 1550, preTax: 10_000 });
  });

  it('takes tax out of tax-inclusive prices so that pre-tax + tax = price', () => {
    const on = { ...taxPreset('ca_on'), pricesIncludeTax: true };
    expect(taxLine(1130, 'service', on)).toEqual({ taxes: [{ code: 'hst', amount: 130 }], tax: 130, preTax: 1000 });
    expect(taxLine(1000, 'service', on)).toEqual({ taxes: [{ code: 'hst', amount: 115 }], tax: 115, preTax: 885 });
  });
});

describe('tax properties', () => {
  it('taxes are never negative; pre-tax + tax = price when prices include tax; pre-tax = price otherwise', () => {
    fc.assert(
      fc.property(
        arbitrarySettings,
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.constantFrom('service', 'product', null),
        (settings, amount, cls) => {
          const r = taxLine(amount, cls, settings);
          expect(r.taxes.every((t) => t.amount >= 0)).toBe(true);
          expect(r.tax).toBe(r.taxes.reduce((a, t) => a + t.amount, 0));
          if (settings.pricesIncludeTax) expect(r.preTax + r.tax).toBe(amount);
          else expect(r.preTax).toBe(amount);
          expect(r.preTax).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('exclusive tax is within half a cent per rate of the exact rate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 300_000 }), (amount, ppm) => {
        const pct = `${Math.floor(ppm / 10_000)}.${String(ppm % 10_000).padStart(4, '0')}`;
        const t = taxLine(amount, 'service', exclusive([{ code: 'a', name: 'A', rate: pct, appliesTo: ['service'], compound: false }])).tax;
        expect(Math.abs(t * 1_000_000 - amount * ppm)).toBeLessThanOrEqual(500_000);
      }),
    );
  });
});
