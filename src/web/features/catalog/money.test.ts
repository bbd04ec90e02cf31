import { describe, expect, it } from 'vitest';
import { centsToInput, currencySymbol, formatMoney, MAX_CENTS, parseMoney } from './money.js';

describe('parseMoney', () => {
  it.each([
    ['25', 2500],
    ['25.5', 2550],
    ['25.50', 2550],
    ['25.', 2500],
    ['.5', 50],
    ['0.99', 99],
    ['19.99', 1999],
    ['0', 0],
    ['$40', 4000],
    ['  $ 40.10 ', 4010],
    ['CA$12', 1200],
    ['US$ 12.30', 1230],
    ['1,250.00', 125000],
    ['1,000,000', MAX_CENTS],
    ['２５．５０', 2550],
    ['0.07', 7],
    ['1.1', 110],
  ])('reads %j as %i cents', (text, cents) => {
    expect(parseMoney(text)).toBe(cents);
  });

  it.each(['', '   ', '$', '.', '-5', '12.345', 'abc', '12a', '1,25', '12,5.00', '1 000', '1000000.01', '99999999', '1e3', 'NaN'])(
    'refuses %j',
    (text) => {
      expect(parseMoney(text)).toBeNull();
    },
  );

  it('never goes through floating point (every cent from 0 to $20 round-trips)', () => {
    for (let cents = 0; cents <= 2000; cents++) expect(parseMoney(centsToInput(cents))).toBe(cents);
  });
});

describe('centsToInput', () => {
  it('writes dollars with two decimals', () => {
    expect(centsToInput(2500)).toBe('25.00');
    expect(centsToInput(5)).toBe('0.05');
    expect(centsToInput(123456)).toBe('1234.56');
    expect(centsToInput(null)).toBe('');
  });
});

describe('formatMoney', () => {
  it('uses the currency and the language', () => {
    expect(formatMoney(2500, 'USD', 'en')).toBe('$25.00');
    expect(formatMoney(2500, 'CAD', 'en')).toBe('$25.00');
    expect(formatMoney(123456, 'USD', 'zh-CN')).toBe('$1,234.56');
    expect(formatMoney(2500, 'CAD', 'zh-TW')).toBe('$25.00');
    expect(formatMoney(1000, 'USD', 'en', { sign: true })).toBe('+$10.00');
    expect(formatMoney(2500, 'USD', 'zh-CN')).toContain('25.00');
  });
  it('knows the input prefix', () => {
    expect(currencySymbol('USD', 'en')).toBe('$');
    expect(currencySymbol('CAD', 'en')).toBe('$');
  });
});
