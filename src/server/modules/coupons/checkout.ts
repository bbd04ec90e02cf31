// Coupons in checkout: a discount with source { type: 'coupon', ref: <code or id> } is checked when it is
// put on the ticket (no manager approval needed), one use is claimed when the sale completes (sale hook
// `coupons`, guarded: 422 coupon_exhausted past a limit, and everything rolls back) and given back when the
// sale is voided or fully refunded.
import type { Executor } from '../../db/tx.js';
import {
  type CheckoutContext,
  type DiscountInput,
  type HookContext,
  type RefundSnapshot,
  registerDiscountSource,
  registerSaleHook,
  type SaleSnapshot,
} from '../sales/index.js';
import { notApplicable } from './errors.js';
import { type CouponRow, checkCoupon, claimUse, findCoupon, releaseUse } from './service.js';

const couponSource = {
  type: 'coupon',
  async check(tx: Executor, discount: DiscountInput, ctx: CheckoutContext & { lineId: string | null; base: number }) {
    await checkCoupon(tx, discount.source?.ref ?? '', {
      storeId: ctx.storeId,
      clientId: ctx.clientId,
      base: ctx.base,
      now: ctx.now,
      discount: { type: discount.type, amount: discount.amount, percent: discount.percent },
    });
  },
};

/**
 * What the discount source check cannot see (it runs before the lines are final): a category coupon needs
 * a line of its categories and takes off no more than those lines; a free-service coupon needs its
 * service on the ticket and takes off no more than that line.
 */
async function assertFitsTicket(tx: Executor, coupon: CouponRow, sale: SaleSnapshot) {
  const categories = coupon.category_ids ? (JSON.parse(coupon.category_ids) as string[]) : null;
  let eligible: number | null = null;
  if (coupon.kind === 'free_service' && coupon.service_id) {
    eligible = sale.lines.filter((l) => l.kind === 'service' && l.refId === coupon.service_id).reduce((a, l) => a + l.gross, 0);
  } else if (categories) {
    const ids = sale.lines.filter((l) => l.kind === 'service' && l.refId).map((l) => l.refId!);
    const cats = ids.length ? await tx.selectFrom('services').select(['id', 'category_id']).where('id', 'in', ids).execute() : [];
    const inCategory = new Set(cats.filter((c) => c.category_id && categories.includes(c.category_id)).map((c) => c.id));
    eligible = sale.lines.filter((l) => l.refId && inCategory.has(l.refId)).reduce((a, l) => a + l.gross, 0);
  }
  if (eligible === null) return;
  if (eligible === 0) throw notApplicable('category');
  // An amount coupon takes off no more than the lines it is for (a percent one is checked at entry).
  if (sale.ticketDiscount?.type === 'amount' && (sale.ticketDiscount.amount ?? 0) > eligible) throw notApplicable('discount_too_large');
}

const couponHook = {
  name: 'coupons',
  async onComplete(tx: Executor, sale: SaleSnapshot, ctx: HookContext) {
    const d = sale.ticketDiscount;
    if (d?.source?.type !== 'coupon') return;
    const coupon = await findCoupon(tx, d.source.ref);
    if (!coupon) return;
    await assertFitsTicket(tx, coupon, sale);
    await claimUse(tx, {
      couponId: coupon.id,
      clientId: sale.clientId,
      saleId: sale.id,
      storeId: sale.storeId,
      discount: sale.discountTotal,
      actorId: ctx.audit.actorId,
      now: ctx.now,
    });
  },
  async onRefund(tx: Executor, sale: SaleSnapshot, refund: RefundSnapshot, ctx: HookContext) {
    // The snapshot is taken after this refund: a sale refunded in full (or voided) gives its coupon use back.
    if (refund.kind === 'void' || sale.refundedTotal >= sale.amountPaid)
      await releaseUse(tx, { saleId: sale.id, storeId: ctx.storeId, actorId: ctx.audit.actorId, now: ctx.now });
  },
};

export function registerCouponCheckout(): void {
  registerDiscountSource(couponSource);
  registerSaleHook(couponHook);
}
