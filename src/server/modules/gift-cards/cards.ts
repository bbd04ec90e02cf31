// Gift card operations inside the caller's transaction. A card row exists only once the sale that sold it
// completes (activation); its balance is a ledger account (kind gift_card), so redemptions are guarded
// conditional updates like every other balance and two terminals can never spend the same money twice.

import type { Selectable } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import type { GiftCardsTable } from '../../db/tables.js';
import type { Executor } from '../../db/tx.js';
import { type AuditContext, writeAudit } from '../../platform/audit.js';
import { PlatformErrors } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { formatMoney } from '../../platform/money.js';
import {
  entriesByRef,
  findAccountById,
  type GiftCardSettings,
  loadLedgerSettings,
  openAccount,
  post,
  postToBook,
} from '../ledgers/index.js';
import { checkCode, hashCode, last4 } from './code.js';
import { GiftCardErrors } from './errors.js';

export type GiftCardRow = Selectable<GiftCardsTable>;
export type CardStatus = 'active' | 'expired' | 'void' | 'replaced';

const money = (n: number) => formatMoney(n, 'USD', 'en');

export const findCardByHash = (db: Executor, hash: string) =>
  db.selectFrom('gift_cards').selectAll().where('code_hash', '=', hash).executeTakeFirst();
export const findCard = (db: Executor, id: string) => db.selectFrom('gift_cards').selectAll().where('id', '=', id).executeTakeFirst();
export const findCardByLine = (db: Executor, lineRef: string) =>
  db.selectFrom('gift_cards').selectAll().where('line_ref', '=', lineRef).executeTakeFirst();

export function statusOf(card: Pick<GiftCardRow, 'status' | 'expires_at' | 'replaced_by_id'>, now: number): CardStatus {
  if (card.replaced_by_id) return 'replaced';
  if (card.status !== 'active') return 'void';
  if (card.expires_at !== null && card.expires_at <= now) return 'expired';
  return 'active';
}

export function assertRedeemable(card: GiftCardRow, now: number, tz = 'UTC'): void {
  const status = statusOf(card, now);
  if (status === 'replaced') throw GiftCardErrors.gift_card_replaced();
  if (status === 'void') throw GiftCardErrors.gift_card_inactive();
  if (status === 'expired')
    throw GiftCardErrors.gift_card_expired({
      date: Temporal.Instant.fromEpochMilliseconds(card.expires_at!).toZonedDateTimeISO(tz).toPlainDate().toString(),
    });
}

/** The card for a typed or scanned code, or null. The lookup is by hash, the same work whatever the code. */
export async function cardByCode(db: Executor, raw: string): Promise<GiftCardRow | null> {
  const check = checkCode(raw);
  const hash = hashCode(check.ok ? check.code : normalizeForMiss(raw));
  const card = await findCardByHash(db, hash);
  return check.ok && card ? card : null;
}

// A malformed code still costs one indexed lookup, so a miss takes as long as a wrong well-formed code.
const normalizeForMiss = (raw: string) => `invalid:${raw.slice(0, 64)}`;

export async function balanceOf(db: Executor, card: GiftCardRow): Promise<number> {
  return (await findAccountById(db, card.account_id))?.balance ?? 0;
}

/** When a card sold now expires: `months` later, or never. */
export function expiryFor(now: number, settings: GiftCardSettings, tz: string): number | null {
  if (!settings.expiryMonths) return null;
  return Temporal.Instant.fromEpochMilliseconds(now).toZonedDateTimeISO(tz).add({ months: settings.expiryMonths }).epochMilliseconds;
}

export function assertAmount(settings: GiftCardSettings, amount: number): void {
  if (amount < settings.minAmount || amount > settings.maxAmount) {
    throw GiftCardErrors.gift_card_amount_out_of_range({ min: money(settings.minAmount), max: money(settings.maxAmount) });
  }
}

export type SaleLineData =
  | {
      mode: 'new';
      codeHash: string;
      last4: string;
      codeKind: 'generated' | 'scanned';
      amount: number;
      design: string | null;
      recipientName: string | null;
      holderClientId: string | null;
    }
  | { mode: 'reload'; giftCardId: string; last4: string; amount: number };

/** Resolves a gift card line on an open ticket (no writes): the code must be valid and, for a new card, free. */
export async function resolveSaleLine(
  db: Executor,
  input: {
    code: string;
    mode?: 'new' | 'reload' | undefined;
    amount?: number | undefined;
    design?: string | undefined;
    recipientName?: string | undefined;
    holderClientId?: string | undefined;
  },
  now: number,
): Promise<SaleLineData> {
  const { settings } = await loadLedgerSettings(db);
  const gc = settings.giftCards;
  const check = checkCode(input.code);
  if (!check.ok) throw GiftCardErrors.gift_card_code_invalid();
  let amount = input.amount;
  if (input.design) {
    const design = gc.designs.find((d) => d.id === input.design);
    if (!design) throw GiftCardErrors.gift_card_unknown_design();
    amount ??= design.amount ?? undefined;
  }
  if (amount === undefined) throw GiftCardErrors.gift_card_amount_out_of_range({ min: money(gc.minAmount), max: money(gc.maxAmount) });
  assertAmount(gc, amount);
  const hash = hashCode(check.code);
  const existing = await findCardByHash(db, hash);
  if ((input.mode ?? 'new') === 'reload') {
    if (!existing) throw GiftCardErrors.gift_card_unknown();
    assertRedeemable(existing, now);
    return { mode: 'reload', giftCardId: existing.id, last4: existing.code_last4, amount };
  }
  if (existing) throw GiftCardErrors.gift_card_code_taken();
  if (input.holderClientId && !(await db.selectFrom('clients').select('id').where('id', '=', input.holderClientId).executeTakeFirst())) {
    throw PlatformErrors.validation_failed({ fields: 'holderClientId' }, [{ path: 'holderClientId', message: 'no such client' }]);
  }
  return {
    mode: 'new',
    codeHash: hash,
    last4: last4(check.code),
    codeKind: check.kind,
    amount,
    design: input.design ?? null,
    recipientName: input.recipientName ?? null,
    holderClientId: input.holderClientId ?? null,
  };
}

/**
 * Activates (new card) or reloads (existing card) on sale completion: the card row and its sale entry
 * commit with the sale, or not at all. A reload renews the expiry when the business has one.
 */
export async function completeSaleLine(
  tx: Executor,
  data: SaleLineData,
  p: { amount: number; storeId: string; saleId: string; lineRef: string; actorId: string | null; now: number; tz: string },
): Promise<GiftCardRow> {
  const { settings } = await loadLedgerSettings(tx);
  const expiresAt = expiryFor(p.now, settings.giftCards, p.tz);
  if (data.mode === 'reload') {
    const card = await findCard(tx, data.giftCardId);
    if (!card) throw GiftCardErrors.gift_card_unknown();
    assertRedeemable(card, p.now, p.tz);
    await post(tx, [{ accountId: card.account_id, amount: p.amount }], {
      kind: 'reload',
      refType: 'sale_line',
      refId: p.lineRef,
      storeId: p.storeId,
      actorId: p.actorId,
      now: p.now,
      meta: { saleId: p.saleId },
    });
    if (expiresAt !== null)
      await tx
        .updateTable('gift_cards')
        .set({ expires_at: expiresAt, updated_at: p.now, version: card.version + 1 })
        .where('id', '=', card.id)
        .execute();
    return card;
  }
  if (await findCardByHash(tx, data.codeHash)) throw GiftCardErrors.gift_card_code_taken();
  const id = newId();
  const account = await openAccount(tx, { kind: 'gift_card', ownerType: 'gift_card', ownerId: id }, p.now);
  const row: GiftCardRow = {
    id,
    code_hash: data.codeHash,
    code_last4: data.last4,
    code_kind: data.codeKind,
    status: 'active',
    design: data.design,
    initial_amount: p.amount,
    store_id: p.storeId,
    sale_id: p.saleId,
    line_ref: p.lineRef,
    client_id: data.holderClientId,
    recipient_name: data.recipientName,
    account_id: account.id,
    expires_at: expiresAt,
    activated_at: p.now,
    created_by: p.actorId,
    version: 1,
    created_at: p.now,
    updated_at: p.now,
    replaced_by_id: null,
    replaced_at: null,
  };
  await tx.insertInto('gift_cards').values(row).execute();
  await post(tx, [{ accountId: account.id, amount: p.amount }], {
    kind: 'sale',
    refType: 'sale_line',
    refId: p.lineRef,
    storeId: p.storeId,
    actorId: p.actorId,
    now: p.now,
    meta: { saleId: p.saleId },
  });
  return row;
}

/** What of a sold (or reloaded) card line can still be refunded: what it loaded, no more than the card holds. */
export async function refundableOfLine(db: Executor, lineRef: string, lineLeft: number): Promise<number> {
  const loaded = await entriesByRef(db, 'sale_line', lineRef);
  const first = loaded[0];
  if (!first) return 0;
  const account = await findAccountById(db, first.account_id);
  const net = loaded.reduce((a, e) => a + e.amount, 0);
  return Math.max(0, Math.min(lineLeft, net, account?.balance ?? 0));
}

/** Takes back refunded card value (only what is unspent); a card left empty by a refund of its sale is void. */
export async function refundSaleLine(
  tx: Executor,
  p: { lineRef: string; amount: number; storeId: string; actorId: string | null; now: number; refundId: string },
) {
  const loaded = await entriesByRef(tx, 'sale_line', p.lineRef);
  const accountId = loaded[0]?.account_id;
  if (!accountId) return;
  const posted = await post(tx, [{ accountId, amount: -p.amount }], {
    kind: 'sale_refund',
    refType: 'sale_line',
    refId: p.lineRef,
    storeId: p.storeId,
    actorId: p.actorId,
    now: p.now,
    meta: { refundId: p.refundId },
  });
  if ((posted.balances.get(accountId) ?? 0) === 0) {
    await tx
      .updateTable('gift_cards')
      .set({ status: 'void', updated_at: p.now })
      .where('account_id', '=', accountId)
      .where('line_ref', '=', p.lineRef)
      .execute();
  }
}

/** Pays `amount` with a card (a checkout tender): active, not expired, and the balance covers it. */
export async function redeem(
  tx: Executor,
  p: {
    code: string;
    amount: number;
    storeId: string;
    refType: string;
    refId: string;
    clientId: string | null;
    actorId: string | null;
    now: number;
    tz: string;
    meta?: unknown;
  },
) {
  const card = await cardByCode(tx, p.code);
  if (!card) throw GiftCardErrors.gift_card_unknown();
  assertRedeemable(card, p.now, p.tz);
  const posted = await post(tx, [{ accountId: card.account_id, amount: -p.amount }], {
    kind: 'spend',
    refType: p.refType,
    refId: p.refId,
    storeId: p.storeId,
    actorId: p.actorId,
    now: p.now,
    meta: p.meta,
  });
  // The first client to pay with a card that has no holder becomes its holder (balance reminders).
  if (!card.client_id && p.clientId)
    await tx
      .updateTable('gift_cards')
      .set({ client_id: p.clientId, updated_at: p.now })
      .where('id', '=', card.id)
      .where('client_id', 'is', null)
      .execute();
  return { card, balance: posted.balances.get(card.account_id) ?? 0 };
}

/** Gives a refunded card payment back to the card it came from (whatever its state: the money is hers). */
export async function refundRedemption(
  tx: Executor,
  p: { refType: string; refId: string; amount: number; storeId: string; actorId: string | null; now: number; refundId: string },
) {
  const entries = await entriesByRef(tx, p.refType, p.refId);
  const spend = entries.find((e) => e.kind === 'spend');
  if (!spend) throw new Error(`no gift card payment ${p.refType}/${p.refId} to refund`);
  const spent = -entries.filter((e) => e.kind === 'spend').reduce((a, e) => a + e.amount, 0);
  const back = entries.filter((e) => e.kind === 'spend_refund').reduce((a, e) => a + e.amount, 0);
  const amount = Math.min(p.amount, spent - back);
  if (amount <= 0) return;
  await post(tx, [{ accountId: spend.account_id, amount }], {
    kind: 'spend_refund',
    refType: p.refType,
    refId: p.refId,
    storeId: p.storeId,
    actorId: p.actorId,
    now: p.now,
    meta: { refundId: p.refundId },
  });
}

/** A manager's correction with a reason, audited. */
export async function adjustCard(
  tx: Executor,
  card: GiftCardRow,
  p: { amount: number; reason: string; storeId: string | null },
  ctx: AuditContext,
) {
  const posted = await post(tx, [{ accountId: card.account_id, amount: p.amount }], {
    kind: 'adjustment',
    refType: 'adjustment',
    refId: newId(),
    storeId: p.storeId,
    actorId: ctx.actorId,
    reason: p.reason,
    now: ctx.now,
  });
  const balance = posted.balances.get(card.account_id) ?? 0;
  await writeAudit(tx, ctx, {
    action: 'gift_card.adjust',
    entityType: 'gift_card',
    entityId: card.id,
    storeId: p.storeId,
    after: { amount: p.amount, reason: p.reason, balance },
  });
  return balance;
}

/**
 * A lost card replaced by a manager: what is left on it moves to a new card (a generated code, or one
 * scanned from a blank card) in one posting — out of the old account, into the new — the old card is void
 * and points at the new one, audited with the reason. The new card keeps the store that sold the value,
 * its holder and its expiry. The old card's balance is read under the posting's lock, so a payment racing
 * the replacement either lands before it (and less moves) or fails on the void card.
 */
export async function replaceCard(
  tx: Executor,
  card: GiftCardRow,
  p: { code: string; reason: string; storeId: string },
  ctx: AuditContext,
): Promise<{ card: GiftCardRow; moved: number }> {
  assertRedeemable(card, ctx.now);
  const check = checkCode(p.code);
  if (!check.ok) throw GiftCardErrors.gift_card_code_invalid();
  const hash = hashCode(check.code);
  if (await findCardByHash(tx, hash)) throw GiftCardErrors.gift_card_code_taken();
  const id = newId();
  const account = await openAccount(tx, { kind: 'gift_card', ownerType: 'gift_card', ownerId: id }, ctx.now);
  const row: GiftCardRow = {
    ...card,
    id,
    code_hash: hash,
    code_last4: last4(check.code),
    code_kind: check.kind,
    status: 'active',
    sale_id: null,
    line_ref: null,
    account_id: account.id,
    activated_at: ctx.now,
    created_by: ctx.actorId,
    version: 1,
    created_at: ctx.now,
    updated_at: ctx.now,
    replaced_by_id: null,
    replaced_at: null,
  };
  await tx.insertInto('gift_cards').values(row).execute();
  // Void the old card first (guarded: a card is replaced once, even by two managers at the same moment).
  const res = await tx
    .updateTable('gift_cards')
    .set({ status: 'void', replaced_by_id: id, replaced_at: ctx.now, updated_at: ctx.now, version: card.version + 1 })
    .where('id', '=', card.id)
    .where('version', '=', card.version)
    .where('replaced_by_id', 'is', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw PlatformErrors.stale_version();
  const posted = await postToBook(
    tx,
    [card.account_id, account.id],
    {
      kind: 'transfer_out',
      refType: 'gift_card_replacement',
      refId: id,
      storeId: p.storeId,
      actorId: ctx.actorId,
      reason: p.reason,
      now: ctx.now,
    },
    ([left]) =>
      left
        ? [
            { accountId: card.account_id, amount: -left, kind: 'transfer_out' as const },
            { accountId: account.id, amount: left, kind: 'transfer_in' as const },
          ]
        : [],
  );
  const moved = posted.balances.get(account.id) ?? 0;
  await tx.updateTable('gift_cards').set({ initial_amount: moved }).where('id', '=', id).execute();
  const replacement = { ...row, initial_amount: moved };
  await writeAudit(tx, ctx, {
    action: 'gift_card.replace',
    entityType: 'gift_card',
    entityId: card.id,
    storeId: p.storeId,
    before: { id: card.id, last4: card.code_last4 },
    after: { replacedById: id, last4: replacement.code_last4, moved, reason: p.reason },
  });
  return { card: replacement, moved };
}

export function toCardDto(card: GiftCardRow, balance: number, now: number) {
  return {
    id: card.id,
    last4: card.code_last4,
    maskedCode: `•••• ${card.code_last4}`,
    codeKind: card.code_kind,
    status: statusOf(card, now),
    balance,
    initialAmount: card.initial_amount,
    design: card.design,
    storeId: card.store_id,
    saleId: card.sale_id,
    clientId: card.client_id,
    recipientName: card.recipient_name,
    accountId: card.account_id,
    expiresAt: card.expires_at === null ? null : new Date(card.expires_at).toISOString(),
    activatedAt: new Date(card.activated_at).toISOString(),
    replacedById: card.replaced_by_id,
    replacedAt: card.replaced_at === null ? null : new Date(card.replaced_at).toISOString(),
    version: card.version,
  };
}
