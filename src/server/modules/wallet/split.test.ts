import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BonusRule, bonusFor, bonusToForfeit, overCap, splitRefund, splitSpend, topUpOffer } from './split.js';

const balances = fc.record({ principal: fc.integer({ min: 0, max: 10_000_000 }), bonus: fc.integer({ min: 0, max: 10_000_000 }) });
const orders = fc.constantFrom('proportional' as const, 'principal_first' as const, 'bonus_first' as const);

describe('splitting a stored-value payment', () => {
  it('always sums exactly, never exceeds a part, and refuses only what the total cannot cover', () => {
    fc.assert(
      fc.property(balances, fc.integer({ min: 1, max: 20_000_000 }), orders, (b, amount, order) => {
        const s = splitSpend(amount, b, order);
        if (amount > b.principal + b.bonus) {
          expect(s).toBeNull();
          return;
        }
        expect(s).not.toBeNull();
        expect(s!.principal + s!.bonus).toBe(amount);
        expect(s!.principal).toBeGreaterThanOrEqual(0);
        expect(s!.bonus).toBeGreaterThanOrEqual(0);
        expect(s!.principal).toBeLessThanOrEqual(b.principal);
        expect(s!.bonus).toBeLessThanOrEqual(b.bonus);
      }),
      { numRuns: 2_000 },
    );
  });

  it('proportional: each part is within a cent of its exact share', () => {
    fc.assert(
      fc.property(balances, fc.integer({ min: 1, max: 20_000_000 }), (b, amount) => {
        fc.pre(amount <= b.principal + b.bonus);
        const s = splitSpend(amount, b, 'proportional')!;
        const exact = (amount * b.principal) / (b.principal + b.bonus);
        expect(Math.abs(s.principal - exact)).toBeLessThan(1);
      }),
    );
  });

  it('follows the order setting on a $100 + $20 wallet paying $50', () => {
    const w = { principal: 10_000, bonus: 2_000 };
    expect(splitSpend(5_000, w, 'principal_first')).toEqual({ principal: 5_000, bonus: 0 });
    expect(splitSpend(5_000, w, 'bonus_first')).toEqual({ principal: 3_000, bonus: 2_000 });
    expect(splitSpend(6_000, w, 'proportional')).toEqual({ principal: 5_000, bonus: 1_000 });
    expect(splitSpend(12_001, w, 'proportional')).toBeNull();
  });

  it('refunds in parts re-credit principal and bonus exactly as spent', () => {
    fc.assert(
      fc.property(
        fc
          .record({ principal: fc.integer({ min: 0, max: 1_000_000 }), bonus: fc.integer({ min: 0, max: 1_000_000 }) })
          .filter((s) => s.principal + s.bonus > 0),
        fc.array(fc.integer({ min: 1, max: 1_000 }), { minLength: 1, maxLength: 12 }),
        (spent, weights) => {
          const total = spent.principal + spent.bonus;
          // Cut the payment into refunds of arbitrary sizes that add up to it.
          const cuts = weights.map((w) => w);
          const sum = cuts.reduce((a, b) => a + b, 0);
          const parts = cuts.map((c) => Math.floor((c * total) / sum));
          parts[parts.length - 1]! += total - parts.reduce((a, b) => a + b, 0);
          const back = { principal: 0, bonus: 0 };
          for (const part of parts) {
            if (part === 0) continue;
            const r = splitRefund(part, { principal: spent.principal - back.principal, bonus: spent.bonus - back.bonus });
            expect(r.principal + r.bonus).toBe(part);
            back.principal += r.principal;
            back.bonus += r.bonus;
            expect(back.principal).toBeLessThanOrEqual(spent.principal);
            expect(back.bonus).toBeLessThanOrEqual(spent.bonus);
          }
          expect(back).toEqual(spent);
        },
      ),
    );
  });

  it('forfeits the refunded share of a top-up bonus, all of it on a full refund, never more than left', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 0, max: 50_000 }),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 6 }),
        (principal, bonus, cuts) => {
          let refunded = 0;
          let forfeited = 0;
          const sum = cuts.reduce((a, b) => a + b, 0);
          const parts = cuts.map((c) => Math.floor((c * principal) / sum));
          parts[parts.length - 1]! += principal - parts.reduce((a, b) => a + b, 0);
          for (const part of parts) {
            const f = bonusToForfeit(
              { principal, bonus, refundedPrincipal: refunded, forfeitedBonus: forfeited },
              part,
              Number.MAX_SAFE_INTEGER,
            );
            refunded += part;
            forfeited += f;
            expect(forfeited).toBeLessThanOrEqual(bonus);
          }
          expect(forfeited).toBe(bonus);
        },
      ),
    );
    expect(bonusToForfeit({ principal: 10_000, bonus: 2_000, refundedPrincipal: 0, forfeitedBonus: 0 }, 10_000, 500)).toBe(500);
  });
});

const rule = (r: Partial<BonusRule>): BonusRule => ({
  id: 'r1',
  name: 'Rule',
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
  ...r,
});
const ctx = { storeId: 's1', localDate: '2026-11-27', isFirstTopUp: false, cap: { maxBonusBp: 2_000, maxBonus: null } };

describe('top-up bonus rules', () => {
  it('pay $100 get $20, pay $500 get $150: the highest threshold reached', () => {
    const rules = [rule({})];
    expect(bonusFor(9_999, rules, ctx)).toBeNull();
    expect(bonusFor(10_000, rules, ctx)?.bonus).toBe(2_000);
    expect(bonusFor(30_000, rules, ctx)?.bonus).toBe(2_000);
    expect(bonusFor(50_000, rules, ctx)?.bonus).toBe(15_000);
  });

  it('respects dates (inclusive), stores, first-top-up-only and the active flag', () => {
    expect(bonusFor(10_000, [rule({ startsOn: '2026-11-28' })], ctx)).toBeNull();
    expect(bonusFor(10_000, [rule({ endsOn: '2026-11-26' })], ctx)).toBeNull();
    expect(bonusFor(10_000, [rule({ startsOn: '2026-11-27', endsOn: '2026-11-27' })], ctx)?.bonus).toBe(2_000);
    expect(bonusFor(10_000, [rule({ storeIds: ['s2'] })], ctx)).toBeNull();
    expect(bonusFor(10_000, [rule({ firstTopUpOnly: true })], ctx)).toBeNull();
    expect(bonusFor(10_000, [rule({ firstTopUpOnly: true })], { ...ctx, isFirstTopUp: true })?.bonus).toBe(2_000);
    expect(bonusFor(10_000, [rule({ active: false })], ctx)).toBeNull();
  });

  it('does not stack rules: the best single one wins', () => {
    const rules = [rule({ id: 'a' }), rule({ id: 'b', thresholds: [{ pay: 10_000, bonus: 2_500 }] })];
    expect(bonusFor(10_000, rules, ctx)).toMatchObject({ ruleId: 'b', bonus: 2_500 });
  });

  it('caps store rules at HQ’s limit, never HQ rules', () => {
    const store = rule({ scope: 'store', thresholds: [{ pay: 10_000, bonus: 5_000 }] });
    expect(bonusFor(10_000, [store], ctx)?.bonus).toBe(2_000);
    expect(bonusFor(10_000, [store], { ...ctx, cap: { maxBonusBp: null, maxBonus: 1_500 } })?.bonus).toBe(1_500);
    expect(bonusFor(10_000, [rule({ thresholds: [{ pay: 10_000, bonus: 5_000 }] })], ctx)?.bonus).toBe(5_000);
    expect(overCap(store, ctx.cap)).toEqual({ pay: 10_000, bonus: 5_000 });
  });

  it('property: the bonus is never negative, never above the best threshold reached, and capped for store rules', () => {
    const thresholds = fc.array(fc.record({ pay: fc.integer({ min: 1, max: 1_000_000 }), bonus: fc.integer({ min: 0, max: 500_000 }) }), {
      minLength: 1,
      maxLength: 5,
    });
    fc.assert(
      fc.property(
        thresholds,
        fc.integer({ min: 1, max: 2_000_000 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 10_000 }),
        (ts, amount, isStore, capBp) => {
          const r = rule({ thresholds: ts, scope: isStore ? 'store' : 'hq' });
          const got = bonusFor(amount, [r], { ...ctx, cap: { maxBonusBp: capBp, maxBonus: null } })?.bonus ?? 0;
          const best = Math.max(0, ...ts.filter((t) => t.pay <= amount).map((t) => t.bonus));
          expect(got).toBeGreaterThanOrEqual(0);
          expect(got).toBeLessThanOrEqual(best);
          if (isStore) expect(got * 10_000).toBeLessThanOrEqual(amount * capBp + 5_000);
        },
      ),
    );
  });

  it('offers the smallest threshold that covers a shortfall, with its bonus', () => {
    expect(topUpOffer(4_000, [rule({})], ctx)).toEqual({ pay: 10_000, bonus: 2_000, ruleId: 'r1' });
    expect(topUpOffer(60_000, [rule({})], ctx)).toEqual({ pay: 60_000, bonus: 15_000, ruleId: 'r1' });
    expect(topUpOffer(4_000, [], ctx)).toEqual({ pay: 4_000, bonus: 0, ruleId: null });
  });
});
