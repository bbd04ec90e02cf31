import { describe, expect, it } from 'vitest';
import { cashDue, quickCash, roundCashCad } from './money.js';

describe('cash helpers', () => {
  it('rounds CAD cash to the nearest 5 cents', () => {
    expect([1001, 1002, 1003, 1004, 1005, 1007, 1008].map(roundCashCad)).toEqual([1000, 1000, 1005, 1005, 1005, 1005, 1010]);
  });
  it('rounds only CAD', () => {
    expect(cashDue(1023, 'USD')).toBe(1023);
    expect(cashDue(1023, 'CAD')).toBe(1025);
    expect(cashDue(0, 'CAD')).toBe(0);
  });
  it('offers exact and the next round bills', () => {
    expect(quickCash(4365)).toEqual([4365, 4500, 5000, 6000, 10_000]);
    expect(quickCash(2000)).toEqual([2000, 5000, 10_000]);
  });
});
