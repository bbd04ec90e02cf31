import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  compareHHmm,
  dayRange,
  eachDate,
  expandHours,
  isHHmm,
  isLocalDate,
  isValidTimeZone,
  localDate,
  parseInstant,
  startOfLocalDay,
  toZonedIso,
  weekdayKey,
  zonedDateTimeToInstant,
} from './zoned-time.js';

// Expected instants are written in UTC and parsed by Date, independently of the code under test.
const utc = (s: string): number => Date.parse(`${s}Z`);
const H = 3_600_000;
const NY = 'America/New_York';
const VAN = 'America/Vancouver';
const SPRING = '2026-03-08';
const FALL = '2026-11-01';

describe('DST change days', () => {
  // zone, date, day start (UTC), next day start (UTC), 09:00 local, 19:00 local, day length
  const cases = [
    [NY, SPRING, '2026-03-08T05:00', '2026-03-09T04:00', '2026-03-08T13:00', '2026-03-08T23:00', 23],
    [NY, FALL, '2026-11-01T04:00', '2026-11-02T05:00', '2026-11-01T14:00', '2026-11-02T00:00', 25],
    [VAN, SPRING, '2026-03-08T08:00', '2026-03-09T07:00', '2026-03-08T16:00', '2026-03-09T02:00', 23],
    [VAN, FALL, '2026-11-01T07:00', '2026-11-02T08:00', '2026-11-01T17:00', '2026-11-02T03:00', 25],
  ] as const;

  for (const [tz, date, start, end, nine, seven, hours] of cases) {
    describe(`${tz} ${date}`, () => {
      it(`is ${hours} hours long`, () => {
        const r = dayRange(date, tz);
        expect(r).toEqual({ start: utc(start), end: utc(end) });
        expect(r.end - r.start).toBe(hours * H);
        expect(startOfLocalDay(date, tz)).toBe(utc(start));
      });

      it('maps 09:00 and 19:00 local to the right instants', () => {
        expect(zonedDateTimeToInstant(date, '09:00', tz)).toBe(utc(nine));
        expect(zonedDateTimeToInstant(date, '19:00', tz)).toBe(utc(seven));
      });

      it('expands 09:00–19:00 to exactly 10 real hours', () => {
        expect(expandHours(date, [{ open: '09:00', close: '19:00' }], tz)).toEqual([{ start: utc(nine), end: utc(seven) }]);
      });
    });
  }

  it('02:30 on spring-forward day does not exist: compatible and later give 03:30', () => {
    expect(zonedDateTimeToInstant(SPRING, '02:30', NY)).toBe(utc('2026-03-08T07:30')); // 03:30 EDT
    expect(zonedDateTimeToInstant(SPRING, '02:30', NY, 'later')).toBe(utc('2026-03-08T07:30'));
    expect(zonedDateTimeToInstant(SPRING, '02:30', NY, 'earlier')).toBe(utc('2026-03-08T06:30')); // 01:30 EST
    expect(() => zonedDateTimeToInstant(SPRING, '02:30', NY, 'reject')).toThrow(RangeError);
    expect(toZonedIso(zonedDateTimeToInstant(SPRING, '02:30', VAN), VAN)).toBe('2026-03-08T03:30:00-07:00');
  });

  it('01:30 on fall-back day is ambiguous: compatible and earlier give the first one', () => {
    expect(zonedDateTimeToInstant(FALL, '01:30', NY)).toBe(utc('2026-11-01T05:30')); // 01:30 EDT
    expect(zonedDateTimeToInstant(FALL, '01:30', NY, 'earlier')).toBe(utc('2026-11-01T05:30'));
    expect(zonedDateTimeToInstant(FALL, '01:30', NY, 'later')).toBe(utc('2026-11-01T06:30')); // 01:30 EST
    expect(() => zonedDateTimeToInstant(FALL, '01:30', NY, 'reject')).toThrow(RangeError);
    expect(zonedDateTimeToInstant(FALL, '01:30', VAN)).toBe(utc('2026-11-01T08:30')); // 01:30 PDT
    expect(zonedDateTimeToInstant(FALL, '01:30', VAN, 'later')).toBe(utc('2026-11-01T09:30')); // 01:30 PST
  });

  it('renders both sides of each change with the right offset', () => {
    expect(toZonedIso(utc('2026-03-08T06:59'), NY)).toBe('2026-03-08T01:59:00-05:00');
    expect(toZonedIso(utc('2026-03-08T07:00'), NY)).toBe('2026-03-08T03:00:00-04:00');
    expect(toZonedIso(utc('2026-11-01T05:30'), NY)).toBe('2026-11-01T01:30:00-04:00');
    expect(toZonedIso(utc('2026-11-01T06:30'), NY)).toBe('2026-11-01T01:30:00-05:00');
    expect(toZonedIso(utc('2026-11-01T08:30'), VAN)).toBe('2026-11-01T01:30:00-07:00');
    expect(toZonedIso(utc('2026-11-01T09:30'), VAN)).toBe('2026-11-01T01:30:00-08:00');
  });

  it('has exactly one 23 h and one 25 h day in 2026, the rest 24 h', () => {
    for (const tz of [NY, VAN]) {
      const lengths = eachDate('2026-01-01', '2026-12-31').map((d) => {
        const r = dayRange(d, tz);
        return [d, (r.end - r.start) / H] as const;
      });
      expect(lengths.filter(([, h]) => h !== 24)).toEqual([
        [SPRING, 23],
        [FALL, 25],
      ]);
    }
  });
});

describe('expandHours', () => {
  it('handles a range crossing the spring-forward gap', () => {
    // 01:00 EST → 04:00 EDT is only 2 real hours
    expect(expandHours(SPRING, [{ open: '01:00', close: '04:00' }], NY)).toEqual([
      { start: utc('2026-03-08T06:00'), end: utc('2026-03-08T08:00') },
    ]);
    // opening inside the gap resolves forward to 03:30 EDT
    expect(expandHours(SPRING, [{ open: '02:30', close: '05:00' }], NY)).toEqual([
      { start: utc('2026-03-08T07:30'), end: utc('2026-03-08T09:00') },
    ]);
  });

  it('drops a range that vanishes in the gap', () => {
    expect(expandHours(SPRING, [{ open: '02:30', close: '03:15' }], NY)).toEqual([]);
    expect(expandHours(SPRING, [{ open: '02:00', close: '03:00' }], NY)).toEqual([]);
  });

  it('counts both 01:00 hours on fall-back day', () => {
    // 01:00 EDT → 04:00 EST is 4 real hours
    expect(expandHours(FALL, [{ open: '01:00', close: '04:00' }], NY)).toEqual([
      { start: utc('2026-11-01T05:00'), end: utc('2026-11-01T09:00') },
    ]);
  });

  it('sorts split shifts and merges overlapping or touching ranges', () => {
    const d = '2026-06-15';
    expect(
      expandHours(
        d,
        [
          { open: '14:00', close: '19:00' },
          { open: '09:00', close: '12:00' },
        ],
        NY,
      ),
    ).toEqual([
      { start: utc('2026-06-15T13:00'), end: utc('2026-06-15T16:00') },
      { start: utc('2026-06-15T18:00'), end: utc('2026-06-15T23:00') },
    ]);
    const merged = [{ start: utc('2026-06-15T13:00'), end: utc('2026-06-15T17:00') }];
    const overlapping = [
      { open: '09:00', close: '12:00' },
      { open: '10:00', close: '13:00' },
      { open: '10:30', close: '11:00' },
    ];
    expect(expandHours(d, overlapping, NY)).toEqual(merged);
    const touching = [
      { open: '12:00', close: '13:00' },
      { open: '09:00', close: '12:00' },
    ];
    expect(expandHours(d, touching, NY)).toEqual(merged);
  });

  it('accepts 24:00 as a close that runs to the next local midnight', () => {
    expect(expandHours('2026-03-07', [{ open: '18:00', close: '24:00' }], NY)).toEqual([
      { start: utc('2026-03-07T23:00'), end: dayRange(SPRING, NY).start },
    ]);
    expect(expandHours(SPRING, [{ open: '00:00', close: '24:00' }], NY)).toEqual([dayRange(SPRING, NY)]);
  });

  it('returns nothing for a closed day', () => {
    expect(expandHours(SPRING, [], NY)).toEqual([]);
  });

  it('rejects malformed ranges', () => {
    const bad = [
      { open: '19:00', close: '09:00' }, // overnight: split across two dates instead
      { open: '09:00', close: '09:00' },
      { open: '24:00', close: '24:00' },
      { open: '9:00', close: '17:00' },
      { open: '09:00', close: '25:00' },
      { open: '09:00', close: '' },
    ];
    for (const r of bad) expect(() => expandHours(SPRING, [r], NY), JSON.stringify(r)).toThrow(RangeError);
    expect(() => expandHours('2026-02-30', [{ open: '09:00', close: '17:00' }], NY)).toThrow(RangeError);
    expect(() => expandHours(SPRING, [{ open: '09:00', close: '17:00' }], 'Mars/Base')).toThrow(RangeError);
  });

  const hhmm = fc.integer({ min: 0, max: 24 * 60 - 1 }).map((m) => {
    const pad = (n: number): string => String(n).padStart(2, '0');
    return `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
  });
  const range = fc
    .tuple(hhmm, hhmm)
    .filter(([a, b]) => a !== b)
    .map(([a, b]) => (a < b ? { open: a, close: b } : { open: b, close: a }));
  const date = fc.constantFrom(SPRING, FALL, '2026-03-07', '2026-11-02', '2026-06-15', '2026-12-31');
  const tz = fc.constantFrom(NY, VAN, 'Europe/London', 'Asia/Shanghai', 'UTC');

  it('yields sorted, disjoint intervals inside the local day (property)', () => {
    fc.assert(
      fc.property(date, fc.array(range, { maxLength: 5 }), tz, (d, ranges, z) => {
        const day = dayRange(d, z);
        const out = expandHours(d, ranges, z);
        return out.every(
          (iv, i) => iv.start < iv.end && iv.start >= day.start && iv.end <= day.end && (i === 0 || (out[i - 1]?.end ?? 0) < iv.start),
        );
      }),
    );
  });

  it('on an ordinary day, a range lasts exactly its wall-clock length (property)', () => {
    fc.assert(
      fc.property(range, tz, ({ open, close }, z) => {
        const [out] = expandHours('2026-06-15', [{ open, close }], z);
        const wall =
          (Number(close.slice(0, 2)) * 60 + Number(close.slice(3))) * 60_000 -
          (Number(open.slice(0, 2)) * 60 + Number(open.slice(3))) * 60_000;
        return out !== undefined && out.end - out.start === wall;
      }),
    );
  });
});

describe('toZonedIso / parseInstant', () => {
  it('formats with the offset, no zone suffix, and milliseconds only when present', () => {
    expect(toZonedIso(utc('2026-03-08T14:30'), NY)).toBe('2026-03-08T10:30:00-04:00');
    expect(toZonedIso(utc('2026-03-08T14:30') + 120, NY)).toBe('2026-03-08T10:30:00.120-04:00');
    expect(toZonedIso(utc('2026-03-08T14:30'), 'UTC')).toBe('2026-03-08T14:30:00+00:00');
    expect(toZonedIso(utc('2026-03-08T14:30'), 'Asia/Shanghai')).toBe('2026-03-08T22:30:00+08:00');
  });

  it('parses instants with Z or an offset', () => {
    expect(parseInstant('2026-03-08T10:30:00-04:00')).toBe(utc('2026-03-08T14:30'));
    expect(parseInstant('2026-03-08T14:30:00Z')).toBe(utc('2026-03-08T14:30'));
    expect(parseInstant('2026-03-08T22:30:00.250+08:00')).toBe(utc('2026-03-08T14:30') + 250);
  });

  it('rejects strings without an offset and junk', () => {
    for (const s of ['2026-03-08T10:30:00', '2026-03-08', '10:30', '', 'yesterday', '2026-13-01T00:00:00Z']) {
      expect(() => parseInstant(s), s).toThrow(RangeError);
    }
  });

  it('rejects non-integer instants and unknown zones', () => {
    expect(() => toZonedIso(1.5, NY)).toThrow(RangeError);
    expect(() => toZonedIso(0, 'Not/AZone')).toThrow(RangeError);
  });

  const instant = fc.integer({ min: 0, max: utc('2100-01-01T00:00') });
  const zoneArb = fc.constantFrom(NY, VAN, 'Asia/Shanghai', 'Asia/Taipei', 'Australia/Lord_Howe', 'UTC');

  it('round-trips every instant through any zone (property)', () => {
    fc.assert(fc.property(instant, zoneArb, (ms, z) => parseInstant(toZonedIso(ms, z)) === ms));
  });

  it('puts every instant inside the day range of its own local date (property)', () => {
    fc.assert(
      fc.property(instant, zoneArb, (ms, z) => {
        const r = dayRange(localDate(ms, z), z);
        return r.start <= ms && ms < r.end;
      }),
    );
  });
});

describe('local dates', () => {
  it('localDate gives the date in the zone, not in UTC', () => {
    const ms = utc('2026-03-08T03:00');
    expect(localDate(ms, NY)).toBe('2026-03-07');
    expect(localDate(ms, 'Asia/Shanghai')).toBe('2026-03-08');
  });

  it('startOfLocalDay is the first instant even where midnight is skipped', () => {
    // Brazil started DST at 00:00 in 2018, so the day began at 01:00 -02:00.
    expect(startOfLocalDay('2018-11-04', 'America/Sao_Paulo')).toBe(utc('2018-11-04T03:00'));
  });

  it('isLocalDate accepts only real YYYY-MM-DD dates', () => {
    expect(isLocalDate('2028-02-29')).toBe(true);
    for (const s of ['2026-02-29', '2026-13-01', '20260308', '2026-3-8', '2026-03-08T00:00', ' 2026-03-08', 20260308]) {
      expect(isLocalDate(s), String(s)).toBe(false);
    }
  });

  it('eachDate lists inclusive ranges across months and leap days', () => {
    expect(eachDate('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(eachDate('2028-02-28', '2028-03-01')).toEqual(['2028-02-28', '2028-02-29', '2028-03-01']);
    expect(eachDate(SPRING, SPRING)).toEqual([SPRING]);
    expect(eachDate('2026-03-09', SPRING)).toEqual([]);
    expect(eachDate('2026-12-31', '2027-01-01')).toEqual(['2026-12-31', '2027-01-01']);
    expect(() => eachDate('2026-03-08', 'soon')).toThrow(RangeError);
  });

  it('eachDate has one entry per day and steps by addDays (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 400 }), (offset, span) => {
        const from = addDays('2025-01-01', offset);
        const list = eachDate(from, addDays(from, span));
        return list.length === span + 1 && list.every((d, i) => d === addDays(from, i));
      }),
    );
  });

  it('weekdayKey follows the ISO week', () => {
    expect(weekdayKey(SPRING)).toBe('sun');
    expect(weekdayKey(FALL)).toBe('sun');
    expect(eachDate('2026-03-09', '2026-03-15').map(weekdayKey)).toEqual(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
  });

  it('addDays crosses months and years, and rejects fractions', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays(SPRING, -8)).toBe('2026-02-28');
    expect(() => addDays(SPRING, 0.5)).toThrow(RangeError);
  });
});

describe('time zones and HH:mm', () => {
  it('isValidTimeZone accepts IANA names and refuses offsets and junk', () => {
    for (const z of [NY, VAN, 'Asia/Shanghai', 'Asia/Taipei', 'UTC']) expect(isValidTimeZone(z), z).toBe(true);
    for (const z of ['', 'Mars/Base', '+05:00', '-08:00', 'EST5EDT6']) expect(isValidTimeZone(z), z).toBe(false);
  });

  it('isHHmm is strict 24-hour time', () => {
    for (const s of ['00:00', '09:05', '23:59']) expect(isHHmm(s), s).toBe(true);
    for (const s of ['24:00', '9:00', '09:60', '0900', '09:00:00', ' 09:00', '', null]) {
      expect(isHHmm(s), String(s)).toBe(false);
    }
  });

  it('compareHHmm orders times and knows 24:00 is last', () => {
    expect(compareHHmm('09:00', '10:30')).toBe(-1);
    expect(compareHHmm('10:30', '10:30')).toBe(0);
    expect(compareHHmm('24:00', '23:59')).toBe(1);
    expect(['19:00', '09:00', '24:00', '00:00'].sort(compareHHmm)).toEqual(['00:00', '09:00', '19:00', '24:00']);
    expect(() => compareHHmm('9:00', '10:00')).toThrow(RangeError);
  });
});
