import { describe, expect, it } from 'vitest';
import { fixedClock, systemClock } from './clock.js';

describe('systemClock', () => {
  it('reads the real time as integer epoch ms', () => {
    const before = Date.now();
    const t = systemClock.now();
    expect(Number.isSafeInteger(t)).toBe(true);
    expect(t).toBeGreaterThanOrEqual(before);
    expect(t).toBeLessThanOrEqual(Date.now());
  });
});

describe('fixedClock', () => {
  const start = Date.UTC(2026, 2, 8, 14, 30);

  it('stays where it is put', () => {
    const c = fixedClock(start);
    expect(c.now()).toBe(start);
    expect(c.now()).toBe(start);
  });

  it('set jumps anywhere, including backwards', () => {
    const c = fixedClock(start);
    expect(c.set(start + 5_000)).toBe(start + 5_000);
    expect(c.set(0)).toBe(0);
    expect(c.now()).toBe(0);
  });

  it('advance moves forward cumulatively', () => {
    const c = fixedClock(start);
    c.advance(60_000);
    expect(c.advance(1_000)).toBe(start + 61_000);
    expect(c.advance(0)).toBe(start + 61_000);
    expect(c.now()).toBe(start + 61_000);
  });

  it('rejects negative advances and non-integer times', () => {
    const c = fixedClock(start);
    expect(() => c.advance(-1)).toThrow(RangeError);
    expect(() => c.set(1.5)).toThrow(RangeError);
    expect(() => c.advance(Number.NaN)).toThrow(RangeError);
    expect(() => fixedClock(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(c.now()).toBe(start); // failed calls leave the clock untouched
  });

  it('two clocks are independent', () => {
    const a = fixedClock(1_000);
    const b = fixedClock(1_000);
    a.advance(500);
    expect(b.now()).toBe(1_000);
  });
});
