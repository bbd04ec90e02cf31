import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF } from './backoff.js';

describe('backoffDelay', () => {
  const none = () => 0;

  it('doubles from the base delay without jitter', () => {
    expect([1, 2, 3, 4].map((a) => backoffDelay(a, none))).toEqual([30_000, 60_000, 120_000, 240_000]);
  });

  it('stops growing at the cap', () => {
    expect(backoffDelay(8, none)).toBe(60 * 60_000);
    expect(backoffDelay(1000, none)).toBe(60 * 60_000);
  });

  it('adds up to the jitter fraction from the injected random', () => {
    expect(backoffDelay(1, () => 0.5)).toBe(30_000 + 3_750);
    expect(backoffDelay(2, () => 0.999_999)).toBeLessThan(60_000 * 1.25);
  });

  it('uses the policy it is given', () => {
    expect(backoffDelay(3, none, { baseMs: 1_000, maxMs: 10_000, jitter: 0 })).toBe(4_000);
    expect(backoffDelay(5, none, { baseMs: 1_000, maxMs: 10_000, jitter: 0 })).toBe(10_000);
  });

  it('refuses an attempt number below 1', () => {
    expect(() => backoffDelay(0)).toThrow(RangeError);
    expect(() => backoffDelay(1.5)).toThrow(RangeError);
  });

  it('stays between the exponential delay and +jitter, never shrinking as attempts grow', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, r) => {
        const d = backoffDelay(attempt, () => r);
        const plain = backoffDelay(attempt, none);
        expect(d).toBeGreaterThanOrEqual(plain);
        expect(d).toBeLessThanOrEqual(plain * (1 + DEFAULT_BACKOFF.jitter));
        expect(backoffDelay(attempt + 1, none)).toBeGreaterThanOrEqual(plain);
      }),
    );
  });
});
