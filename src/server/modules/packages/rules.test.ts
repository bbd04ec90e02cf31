import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { startOfLocalDay } from '../../platform/zoned-time.js';
import {
  allocatePackage,
  blockingStep,
  endFreeze,
  expiryFor,
  freezeDays,
  planFreeze,
  refundQuote,
  ruleFires,
  valueOfSessions,
} from './rules.js';

const item = fc.record({ sessions: fc.integer({ min: 1, max: 60 }), weight: fc.integer({ min: 0, max: 1_000_000 }) });
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('allocatePackage', () => {
  it('10 facials for $1,000: $100 each', () => {
    expect(allocatePackage(100_000, [{ sessions: 10, weight: 1 }])).toEqual([Array(10).fill(10_000)]);
  });

  it('3 cleansing + 5 repair, weighted by list price, odd cents to the earliest sessions', () => {
    const [a, b] = allocatePackage(99_999, [
      { sessions: 3, weight: 3 * 8_000 },
      { sessions: 5, weight: 5 * 12_000 },
    ]);
    expect(sum(a!) + sum(b!)).toBe(99_999);
    expect(a).toEqual([9_524, 9_524, 9_523]);
    expect(b).toEqual([14_286, 14_286, 14_286, 14_285, 14_285]);
  });

  it('property: the sessions sum exactly to the price; one item’s sessions differ by at most a cent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), fc.array(item, { minLength: 1, maxLength: 6 }), (price, items) => {
        const out = allocatePackage(price, items);
        expect(out).toHaveLength(items.length);
        expect(sum(out.flat())).toBe(price);
        out.forEach((values, i) => {
          expect(values).toHaveLength(items[i]!.sessions);
          expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(1);
          for (const v of values) expect(v).toBeGreaterThanOrEqual(0);
          // Earlier sessions never worth less than later ones.
          for (let k = 1; k < values.length; k++) expect(values[k - 1]!).toBeGreaterThanOrEqual(values[k]!);
        });
      }),
    );
  });

  it('property: items get their share of the price within one cent per item', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.array(item, { minLength: 1, maxLength: 5 }), (price, items) => {
        const out = allocatePackage(price, items);
        const weights = items.every((i) => i.weight === 0) ? items.map((i) => i.sessions) : items.map((i) => i.weight);
        const total = sum(weights);
        for (const [i, values] of out.entries()) expect(Math.abs(sum(values) - (price * weights[i]!) / total)).toBeLessThan(1);
      }),
    );
  });

  it('refuses nonsense', () => {
    expect(() => allocatePackage(-1, [{ sessions: 1, weight: 1 }])).toThrow(RangeError);
    expect(() => allocatePackage(100, [])).toThrow(RangeError);
    expect(() => allocatePackage(100, [{ sessions: 0, weight: 1 }])).toThrow(RangeError);
  });
});

describe('refundQuote', () => {
  const fee = { percentBp: 1_000, fixed: 500 };

  it('unused sessions at their value, minus 10% + $5', () => {
    // $1,000 for 10 sessions, 4 used: 6 × $100 = $600 back, fee $60 + $5.
    expect(refundQuote({ paidTotal: 100_000, price: 100_000, unusedValue: 60_000, refunded: 0, fee, waiveFee: false })).toEqual({
      unusedValue: 60_000,
      gross: 60_000,
      fee: 6_500,
      refundable: 53_500,
    });
  });

  it('gives the tax back with the value (tax-exclusive store)', () => {
    // $1,000 + 8.875% tax = $1,088.75 paid; half unused, no fee: half of what was paid.
    expect(
      refundQuote({
        paidTotal: 108_875,
        price: 100_000,
        unusedValue: 50_000,
        refunded: 0,
        fee: { percentBp: 0, fixed: 0 },
        waiveFee: false,
      }).refundable,
    ).toBe(54_438);
  });

  it('waives the fee for a same-day cancellation', () => {
    expect(refundQuote({ paidTotal: 100_000, price: 100_000, unusedValue: 100_000, refunded: 0, fee, waiveFee: true }).refundable).toBe(
      100_000,
    );
  });

  it('property: 0 ≤ refund ≤ what is left of the payment; fee within [0, gross]; more used → never more back', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 0, max: 2_000 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.boolean(),
        (price, taxBp, sessions, usedRaw, percentBp, fixed, waiveFee) => {
          const used = Math.min(usedRaw, sessions);
          const paidTotal = price + Math.round((price * taxBp) / 10_000);
          const [values] = allocatePackage(price, [{ sessions, weight: 1 }]);
          const quote = (u: number) =>
            refundQuote({
              paidTotal,
              price,
              unusedValue: valueOfSessions(values!, u + 1, sessions - u),
              refunded: 0,
              fee: { percentBp, fixed },
              waiveFee,
            });
          const q = quote(used);
          expect(q.refundable).toBeGreaterThanOrEqual(0);
          expect(q.refundable).toBeLessThanOrEqual(paidTotal);
          expect(q.fee).toBeGreaterThanOrEqual(0);
          expect(q.fee).toBeLessThanOrEqual(q.gross);
          if (used < sessions) expect(quote(used + 1).refundable).toBeLessThanOrEqual(q.refundable);
          if (used === 0 && (waiveFee || (percentBp === 0 && fixed === 0))) expect(q.refundable).toBe(paidTotal);
          if (used === sessions) expect(q.refundable).toBe(0);
        },
      ),
    );
  });

  it('property: earlier partial refunds come off what is given back, never beyond the payment', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (paid, unusedRaw, refundedRaw) => {
          const unusedValue = Math.min(unusedRaw, paid);
          const refunded = Math.min(refundedRaw, paid);
          const q = refundQuote({ paidTotal: paid, price: paid, unusedValue, refunded, fee: { percentBp: 0, fixed: 0 }, waiveFee: false });
          expect(q.refundable + refunded).toBeLessThanOrEqual(Math.max(unusedValue, refunded));
          expect(q.refundable).toBeLessThanOrEqual(paid - refunded);
          expect(q.refundable).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it('never gives back more than is left after earlier refunds', () => {
    expect(
      refundQuote({
        paidTotal: 10_000,
        price: 10_000,
        unusedValue: 10_000,
        refunded: 7_000,
        fee: { percentBp: 0, fixed: 0 },
        waiveFee: false,
      }).refundable,
    ).toBe(3_000);
  });
});

describe('expiryFor', () => {
  const tz = 'America/New_York';
  const bought = Date.UTC(2026, 2, 7, 20, 0); // 2026-03-07 15:00 in New York, the day before DST starts

  it('12 months: usable through the same date a year later, store-local', () => {
    expect(expiryFor(bought, { kind: 'months', months: 12 }, tz)).toBe(startOfLocalDay('2027-03-08', tz));
  });

  it('end of month: Jan 31 + 1 month is usable through Feb 28', () => {
    expect(expiryFor(Date.UTC(2026, 0, 31, 17), { kind: 'months', months: 1 }, tz)).toBe(startOfLocalDay('2026-03-01', tz));
  });

  it('a fixed end date is inclusive; none never expires', () => {
    expect(expiryFor(bought, { kind: 'fixed', until: '2026-12-31' }, tz)).toBe(startOfLocalDay('2027-01-01', tz));
    expect(expiryFor(bought, { kind: 'none' }, tz)).toBeNull();
  });
});

describe('blockingStep', () => {
  const items = [
    { id: 'cleanse', step: 1, balance: 1 },
    { id: 'repair', step: 2, balance: 5 },
    { id: 'bonus', step: null, balance: 1 },
  ];
  it('step 2 waits until step 1 is used up; unordered items never wait', () => {
    expect(blockingStep(items, 'repair')).toBe(1);
    expect(blockingStep(items, 'cleanse')).toBeNull();
    expect(blockingStep(items, 'bonus')).toBeNull();
    expect(blockingStep([{ ...items[0]!, balance: 0 }, items[1]!], 'repair')).toBeNull();
  });
});

describe('ruleFires', () => {
  it('completed: nothing left after use; remaining: at most n left', () => {
    expect(ruleFires({ trigger: 'completed' }, { remaining: 0, used: 10 })).toBe(true);
    expect(ruleFires({ trigger: 'completed' }, { remaining: 1, used: 9 })).toBe(false);
    expect(ruleFires({ trigger: 'remaining', remaining: 2 }, { remaining: 2, used: 8 })).toBe(true);
    expect(ruleFires({ trigger: 'remaining', remaining: 2 }, { remaining: 3, used: 7 })).toBe(false);
    expect(ruleFires({ trigger: 'remaining', remaining: 2 }, { remaining: 2, used: 0 })).toBe(false);
  });
});

describe('freeze', () => {
  const tz = 'America/New_York';
  const now = Date.UTC(2026, 2, 1, 15);
  const expiresAt = startOfLocalDay('2026-06-01', tz);

  it('pushes the expiry back by the frozen local days, across a DST change', () => {
    const plan = planFreeze({ allowed: true, maxDays: 30, usedDays: 0, expiresAt }, 14, now, tz);
    expect(plan?.expiresAt).toBe(startOfLocalDay('2026-06-15', tz));
    expect(freezeDays(now, plan!.until)).toBe(14);
  });

  it('refuses beyond the template’s maximum, or when not allowed', () => {
    expect(planFreeze({ allowed: true, maxDays: 30, usedDays: 20, expiresAt }, 11, now, tz)).toBeNull();
    expect(planFreeze({ allowed: false, maxDays: 30, usedDays: 0, expiresAt }, 1, now, tz)).toBeNull();
  });

  it('ending early gives back the days not used', () => {
    const plan = planFreeze({ allowed: true, maxDays: 30, usedDays: 0, expiresAt }, 14, now, tz)!;
    const end = endFreeze({ frozenFrom: now, frozenUntil: plan.until, expiresAt: plan.expiresAt }, now + 4 * 86_400_000 + 60_000 * 90, tz);
    expect(end.usedDays).toBe(5);
    expect(end.expiresAt).toBe(startOfLocalDay('2026-06-06', tz));
  });
});
