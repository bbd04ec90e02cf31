import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type PointsSettings } from '../ledgers/index.js';
import { centsForPoints, earnForLines, expiringAt, pointsForCents, shareAfter } from './earn.js';

const settings = (patch: Partial<PointsSettings> = {}): PointsSettings => ({ ...DEFAULT_SETTINGS.points, ...patch });
const ctx = { storeId: 's1', localDate: '2026-11-27', multiplierBp: 10_000 };
const line = (id: string, amount: number, extra: Partial<{ kind: string; itemId: string; categoryId: string }> = {}) => ({
  lineId: id,
  kind: extra.kind ?? 'service',
  itemId: extra.itemId ?? null,
  categoryId: extra.categoryId ?? null,
  amount,
});

describe('earning points', () => {
  it('earns one point per whole dollar by default, rounding down per line', () => {
    expect(earnForLines([line('a', 8_000), line('b', 1_999)], settings(), ctx)).toEqual({ total: 99, perLine: { a: 80, b: 19 } });
  });

  it('uses category rates, the product rate, excluded items and never-earning kinds', () => {
    const s = settings({
      earn: { perDollar: 1, productsPerDollar: 2, categories: [{ categoryId: 'facials', perDollar: 3 }], excludedItemIds: ['promo'] },
    });
    const out = earnForLines(
      [
        line('a', 10_000, { categoryId: 'facials' }),
        line('b', 1_000, { kind: 'product' }),
        line('c', 5_000, { itemId: 'promo' }),
        line('d', 10_000, { kind: 'gift_card' }),
        line('e', 10_000, { kind: 'stored_value_topup' }),
      ],
      s,
      ctx,
    );
    expect(out).toEqual({ total: 320, perLine: { a: 300, b: 20 } });
  });

  it('multiplies by the tier and by the strongest bonus event in force (events do not stack)', () => {
    const s = settings({
      bonusEvents: [
        {
          id: 'x',
          name: 'Double week',
          startsOn: '2026-11-23',
          endsOn: '2026-11-29',
          multiplierBp: 20_000,
          storeIds: null,
          categoryIds: null,
        },
        {
          id: 'y',
          name: 'Triple facials',
          startsOn: '2026-11-27',
          endsOn: '2026-11-27',
          multiplierBp: 30_000,
          storeIds: ['s1'],
          categoryIds: ['facials'],
        },
        {
          id: 'z',
          name: 'Other store',
          startsOn: '2026-11-01',
          endsOn: '2026-12-31',
          multiplierBp: 50_000,
          storeIds: ['s2'],
          categoryIds: null,
        },
      ],
    });
    const out = earnForLines([line('a', 10_000, { categoryId: 'facials' }), line('b', 10_000)], s, { ...ctx, multiplierBp: 15_000 });
    expect(out.perLine).toEqual({ a: 450, b: 300 });
    expect(earnForLines([line('b', 10_000)], s, { ...ctx, localDate: '2026-11-30' }).total).toBe(100);
  });

  it('earns nothing when points are turned off', () => {
    expect(earnForLines([line('a', 10_000)], settings({ enabled: false }), ctx).total).toBe(0);
  });

  it('property: never negative, and never more than the exact product of the rates', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 50_000 }),
        (amount, rate, tier) => {
          const s = settings({ earn: { perDollar: rate, productsPerDollar: 0, categories: [], excludedItemIds: [] } });
          const got = earnForLines([line('a', amount)], s, { ...ctx, multiplierBp: tier }).total;
          expect(got).toBeGreaterThanOrEqual(0);
          expect(got * 100 * 10_000).toBeLessThanOrEqual(amount * rate * tier);
        },
      ),
    );
  });
});

describe('redeeming and refunding points', () => {
  it('converts between points and cents without giving away value', () => {
    expect(pointsForCents(1_000, 100)).toBe(1_000);
    expect(pointsForCents(1_001, 50)).toBe(501); // 500.5 points rounds up
    expect(centsForPoints(501, 50)).toBe(1_002);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1, max: 10_000 }), (cents, ppd) => {
        expect(centsForPoints(pointsForCents(cents, ppd), ppd)).toBeGreaterThanOrEqual(cents);
      }),
    );
  });

  it('shares a total over cumulative parts exactly: all of it once the whole is done', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.array(fc.integer({ min: 1, max: 1_000 }), { minLength: 1, maxLength: 10 }),
        (total, parts) => {
          const whole = parts.reduce((a, b) => a + b, 0);
          let done = 0;
          let given = 0;
          for (const p of parts) {
            done += p;
            const next = shareAfter(total, done, whole);
            expect(next).toBeGreaterThanOrEqual(given);
            given = next;
          }
          expect(given).toBe(total);
        },
      ),
    );
  });
});

describe('rolling expiry', () => {
  it('expires what was earned before the cutoff and not yet used, oldest first', () => {
    const e = (amount: number, at: number) => ({ amount, at });
    // Earned 100 at t=1 and 50 at t=5; spent 30 at t=6: at a cutoff of 3, 70 of the first earn is left.
    expect(expiringAt([e(100, 1), e(50, 5), e(-30, 6)], 3)).toBe(70);
    expect(expiringAt([e(100, 1), e(50, 5), e(-130, 6)], 3)).toBe(0);
    expect(expiringAt([e(100, 1), e(-70, 2)], 3)).toBe(30);
    expect(expiringAt([e(100, 10)], 3)).toBe(0);
  });
});
