// Pure rules of stored value: how a payment splits between principal and bonus, how a refund puts it
// back, and which top-up bonus applies. No database, no clock.
import { allocate, percentOf } from '../../platform/money.js';
import type { SpendOrder } from '../ledgers/index.js';

export type Split = { principal: number; bonus: number };

function assertAmount(amount: number): void {
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new RangeError(`amount must be a positive integer, got ${amount}`);
}

/**
 * The part of `amount` taken from principal and from bonus, or null when the two together cannot cover
 * it. The parts always add up to `amount` exactly and never exceed their balance:
 * - principal_first / bonus_first: the named part until it runs out, then the other;
 * - proportional: in proportion to the two balances (largest remainder, so the cents add up; a part's
 *   share is rounded up only when it has a fraction, so it never exceeds its balance).
 */
export function splitSpend(amount: number, balances: Split, order: SpendOrder): Split | null {
  assertAmount(amount);
  const { principal, bonus } = balances;
  if (amount > principal + bonus) return null;
  switch (order) {
    case 'principal_first': {
      const p = Math.min(amount, principal);
      return { principal: p, bonus: amount - p };
    }
    case 'bonus_first': {
      const b = Math.min(amount, bonus);
      return { principal: amount - b, bonus: b };
    }
    case 'proportional': {
      const [p = 0, b = 0] = allocate(amount, [principal, bonus]);
      return { principal: p, bonus: b };
    }
  }
}

/**
 * How a refund of `amount` to a stored-value payment goes back: in proportion to what is still
 * un-refunded of each part, so a series of partial refunds that adds up to the payment re-credits
 * principal and bonus exactly as they were spent. `amount` must not exceed the remaining total.
 */
export function splitRefund(amount: number, remaining: Split): Split {
  assertAmount(amount);
  const total = remaining.principal + remaining.bonus;
  if (amount > total) throw new RangeError(`refund ${amount} exceeds the remaining ${total}`);
  const [p = 0, b = 0] = allocate(amount, [remaining.principal, remaining.bonus]);
  return { principal: p, bonus: b };
}

/**
 * The bonus forfeited when `refunded` of a top-up's principal is refunded: the same share of the bonus
 * it earned (all of it for a full refund), never more than what is left of that bonus nor of the
 * wallet's bonus balance.
 */
export function bonusToForfeit(
  topUp: { principal: number; bonus: number; refundedPrincipal: number; forfeitedBonus: number },
  refunded: number,
  bonusBalance: number,
): number {
  const refundedAfter = topUp.refundedPrincipal + refunded;
  const dueAfter = refundedAfter >= topUp.principal ? topUp.bonus : Math.floor((topUp.bonus * refundedAfter) / topUp.principal);
  const due = Math.max(0, dueAfter - topUp.forfeitedBonus);
  return Math.max(0, Math.min(due, bonusBalance));
}

export type Threshold = { pay: number; bonus: number };

export type BonusRule = {
  id: string;
  name: string;
  thresholds: Threshold[];
  startsOn: string | null;
  endsOn: string | null;
  storeIds: string[] | null;
  firstTopUpOnly: boolean;
  scope: 'hq' | 'store';
  active: boolean;
};

export type BonusCap = { maxBonusBp: number | null; maxBonus: number | null };

export type BonusContext = { storeId: string; localDate: string; isFirstTopUp: boolean; cap: BonusCap };

/** Whether a rule is in force for this top-up's store, date and client history. */
export function ruleApplies(rule: BonusRule, ctx: Omit<BonusContext, 'cap'>): boolean {
  if (!rule.active) return false;
  if (rule.startsOn && ctx.localDate < rule.startsOn) return false;
  if (rule.endsOn && ctx.localDate > rule.endsOn) return false;
  if (rule.storeIds && !rule.storeIds.includes(ctx.storeId)) return false;
  if (rule.firstTopUpOnly && !ctx.isFirstTopUp) return false;
  return true;
}

/** HQ's cap on a bonus of a store-configured rule. */
export function capBonus(bonus: number, pay: number, cap: BonusCap): number {
  let b = bonus;
  if (cap.maxBonusBp !== null) b = Math.min(b, Math.floor(percentOf(pay, cap.maxBonusBp)));
  if (cap.maxBonus !== null) b = Math.min(b, cap.maxBonus);
  return Math.max(0, b);
}

/** The bonus one rule gives for paying `amount`: its highest threshold reached (store rules capped). */
export function ruleBonus(rule: BonusRule, amount: number, cap: BonusCap): number {
  let best = 0;
  for (const t of rule.thresholds) if (t.pay <= amount && t.bonus > best) best = t.bonus;
  return rule.scope === 'store' ? capBonus(best, amount, cap) : best;
}

/**
 * The bonus for a top-up of `amount`: the best single rule in force (rules do not stack), or none.
 * "Pay $100 get $20, pay $500 get $150": $300 → $20, $500 → $150.
 */
export function bonusFor(
  amount: number,
  rules: readonly BonusRule[],
  ctx: BonusContext,
): { bonus: number; ruleId: string; ruleName: string } | null {
  assertAmount(amount);
  let best: { bonus: number; ruleId: string; ruleName: string } | null = null;
  for (const rule of rules) {
    if (!ruleApplies(rule, ctx)) continue;
    const bonus = ruleBonus(rule, amount, ctx.cap);
    if (bonus > 0 && (!best || bonus > best.bonus)) best = { bonus, ruleId: rule.id, ruleName: rule.name };
  }
  return best;
}

/** A rule's threshold whose bonus exceeds the cap (store rules only), or null. */
export function overCap(rule: Pick<BonusRule, 'thresholds' | 'scope'>, cap: BonusCap): Threshold | null {
  if (rule.scope !== 'store') return null;
  return rule.thresholds.find((t) => capBonus(t.bonus, t.pay, cap) < t.bonus) ?? null;
}

/**
 * "Balance too low": the top-up to offer when the wallet is `shortfall` short — the smallest threshold
 * in force that covers it (with its bonus), else exactly the shortfall (with whatever bonus it earns).
 */
export function topUpOffer(
  shortfall: number,
  rules: readonly BonusRule[],
  ctx: BonusContext,
): { pay: number; bonus: number; ruleId: string | null } {
  assertAmount(shortfall);
  let offer: { pay: number; bonus: number; ruleId: string | null } | null = null;
  for (const rule of rules) {
    if (!ruleApplies(rule, ctx)) continue;
    for (const t of rule.thresholds) {
      if (t.pay < shortfall) continue;
      const bonus = rule.scope === 'store' ? capBonus(t.bonus, t.pay, ctx.cap) : t.bonus;
      if (!offer || t.pay < offer.pay || (t.pay === offer.pay && bonus > offer.bonus)) offer = { pay: t.pay, bonus, ruleId: rule.id };
    }
  }
  if (offer) {
    const better = bonusFor(offer.pay, rules, ctx);
    return better && better.bonus > offer.bonus ? { pay: offer.pay, bonus: better.bonus, ruleId: better.ruleId } : offer;
  }
  const plain = bonusFor(shortfall, rules, ctx);
  return { pay: shortfall, bonus: plain?.bonus ?? 0, ruleId: plain?.ruleId ?? null };
}
