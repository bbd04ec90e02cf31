// Pure rules of membership tiers (会员等级): which tier a qualifying amount earns, and the discount a tier
// gives on a category. No database.

export type TierDiscount = { categoryId: string | null; percentBp: number };

export type Tier = {
  id: string;
  name: string;
  nameTranslations: Record<string, string>;
  rank: number;
  /** Qualifying amount over the rolling window: cents of spend, or points earned (business setting). */
  threshold: number;
  discounts: TierDiscount[];
  pointsMultiplierBp: number;
  birthdayGift: { couponId?: string; note?: string } | null;
  active: boolean;
};

/** The highest active tier whose threshold the amount reaches, or null. */
export function tierFor(tiers: readonly Tier[], qualifying: number): Tier | null {
  let best: Tier | null = null;
  for (const t of tiers) if (t.active && qualifying >= t.threshold && (!best || t.rank > best.rank)) best = t;
  return best;
}

/** The next tier up and how much more it needs, or null at the top. */
export function nextTier(tiers: readonly Tier[], current: Tier | null, qualifying: number): { tier: Tier; needed: number } | null {
  const up = tiers.filter((t) => t.active && (!current || t.rank > current.rank)).sort((a, b) => a.rank - b.rank)[0];
  return up ? { tier: up, needed: Math.max(0, up.threshold - qualifying) } : null;
}

/** Discount in basis points a tier gives on a category: its own rate, else the tier's default (no category), else 0. */
export function discountFor(tier: Pick<Tier, 'discounts'> | null, categoryId: string | null): number {
  if (!tier) return 0;
  const own = categoryId ? tier.discounts.find((d) => d.categoryId === categoryId) : undefined;
  return (own ?? tier.discounts.find((d) => d.categoryId === null))?.percentBp ?? 0;
}

export type TierChange = { to: Tier | null; reason: 'upgrade' | 'downgrade' } | null;

/**
 * What to do with a client's tier. `mode: 'upgrade'` (at a sale) only ever moves up, the moment a
 * threshold is reached; `mode: 'evaluate'` (the monthly job) also moves down when the rolling amount no
 * longer holds the tier.
 */
export function tierChange(tiers: readonly Tier[], current: Tier | null, qualifying: number, mode: 'upgrade' | 'evaluate'): TierChange {
  const target = tierFor(tiers, qualifying);
  const rank = (t: Tier | null) => (t ? t.rank : Number.NEGATIVE_INFINITY);
  if (rank(target) > rank(current)) return { to: target, reason: 'upgrade' };
  if (mode === 'evaluate' && rank(target) < rank(current)) return { to: target, reason: 'downgrade' };
  return null;
}
