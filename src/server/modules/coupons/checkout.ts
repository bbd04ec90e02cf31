// Coupons in checkout: a discount with source { type: 'coupon', ref: <code or id> }, on the ticket or on a
// line, is checked when it is put on the ticket (no manager approval needed; stacking rules against the
// ticket's other discounts); a ticket coupon limited to some lines (categories, a free service) is spread
// over those lines only (scope). One use per coupon is claimed when the sale completes (sale hook
// `coupons`, guarded: 422 coupon_exhausted past a limit, and everything rolls back) and given back when
// the sale is voided or fully refunded, or — for a line coupon — when its lines are all refunded.
import type { Executor } from '../../db/tx.js';
import {
  type AutoDiscountLine,
  type CheckoutContext,
  type DiscountInput,
  type HookContext,
  type RefundSnapshot,
  registerDiscountSource,
  registerSaleHook,
  type SaleSnapshot,
  type TicketView,
} from '../sales/index.js';
import { notApplicable } from './errors.js';
import { eligibleLineIds, type OtherDiscounts, stackingProblem } from './rules.js';
import { type CouponRow, checkCoupon, claimUse, couponsOf, findCoupon, releaseUse, toCoupon } from './service.js';

const COUPON = 'coupon';
const isCoupon = (d: DiscountInput | null | undefined): d is DiscountInput & { source: { type: string; ref: string } } =>
  d?.source?.type === COUPON;

/** The ticket's discounts other than the one being checked (on line `lineId`, or the ticket's when null). */
async function othersOf(tx: Executor, ticket: TicketView, lineId: string | null): Promise<OtherDiscounts> {
  const others = [...ticket.lines.filter((l) => l.id !== lineId).map((l) => l.discount), ...(lineId ? [ticket.discount] : [])].filter(
    (d): d is DiscountInput => d !== null,
  );
  const coupons = await couponsOf(
    tx,
    others.filter(isCoupon).map((d) => d.source.ref),
  );
  return {
    coupons: coupons.map((r) => ({ id: r.id, stackable: r.stackable === 1 })),
    tier: others.some((d) => d.source?.type === 'tier'),
    manual: others.some((d) => !d.source),
  };
}

const couponSource = {
  type: COUPON,
  async check(tx: Executor, discount: DiscountInput, ctx: CheckoutContext & { lineId: string | null; base: number; ticket: TicketView }) {
    const coupon = await checkCoupon(tx, discount.source?.ref ?? '', {
      storeId: ctx.storeId,
      clientId: ctx.clientId,
      base: ctx.base,
      now: ctx.now,
      discount: { type: discount.type, amount: discount.amount, percent: discount.percent },
    });
    // A line coupon goes on a line it is for (its categories, its free service).
    const line = ctx.lineId ? ctx.ticket.lines.find((l) => l.id === ctx.lineId) : undefined;
    if (line) {
      const eligible = eligibleLineIds(coupon, [line]);
      if (eligible && eligible.length === 0) throw notApplicable('category');
    }
    const why = stackingProblem(coupon, await othersOf(tx, ctx.ticket, ctx.lineId));
    if (why) throw notApplicable(why);
  },
  /** A ticket coupon for some categories or a free service spreads over those lines only. */
  async scope(tx: Executor, discount: DiscountInput, lines: readonly AutoDiscountLine[]) {
    const row = await findCoupon(tx, discount.source?.ref ?? '');
    if (!row) return null;
    const eligible = eligibleLineIds(toCoupon(row), lines);
    if (eligible && eligible.length === 0) throw notApplicable('category');
    return eligible;
  },
};

/** Each coupon on a completed sale with the discount it gave: the ticket coupon's share of every line, a line coupon's own. */
export function couponUses(sale: SaleSnapshot): Map<string, { discount: number; lineIds: string[]; onTicket: boolean }> {
  const uses = new Map<string, { discount: number; lineIds: string[]; onTicket: boolean }>();
  const ticket = sale.ticketDiscount;
  if (isCoupon(ticket))
    uses.set(ticket.source.ref, {
      discount: sale.lines.reduce((a, l) => a + l.ticketDiscount, 0),
      lineIds: sale.lines.filter((l) => l.ticketDiscount > 0).map((l) => l.id),
      onTicket: true,
    });
  for (const l of sale.lines) {
    if (l.discountSource?.type !== COUPON) continue;
    const use = uses.get(l.discountSource.ref) ?? { discount: 0, lineIds: [], onTicket: false };
    use.discount += l.lineDiscount;
    use.lineIds.push(l.id);
    uses.set(l.discountSource.ref, use);
  }
  return uses;
}

const couponHook = {
  name: 'coupons',
  async onComplete(tx: Executor, sale: SaleSnapshot, ctx: HookContext) {
    const uses = couponUses(sale);
    if (uses.size === 0) return;
    const found: Array<{ row: CouponRow; discount: number; ticketDiscount: number | null }> = [];
    for (const [ref, use] of uses) {
      const row = await findCoupon(tx, ref);
      if (row) found.push({ row, discount: use.discount, ticketDiscount: use.onTicket ? use.discount : null });
    }
    // Claimed in coupon id order, so two sales with the same coupons never lock them crosswise.
    found.sort((a, b) => (a.row.id < b.row.id ? -1 : 1));
    for (const { row, discount, ticketDiscount } of found) {
      // A ticket saved before coupons had a scope spread over every line: still only as much as its lines allow.
      if (ticketDiscount !== null && !sale.ticketDiscount?.lineIds) {
        const eligible = eligibleLineIds(
          toCoupon(row),
          sale.lines.map((l) => ({ ...l, discountable: true })),
        );
        if (eligible) {
          if (eligible.length === 0) throw notApplicable('category');
          const gross = sale.lines.filter((l) => eligible.includes(l.id)).reduce((a, l) => a + l.gross, 0);
          if (ticketDiscount > gross) throw notApplicable('discount_too_large');
        }
      }
      await claimUse(tx, {
        couponId: row.id,
        clientId: sale.clientId,
        saleId: sale.id,
        storeId: sale.storeId,
        discount,
        actorId: ctx.audit.actorId,
        now: ctx.now,
      });
    }
  },
  async onRefund(tx: Executor, sale: SaleSnapshot, refund: RefundSnapshot, ctx: HookContext) {
    const base = { saleId: sale.id, storeId: ctx.storeId, actorId: ctx.audit.actorId, now: ctx.now };
    // The snapshot is taken after this refund: a sale refunded in full (or voided) gives its coupon uses back.
    if (refund.kind === 'void' || sale.refundedTotal >= sale.amountPaid) {
      await releaseUse(tx, base);
      return;
    }
    // A line coupon comes back once every line it was on is refunded in full.
    for (const [ref, use] of couponUses(sale)) {
      if (use.onTicket) continue;
      const lines = sale.lines.filter((l) => use.lineIds.includes(l.id));
      if (!lines.every((l) => l.refundedQuantity >= l.quantity)) continue;
      if (!refund.lines.some((p) => use.lineIds.includes(p.lineId))) continue;
      const row = await findCoupon(tx, ref);
      if (row) await releaseUse(tx, { ...base, couponId: row.id });
    }
  },
};

export function registerCouponCheckout(): void {
  registerDiscountSource(couponSource);
  registerSaleHook(couponHook);
}
