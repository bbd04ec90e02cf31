// Points in checkout: earned when a sale completes and reversed on refund (sale hook `points`), redeemed
// as a tender (`points`) or as a ticket discount with source { type: 'points', ref: '<points>' }.
import { z } from 'zod';
import type { Executor } from '../../db/tx.js';
import { formatMoney } from '../../platform/money.js';
import { insufficientBalance, loadLedgerSettings } from '../ledgers/index.js';
import {
  type CheckoutContext,
  type DiscountInput,
  type HookContext,
  type RefundSnapshot,
  registerDiscountSource,
  registerReceiptSection,
  registerSaleHook,
  registerTender,
  type SaleSnapshot,
  type SaleTender,
} from '../sales/index.js';
import { centsForPoints } from './earn.js';
import { PointsErrors } from './errors.js';
import { earnForSale, findPoints, redeem, refundRedemption, reverseForRefund } from './points.js';

export const POINTS_TENDER = 'points';
const TENDER_REF = 'sale_tender';
const DISCOUNT_REF = 'sale_discount';

const pointsTender = {
  kind: POINTS_TENDER,
  label: { en: 'Points', 'zh-CN': '积分', 'zh-TW': '積分' },
  schema: z.object({}),
  requiresClient: true,
  async enabled(tx: Executor) {
    return (await loadLedgerSettings(tx)).settings.points.enabled;
  },
  async apply(tx: Executor, tender: SaleTender, sale: SaleSnapshot, ctx: HookContext) {
    if (!sale.clientId) throw PointsErrors.points_client_required();
    const out = await redeem(tx, {
      clientId: sale.clientId,
      cents: tender.amount,
      refType: TENDER_REF,
      refId: tender.id,
      storeId: sale.storeId,
      actorId: ctx.audit.actorId,
      now: ctx.now,
      meta: { saleId: sale.id },
    });
    return { points: out.points, balanceAfter: out.balance };
  },
  async refund(tx: Executor, tender: SaleTender, amount: number, refund: RefundSnapshot, _sale: SaleSnapshot, ctx: HookContext) {
    if (amount <= 0) return;
    await refundRedemption(tx, {
      refType: TENDER_REF,
      refId: tender.id,
      cents: amount,
      storeId: ctx.storeId,
      actorId: ctx.audit.actorId,
      now: ctx.now,
      refundId: refund.id,
    });
  },
};

const pointsOf = (d: DiscountInput | null): number | null =>
  d?.source?.type === 'points' && /^\d{1,9}$/.test(d.source.ref) ? Number(d.source.ref) : null;

const pointsDiscount = {
  type: 'points',
  async check(tx: Executor, discount: DiscountInput, ctx: CheckoutContext & { lineId: string | null; base: number }) {
    if (!ctx.clientId) throw PointsErrors.points_client_required();
    const points = pointsOf(discount);
    const { settings } = await loadLedgerSettings(tx);
    if (!settings.points.enabled) throw PointsErrors.points_disabled();
    const min = settings.points.redeem.minPoints;
    if (points === null || points < min || points === 0) throw PointsErrors.points_below_minimum({ min, points: points ?? 0 });
    const max = centsForPoints(points, settings.points.redeem.pointsPerDollar);
    if (discount.type !== 'amount' || (discount.amount ?? 0) > max) {
      throw PointsErrors.points_discount_mismatch({ points, max: formatMoney(max, ctx.currency, 'en') });
    }
    const balance = (await findPoints(tx, ctx.clientId))?.balance ?? 0;
    if (balance < points) throw insufficientBalance({ available: balance, requested: points, unit: 'points', account: 'points' });
  },
};

const pointsHook = {
  name: 'points',
  async onComplete(tx: Executor, sale: SaleSnapshot, ctx: HookContext) {
    const points = pointsOf(sale.ticketDiscount);
    if (points !== null && sale.clientId) {
      await redeem(tx, {
        clientId: sale.clientId,
        cents: sale.ticketDiscount?.amount ?? 0,
        points,
        refType: DISCOUNT_REF,
        refId: sale.id,
        storeId: sale.storeId,
        actorId: ctx.audit.actorId,
        now: ctx.now,
      });
    }
    await earnForSale(tx, sale, { actorId: ctx.audit.actorId, now: ctx.now, tz: ctx.timeZone });
  },
  async onRefund(tx: Executor, sale: SaleSnapshot, refund: RefundSnapshot, ctx: HookContext) {
    await reverseForRefund(tx, sale, refund, { storeId: ctx.storeId, actorId: ctx.audit.actorId, now: ctx.now });
    // Points spent as a ticket discount come back when the whole sale is voided.
    if (refund.kind === 'void' && pointsOf(sale.ticketDiscount) !== null) {
      await refundRedemption(tx, {
        refType: DISCOUNT_REF,
        refId: sale.id,
        cents: sale.ticketDiscount?.amount ?? 0,
        storeId: ctx.storeId,
        actorId: ctx.audit.actorId,
        now: ctx.now,
        refundId: refund.id,
      });
    }
  },
};

const LABEL = { en: 'Points balance', 'zh-CN': '积分余额', 'zh-TW': '積分餘額' } as const;

const receipt = {
  name: 'points',
  async lines(tx: Executor, sale: SaleSnapshot, lang: 'en' | 'zh-CN' | 'zh-TW') {
    if (!sale.clientId) return [];
    const account = await findPoints(tx, sale.clientId);
    return account ? [{ label: LABEL[lang], value: String(account.balance) }] : [];
  },
};

export function registerPointsCheckout(): void {
  registerTender(pointsTender);
  registerDiscountSource(pointsDiscount);
  registerSaleHook(pointsHook);
  registerReceiptSection(receipt);
}
