// Points operations inside the caller's transaction: earn at sale completion, reverse on refund, redeem
// as a tender or a ticket discount (and give back on refund), manual adjustments. One ledger account per
// client (kind points); every debit is the ledger's guarded update, so points never go below zero.
import type { Executor } from '../../db/tx.js';
import { type AuditContext, writeAudit } from '../../platform/audit.js';
import { newId } from '../../platform/ids.js';
import { localDate } from '../../platform/zoned-time.js';
import {
  currentClientId,
  entriesByRef,
  findAccount,
  findAccountById,
  type LedgerEntry,
  loadLedgerSettings,
  openAccount,
  type PointsSettings,
  post,
} from '../ledgers/index.js';
import type { SaleSnapshot } from '../sales/index.js';
import { type EarnLine, earnForLines, pointsForCents, shareAfter } from './earn.js';
import { PointsErrors } from './errors.js';

export const openPoints = (db: Executor, clientId: string, now: number) =>
  openAccount(db, { kind: 'points', ownerType: 'client', ownerId: clientId }, now);
export const findPoints = (db: Executor, clientId: string) => findAccount(db, 'points', clientId);

// Tiers (or anything else) may multiply what a client earns; tiers registers itself here at load.
type MultiplierProvider = (db: Executor, clientId: string) => Promise<number>;
let multiplierProvider: MultiplierProvider = async () => 10_000;
export function registerEarnMultiplier(fn: MultiplierProvider): void {
  multiplierProvider = fn;
}

const metaOf = <T>(e: LedgerEntry): T | null => (e.meta ? (JSON.parse(e.meta) as T) : null);

/** The lines of a completed sale as the earn rules see them (service category looked up). */
export async function earnLines(db: Executor, sale: SaleSnapshot): Promise<EarnLine[]> {
  const serviceIds = sale.lines.filter((l) => l.kind === 'service' && l.refId).map((l) => l.refId!);
  const cats = serviceIds.length
    ? await db.selectFrom('services').select(['id', 'category_id']).where('id', 'in', serviceIds).execute()
    : [];
  const catOf = new Map(cats.map((c) => [c.id, c.category_id]));
  // Value paid with points earns nothing: scale the lines by the share of the payment made otherwise.
  const pointsPaid = sale.tenders.filter((t) => t.kind === 'points').reduce((a, t) => a + t.amount, 0);
  const paid = sale.amountPaid;
  return sale.lines.map((l) => ({
    lineId: l.id,
    kind: l.kind,
    itemId: l.refId,
    categoryId: l.kind === 'service' && l.refId ? (catOf.get(l.refId) ?? null) : null,
    amount: pointsPaid > 0 && paid > 0 ? shareAfter(l.preTax, paid - pointsPaid, paid) : l.preTax,
  }));
}

/** Points earned by a completed sale (nothing without a client or with points turned off). */
export async function earnForSale(tx: Executor, sale: SaleSnapshot, p: { actorId: string | null; now: number; tz: string }) {
  if (!sale.clientId) return 0;
  const { settings } = await loadLedgerSettings(tx);
  if (!settings.points.enabled) return 0;
  const multiplierBp = await multiplierProvider(tx, sale.clientId);
  const lines = await earnLines(tx, sale);
  const earned = earnForLines(lines, settings.points, { storeId: sale.storeId, localDate: localDate(p.now, p.tz), multiplierBp });
  if (earned.total <= 0) return 0;
  const account = await openPoints(tx, sale.clientId, p.now);
  await post(tx, [{ accountId: account.id, amount: earned.total }], {
    kind: 'earn',
    refType: 'sale',
    refId: sale.id,
    storeId: sale.storeId,
    actorId: p.actorId,
    now: p.now,
    meta: { lines: earned.perLine, multiplierBp },
  });
  return earned.total;
}

/**
 * Reverses the points a refunded part of a sale earned, line by line, exactly: after a line is fully
 * refunded, all its points are reversed. Points already spent cannot go below zero: what the balance
 * cannot cover is recorded as a shortfall in the entry, not taken.
 */
export async function reverseForRefund(
  tx: Executor,
  sale: SaleSnapshot,
  refund: { id: string; lines: Array<{ lineId: string; total: number }> },
  p: { storeId: string; actorId: string | null; now: number },
) {
  const entries = await entriesByRef(tx, 'sale', sale.id);
  const earn = entries.find((e) => e.kind === 'earn');
  if (!earn) return 0;
  const perLine = metaOf<{ lines: Record<string, number> }>(earn)?.lines ?? {};
  const done: Record<string, { cents: number; points: number }> = {};
  for (const e of entries.filter((x) => x.kind === 'earn_reversal')) {
    for (const [lineId, v] of Object.entries(metaOf<{ lines: Record<string, { cents: number; points: number }> }>(e)?.lines ?? {})) {
      done[lineId] ??= { cents: 0, points: 0 };
      const d = done[lineId];
      d.cents += v.cents;
      d.points += v.points;
    }
  }
  const lines: Record<string, { cents: number; points: number }> = {};
  let due = 0;
  for (const part of refund.lines) {
    const earned = perLine[part.lineId];
    const line = sale.lines.find((l) => l.id === part.lineId);
    if (!earned || !line || part.total <= 0) continue;
    const before = done[part.lineId] ?? { cents: 0, points: 0 };
    const target = shareAfter(earned, before.cents + part.total, line.total);
    const points = Math.max(0, target - before.points);
    lines[part.lineId] = { cents: part.total, points };
    due += points;
  }
  if (due <= 0) return 0;
  // From the card the points live on now (a merged card's points moved to the kept one).
  const owner = await currentClientId(tx, sale.clientId ?? (await findAccountById(tx, earn.account_id))!.owner_id);
  const account = await openPoints(tx, owner, p.now);
  const take = Math.min(due, account.balance);
  const meta = { lines, refundId: refund.id, ...(take < due ? { shortfall: due - take } : {}) };
  if (take > 0) {
    await post(tx, [{ accountId: account.id, amount: -take }], {
      kind: 'earn_reversal',
      refType: 'sale',
      refId: sale.id,
      storeId: p.storeId,
      actorId: p.actorId,
      now: p.now,
      meta,
    });
  }
  return take;
}

/** Checks a redemption against the settings; returns the points it costs. */
export function redemptionCost(settings: PointsSettings, cents: number): number {
  if (!settings.enabled) throw PointsErrors.points_disabled();
  const points = pointsForCents(cents, settings.redeem.pointsPerDollar);
  if (points < settings.redeem.minPoints) throw PointsErrors.points_below_minimum({ min: settings.redeem.minPoints, points });
  return points;
}

/** Pays `cents` with points (a tender or a ticket discount). 422 insufficient_balance in points when short. */
export async function redeem(
  tx: Executor,
  p: {
    clientId: string;
    cents: number;
    points?: number;
    refType: string;
    refId: string;
    storeId: string;
    actorId: string | null;
    now: number;
    meta?: unknown;
  },
) {
  const { settings } = await loadLedgerSettings(tx);
  const points = p.points ?? redemptionCost(settings.points, p.cents);
  const account = await openPoints(tx, p.clientId, p.now);
  const posted = await post(tx, [{ accountId: account.id, amount: -points }], {
    kind: 'redeem',
    refType: p.refType,
    refId: p.refId,
    storeId: p.storeId,
    actorId: p.actorId,
    now: p.now,
    meta: { cents: p.cents, ...((p.meta as object) ?? {}) },
  });
  return { points, balance: posted.balances.get(account.id) ?? 0 };
}

/** Gives back the points of a refunded redemption, in proportion, exact once it is refunded in full. */
export async function refundRedemption(
  tx: Executor,
  p: { refType: string; refId: string; cents: number; storeId: string; actorId: string | null; now: number; refundId: string },
) {
  const entries = await entriesByRef(tx, p.refType, p.refId);
  const redeemed = entries.find((e) => e.kind === 'redeem');
  if (!redeemed) return 0;
  const whole = metaOf<{ cents: number }>(redeemed)?.cents ?? 0;
  const points = -redeemed.amount;
  const prior = entries.filter((e) => e.kind === 'redeem_refund');
  const centsBefore = prior.reduce((a, e) => a + (metaOf<{ cents: number }>(e)?.cents ?? 0), 0);
  const pointsBefore = prior.reduce((a, e) => a + e.amount, 0);
  const back = shareAfter(points, centsBefore + p.cents, whole) - pointsBefore;
  if (back <= 0) return 0;
  const from = await findAccountById(tx, redeemed.account_id);
  const account = await openPoints(tx, await currentClientId(tx, from!.owner_id), p.now);
  await post(tx, [{ accountId: account.id, amount: back }], {
    kind: 'redeem_refund',
    refType: p.refType,
    refId: p.refId,
    storeId: p.storeId,
    actorId: p.actorId,
    now: p.now,
    meta: { cents: p.cents, refundId: p.refundId },
  });
  return back;
}

/** A manager's correction with a reason, audited. */
export async function adjustPoints(
  tx: Executor,
  p: { clientId: string; amount: number; reason: string; storeId: string | null },
  ctx: AuditContext,
) {
  const account = await openPoints(tx, p.clientId, ctx.now);
  const posted = await post(tx, [{ accountId: account.id, amount: p.amount }], {
    kind: 'adjustment',
    refType: 'adjustment',
    refId: newId(),
    storeId: p.storeId,
    actorId: ctx.actorId,
    reason: p.reason,
    now: ctx.now,
  });
  const balance = posted.balances.get(account.id) ?? 0;
  await writeAudit(tx, ctx, {
    action: 'points.adjust',
    entityType: 'client',
    entityId: p.clientId,
    storeId: p.storeId,
    after: { amount: p.amount, reason: p.reason, balance },
  });
  return { amount: p.amount, reason: p.reason, balance };
}
