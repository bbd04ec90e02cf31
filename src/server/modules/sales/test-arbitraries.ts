// fast-check generators shared by the checkout property tests.
import fc from 'fast-check';

const rate = fc.record({
  code: fc.constantFrom('a', 'b', 'c'),
  name: fc.constant('T'),
  rate: fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 9999 })).map(([w, f]) => `${w}.${String(f).padStart(4, '0')}`),
  appliesTo: fc.subarray(['service', 'product'], { minLength: 1 }),
  compound: fc.boolean(),
});
/** Any tax settings: up to 3 rates (0–30.9999 %), simple or compound, inclusive or exclusive. */
export const arbitrarySettings = fc.record({
  pricesIncludeTax: fc.boolean(),
  rates: fc.uniqueArray(rate, { maxLength: 3, selector: (r) => r.code }),
  preset: fc.constant(null),
});
