// Completing a sale: ONE transaction writes the lines' final amounts, taxes, tips, tenders, runs the kinds'
// hooks, completes the appointment, queues the emailed receipt, and last takes the receipt number, audits
// and stores the idempotency key (on PostgreSQL, with the COMMIT: see finishCompletion). Any
// refusal (payment mismatch, a ledger's insufficient balance…) rolls all of it back: nothing is written.
import type { Insertable } from 'kysely';
import { z } from 'zod';
import type { SaleLineStaffTable, SaleTaxesTable, SaleTipsTable } from '../../db/tables.js';
import type { TxContext } from '../../db/tx.js';
import { assertStore } from '../../http/actor.js';
import { auditRow } from '../../platform/audit.js';
import { PlatformErrors } from '../../platform/errors.js';
import type { KeyRow, WriteResult } from '../../platform/idempotency.js';
import { newId } from '../../platform/ids.js';
import { allocate } from '../../platform/money.js';
import { enqueueMessage } from '../../platform/notifications/index.js';
import { localDate } from '../../platform/zoned-time.js';
import { completeAppointmentFromSale } from './appointment-link.js';
import { saleDto } from './dto.js';
import { SalesErrors } from './errors.js';
import { zodToValidation } from './lines.js';
import { lineFromRow, snapshot, toPricingLine } from './model.js';
import { priceTicket, serviceWeights } from './pricing.js';
import { receiptEmail } from './receipt.js';
import { allSaleHooks, type HookContext, lineKind, type TenderKind, tenderKind } from './registry.js';
import {
  type CompletionPatch,
  fillReceipt,
  finishCompletion,
  insertCompletionDetails,
  type LineRow,
  loadForCompletion,
  openShiftsOf,
  RECEIPT_CODE_MARK,
  RECEIPT_NUMBER_MARK,
  type Receipt,
  type SaleRow,
  type TenderRow,
} from './repo.js';
import { type SaleComplete, tenderCommon } from './schemas.js';
import { receiptPrefix } from './settings.js';
import { staffAtStore } from './staff.js';
import { rateName, rateNamesJson } from './tax.js';
import { settleTenders } from './tenders.js';
import { type SalesCtx, storeContextOf } from './ticket.js';
import { splitTip, tenderTipParts, tipAmount, tipsByTender } from './tips.js';

const TENDER_KEYS = new Set(Object.keys(tenderCommon));
const tenderSchemas = new WeakMap<TenderKind, z.ZodType>();
function tenderSchemaOf(kind: TenderKind): z.ZodType {
  let s = tenderSchemas.get(kind);
  if (!s) {
    s = z.strictObject({ ...tenderCommon, ...kind.schema.shape });
    tenderSchemas.set(kind, s);
  }
  return s;
}

type ParsedTender = { kind: TenderKind; amount: number; tip: number | undefined; data: Record<string, unknown> };

function parseTenders(inputs: SaleComplete['tenders']): ParsedTender[] {
  const out = inputs.map((raw, i) => {
    const kind = tenderKind(raw.kind);
    const path = `tenders.${i}`;
    if (!kind)
      throw PlatformErrors.validation_failed({ fields: `${path}.kind` }, [
        { path: `${path}.kind`, message: `unknown tender "${raw.kind}"` },
      ]);
    const parsed = tenderSchemaOf(kind).safeParse(raw);
    if (!parsed.success) throw zodToValidation(parsed.error, path);
    const v = parsed.data as { amount: number; tip?: number } & Record<string, unknown>;
    return { kind, amount: v.amount, tip: v.tip, data: Object.fromEntries(Object.entries(v).filter(([k]) => !TENDER_KEYS.has(k))) };
  });
  if (out.filter((t) => t.kind.cash).length > 1)
    throw PlatformErrors.validation_failed({ fields: 'tenders' }, [{ path: 'tenders', message: 'at most one cash tender' }]);
  return out;
}

/**
 * Completes an open sale in the caller's transaction. `key` is the request's idempotency key row: the last
 * statement stores it, with the receipt number filled in (see finishCompletion).
 */
export async function completeSale(
  { tx, afterCommit }: TxContext,
  key: KeyRow | null,
  id: string,
  body: SaleComplete,
  ctx: SalesCtx & { lang: 'en' | 'zh-CN' | 'zh-TW' },
): Promise<WriteResult> {
  // Cash in the body share-locks the drawer's shift (see openShiftsOf); the read that follows the lock
  // below catches a body whose cash turns out to move nothing, or a lock that was not taken.
  const cashInBody = body.tenders.some((t) => tenderKind(t.kind)?.cash && t.amount > 0);
  const found = await loadForCompletion(tx, id, { shiftId: body.shiftId, lockShifts: cashInBody });
  if (!found) throw PlatformErrors.not_found();
  const { sale, store, lines: rows } = found;
  if (ctx.actor) assertStore(ctx.actor, sale.store_id);
  if (sale.status === 'completed' || sale.status === 'voided')
    throw SalesErrors.sale_already_completed({ receipt: sale.receipt_code ?? '' });
  if (sale.status !== 'open') throw SalesErrors.sale_not_open({ status: sale.status });
  if (sale.version !== body.version) throw PlatformErrors.stale_version();
  const tenders = parseTenders(body.tenders);

  if (!store) throw PlatformErrors.not_found();
  const sc = storeContextOf(store);
  if (rows.length === 0) throw SalesErrors.empty_ticket();
  const ticketLines = rows.map(lineFromRow);
  const pricingLines = ticketLines.map(toPricingLine);
  const priced = priceTicket(pricingLines, sale.ticket_discount ? JSON.parse(sale.ticket_discount) : null, sc.tax);
  const totals = priced.totals;

  // Tips: amount, split among technicians, and laid over the tenders.
  const tip = tipAmount(body.tip, totals.tipBase);
  const split = body.tip?.split ?? 'share';
  const perStaff = splitTip(tip, split, serviceWeights(pricingLines, priced.lines), body.tip?.allocations);
  if (split === 'manual' && perStaff.length) {
    const found = await staffAtStore(
      tx,
      sale.store_id,
      perStaff.map((p) => p.staffId),
    );
    const bad = perStaff.findIndex((p) => !found.has(p.staffId));
    if (bad >= 0)
      throw SalesErrors.technician_cannot_perform({}, [
        { path: `tip.allocations.${bad}.staffId`, message: 'not an active staff member of this store' },
      ]);
  }
  const settlement = settleTenders(
    totals.total + tip,
    tenders.map((t) => ({ amount: t.amount, cash: !!t.kind.cash })),
    sc.currency,
  );
  const tenderTips = tenderTipParts(
    tip,
    tenders.map((t) => t.tip),
    settlement.tenders.map((s) => s.applied),
  );
  const tipCells = tipsByTender(perStaff, tenderTips);

  // The drawer: cash needs an open shift; any sale is tied to the store's only open shift for voids.
  const hasCash = tenders.some((t, i) => t.kind.cash && settlement.tenders[i]!.tendered > 0);
  const shifts = hasCash === cashInBody ? found.shifts : await openShiftsOf(tx, sale.store_id, body.shiftId, hasCash);
  if (hasCash && shifts.length === 0) throw SalesErrors.no_open_shift();
  if (hasCash && shifts.length > 1) throw SalesErrors.shift_required();
  const shiftId = shifts.length === 1 ? shifts[0]!.id : null;

  // Lines whose amounts moved since the last save (tax settings changed meanwhile) are brought up to date.
  const lineRows: LineRow[] = [];
  for (const [i, r] of rows.entries()) {
    const p = priced.lines[i]!;
    const next = {
      ...r,
      gross: p.gross,
      line_discount: p.lineDiscount,
      ticket_discount: p.ticketDiscount,
      net: p.net,
      tax: p.tax,
      total: p.total,
      pre_tax: p.preTax,
    };
    if (
      next.net !== r.net ||
      next.tax !== r.tax ||
      next.total !== r.total ||
      next.pre_tax !== r.pre_tax ||
      next.ticket_discount !== r.ticket_discount
    ) {
      const { id: lineId, sale_id: _sid, ...cols } = next;
      await tx.updateTable('sale_lines').set(cols).where('id', '=', lineId).execute();
    }
    lineRows.push(next);
  }

  const staffRows: Insertable<SaleLineStaffTable>[] = [];
  const taxRows: Insertable<SaleTaxesTable>[] = [];
  lineRows.forEach((r, i) => {
    const staff = ticketLines[i]!.staff;
    if (staff.length) {
      const parts = allocate(
        r.pre_tax,
        staff.map((s) => s.shareBp),
      );
      for (const [j, s] of staff.entries())
        staffRows.push({ line_id: r.id, sale_id: id, staff_id: s.staffId, share_bp: s.shareBp, amount: parts[j]! });
    }
    for (const t of priced.lines[i]!.taxes) {
      if (t.amount === 0) continue;
      const rate = sc.tax.rates.find((x) => x.code === t.code)!;
      taxRows.push({
        sale_id: id,
        line_id: r.id,
        code: t.code,
        name: rateName(rate, 'en'),
        name_translations: rateNamesJson(rate),
        rate: rate.rate,
        amount: t.amount,
      });
    }
  });
  const tenderRows: TenderRow[] = tenders.map((t, i) => ({
    id: newId(),
    sale_id: id,
    position: i,
    kind: t.kind.kind,
    amount: settlement.tenders[i]!.applied,
    tendered: settlement.tenders[i]!.tendered,
    change_due: settlement.tenders[i]!.change,
    tip: tenderTips[i]!,
    data: JSON.stringify(t.data),
    refunded_amount: 0,
    shift_id: t.kind.cash ? shiftId : null,
    created_at: ctx.now,
  }));
  const tipRows: Insertable<SaleTipsTable>[] = tipCells.map((c) => ({
    id: newId(),
    sale_id: id,
    staff_id: c.staffId,
    tender_id: tenderRows[c.tender]!.id,
    tender_kind: tenderRows[c.tender]!.kind,
    amount: c.amount,
    refund_id: null,
    created_at: ctx.now,
  }));
  const patch: CompletionPatch = {
    status: 'completed',
    subtotal: totals.subtotal,
    discount_total: totals.discountTotal,
    tax_total: totals.taxTotal,
    total: totals.total,
    tip_total: tip,
    cash_rounding: settlement.cashRounding,
    amount_paid: settlement.paid,
    change_due: settlement.change,
    business_date: localDate(ctx.now, sc.store.time_zone),
    shift_id: shiftId,
    email_receipt: body.emailReceipt ? 1 : 0,
    receipt_language: body.receiptLanguage ?? null,
    completed_by: ctx.actorId,
    completed_at: ctx.now,
    version: sale.version + 1,
    updated_at: ctx.now,
  };
  const prefix = receiptPrefix(sc.settings, sc.store.slug);
  await insertCompletionDetails(tx, { staff: staffRows, taxes: taxRows, tenders: tenderRows, tips: tipRows });
  // The receipt number is taken last (finishCompletion): until then the hooks see none, and what is
  // written with it (audit, emailed receipt, the answer) carries its marks.
  const completed: SaleRow = { ...sale, ...patch };

  // Hooks of the kinds (ledgers, packages): inside this transaction, in a fixed order.
  const snap = snapshot(completed, lineRows, tenderRows);
  const hctx: HookContext = {
    storeId: sale.store_id,
    currency: sc.currency,
    clientId: sale.client_id,
    now: ctx.now,
    timeZone: sc.store.time_zone,
    audit: ctx,
    afterCommit,
  };
  for (const line of snap.lines) await lineKind(line.kind)?.onComplete?.(tx, line, snap, hctx);
  for (const [i, tender] of snap.tenders.entries()) {
    const extra = await tenders[i]!.kind.apply?.(tx, tender, snap, hctx);
    if (extra && Object.keys(extra).length) {
      tender.data = { ...tender.data, ...extra };
      tenderRows[i]!.data = JSON.stringify(tender.data);
      await tx.updateTable('sale_tenders').set({ data: tenderRows[i]!.data }).where('id', '=', tender.id).execute();
    }
  }
  for (const hook of allSaleHooks()) await hook.onComplete?.(tx, snap, hctx);

  if (sale.appointment_id) await completeAppointmentFromSale(tx, sale.appointment_id, id, ctx);

  const marked: SaleRow = { ...completed, receipt_number: RECEIPT_NUMBER_MARK as unknown as number, receipt_code: RECEIPT_CODE_MARK };
  const jobIds: string[] = [];
  if (body.emailReceipt && sale.client_id) {
    const email = await receiptEmail(tx, marked, sc, body.receiptLanguage);
    if (email) jobIds.push(await enqueueMessage(tx, email, ctx.now, afterCommit));
  }
  const dtoCtx = { timeZone: sc.store.time_zone, tax: sc.tax, settings: sc.settings, lang: ctx.lang };
  const dto = saleDto(marked, lineRows, dtoCtx, { tenders: tenderRows, tips: tipRows as never, taxes: taxRows as never, refunds: [] });
  const json = JSON.stringify(dto);
  const audit = auditRow(ctx, {
    action: 'sale.complete',
    entityType: 'sale',
    entityId: id,
    storeId: sale.store_id,
    after: {
      receipt: RECEIPT_CODE_MARK,
      total: totals.total,
      tip,
      cashRounding: settlement.cashRounding,
      tenders: tenderRows.map((t) => ({ kind: t.kind, amount: t.amount })),
    },
  });
  let receipt: Receipt | undefined;
  await finishCompletion(
    tx,
    {
      sale: { id, storeId: sale.store_id, receiptPrefix: prefix },
      patch,
      audit,
      jobIds,
      key: key && { ...key, status_code: 200, response: json },
    },
    (taken) => {
      receipt = taken;
      dto.receiptNumber = taken.number;
      dto.receiptCode = taken.code;
    },
  );
  return { status: 200, body: dto, committedJson: () => fillReceipt(json, receipt!) };
}
