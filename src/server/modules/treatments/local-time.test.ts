import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDate, toZonedIso } from '../../platform/zoned-time.js';
import { fastLocalDate, fastZonedIso } from './local-time.js';

const zones = ['America/New_York', 'America/Vancouver', 'America/St_Johns', 'Asia/Kolkata', 'UTC', 'Australia/Lord_Howe', 'Asia/Shanghai'];

describe('fast local time', () => {
  it('matches zoned-time around the 2026 DST changes', () => {
    for (const tz of ['America/New_York', 'America/Vancouver'])
      for (const base of [Date.UTC(2026, 2, 8, 5), Date.UTC(2026, 10, 1, 4)])
        for (let m = -180; m <= 720; m += 15) {
          const ms = base + m * 60_000;
          expect(fastZonedIso(ms, tz)).toBe(toZonedIso(ms, tz));
          expect(fastLocalDate(ms, tz)).toBe(localDate(ms, tz));
        }
  });

  it('property: same answers as Temporal for any instant, zone and milliseconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) }), fc.constantFrom(...zones), (ms, tz) => {
        expect(fastZonedIso(ms, tz)).toBe(toZonedIso(ms, tz));
        expect(fastLocalDate(ms, tz)).toBe(localDate(ms, tz));
      }),
      { numRuns: 500 },
    );
  });
});
