import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { discountFor, nextTier, type Tier, tierChange, tierFor } from './rules.js';

const tier = (id: string, rank: number, threshold: number, extra: Partial<Tier> = {}): Tier => ({
  id,
  name: id,
  nameTranslations: {},
  rank,
  threshold,
  discounts: [],
  pointsMultiplierBp: 10_000,
  birthdayGift: null,
  active: true,
  ...extra,
});
const tiers = [tier('silver', 1, 50_000), tier('gold', 2, 200_000), tier('diamond', 3, 500_000)];

describe('tiers', () => {
  it('puts a qualifying amount in the highest tier it reaches', () => {
    expect(tierFor(tiers, 49_999)).toBeNull();
    expect(tierFor(tiers, 50_000)?.id).toBe('silver');
    expect(tierFor(tiers, 499_999)?.id).toBe('gold');
    expect(tierFor(tiers, 9_999_999)?.id).toBe('diamond');
    expect(tierFor([...tiers.slice(0, 2), tier('diamond', 3, 500_000, { active: false })], 9_999_999)?.id).toBe('gold');
  });

  it('upgrades at once but only the monthly evaluation downgrades', () => {
    const [silver, gold] = tiers;
    expect(tierChange(tiers, silver!, 250_000, 'upgrade')).toEqual({ to: gold, reason: 'upgrade' });
    expect(tierChange(tiers, gold!, 10_000, 'upgrade')).toBeNull();
    expect(tierChange(tiers, gold!, 60_000, 'evaluate')).toEqual({ to: silver, reason: 'downgrade' });
    expect(tierChange(tiers, silver!, 10_000, 'evaluate')).toEqual({ to: null, reason: 'downgrade' });
    expect(tierChange(tiers, gold!, 200_000, 'evaluate')).toBeNull();
  });

  it('property: an upgrade never lowers the rank, an evaluation lands exactly on the tier the amount earns', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.constantFrom(null, ...tiers), (amount, current) => {
        const up = tierChange(tiers, current, amount, 'upgrade');
        if (up) expect(up.to!.rank).toBeGreaterThan(current?.rank ?? 0);
        const ev = tierChange(tiers, current, amount, 'evaluate');
        expect((ev ? ev.to : current)?.id ?? null).toBe(tierFor(tiers, amount)?.id ?? null);
      }),
    );
  });

  it('tells how far the next tier is', () => {
    expect(nextTier(tiers, null, 20_000)).toMatchObject({ tier: { id: 'silver' }, needed: 30_000 });
    expect(nextTier(tiers, tiers[2]!, 900_000)).toBeNull();
  });

  it('gives the category discount, else the tier’s default, else none', () => {
    const t = tier('gold', 2, 0, {
      discounts: [
        { categoryId: null, percentBp: 500 },
        { categoryId: 'facials', percentBp: 1_000 },
      ],
    });
    expect(discountFor(t, 'facials')).toBe(1_000);
    expect(discountFor(t, 'nails')).toBe(500);
    expect(discountFor(t, null)).toBe(500);
    expect(discountFor(tier('x', 1, 0), 'facials')).toBe(0);
    expect(discountFor(null, 'facials')).toBe(0);
  });
});
