// Pure rules of coupons (优惠券): whether a coupon applies to a ticket, and the most it may take off.
import { percentOf } from '../../platform/money.js';

export type Coupon = {
  id: string;
  code: string | null;
  name: string;
  kind: 'amount' | 'percent' | 'free_service';
  /** Cents (amount), basis points (percent), 0 (free service). */
  value: number;
  serviceId: string | null;
  maxDiscount: number | null;
  minSpend: number;
  startsOn: string | null;
  endsOn: string | null;
  storeIds: string[] | null;
  categoryIds: string[] | null;
  perClientLimit: number | null;
  totalLimit: number | null;
  /** Combines with other coupons on the ticket (a coupon that does not must be the only one). */
  stackable: boolean;
  /** Combines with the member's tier discount (otherwise the tier discount steps aside for it). */
  stacksWithTier: boolean;
  /** Combines with discounts typed at the desk. */
  stacksWithManual: boolean;
  issuedOnly: boolean;
  active: boolean;
};

export const NOT_APPLICABLE_REASONS = [
  'inactive',
  'not_started',
  'ended',
  'store',
  'min_spend',
  'client_required',
  'not_issued',
  'discount_too_large',
  'wrong_kind',
  'not_stackable',
  'not_with_tier',
  'not_with_manual',
  'duplicate',
  'category',
] as const;
export type NotApplicableReason = (typeof NOT_APPLICABLE_REASONS)[number];

export type CouponContext = { storeId: string; localDate: string; base: number; clientId: string | null };

/** Why the coupon does not apply here and now, or null when it does (limits are checked on the ledger). */
export function whyNotApplicable(c: Coupon, ctx: CouponContext): NotApplicableReason | null {
  if (!c.active) return 'inactive';
  if (c.startsOn && ctx.localDate < c.startsOn) return 'not_started';
  if (c.endsOn && ctx.localDate > c.endsOn) return 'ended';
  if (c.storeIds && !c.storeIds.includes(ctx.storeId)) return 'store';
  if (ctx.base < c.minSpend) return 'min_spend';
  if ((c.issuedOnly || c.perClientLimit !== null) && !ctx.clientId) return 'client_required';
  return null;
}

/** The most the coupon takes off a base of `base` cents. */
export function maxDiscount(c: Coupon, base: number): number {
  const raw = c.kind === 'amount' ? c.value : c.kind === 'percent' ? percentOf(base, c.value) : base;
  return Math.max(0, Math.min(base, raw, c.maxDiscount ?? Number.MAX_SAFE_INTEGER));
}

/** Whether a discount as entered on the ticket is what this coupon gives (never more). */
export function discountMatches(
  c: Coupon,
  d: { type: 'amount' | 'percent'; amount?: number | undefined; percent?: number | undefined },
  base: number,
): boolean {
  if (d.type === 'percent') {
    if (c.kind !== 'percent') return false;
    const bp = Math.round((d.percent ?? 0) * 100);
    return bp > 0 && bp <= c.value && (c.maxDiscount === null || percentOf(base, bp) <= c.maxDiscount);
  }
  const amount = d.amount ?? 0;
  return amount > 0 && amount <= maxDiscount(c, base);
}

/** What a coupon's eligibility reads of a ticket line. */
export type CouponLine = { id: string; kind: string; refId: string | null; discountable: boolean; data: Record<string, unknown> };

/** A service line's category, as the service line kind stores it. */
const categoryOf = (l: CouponLine) => (l.kind === 'service' && typeof l.data.categoryId === 'string' ? l.data.categoryId : null);

/**
 * The lines a coupon is for: its free service's lines, or the lines of its categories; null when it is
 * for every discountable line.
 */
export function eligibleLineIds(c: Pick<Coupon, 'kind' | 'serviceId' | 'categoryIds'>, lines: readonly CouponLine[]): string[] | null {
  if (c.kind === 'free_service' && c.serviceId)
    return lines.filter((l) => l.discountable && l.kind === 'service' && l.refId === c.serviceId).map((l) => l.id);
  if (c.categoryIds) {
    const cats = new Set(c.categoryIds);
    return lines
      .filter((l) => {
        const cat = l.discountable ? categoryOf(l) : null;
        return cat !== null && cats.has(cat);
      })
      .map((l) => l.id);
  }
  return null;
}

/** The other discounts on the ticket a coupon meets. */
export type OtherDiscounts = { coupons: ReadonlyArray<Pick<Coupon, 'id' | 'stackable'>>; tier: boolean; manual: boolean };

/**
 * Stacking rules: a coupon appears once per ticket; a coupon that does not combine with other coupons is
 * the only one (so a ticket has at most one such coupon); tier and desk discounts only beside coupons that
 * allow them.
 */
export function stackingProblem(
  c: Pick<Coupon, 'id' | 'stackable' | 'stacksWithTier' | 'stacksWithManual'>,
  o: OtherDiscounts,
): NotApplicableReason | null {
  if (o.coupons.some((x) => x.id === c.id)) return 'duplicate';
  if (o.coupons.length > 0 && (!c.stackable || o.coupons.some((x) => !x.stackable))) return 'not_stackable';
  if (o.tier && !c.stacksWithTier) return 'not_with_tier';
  if (o.manual && !c.stacksWithManual) return 'not_with_manual';
  return null;
}
