import type { BonusRule } from './api.js';

/** Rules that would apply to a top-up today at this store (the server decides at checkout; this is for display). */
export function currentOffers(
  rules: readonly BonusRule[],
  p: { storeId: string | null; today: string; firstTopUp: boolean },
): { pay: number; bonus: number; ruleName: string; firstOnly: boolean }[] {
  const out: { pay: number; bonus: number; ruleName: string; firstOnly: boolean }[] = [];
  for (const r of rules) {
    if (!r.active) continue;
    if (r.startsOn && p.today < r.startsOn) continue;
    if (r.endsOn && p.today > r.endsOn) continue;
    if (r.storeIds && (!p.storeId || !r.storeIds.includes(p.storeId))) continue;
    if (r.firstTopUpOnly && !p.firstTopUp) continue;
    for (const t of r.thresholds) if (t.bonus > 0) out.push({ pay: t.pay, bonus: t.bonus, ruleName: r.name, firstOnly: r.firstTopUpOnly });
  }
  // One offer per amount (the best), smallest first.
  const best = new Map<number, (typeof out)[number]>();
  for (const o of out) if (!best.has(o.pay) || (best.get(o.pay)?.bonus ?? 0) < o.bonus) best.set(o.pay, o);
  return [...best.values()].sort((a, b) => a.pay - b.pay);
}
