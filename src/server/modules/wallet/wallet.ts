// Stored-value operations, each inside the caller's transaction and each one posting to the client's
// wallet book (principal, bonus) through the ledger: top-up, spend, re-credit of a refunded spend,
// refund of a top-up, manual adjustment.
import { sql } from 'kysely';
import type { Executor } from '../../db/tx.js';
import { type AuditContext, writeAudit } from '../../platform/audit.js';
import { newId } from '../../platform/ids.js';
import { formatMoney } from '../../platform/money.js';
import { localDate } from '../../platform/zoned-time.js';
import {
  considerBalanceReminder,
  currentClientId,
  entriesByRef,
  insufficientBalance,
  type LedgerSettings,
  type Leg,
  loadLedgerSettings,
  postToBook,
  type WalletSettings,
} from '../ledgers/index.js';
import { WalletErrors } from './errors.js';
import { assertUsableAt } from './limits.js';
import { activeRules, bookOf, findTopUp, findWallet, hasTopUp, lastTopUp, openWallet, storeZone, type TopUpRow } from './repo.js';
import { bonusFor, bonusToForfeit, type Split, splitRefund, splitSpend } from './split.js';

const money = (n: number) => formatMoney(n, 'USD', 'en');

export type Actor = { actorId: string | null; now: number };

export function assertTopUpAmount(settings: WalletSettings, amount: number): void {
  if (!Number.isSafeInteger(amount) || amount < Math.max(1, settings.minTopUp) || amount > settings.maxTopUp) {
    throw WalletErrors.top_up_amount_out_of_range({ min: money(settings.minTopUp), max: money(settings.maxTopUp) });
  }
}

/** The bonus a top-up of `amount` at `storeId` would get now. */
export async function previewBonus(
  db: Executor,
  p: { clientId: string | null; storeId: string; amount: number; now: number },
  settings: WalletSettings,
) {
  const store = await storeZone(db, p.storeId);
  const isFirstTopUp = p.clientId ? !(await hasTopUp(db, p.clientId)) : true;
  return bonusFor(p.amount, await activeRules(db), {
    storeId: p.storeId,
    localDate: localDate(p.now, store?.time_zone ?? 'UTC'),
    isFirstTopUp,
    cap: settings.storeRuleCap,
  });
}

export type TopUpResult = { topUpId: string; principal: number; bonus: number; ruleId: string | null; balance: Split & { total: number } };

/**
 * Credits a paid top-up and its bonus. The bonus is decided after the wallet is locked, so two
 * concurrent "first top-ups" cannot both get a first-top-up-only bonus. `lineRef` (the sale line) is
 * unique: the same line never tops up twice.
 */
export async function topUp(
  tx: Executor,
  p: {
    clientId: string;
    storeId: string;
    amount: number;
    saleId?: string | null;
    lineRef?: string | null;
    actorId: string | null;
    now: number;
  },
): Promise<TopUpResult> {
  const { settings } = await loadLedgerSettings(tx);
  assertTopUpAmount(settings.wallet, p.amount);
  const wallet = await openWallet(tx, p.clientId, p.now);
  const topUpId = newId();
  let applied: { bonus: number; ruleId: string | null } = { bonus: 0, ruleId: null };
  const posted = await postToBook(
    tx,
    bookOf(wallet),
    {
      kind: 'top_up',
      refType: 'top_up',
      refId: topUpId,
      storeId: p.storeId,
      actorId: p.actorId,
      now: p.now,
      meta: p.saleId ? { saleId: p.saleId } : undefined,
    },
    async () => {
      const found = await previewBonus(tx, p, settings.wallet);
      applied = { bonus: found?.bonus ?? 0, ruleId: found?.ruleId ?? null };
      const legs: Leg[] = [{ accountId: wallet.principal.id, amount: p.amount, kind: 'top_up' }];
      if (applied.bonus > 0) legs.push({ accountId: wallet.bonus.id, amount: applied.bonus, kind: 'top_up_bonus' });
      return legs;
    },
  );
  await tx
    .insertInto('wallet_top_ups')
    .values({
      id: topUpId,
      client_id: p.clientId,
      store_id: p.storeId,
      sale_id: p.saleId ?? null,
      line_ref: p.lineRef ?? null,
      principal: p.amount,
      bonus: applied.bonus,
      rule_id: applied.ruleId,
      group_id: posted.groupId,
      refunded_principal: 0,
      forfeited_bonus: 0,
      created_by: p.actorId,
      created_at: p.now,
      updated_at: p.now,
    })
    .execute();
  const principal = posted.balances.get(wallet.principal.id) ?? 0;
  const bonus = posted.balances.get(wallet.bonus.id) ?? 0;
  return {
    topUpId,
    principal: p.amount,
    bonus: applied.bonus,
    ruleId: applied.ruleId,
    balance: { principal, bonus, total: principal + bonus },
  };
}

export type SpendResult = Split & { groupId: string; balance: Split & { total: number }; accountIds: string[] };

/**
 * Pays `amount` from the wallet, split between principal and bonus by the business's spend order,
 * decided on the locked balances. 422 insufficient_balance (with the available total) when the two
 * together cannot cover it; 422 wallet_store_restricted where HQ does not allow stored value.
 */
export async function spend(
  tx: Executor,
  p: {
    clientId: string;
    storeId: string;
    amount: number;
    refType: string;
    refId: string;
    actorId: string | null;
    now: number;
    meta?: unknown;
  },
  settings?: LedgerSettings,
  afterCommit?: (fn: () => void) => void,
): Promise<SpendResult> {
  const all = settings ?? (await loadLedgerSettings(tx)).settings;
  const s = all.wallet;
  await assertUsableAt(tx, s, p.clientId, p.storeId);
  const wallet = await findWallet(tx, p.clientId);
  if (!wallet) throw insufficientBalance({ available: 0, requested: p.amount, unit: 'cents', account: 'wallet' });
  let split: Split = { principal: 0, bonus: 0 };
  const posted = await postToBook(
    tx,
    bookOf(wallet),
    { kind: 'spend', refType: p.refType, refId: p.refId, storeId: p.storeId, actorId: p.actorId, now: p.now, meta: p.meta },
    ([principal = 0, bonus = 0]) => {
      const found = splitSpend(p.amount, { principal, bonus }, s.spendOrder);
      if (!found) throw insufficientBalance({ available: principal + bonus, requested: p.amount, unit: 'cents', account: 'wallet' });
      split = found;
      const legs: Leg[] = [];
      if (found.principal > 0) legs.push({ accountId: wallet.principal.id, amount: -found.principal });
      if (found.bonus > 0) legs.push({ accountId: wallet.bonus.id, amount: -found.bonus });
      return legs;
    },
  );
  const principal = posted.balances.get(wallet.principal.id) ?? 0;
  const bonus = posted.balances.get(wallet.bonus.id) ?? 0;
  // Balance reminder (余额提醒): the outbox job decides later (cap, consent, quiet hours).
  await considerBalanceReminder(
    tx,
    {
      clientId: p.clientId,
      subject: 'wallet',
      accountIds: bookOf(wallet),
      balance: principal + bonus,
      lastLoad: async () => (await lastTopUp(tx, p.clientId))?.principal ?? null,
      storeId: p.storeId,
      now: p.now,
      settings: all.reminders,
    },
    afterCommit,
  );
  return { ...split, groupId: posted.groupId, balance: { principal, bonus, total: principal + bonus }, accountIds: bookOf(wallet) };
}

/** What a spend took from each part, and what refunds have put back so far. */
export async function spendState(db: Executor, refType: string, refId: string) {
  const entries = await entriesByRef(db, refType, refId);
  const state = { spent: { principal: 0, bonus: 0 }, refunded: { principal: 0, bonus: 0 }, clientId: null as string | null };
  if (!entries.length) return state;
  const accounts = await db
    .selectFrom('ledger_accounts')
    .select(['id', 'kind', 'owner_id'])
    .where('id', 'in', [...new Set(entries.map((e) => e.account_id))])
    .execute();
  const kindOf = new Map(accounts.map((a) => [a.id, a]));
  for (const e of entries) {
    const a = kindOf.get(e.account_id);
    if (!a || (a.kind !== 'wallet_principal' && a.kind !== 'wallet_bonus')) continue;
    state.clientId = a.owner_id;
    const part = a.kind === 'wallet_principal' ? 'principal' : 'bonus';
    if (e.kind === 'spend') state.spent[part] += -e.amount;
    if (e.kind === 'spend_refund') state.refunded[part] += e.amount;
  }
  return state;
}

/**
 * Re-credits a refunded stored-value payment exactly as it was spent: principal and bonus in
 * proportion to what is still un-refunded of each, so refunds that add up to the payment give back
 * precisely the principal and the bonus it took. Never more than the payment.
 */
export async function refundSpend(
  tx: Executor,
  p: { refType: string; refId: string; amount: number; storeId: string; actorId: string | null; now: number; refundId?: string | null },
): Promise<Split> {
  const state = await spendState(tx, p.refType, p.refId);
  if (!state.clientId) throw new Error(`no stored-value payment ${p.refType}/${p.refId} to refund`);
  const remaining = { principal: state.spent.principal - state.refunded.principal, bonus: state.spent.bonus - state.refunded.bonus };
  const back = splitRefund(p.amount, remaining);
  // Into the wallet the client has now (a merged-away card's wallet moved to the kept one).
  const wallet = await openWallet(tx, await currentClientId(tx, state.clientId), p.now);
  await postToBook(
    tx,
    bookOf(wallet),
    {
      kind: 'spend_refund',
      refType: p.refType,
      refId: p.refId,
      storeId: p.storeId,
      actorId: p.actorId,
      now: p.now,
      meta: p.refundId ? { refundId: p.refundId } : undefined,
    },
    () => {
      const legs: Leg[] = [];
      if (back.principal > 0) legs.push({ accountId: wallet.principal.id, amount: back.principal });
      if (back.bonus > 0) legs.push({ accountId: wallet.bonus.id, amount: back.bonus });
      return legs;
    },
  );
  return back;
}

/** How much of a top-up's principal can still be refunded: what is left of it, and no more than the wallet's principal. */
export async function refundableOfTopUp(db: Executor, topUp: TopUpRow): Promise<number> {
  const wallet = await findWallet(db, topUp.client_id);
  return Math.max(0, Math.min(topUp.principal - topUp.refunded_principal, wallet?.principal.balance ?? 0));
}

/**
 * Refunds `amount` of a top-up's principal (only unspent principal: 422 top_up_spent otherwise) and,
 * when the business forfeits bonuses, takes back the same share of the bonus it earned (as much of it as
 * the bonus balance still holds). Returns what was taken from each part.
 */
export async function refundTopUp(
  tx: Executor,
  p: { topUpId: string; amount: number; storeId: string; actorId: string | null; now: number; refundId?: string | null },
): Promise<{ principal: number; bonusForfeited: number }> {
  const { settings } = await loadLedgerSettings(tx);
  const topUp = await findTopUp(tx, p.topUpId);
  if (!topUp) throw new Error(`top-up ${p.topUpId} not found`);
  const wallet = await openWallet(tx, topUp.client_id, p.now);
  let forfeited = 0;
  await postToBook(
    tx,
    bookOf(wallet),
    {
      kind: 'top_up_refund',
      refType: 'top_up',
      refId: topUp.id,
      storeId: p.storeId,
      actorId: p.actorId,
      now: p.now,
      meta: p.refundId ? { refundId: p.refundId } : undefined,
    },
    ([principal = 0, bonus = 0]) => {
      const available = Math.max(0, Math.min(topUp.principal - topUp.refunded_principal, principal));
      if (p.amount > available) throw WalletErrors.top_up_spent({ available: money(available) });
      forfeited =
        settings.wallet.topUpRefundBonus === 'forfeit'
          ? bonusToForfeit(
              {
                principal: topUp.principal,
                bonus: topUp.bonus,
                refundedPrincipal: topUp.refunded_principal,
                forfeitedBonus: topUp.forfeited_bonus,
              },
              p.amount,
              bonus,
            )
          : 0;
      const legs: Leg[] = [{ accountId: wallet.principal.id, amount: -p.amount, kind: 'top_up_refund' }];
      if (forfeited > 0) legs.push({ accountId: wallet.bonus.id, amount: -forfeited, kind: 'bonus_forfeit' });
      return legs;
    },
  );
  // The wallet book is locked, so this row cannot move under us; the guard documents the invariant.
  const res = await tx
    .updateTable('wallet_top_ups')
    .set({
      refunded_principal: sql`refunded_principal + ${p.amount}`,
      forfeited_bonus: sql`forfeited_bonus + ${forfeited}`,
      updated_at: p.now,
    })
    .where('id', '=', topUp.id)
    .where(sql<boolean>`refunded_principal + ${p.amount} <= principal`)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw WalletErrors.top_up_spent({ available: money(topUp.principal - topUp.refunded_principal) });
  return { principal: p.amount, bonusForfeited: forfeited };
}

/** A manager's correction of principal or bonus, with a reason, audited. Debits are guarded like any spend. */
export async function adjustWallet(
  tx: Executor,
  p: { clientId: string; part: 'principal' | 'bonus'; amount: number; reason: string; storeId: string | null },
  ctx: AuditContext,
) {
  const wallet = await openWallet(tx, p.clientId, ctx.now);
  const account = p.part === 'principal' ? wallet.principal : wallet.bonus;
  const adjustmentId = newId();
  const posted = await postToBook(
    tx,
    bookOf(wallet),
    {
      kind: 'adjustment',
      refType: 'adjustment',
      refId: adjustmentId,
      storeId: p.storeId,
      actorId: ctx.actorId,
      reason: p.reason,
      now: ctx.now,
    },
    () => [{ accountId: account.id, amount: p.amount }],
  );
  const balance = { principal: posted.balances.get(wallet.principal.id) ?? 0, bonus: posted.balances.get(wallet.bonus.id) ?? 0 };
  const after = { part: p.part, amount: p.amount, reason: p.reason, balance };
  await writeAudit(tx, ctx, { action: 'wallet.adjust', entityType: 'client', entityId: p.clientId, storeId: p.storeId, after });
  return { adjustmentId, ...after, balance: { ...balance, total: balance.principal + balance.bonus } };
}
