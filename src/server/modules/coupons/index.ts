// Coupons (优惠券) — the module's only import surface.
//
// Campaigns: code-based or issued to clients (issuedOnly); amount, percent (basis points) or a free
// service; minimum spend, store-local valid dates, stores, categories; per-client and total use limits
// held as ledger accounts (never exceeded under concurrency); stacking (`stackable` with other coupons,
// `stacksWithTier`, `stacksWithManual`). In checkout: discount source `coupon` (ref = code or id) on the
// ticket or a line, checked when put on the ticket; a ticket coupon for some categories spreads over their
// lines only; sale hook `coupons` claims one use per coupon at completion and releases it on void or full
// refund (a line coupon: when its lines are refunded). blocksTierDiscount(db, refs): the tier steps aside.

import { registerMergeHook, registerMergeTable } from '../clients/index.js';
import { moveOwnerBalances, registerBalanceSection } from '../ledgers/index.js';
import { registerCouponCheckout } from './checkout.js';

export { CouponErrors } from './errors.js';
export { couponRoutes } from './routes.js';
export { type Coupon, discountMatches, maxDiscount, whyNotApplicable } from './rules.js';
export { blocksTierDiscount, checkCoupon, claimUse, createCoupon, issueCoupon, releaseUse, updateCoupon } from './service.js';

registerCouponCheckout();
registerMergeTable('coupon_redemptions');
registerMergeHook({
  name: 'coupons',
  move: (tx, m) =>
    moveOwnerBalances(tx, {
      fromOwner: m.mergeId,
      toOwner: m.keepId,
      ownerType: 'client',
      kinds: ['coupon_client'],
      actorId: m.ctx.actorId,
      now: m.ctx.now,
    }),
});
registerBalanceSection({
  name: 'coupons',
  load: async (db, clientId) => {
    const rows = await db
      .selectFrom('ledger_accounts as a')
      .innerJoin('coupons as c', 'c.id', 'a.subject_id')
      .select(['c.id', 'c.name', 'c.code', 'c.kind', 'c.value', 'c.ends_on', 'a.balance'])
      .where('a.kind', '=', 'coupon_client')
      .where('a.owner_id', '=', clientId)
      .where('a.balance', '>', 0)
      .where('c.active', '=', 1)
      .execute();
    return rows.map((r) => ({
      couponId: r.id,
      name: r.name,
      code: r.code,
      kind: r.kind,
      value: r.value,
      endsOn: r.ends_on,
      usesLeft: r.balance,
    }));
  },
});
