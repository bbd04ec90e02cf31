// Tips, pure: the amount (typed, or a preset percent of the pre-tax service amount), the split among
// technicians (by service share, equally, or by hand) and who got what on which tender, for payroll.
import { allocate, percentOf } from '../../platform/money.js';
import { SalesErrors } from './errors.js';
import { centsText, percentToBp } from './pricing.js';

export type TipSplit = 'share' | 'equal' | 'manual';
export type TipInput = {
  amount?: number | undefined;
  percent?: number | undefined;
  split?: TipSplit | undefined;
  allocations?: Array<{ staffId: string; amount: number }> | undefined;
};

export const DEFAULT_TIP_PRESETS = [15, 18, 20] as const;

/** The tip in cents: the amount typed, or `percent` of the pre-tax service amount (half-up). */
export function tipAmount(input: TipInput | undefined | null, tipBase: number): number {
  if (!input) return 0;
  if (input.amount !== undefined) return input.amount;
  if (input.percent !== undefined) return percentOf(tipBase, percentToBp(input.percent));
  return 0;
}

/** What each preset percentage would give, for the checkout buttons. */
export function tipSuggestions(presets: readonly number[], tipBase: number): Array<{ percent: number; amount: number }> {
  return presets.map((percent) => ({ percent, amount: percentOf(tipBase, percentToBp(percent)) }));
}

/**
 * Splits `tip` among technicians. `weights` are the ticket's technicians with their service weight
 * (see serviceWeights); 'share' falls back to equal parts when every weight is 0. Parts always sum to `tip`.
 */
export function splitTip(
  tip: number,
  split: TipSplit,
  weights: ReadonlyArray<{ staffId: string; weight: number }>,
  allocations?: ReadonlyArray<{ staffId: string; amount: number }>,
): Array<{ staffId: string; amount: number }> {
  if (split === 'manual') {
    const list = allocations ?? [];
    const sum = list.reduce((a, x) => a + x.amount, 0);
    if (sum !== tip) throw SalesErrors.tip_split_mismatch({ tip: centsText(tip), shares: centsText(sum) });
    const merged = new Map<string, number>();
    for (const a of list) merged.set(a.staffId, (merged.get(a.staffId) ?? 0) + a.amount);
    return [...merged].filter(([, amount]) => amount > 0).map(([staffId, amount]) => ({ staffId, amount }));
  }
  if (tip === 0) return [];
  if (weights.length === 0) throw SalesErrors.tip_without_technician();
  const useEqual = split === 'equal' || weights.every((w) => w.weight === 0);
  const parts = allocate(
    tip,
    weights.map((w) => (useEqual ? 1 : w.weight)),
  );
  return weights.map((w, i) => ({ staffId: w.staffId, amount: parts[i]! })).filter((p) => p.amount > 0);
}

/**
 * Lays the per-technician tips over the tenders' tip parts: a table whose rows sum to each technician's
 * tip and whose columns sum to each tender's tip part (both exact, no negative cell). Tender by tender,
 * the tender's tip is allocated in proportion to what each technician still has to receive.
 */
export function tipsByTender(
  perStaff: ReadonlyArray<{ staffId: string; amount: number }>,
  tenderTips: readonly number[],
): Array<{ staffId: string; tender: number; amount: number }> {
  const left = perStaff.map((p) => p.amount);
  const out: Array<{ staffId: string; tender: number; amount: number }> = [];
  tenderTips.forEach((t, j) => {
    if (t === 0) return;
    const parts = allocate(t, left);
    parts.forEach((amount, i) => {
      if (amount <= 0) return;
      left[i]! -= amount;
      out.push({ staffId: perStaff[i]!.staffId, tender: j, amount });
    });
  });
  return out;
}

/**
 * Each tender's tip part: as given on the tenders (must sum to the tip), else in proportion to what each
 * tender paid.
 */
export function tenderTipParts(tip: number, given: ReadonlyArray<number | undefined>, applied: readonly number[]): number[] {
  if (given.some((g) => g !== undefined)) {
    const parts = given.map((g) => g ?? 0);
    const sum = parts.reduce((a, b) => a + b, 0);
    if (sum !== tip) throw SalesErrors.tip_split_mismatch({ tip: centsText(tip), shares: centsText(sum) });
    parts.forEach((p, i) => {
      if (p > applied[i]!) throw SalesErrors.tip_split_mismatch({ tip: centsText(tip), shares: centsText(sum) });
    });
    return parts;
  }
  if (tip === 0) return applied.map(() => 0);
  return applied.some((a) => a > 0) ? allocate(tip, applied) : applied.map(() => 0);
}
