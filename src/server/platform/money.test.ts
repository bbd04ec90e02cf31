import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, assertMinor, formatMoney, isCurrency, parseMoneyInput, percentOf, roundCashCad, roundHalfUp } from './money.js';

const MAX = Number.MAX_SAFE_INTEGER;

describe('assertMinor', () => {
  it('accepts safe integers, including negatives and zero', () => {
    for (const n of [0, 1, -1, 123_456, MAX, -MAX]) expect(() => assertMinor(n)).not.toThrow();
  });

  it('rejects floats, unsafe integers, NaN, infinities and non-numbers', () => {
    for (const n of [0.5, 12.34, MAX + 1, Number.NaN, Number.POSITIVE_INFINITY, '100', null, 10n]) {
      expect(() => assertMinor(n)).toThrow(RangeError);
    }
    expect(() => assertMinor(1.5, 'price')).toThrow(/price/);
  });
});

describe('isCurrency', () => {
  it('knows USD and CAD only', () => {
    expect(isCurrency('USD')).toBe(true);
    expect(isCurrency('CAD')).toBe(true);
    expect(isCurrency('usd')).toBe(false);
    expect(isCurrency('EUR')).toBe(false);
  });
});

describe('roundHalfUp', () => {
  it('rounds halves away from zero', () => {
    expect(roundHalfUp(5, 2)).toBe(3);
    expect(roundHalfUp(-5, 2)).toBe(-3);
    expect(roundHalfUp(5, -2)).toBe(-3);
    expect(roundHalfUp(-5, -2)).toBe(3);
    expect(roundHalfUp(7, 2)).toBe(4);
  });

  it('rounds non-halves to the nearest integer', () => {
    expect(roundHalfUp(10, 3)).toBe(3);
    expect(roundHalfUp(11, 3)).toBe(4);
    expect(roundHalfUp(-11, 3)).toBe(-4);
    expect(roundHalfUp(1, 3)).toBe(0);
    expect(roundHalfUp(0, 7)).toBe(0);
    expect(Object.is(roundHalfUp(-1, 3), 0)).toBe(true); // not -0
  });

  it('is exact where float division is not', () => {
    // MAX / 2 = 4503599627370495.5 exactly, which a float cannot hold.
    expect(roundHalfUp(MAX, 2)).toBe(4_503_599_627_370_496);
  });

  it('rejects zero and non-integer inputs', () => {
    expect(() => roundHalfUp(1, 0)).toThrow(RangeError);
    expect(() => roundHalfUp(1.5, 2)).toThrow(RangeError);
    expect(() => roundHalfUp(1, 0.5)).toThrow(RangeError);
  });

  it('never lands more than half a unit from the true quotient (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: -1e6, max: 1e6 }).filter((d) => d !== 0),
        (n, d) => {
          const q = roundHalfUp(n, d);
          // |q*d - n| <= |d|/2, checked in integers: 2|q*d - n| <= |d|
          const err = 2n * (BigInt(q) * BigInt(d) - BigInt(n));
          return (err < 0n ? -err : err) <= BigInt(Math.abs(d));
        },
      ),
    );
  });

  it('is symmetric: roundHalfUp(-n, d) = -roundHalfUp(n, d) (property)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 1e6 }), (n, d) => {
        return roundHalfUp(-n, d) === -roundHalfUp(n, d) || roundHalfUp(n, d) === 0;
      }),
    );
  });
});

describe('percentOf', () => {
  it('takes basis points of an amount, half-up', () => {
    expect(percentOf(10_000, 1_000)).toBe(1_000); // 10 % of $100
    expect(percentOf(1_000, 825)).toBe(83); // 8.25 % of $10 = 82.5 → 83
    expect(percentOf(1_999, 1_300)).toBe(260); // 13 % of $19.99 = 259.87
    expect(percentOf(1, 5_000)).toBe(1); // 0.5 → 1
    expect(percentOf(-1_000, 825)).toBe(-83);
    expect(percentOf(12_345, 0)).toBe(0);
    expect(percentOf(12_345, 10_000)).toBe(12_345);
  });

  it('does not overflow in the intermediate product', () => {
    // MAX * 10 000 is far beyond 2^53; the result is not.
    expect(percentOf(MAX, 5_000)).toBe(roundHalfUp(MAX, 2));
    expect(() => percentOf(MAX, 20_000)).toThrow(RangeError);
  });

  it('rejects fractional inputs', () => {
    expect(() => percentOf(100, 12.5)).toThrow(RangeError);
    expect(() => percentOf(10.5, 100)).toThrow(RangeError);
  });
});

describe('allocate', () => {
  it('splits evenly with the leftover to the first parts', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(5, [1, 1, 1, 1, 1, 1])).toEqual([1, 1, 1, 1, 1, 0]);
  });

  it('gives the leftover to the largest remainders', () => {
    // exact shares 33.33…, 66.66… → remainders favour the second part
    expect(allocate(100, [1, 2])).toEqual([33, 67]);
    // discount of $10 over lines $30, $50, $20
    expect(allocate(1_000, [3_000, 5_000, 2_000])).toEqual([300, 500, 200]);
    expect(allocate(1_001, [3_000, 5_000, 2_000])).toEqual([300, 501, 200]);
  });

  it('gives zero weights nothing and handles zero and negative amounts', () => {
    expect(allocate(100, [0, 1, 0])).toEqual([0, 100, 0]);
    expect(allocate(0, [1, 2])).toEqual([0, 0]);
    expect(allocate(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(allocate(-1, [1, 1]).map((x) => Object.is(x, -0))).toEqual([false, false]);
  });

  it('rejects empty, all-zero, negative or fractional weights', () => {
    expect(() => allocate(100, [])).toThrow(RangeError);
    expect(() => allocate(100, [0, 0])).toThrow(RangeError);
    expect(() => allocate(100, [1, -1])).toThrow(RangeError);
    expect(() => allocate(100, [0.5, 0.5])).toThrow(RangeError);
    expect(() => allocate(1.5, [1])).toThrow(RangeError);
  });

  const amount = fc.integer({ min: -1e12, max: 1e12 });
  const weights = fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1, maxLength: 20 }).filter((ws) => ws.some((w) => w > 0));

  it('always sums exactly to the input (property)', () => {
    fc.assert(
      fc.property(amount, weights, (m, ws) => {
        const parts = allocate(m, ws);
        return parts.length === ws.length && parts.reduce((a, b) => a + b, 0) === m;
      }),
    );
  });

  it('keeps every part within one unit of its exact share, zero weights at 0 (property)', () => {
    fc.assert(
      fc.property(amount, weights, (m, ws) => {
        const total = BigInt(ws.reduce((a, b) => a + b, 0));
        return allocate(m, ws).every((p, i) => {
          const w = ws[i] ?? 0;
          if (w === 0) return p === 0;
          // |p - m*w/total| < 1  ⇔  |p*total - m*w| < total
          const diff = BigInt(p) * total - BigInt(m) * BigInt(w);
          return (diff < 0n ? -diff : diff) < total && Number.isSafeInteger(p);
        });
      }),
    );
  });

  it('negating the amount negates the parts (property)', () => {
    fc.assert(
      fc.property(amount, weights, (m, ws) => {
        const pos = allocate(m, ws);
        return allocate(-m, ws).every((p, i) => p === -(pos[i] ?? 0) || (p === 0 && pos[i] === 0));
      }),
    );
  });
});

describe('roundCashCad', () => {
  it('rounds the last digit per the Canadian penny rule', () => {
    const cases: Array<[number, number]> = [
      [100, 100],
      [101, 100],
      [102, 100],
      [103, 105],
      [104, 105],
      [105, 105],
      [106, 105],
      [107, 105],
      [108, 110],
      [109, 110],
    ];
    for (const [input, expected] of cases) expect(roundCashCad(input)).toBe(expected);
  });

  it('is symmetric for refunds and maps zero to +0', () => {
    expect(roundCashCad(-102)).toBe(-100);
    expect(roundCashCad(-103)).toBe(-105);
    expect(roundCashCad(-108)).toBe(-110);
    expect(Object.is(roundCashCad(-2), 0)).toBe(true);
  });

  it('lands on a multiple of 5 at most 2 away (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), (m) => {
        const r = roundCashCad(m);
        return r % 5 === 0 && Math.abs(r - m) <= 2;
      }),
    );
  });
});

describe('parseMoneyInput', () => {
  it('parses what people type without floats', () => {
    expect(parseMoneyInput('12.5')).toBe(1250);
    expect(parseMoneyInput('12.50')).toBe(1250);
    expect(parseMoneyInput('12')).toBe(1200);
    expect(parseMoneyInput('12.')).toBe(1200);
    expect(parseMoneyInput('.05')).toBe(5);
    expect(parseMoneyInput('0.1')).toBe(10);
    expect(parseMoneyInput('1.15')).toBe(115); // 1.15 * 100 = 114.99999999999999 as a float
    expect(parseMoneyInput('  007.30 ')).toBe(730);
    expect(parseMoneyInput('+4')).toBe(400);
    expect(parseMoneyInput('-3.1')).toBe(-310);
    expect(Object.is(parseMoneyInput('-0'), 0)).toBe(true);
  });

  it('rejects 3+ decimals and junk', () => {
    const bad = [
      '1.005',
      '12.500',
      '',
      ' ',
      '.',
      '-',
      '+.',
      'abc',
      '12a',
      '$12',
      '1,234.56',
      '1 234',
      '1e3',
      '0x10',
      'NaN',
      'Infinity',
      '--1',
      '1.2.3',
      '１２',
      '12.-5',
    ];
    for (const s of bad) expect(() => parseMoneyInput(s), s).toThrow(RangeError);
  });

  it('rejects amounts beyond the safe integer range', () => {
    expect(parseMoneyInput('90071992547409.91')).toBe(MAX);
    expect(() => parseMoneyInput('90071992547409.92')).toThrow(RangeError);
  });

  it('round-trips every amount written with two decimals (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (m) => {
        const abs = String(Math.abs(m)).padStart(3, '0');
        const text = `${m < 0 ? '-' : ''}${abs.slice(0, -2)}.${abs.slice(-2)}`;
        return parseMoneyInput(text) === m;
      }),
    );
  });
});

describe('formatMoney', () => {
  // Literal strings are what Node 20's ICU returns; if ICU changes them, review and update.
  it('formats English in each currency’s home style', () => {
    expect(formatMoney(123_456, 'USD', 'en')).toBe('$1,234.56');
    expect(formatMoney(123_456, 'CAD', 'en')).toBe('$1,234.56');
    expect(formatMoney(5, 'USD', 'en')).toBe('$0.05');
    expect(formatMoney(0, 'CAD', 'en')).toBe('$0.00');
    expect(formatMoney(-123_456, 'USD', 'en')).toBe('-$1,234.56');
  });

  it('formats Chinese locales with the same narrow dollar sign as the web app', () => {
    expect(formatMoney(123_456, 'USD', 'zh-CN')).toBe('$1,234.56');
    expect(formatMoney(123_456, 'CAD', 'zh-CN')).toBe('$1,234.56');
    expect(formatMoney(123_456, 'USD', 'zh-TW')).toBe('$1,234.56');
    expect(formatMoney(123_456, 'CAD', 'zh-TW')).toBe('$1,234.56');
    expect(formatMoney(-5, 'CAD', 'zh-CN')).toBe('-$0.05');
  });

  it('is exact for the largest safe amount', () => {
    expect(formatMoney(MAX, 'USD', 'en')).toBe('$90,071,992,547,409.91');
  });

  it('rejects non-integer amounts and unknown currencies', () => {
    expect(() => formatMoney(12.5, 'USD', 'en')).toThrow(RangeError);
    expect(() => formatMoney(100, 'EUR' as 'USD', 'en')).toThrow(RangeError);
  });

  it('agrees with the parser on the digits (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (m) => {
        const shown = formatMoney(m, 'USD', 'en').replace(/[$,]/g, '');
        return parseMoneyInput(shown) === m;
      }),
    );
  });
});
