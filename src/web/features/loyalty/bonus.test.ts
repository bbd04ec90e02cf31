import { describe, expect, it } from 'vitest';
import { checkRule, ruleBonus } from './bonus.js';

describe('top-up bonus rules', () => {
  const tiers = [
    { pay: 10_000, bonus: 2_000 },
    { pay: 50_000, bonus: 15_000 },
  ];
  it('gives the highest threshold reached', () => {
    expect([ruleBonus(tiers, 9_999), ruleBonus(tiers, 10_000), ruleBonus(tiers, 30_000), ruleBonus(tiers, 50_000)]).toEqual([
      0, 2_000, 2_000, 15_000,
    ]);
  });

  it('checks a rule form', () => {
    const ok = { name: 'Spring', thresholds: [{ key: 'a', pay: 10_000, bonus: 2_000 }], startsOn: '', endsOn: '', storeIds: null };
    expect(checkRule(ok)).toEqual({});
    expect(checkRule({ ...ok, name: ' ' }).name).toBe('required');
    expect(checkRule({ ...ok, thresholds: [] }).thresholds).toBe('required');
    expect(checkRule({ ...ok, thresholds: [{ key: 'a', pay: Number.NaN, bonus: 1 }] }).thresholds).toBe('invalid');
    expect(checkRule({ ...ok, thresholds: [ok.thresholds[0]!, { key: 'b', pay: 10_000, bonus: 1 }] }).thresholds).toBe('duplicate');
    expect(checkRule({ ...ok, startsOn: '2026-03-10', endsOn: '2026-03-01' }).endsOn).toBe('order');
    expect(checkRule({ ...ok, storeIds: [] }).stores).toBe('required');
  });
});
