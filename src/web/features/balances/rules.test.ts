import { describe, expect, it } from 'vitest';
import type { BonusRule } from './api.js';
import { currentOffers } from './rules.js';

const rule = (over: Partial<BonusRule>): BonusRule => ({
  id: 'r',
  name: 'Spring',
  thresholds: [
    { pay: 10_000, bonus: 2_000 },
    { pay: 50_000, bonus: 15_000 },
  ],
  startsOn: null,
  endsOn: null,
  storeIds: null,
  firstTopUpOnly: false,
  scope: 'hq',
  active: true,
  version: 1,
  createdBy: null,
  createdAt: '',
  updatedAt: '',
  ...over,
});

describe('current top-up offers', () => {
  const ctx = { storeId: 's1', today: '2026-03-10', firstTopUp: false };

  it('lists the thresholds of rules that apply today, smallest first, best bonus per amount', () => {
    const offers = currentOffers([rule({}), rule({ id: 'b', name: 'Better', thresholds: [{ pay: 10_000, bonus: 2_500 }] })], ctx);
    expect(offers.map((o) => [o.pay, o.bonus, o.ruleName])).toEqual([
      [10_000, 2_500, 'Better'],
      [50_000, 15_000, 'Spring'],
    ]);
  });

  it('skips inactive, out-of-date, other-store and first-top-up-only rules', () => {
    expect(currentOffers([rule({ active: false })], ctx)).toEqual([]);
    expect(currentOffers([rule({ endsOn: '2026-03-09' })], ctx)).toEqual([]);
    expect(currentOffers([rule({ startsOn: '2026-03-11' })], ctx)).toEqual([]);
    expect(currentOffers([rule({ storeIds: ['s2'] })], ctx)).toEqual([]);
    expect(currentOffers([rule({ firstTopUpOnly: true })], ctx)).toEqual([]);
    expect(currentOffers([rule({ firstTopUpOnly: true })], { ...ctx, firstTopUp: true })).toHaveLength(2);
  });
});
