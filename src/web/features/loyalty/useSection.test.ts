import { describe, expect, it } from 'vitest';
import { hasInvalidNumber } from './useSection.js';

describe('settings drafts', () => {
  it('finds an amount that is not an amount anywhere in the draft', () => {
    expect(hasInvalidNumber({ a: 1, b: [{ c: 2 }], d: null })).toBe(false);
    expect(hasInvalidNumber({ a: 1, b: [{ c: Number.NaN }] })).toBe(true);
  });
});
