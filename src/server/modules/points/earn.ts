// Pure rules of points (积分): what a sale earns, what a redemption costs, what expires. No database.
import type { PointsSettings } from '../ledgers/index.js';

/** Line kinds that never earn: buying value (a gift card, a top-up) earns when that value is spent. */
export const NEVER_EARN = new Set(['gift_card', 'stored_value_topup']);

export type EarnLine = { lineId: string; kind: string; itemId: string | null; categoryId: string | null; amount: number };
export type EarnContext = { storeId: string; localDate: string; multiplierBp: number };

/** The strongest bonus event in force for a line (events do not stack), 10000 = none. */
export function eventMultiplierBp(
  settings: PointsSettings,
  line: Pick<EarnLine, 'categoryId'>,
  ctx: Pick<EarnContext, 'storeId' | 'localDate'>,
): number {
  let best = 10_000;
  for (const e of settings.bonusEvents) {
    if (ctx.localDate < e.startsOn || ctx.localDate > e.endsOn) continue;
    if (e.storeIds && !e.storeIds.includes(ctx.storeId)) continue;
    if (e.categoryIds && (!line.categoryId || !e.categoryIds.includes(line.categoryId))) continue;
    best = Math.max(best, e.multiplierBp);
  }
  return best;
}

/** Points per dollar for a line: the category's rate, the product rate, or the default. */
export function rateFor(settings: PointsSettings, line: Pick<EarnLine, 'kind' | 'categoryId'>): number {
  if (line.kind === 'product') return settings.earn.productsPerDollar;
  const cat = line.categoryId ? settings.earn.categories.find((c) => c.categoryId === line.categoryId) : undefined;
  return cat ? cat.perDollar : settings.earn.perDollar;
}

/**
 * Points a sale earns, per line and in total: floor(amount × rate per dollar × tier multiplier × event
 * multiplier), each line rounded down once. Excluded items and never-earning kinds earn 0.
 */
export function earnForLines(
  lines: readonly EarnLine[],
  settings: PointsSettings,
  ctx: EarnContext,
): { total: number; perLine: Record<string, number> } {
  const perLine: Record<string, number> = {};
  let total = 0;
  if (!settings.enabled) return { total, perLine };
  for (const line of lines) {
    if (line.amount <= 0 || NEVER_EARN.has(line.kind) || (line.itemId && settings.earn.excludedItemIds.includes(line.itemId))) continue;
    const rate = rateFor(settings, line);
    const event = eventMultiplierBp(settings, line, ctx);
    const points = Number((BigInt(line.amount) * BigInt(rate) * BigInt(ctx.multiplierBp) * BigInt(event)) / 10_000_000_000n);
    if (points > 0) {
      perLine[line.lineId] = points;
      total += points;
    }
  }
  return { total, perLine };
}

/** Points needed to pay `cents` (rounded up: the business never gives more value than the points are worth). */
export function pointsForCents(cents: number, pointsPerDollar: number): number {
  return Number((BigInt(cents) * BigInt(pointsPerDollar) + 99n) / 100n);
}

/** What `points` are worth in cents (rounded down). */
export function centsForPoints(points: number, pointsPerDollar: number): number {
  return Number((BigInt(points) * 100n) / BigInt(pointsPerDollar));
}

/**
 * Share of a whole that goes with a cumulative part, exact at the end: after `doneAfter` of `whole` has
 * been refunded, `total × doneAfter / whole` rounded down (all of it once the whole is refunded).
 */
export function shareAfter(total: number, doneAfter: number, whole: number): number {
  if (whole <= 0 || doneAfter >= whole) return total;
  return Number((BigInt(total) * BigInt(Math.max(0, doneAfter))) / BigInt(whole));
}

export type Movement = { amount: number; at: number };

/**
 * Points that expire at `cutoff` when each earn lasts N months and the oldest points are used first:
 * the earns made up to the cutoff, less everything ever taken out (spent, reversed, expired before).
 */
export function expiringAt(entries: readonly Movement[], cutoff: number): number {
  let oldIn = 0;
  let out = 0;
  for (const e of entries) {
    if (e.amount > 0 && e.at <= cutoff) oldIn += e.amount;
    if (e.amount < 0) out += -e.amount;
  }
  return Math.max(0, oldIn - out);
}
