// Refunds (whole, lines or an amount) and voids (the whole sale, before its shift closes, that day).
// One transaction: the refund record with its own receipt number, what came back per line / tender / tip,
// the kinds' refund hooks (ledgers re-credit exactly what was spent), audit.
import type { Insertable } from 'kysely';
import type { SaleTipsTable } from '../../db/tables.js';
import type { TxContext } from '../../db/tx.js';
import { writeAudit } from '../../platform/audit.js';
import { PlatformErrors } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { allocate } from '../../platform/money.js';
import { localDate } from '../../platform/zoned-time.js';
import { approvalRequired } from './approval-required.js';
import { SalesErrors } from './errors.js';
import { parseJson, snapshot } from './model.js';
import { centsText } from './pricing.js';
import { planLines, planTenders, type RefundableLine } from './refund-plan.js';
import { allSaleHooks, type HookContext, lineKind, type RefundSnapshot, tenderKind } from './registry.js';
import { linesOf, lockSale, openShiftsOf, refundPartsOf, refundsOf, type SaleRow, takeReceiptNumber, tendersOf, tipsOf } from './repo.js';
import type { RefundCreate, VoidCreate } from './schemas.js';
import { formatReceipt, receiptPrefix } from './settings.js';
import { loadStoreContext, type SalesCtx } from './ticket.js';

type Mode = { kind: 'refund'; body: RefundCreate } | { kind: 'void'; body: VoidCreate };

/** `approverId`: a manager verified by PIN before the transaction (or null). */
export async function refundOrVoid({ tx, afterCommit }: TxContext, id: string, mode: Mode, approverId: string | null, ctx: SalesCtx) {
  const sale = await lockSale(tx, id);
  if (!sale) throw PlatformErrors.not_found();
  if (sale.status !== 'completed') throw SalesErrors.sale_not_completed();
  const sc = await loadStoreContext(tx, sale.store_id);
  const today = localDate(ctx.now, sc.store.time_zone);
  if (mode.kind === 'void') {
    if (sale.refunded_total > 0) throw SalesErrors.sale_has_refunds();
    const shiftOpen = sale.shift_id
      ? (await tx.selectFrom('shifts').select('status').where('id', '=', sale.shift_id).executeTakeFirst())?.status === 'open'
      : true;
    if (!shiftOpen || sale.business_date !== today) throw SalesErrors.void_window_closed();
  }

  const [lineRows, tenderRows, tipRows, earlier] = await Promise.all([
    linesOf(tx, id),
    tendersOf(tx, id),
    tipsOf(tx, id),
    refundsOf(tx, id),
  ]);
  const earlierParts = await refundPartsOf(
    tx,
    earlier.map((r) => r.id),
  );
  const snap = snapshot(sale, lineRows, tenderRows);
  const taxRows = await tx.selectFrom('sale_taxes').select(['line_id', 'code', 'amount']).where('sale_id', '=', id).execute();

  const refundable: RefundableLine[] = [];
  for (const [i, l] of lineRows.entries()) {
    const done = earlierParts.lines.filter((p) => p.line_id === l.id);
    const doneByRate = new Map<string, number>();
    for (const p of done)
      for (const t of parseJson<Array<{ code: string; amount: number }>>(p.taxes, []))
        doneByRate.set(t.code, (doneByRate.get(t.code) ?? 0) + t.amount);
    const kind = lineKind(l.kind);
    const limit = kind?.refundLimit ? await kind.refundLimit(tx, snap.lines[i]!, snap) : undefined;
    refundable.push({
      id: l.id,
      quantity: l.quantity,
      total: l.total,
      tax: l.tax,
      refundedQuantity: l.refunded_quantity,
      refundedAmount: l.refunded_amount,
      refundedTax: done.reduce((a, p) => a + p.tax, 0),
      taxesLeft: taxRows.filter((t) => t.line_id === l.id).map((t) => ({ code: t.code, amount: t.amount - (doneByRate.get(t.code) ?? 0) })),
      limit,
    });
  }

  const body = mode.body;
  const refundBody = mode.kind === 'refund' ? mode.body : null;
  const whole = mode.kind === 'void' || (!refundBody?.lines && refundBody?.amount === undefined);
  const planned = planLines(refundable, mode.kind === 'void' ? {} : { lines: refundBody!.lines, amount: refundBody!.amount });
  const goods = planned.reduce((a, p) => a + p.total, 0);
  const tipLeft = sale.tip_total - earlier.reduce((a, r) => a + r.tip, 0);
  const tip = mode.kind === 'void' ? tipLeft : (refundBody!.tip ?? (whole ? tipLeft : 0));
  if (tip > tipLeft)
    throw SalesErrors.refund_exceeds_paid({ available: centsText(tipLeft) }, [{ path: 'tip', message: `at most ${centsText(tipLeft)}` }]);
  if (goods + tip === 0 && planned.every((p) => p.quantity === 0)) throw SalesErrors.refund_empty();

  const closing =
    tip === tipLeft &&
    refundable.every((l) => {
      const p = planned.find((x) => x.lineId === l.id);
      return l.total - l.refundedAmount - (p?.total ?? 0) === 0;
    });
  const tenders = tenderRows.map((t) => ({ id: t.id, kind: t.kind, cash: !!tenderKind(t.kind)?.cash, left: t.amount - t.refunded_amount }));
  const plan = planTenders(tenders, goods + tip, { closing, currency: sc.currency, asked: refundBody?.tenders });
  const total = goods + tip + plan.cashRounding;

  // Permission: the actor's own, a front desk under the store's limit (refunds only), or a manager's PIN.
  const permission = mode.kind === 'void' ? 'sales.void' : 'sales.refund';
  const own = !ctx.actor || ctx.actor.permissions.has(permission);
  const underLimit = mode.kind === 'refund' && total <= sc.settings.frontDeskRefundLimit;
  if (!own && !underLimit && !approverId) throw approvalRequired(mode.kind, total, sc.currency);

  const cashOut = plan.parts.some((p) => tenders.find((t) => t.id === p.tenderId)!.cash && p.amount > 0);
  let shiftId: string | null = null;
  const shifts = await openShiftsOf(tx, sale.store_id, body.shiftId, cashOut);
  if (cashOut && shifts.length === 0) throw SalesErrors.no_open_shift();
  if (cashOut && shifts.length > 1) throw SalesErrors.shift_required();
  if (shifts.length === 1) shiftId = shifts[0]!.id;

  const number = await takeReceiptNumber(tx, sale.store_id);
  const refund: RefundSnapshot = {
    id: newId(),
    saleId: id,
    kind: mode.kind,
    receiptNumber: number,
    receiptCode: formatReceipt(receiptPrefix(sc.settings, sc.store.slug), number),
    reason: body.reason,
    total,
    tax: planned.reduce((a, p) => a + p.tax, 0),
    tip,
    cashRounding: plan.cashRounding,
    lines: planned.map((p) => ({ lineId: p.lineId, quantity: p.quantity, net: p.net, tax: p.tax, total: p.total })),
    tenders: plan.parts,
    limited: planned.flatMap((p) =>
      p.limitedFrom !== undefined ? [{ lineId: p.lineId, requested: p.limitedFrom, refunded: p.total }] : [],
    ),
    createdAt: ctx.now,
  };
  await tx
    .insertInto('sale_refunds')
    .values({
      id: refund.id,
      sale_id: id,
      store_id: sale.store_id,
      kind: refund.kind,
      receipt_number: number,
      receipt_code: refund.receiptCode,
      reason: refund.reason,
      total,
      tax: refund.tax,
      tip,
      cash_rounding: plan.cashRounding,
      business_date: today,
      shift_id: shiftId,
      created_by: ctx.actorId,
      approved_by: own || underLimit ? null : approverId,
      created_at: ctx.now,
    })
    .execute();
  if (planned.length)
    await tx
      .insertInto('sale_refund_lines')
      .values(
        planned.map((p) => ({
          refund_id: refund.id,
          line_id: p.lineId,
          quantity: p.quantity,
          net: p.net,
          tax: p.tax,
          total: p.total,
          taxes: JSON.stringify(p.taxes),
        })),
      )
      .execute();
  if (plan.parts.length)
    await tx
      .insertInto('sale_refund_tenders')
      .values(
        plan.parts.map((p) => ({
          refund_id: refund.id,
          tender_id: p.tenderId,
          kind: p.kind,
          amount: p.amount,
          shift_id: tenders.find((t) => t.id === p.tenderId)!.cash ? shiftId : null,
        })),
      )
      .execute();
  for (const p of planned) {
    const res = await tx
      .updateTable('sale_lines')
      .set((eb) => ({ refunded_quantity: eb('refunded_quantity', '+', p.quantity), refunded_amount: eb('refunded_amount', '+', p.total) }))
      .where('id', '=', p.lineId)
      .where((eb) => eb('refunded_amount', '<=', eb('total', '-', p.total)))
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw SalesErrors.refund_exceeds_paid({ available: '0.00' });
  }
  for (const p of plan.parts) {
    const res = await tx
      .updateTable('sale_tenders')
      .set((eb) => ({ refunded_amount: eb('refunded_amount', '+', p.amount) }))
      .where('id', '=', p.tenderId)
      .where((eb) => eb('refunded_amount', '<=', eb('amount', '-', p.amount)))
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw SalesErrors.refund_exceeds_paid({ available: '0.00' });
  }
  if (tip > 0)
    await tx
      .insertInto('sale_tips')
      .values(tipReversal(id, tipRows, tip, refund.id, ctx.now))
      .execute();
  await tx
    .updateTable('sales')
    .set({
      refunded_total: sale.refunded_total + total,
      version: sale.version + 1,
      updated_at: ctx.now,
      ...(mode.kind === 'void' ? { status: 'voided', voided_at: ctx.now, voided_by: ctx.actorId, void_reason: body.reason } : {}),
    })
    .where('id', '=', id)
    .execute();

  const after: SaleRow = { ...sale, refunded_total: sale.refunded_total + total, ...(mode.kind === 'void' ? { status: 'voided' } : {}) };
  const snapAfter = snapshot(after, lineRows, tenderRows);
  const hctx: HookContext = {
    storeId: sale.store_id,
    currency: sc.currency,
    clientId: sale.client_id,
    now: ctx.now,
    timeZone: sc.store.time_zone,
    audit: ctx,
    afterCommit,
  };
  for (const p of refund.lines) {
    const line = snapAfter.lines.find((l) => l.id === p.lineId)!;
    await lineKind(line.kind)?.onRefund?.(tx, line, p, refund, snapAfter, hctx);
  }
  for (const p of refund.tenders) {
    const tender = snapAfter.tenders.find((t) => t.id === p.tenderId)!;
    await tenderKind(tender.kind)?.refund?.(tx, tender, p.amount, refund, snapAfter, hctx);
  }
  for (const hook of allSaleHooks()) await hook.onRefund?.(tx, snapAfter, refund, hctx);
  await writeAudit(tx, ctx, {
    action: mode.kind === 'void' ? 'sale.void' : 'sale.refund',
    entityType: 'sale',
    entityId: id,
    storeId: sale.store_id,
    before: { refundedTotal: sale.refunded_total, status: sale.status },
    after: {
      receipt: refund.receiptCode,
      total,
      tip,
      reason: body.reason,
      approvedBy: own || underLimit ? null : approverId,
      tenders: plan.parts,
      ...(refund.limited.length ? { limited: refund.limited } : {}),
    },
  });
  return refund;
}

/** Negative tip rows undoing `tip` over the original (technician, tender) cells, in proportion to what is left of each. */
function tipReversal(
  saleId: string,
  rows: ReadonlyArray<{ staff_id: string; tender_id: string | null; tender_kind: string | null; amount: number }>,
  tip: number,
  refundId: string,
  now: number,
): Insertable<SaleTipsTable>[] {
  const cells = new Map<string, { staffId: string; tenderId: string | null; kind: string | null; left: number }>();
  for (const r of rows) {
    const key = `${r.staff_id}|${r.tender_id}`;
    const c = cells.get(key) ?? { staffId: r.staff_id, tenderId: r.tender_id, kind: r.tender_kind, left: 0 };
    c.left += r.amount;
    cells.set(key, c);
  }
  const list = [...cells.values()].filter((c) => c.left > 0);
  const parts = allocate(
    tip,
    list.map((c) => c.left),
  );
  return list.flatMap((c, i) =>
    parts[i]! > 0
      ? [
          {
            id: newId(),
            sale_id: saleId,
            staff_id: c.staffId,
            tender_id: c.tenderId,
            tender_kind: c.kind,
            amount: -parts[i]!,
            refund_id: refundId,
            created_at: now,
          },
        ]
      : [],
  );
}
