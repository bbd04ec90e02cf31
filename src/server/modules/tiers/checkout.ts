// Tiers in checkout: the sale hook `tiers` records what a completed sale counts toward the rolling
// window (and takes refunds back out) and upgrades the client the moment a threshold is reached; the
// discount source `tier` puts the member's discount on the ticket's lines by itself (auto), and lets a
// ticket or line carry the tier discount without manager approval.
import type { Executor } from '../../db/tx.js';
import { newId } from '../../platform/ids.js';
import { blocksTierDiscount } from '../coupons/index.js';
import { entriesByRef, loadLedgerSettings } from '../ledgers/index.js';
import { registerEarnMultiplier } from '../points/index.js';
import {
  type AutoDiscount,
  type AutoDiscountLine,
  type CheckoutContext,
  type DiscountInput,
  type DiscountSource,
  type HookContext,
  type RefundSnapshot,
  registerDiscountSource,
  registerSaleHook,
  type SaleSnapshot,
} from '../sales/index.js';
import { TierErrors } from './errors.js';
import { discountFor } from './rules.js';
import { currentTier, tierBenefitsFor, upgradeIfReached } from './service.js';

const VALUE_KINDS = new Set(['gift_card', 'stored_value_topup']);

/** What a sale counts as spend: its lines (tax included), without value bought for later unless the setting says so. */
async function countedSpend(tx: Executor, lines: Array<{ kind: string; total: number; id: string }>, only?: Map<string, number>) {
  const { settings } = await loadLedgerSettings(tx);
  return lines
    .filter((l) => settings.tiers.countTopUps || !VALUE_KINDS.has(l.kind))
    .reduce((a, l) => a + (only ? (only.get(l.id) ?? 0) : l.total), 0);
}

const pointsOfSale = async (tx: Executor, saleId: string) =>
  (await entriesByRef(tx, 'sale', saleId)).filter((e) => e.kind === 'earn' || e.kind === 'earn_reversal').reduce((a, e) => a + e.amount, 0);

const tierHook = {
  name: 'tiers',
  async onComplete(tx: Executor, sale: SaleSnapshot, ctx: HookContext) {
    if (!sale.clientId) return;
    const amount = await countedSpend(tx, sale.lines);
    const points = await pointsOfSale(tx, sale.id);
    await tx
      .insertInto('client_spend')
      .values({
        id: newId(),
        client_id: sale.clientId,
        store_id: sale.storeId,
        ref_type: 'sale',
        ref_id: sale.id,
        amount,
        points,
        created_at: ctx.now,
      })
      .onConflict((oc) => oc.columns(['ref_type', 'ref_id', 'client_id']).doNothing())
      .execute();
    await upgradeIfReached(tx, sale.clientId, ctx.now, ctx.audit.actorId);
  },
  async onRefund(tx: Executor, sale: SaleSnapshot, refund: RefundSnapshot, ctx: HookContext) {
    if (!sale.clientId) return;
    const parts = new Map(refund.lines.map((l) => [l.lineId, l.total]));
    const amount = await countedSpend(tx, sale.lines, parts);
    // Points reversed by this refund (the points hook ran just before: sale hooks run in registration order).
    const reversed = (await entriesByRef(tx, 'sale', sale.id))
      .filter((e) => e.kind === 'earn_reversal' && e.meta?.includes(refund.id))
      .reduce((a, e) => a + e.amount, 0);
    if (amount === 0 && reversed === 0) return;
    await tx
      .insertInto('client_spend')
      .values({
        id: newId(),
        client_id: sale.clientId,
        store_id: sale.storeId,
        ref_type: 'refund',
        ref_id: refund.id,
        amount: -amount,
        points: reversed,
        created_at: ctx.now,
      })
      .onConflict((oc) => oc.columns(['ref_type', 'ref_id', 'client_id']).doNothing())
      .execute();
  },
};

/** Lines a tier discounts by itself: what the catalog sells (not value bought for later, not packages or fees). */
const TIER_LINE_KINDS: ReadonlySet<string> = new Set(['service', 'add_on', 'product']);

const tierDiscount: DiscountSource = {
  type: 'tier',
  /**
   * A member's tier discount goes on each catalog line by itself: the tier's rate for a service's category,
   * else its default rate. Not when the ticket already carries the tier discount as a whole, nor beside a
   * coupon that does not combine with member discounts (the coupon takes its place).
   */
  async auto(tx: Executor, lines: readonly AutoDiscountLine[], ctx: CheckoutContext & { ticketDiscount: DiscountInput | null }) {
    const none = lines.map(() => null);
    if (!ctx.clientId || ctx.ticketDiscount?.source?.type === 'tier') return none;
    const coupons = [ctx.ticketDiscount, ...lines.map((l) => l.discount)].flatMap((d) =>
      d?.source?.type === 'coupon' ? [d.source.ref] : [],
    );
    if (await blocksTierDiscount(tx, coupons)) return none;
    const benefits = await tierBenefitsFor(tx, ctx.clientId);
    if (!benefits) return none;
    return lines.map((l): AutoDiscount | null => {
      if (!TIER_LINE_KINDS.has(l.kind)) return null;
      const categoryId = l.kind === 'service' && typeof l.data.categoryId === 'string' ? l.data.categoryId : null;
      const bp = discountFor(benefits, categoryId);
      return bp > 0 ? { type: 'percent', percent: bp / 100, reason: `${benefits.name} −${bp / 100}%`, ref: benefits.tierId } : null;
    });
  },
  async check(tx: Executor, discount: DiscountInput, ctx: CheckoutContext & { lineId: string | null; base: number }) {
    if (!ctx.clientId) throw TierErrors.tier_discount_not_applicable();
    const benefits = await tierBenefitsFor(tx, ctx.clientId);
    if (!benefits || discount.source?.ref !== benefits.tierId) throw TierErrors.tier_discount_not_applicable();
    const max = Math.max(0, ...benefits.discounts.map((d) => d.percentBp));
    const bp = Math.round((discount.percent ?? 0) * 100);
    if (discount.type !== 'percent' || bp <= 0 || bp > max) throw TierErrors.tier_discount_not_applicable();
  },
};

export function registerTierCheckout(): void {
  registerSaleHook(tierHook);
  registerDiscountSource(tierDiscount);
  registerEarnMultiplier(async (db, clientId) => {
    const { tier } = await currentTier(db, clientId);
    return tier?.active ? tier.pointsMultiplierBp : 10_000;
  });
}
