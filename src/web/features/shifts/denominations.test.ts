import { describe, expect, it } from 'vitest';
import { countsBody, countTotal, DENOMINATIONS, isCoin } from './denominations.js';

describe('drawer count', () => {
  it('adds bills and coins in cents', () => {
    expect(countTotal({ '2000': 3, '25': 8, '1': 4 })).toBe(6204);
    expect(countsBody({ '2000': 3, '100': 0 })).toEqual({ '2000': 3 });
  });
  it('knows Canada has no penny and coin dollars', () => {
    expect(DENOMINATIONS.CAD).not.toContain(1);
    expect(isCoin(200, 'CAD')).toBe(true);
    expect(isCoin(200, 'USD')).toBe(false);
  });
});
