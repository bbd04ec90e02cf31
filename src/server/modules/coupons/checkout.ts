// Coupons in checkout: a discount with source { type: 'coupon', ref: <code or id> } is checked when it is
// put on the ticket (no manager approval needed), one use is claimed when the sale completes (sale hook
// `coupons`, guarded: 422 coupon_exhausted past a limit, and everything rolls back) and given back when the
// sale is voided or fully refunded.
import type { Executor } from '../../db/tx.js';
import { type CheckoutContext, type DiscountInput, type HookContext, registerDiscountSource, registerSaleHook, type RefundSnapshot, type SaleSnapshot } from '../sales/index.js';
import { checkCoupon, claimUse, findCoupon, releaseUse } from './service.js';

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

const couponHook = {
  name: 'coupons',
  async onComplete(tx: Executor, sale: SaleSnapshot, ctx: HookContext) {
    const d = sale.ticketDiscount;
    if (d?.source?.type !== 'coupon') return;
    const coupon = await findCoupon(tx, d.source.ref);
    if (!coupon) return;
    await claimUse(tx, { couponId: coupon.id, clientId: sale.clientId, saleId: sale.id, storeId: sale.storeId, discount: sale.discountTotal, actorId: ctx.audit.actorId, now: ctx.now });
  },
  async onRefund(tx: Executor, sale: SaleSnapshot, refund: RefundSnapshot, ctx: HookContext) {
    // The snapshot is taken after this refund: a sale refunded in full (or voided) gives its coupon use back.
    if (refund.kind === 'void' || sale.refundedTotal >= sale.amountPaid) await releaseUse(tx, { saleId: sale.id, storeId: ctx.storeId, actorId: ctx.audit.actorId, now: ctx.now });
  },
};

export function registerCouponCheckout(): void {
  registerDiscountSource(couponSource);
  registerSaleHook(couponHook);
}
