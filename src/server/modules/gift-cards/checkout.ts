// Gift cards in checkout: the `gift_card` line (sell a new card or reload one; activated only when the
// sale completes) and the `gift_card` tender (pay part or all of a ticket), plugged into the sales
// registries. The code never lands in the sale's stored data: the line keeps its hash and last four, the
// tender's data gets the masked code.
import { z } from 'zod';
import type { Executor } from '../../db/tx.js';
import { considerBalanceReminder } from '../ledgers/index.js';
import {
  type CheckoutContext,
  type HookContext,
  registerLineKind,
  registerTender,
  type SaleLine,
  type SaleSnapshot,
  type SaleTender,
} from '../sales/index.js';
import {
  completeSaleLine,
  findCardByLine,
  redeem,
  refundableOfLine,
  refundRedemption,
  refundSaleLine,
  resolveSaleLine,
  type SaleLineData,
} from './cards.js';

export const GIFT_CARD_LINE = 'gift_card';
export const GIFT_CARD_TENDER = 'gift_card';
export const GIFT_CARD_TENDER_REF = 'sale_tender';

const zoneOf = async (db: Executor, storeId: string) =>
  (await db.selectFrom('stores').select('time_zone').where('id', '=', storeId).executeTakeFirst())?.time_zone ?? 'UTC';

const lineSchema = z.object({
  /** The printed/scanned card number, or a code from GET /gift-cards/new-code. */
  code: z.string().trim().min(4).max(60),
  mode: z.enum(['new', 'reload']).optional(),
  /** Cents; optional when a preset design carries its amount. */
  amount: z.number().int().min(1).max(100_000_000).optional(),
  design: z.string().min(1).max(40).optional(),
  recipientName: z.string().trim().max(100).optional(),
  /** The client who will hold the card (balance reminders go to her). */
  holderClientId: z.uuid().optional(),
});

const giftCardLine = {
  kind: GIFT_CARD_LINE,
  label: { en: 'Gift card', 'zh-CN': '礼品卡', 'zh-TW': '禮品卡' },
  schema: lineSchema,
  async price(tx: Executor, input: z.infer<typeof lineSchema>, ctx: CheckoutContext) {
    const data = await resolveSaleLine(tx, input, ctx.now);
    const reload = data.mode === 'reload';
    return {
      refId: reload ? data.giftCardId : null,
      name: `${reload ? 'Gift card reload' : 'Gift card'} •••• ${data.last4}`,
      nameTranslations: {
        'zh-CN': `${reload ? '礼品卡充值' : '礼品卡'} •••• ${data.last4}`,
        'zh-TW': `${reload ? '禮品卡加值' : '禮品卡'} •••• ${data.last4}`,
      },
      category: 'gift_card',
      taxClass: null,
      unitPrice: data.amount,
      quantity: 1,
      discountable: false,
      priceOverridable: false,
      tipEligible: false,
      staff: [],
      data: data as unknown as Record<string, unknown>,
    };
  },
  async onComplete(tx: Executor, line: SaleLine<SaleLineData>, sale: SaleSnapshot, ctx: HookContext) {
    await completeSaleLine(tx, line.data, {
      amount: line.total,
      storeId: sale.storeId,
      saleId: sale.id,
      lineRef: line.id,
      actorId: ctx.audit.actorId,
      now: ctx.now,
      tz: await zoneOf(tx, sale.storeId),
    });
  },
  async refundLimit(tx: Executor, line: SaleLine<SaleLineData>) {
    return refundableOfLine(tx, line.id, line.total - line.refundedAmount);
  },
  async onRefund(
    tx: Executor,
    line: SaleLine<SaleLineData>,
    part: { total: number },
    refund: { id: string },
    _sale: SaleSnapshot,
    ctx: HookContext,
  ) {
    if (part.total <= 0) return;
    await refundSaleLine(tx, {
      lineRef: line.id,
      amount: part.total,
      storeId: ctx.storeId,
      actorId: ctx.audit.actorId,
      now: ctx.now,
      refundId: refund.id,
    });
  },
};

type TenderData = { code: string; giftCardId?: string; last4?: string };

const giftCardTender = {
  kind: GIFT_CARD_TENDER,
  label: { en: 'Gift card', 'zh-CN': '礼品卡', 'zh-TW': '禮品卡' },
  fieldLabels: { code: { en: 'Card code', 'zh-CN': '卡号', 'zh-TW': '卡號' } },
  schema: z.object({ code: z.string().trim().min(4).max(60) }),
  async apply(tx: Executor, tender: SaleTender<TenderData>, sale: SaleSnapshot, ctx: HookContext) {
    const { card, balance } = await redeem(tx, {
      code: tender.data.code,
      amount: tender.amount,
      storeId: sale.storeId,
      refType: GIFT_CARD_TENDER_REF,
      refId: tender.id,
      clientId: sale.clientId,
      actorId: ctx.audit.actorId,
      now: ctx.now,
      tz: await zoneOf(tx, sale.storeId),
      meta: { saleId: sale.id },
    });
    await considerBalanceReminder(
      tx,
      {
        clientId: card.client_id ?? sale.clientId,
        subject: 'gift_card',
        subjectId: card.id,
        accountIds: [card.account_id],
        balance,
        lastLoad: card.initial_amount,
        storeId: sale.storeId,
        last4: card.code_last4,
        now: ctx.now,
      },
      ctx.afterCommit,
    );
    return { code: `•••• ${card.code_last4}`, giftCardId: card.id, last4: card.code_last4, balanceAfter: balance };
  },
  async refund(
    tx: Executor,
    tender: SaleTender<TenderData>,
    amount: number,
    refund: { id: string },
    _sale: SaleSnapshot,
    ctx: HookContext,
  ) {
    if (amount <= 0) return;
    await refundRedemption(tx, {
      refType: GIFT_CARD_TENDER_REF,
      refId: tender.id,
      amount,
      storeId: ctx.storeId,
      actorId: ctx.audit.actorId,
      now: ctx.now,
      refundId: refund.id,
    });
  },
};

export function registerGiftCardCheckout(): void {
  registerLineKind(giftCardLine);
  registerTender(giftCardTender);
}

export { findCardByLine };
