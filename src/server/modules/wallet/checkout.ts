// Stored value in checkout: the `stored_value_topup` line and the `stored_value` tender, plugged into the
// sales registries. Everything runs in checkout's transaction, so a refused payment writes nothing.
import { z } from 'zod';
import type { Executor } from '../../db/tx.js';
import { formatMoney } from '../../platform/money.js';
import { loadLedgerSettings } from '../ledgers/index.js';
import {
  type CheckoutContext,
  type HookContext,
  registerLineKind,
  registerReceiptSection,
  registerTender,
  type SaleLine,
  type SaleSnapshot,
  type SaleTender,
} from '../sales/index.js';
import { WalletErrors } from './errors.js';
import { consumeConfirmation } from './otp.js';
import { findTopUpByLine, findWallet } from './repo.js';
import { assertTopUpAmount, previewBonus, refundableOfTopUp, refundSpend, refundTopUp, spend, topUp } from './wallet.js';

export const TOP_UP_LINE = 'stored_value_topup';
export const STORED_VALUE_TENDER = 'stored_value';
/** Ledger entries of a stored-value tender point at the sale's tender row. */
export const TENDER_REF = 'sale_tender';

type TopUpData = { amount: number; bonusPreview: number; ruleId: string | null };

const topUpLine = {
  kind: TOP_UP_LINE,
  label: { en: 'Stored value top-up', 'zh-CN': '储值充值', 'zh-TW': '儲值加值' },
  requiresClient: true,
  fieldLabels: { amount: { en: 'Amount', 'zh-CN': '金额', 'zh-TW': '金額' } },
  schema: z.object({ amount: z.number().int().min(1).max(100_000_000) }),
  async price(tx: Executor, input: { amount: number }, ctx: CheckoutContext) {
    if (!ctx.clientId) throw WalletErrors.wallet_client_required();
    const { settings } = await loadLedgerSettings(tx);
    assertTopUpAmount(settings.wallet, input.amount);
    const found = await previewBonus(
      tx,
      { clientId: ctx.clientId, storeId: ctx.storeId, amount: input.amount, now: ctx.now },
      settings.wallet,
    );
    const data: TopUpData = { amount: input.amount, bonusPreview: found?.bonus ?? 0, ruleId: found?.ruleId ?? null };
    return {
      refId: null,
      name: 'Stored value top-up',
      nameTranslations: { 'zh-CN': '储值充值', 'zh-TW': '儲值加值' },
      category: 'stored_value',
      taxClass: null,
      unitPrice: input.amount,
      quantity: 1,
      discountable: false,
      priceOverridable: false,
      tipEligible: false,
      staff: [],
      data,
    };
  },
  async onComplete(tx: Executor, line: SaleLine<TopUpData>, sale: SaleSnapshot, ctx: HookContext) {
    if (!sale.clientId) throw WalletErrors.wallet_client_required();
    await topUp(tx, {
      clientId: sale.clientId,
      storeId: sale.storeId,
      amount: line.total,
      saleId: sale.id,
      lineRef: line.id,
      actorId: ctx.audit.actorId,
      now: ctx.now,
    });
  },
  async refundLimit(tx: Executor, line: SaleLine<TopUpData>) {
    const row = await findTopUpByLine(tx, line.id);
    return row ? refundableOfTopUp(tx, row) : 0;
  },
  async onRefund(
    tx: Executor,
    line: SaleLine<TopUpData>,
    part: { total: number },
    refund: { id: string },
    _sale: SaleSnapshot,
    ctx: HookContext,
  ) {
    const row = await findTopUpByLine(tx, line.id);
    if (!row || part.total <= 0) return;
    await refundTopUp(tx, {
      topUpId: row.id,
      amount: part.total,
      storeId: ctx.storeId,
      actorId: ctx.audit.actorId,
      now: ctx.now,
      refundId: refund.id,
    });
  },
};

type TenderData = { confirmationId?: string; principal?: number; bonus?: number };

const storedValueTender = {
  kind: STORED_VALUE_TENDER,
  label: { en: 'Stored value', 'zh-CN': '储值', 'zh-TW': '儲值' },
  requiresClient: true,
  schema: z.object({ confirmationId: z.uuid().optional() }),
  async apply(tx: Executor, tender: SaleTender<TenderData>, sale: SaleSnapshot, ctx: HookContext) {
    if (!sale.clientId) throw WalletErrors.wallet_client_required();
    const { settings } = await loadLedgerSettings(tx);
    if (settings.wallet.confirmation === 'otp') {
      await consumeConfirmation(tx, {
        clientId: sale.clientId,
        confirmationId: tender.data.confirmationId,
        amount: tender.amount,
        now: ctx.now,
      });
    }
    const spent = await spend(
      tx,
      {
        clientId: sale.clientId,
        storeId: sale.storeId,
        amount: tender.amount,
        refType: TENDER_REF,
        refId: tender.id,
        actorId: ctx.audit.actorId,
        now: ctx.now,
        meta: { saleId: sale.id },
      },
      settings,
      ctx.afterCommit,
    );
    return { principal: spent.principal, bonus: spent.bonus, balanceAfter: spent.balance.total };
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
    await refundSpend(tx, {
      refType: TENDER_REF,
      refId: tender.id,
      amount,
      storeId: ctx.storeId,
      actorId: ctx.audit.actorId,
      now: ctx.now,
      refundId: refund.id,
    });
  },
};

const LABEL = { en: 'Stored value balance', 'zh-CN': '储值余额', 'zh-TW': '儲值餘額' } as const;
const PARTS = { en: ['principal', 'bonus'], 'zh-CN': ['本金', '赠送'], 'zh-TW': ['本金', '贈送'] } as const;

const receipt = {
  name: 'stored_value',
  async lines(tx: Executor, sale: SaleSnapshot, lang: 'en' | 'zh-CN' | 'zh-TW') {
    if (!sale.clientId) return [];
    const wallet = await findWallet(tx, sale.clientId);
    if (!wallet) return [];
    const m = (n: number) => formatMoney(n, sale.currency, lang);
    const [p, b] = PARTS[lang];
    const total = wallet.principal.balance + wallet.bonus.balance;
    return [{ label: LABEL[lang], value: `${m(total)} (${p} ${m(wallet.principal.balance)} + ${b} ${m(wallet.bonus.balance)})` }];
  },
};

/** Registers the line, the tender and the receipt section once (module load). */
export function registerWalletCheckout(): void {
  registerLineKind(topUpLine);
  registerTender(storedValueTender);
  registerReceiptSection(receipt);
}
