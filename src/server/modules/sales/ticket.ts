// Open tickets: create (walk-in or from an appointment), replace lines, add / remove one line, discard.
// Every save re-prices the whole ticket (pure) and stores each line's amounts, so the ticket on screen is
// always what completion will charge. A stale `version` is 409.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/tables.js';
import { type Executor, withTransaction } from '../../db/tx.js';
import type { Actor } from '../../http/actor.js';
import { type AuditContext, writeAudit } from '../../platform/audit.js';
import { PlatformErrors } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { type Currency, isCurrency } from '../../platform/money.js';
import { appointmentForCheckout } from './appointment-link.js';
import { verifyApproval } from './approval.js';
import { SalesErrors } from './errors.js';
import { applyAutoDiscounts, resolveLines, scopeTicketDiscount, settleApprovals } from './lines.js';
import { lineFromRow, lineRow, parseJson, type TicketLine, toPricingLine } from './model.js';
import { priceTicket } from './pricing.js';
import type { CheckoutContext, DiscountInput } from './registry.js';
import { linesOf, lockSale, replaceLines, type SaleRow, type StoreForSale, storeForSale } from './repo.js';
import type { Approval, LineInput, SaleCreate, SaleUpdate } from './schemas.js';
import { parseSalesSettings, type SalesSettings } from './settings.js';
import { parseTaxSettings, type TaxSettings } from './tax.js';

export type SalesCtx = AuditContext & { actor: Actor | null };

export type StoreContext = { store: StoreForSale; currency: Currency; tax: TaxSettings; settings: SalesSettings };

export async function loadStoreContext(db: Executor, storeId: string): Promise<StoreContext> {
  const store = await storeForSale(db, storeId);
  if (!store) throw PlatformErrors.not_found();
  return storeContextOf(store);
}

// Parsed settings by their stored text: every save and checkout needs them, they rarely change, and
// parsing (zod for the checkout settings) costs more than reading them. Shared: callers only read them.
const parsedSettings = new Map<string, { tax: TaxSettings; settings: SalesSettings }>();

export function storeContextOf(store: StoreForSale): StoreContext {
  const key = `${store.tax_settings}\u0000${store.sales_settings ?? '\u0001'}`;
  let parsed = parsedSettings.get(key);
  if (!parsed) {
    parsed = { tax: parseTaxSettings(store.tax_settings), settings: parseSalesSettings(store.sales_settings) };
    if (parsedSettings.size >= 200) parsedSettings.delete(parsedSettings.keys().next().value!);
    parsedSettings.set(key, parsed);
  }
  return { store, currency: isCurrency(store.currency) ? store.currency : 'USD', tax: parsed.tax, settings: parsed.settings };
}

/** Who may approve discounts in this request: the actor with the permission, else a verified manager PIN. */
async function approverFor(db: Kysely<DB>, ctx: SalesCtx, storeId: string, approval: Approval | undefined): Promise<string | null> {
  if (approval) return verifyApproval(db, approval, storeId, 'sales.discount_override', ctx.now);
  if (!ctx.actor || ctx.actor.permissions.has('sales.discount_override')) return ctx.actorId;
  return null;
}

async function assertClient(tx: Executor, clientId: string | null | undefined): Promise<void> {
  if (!clientId) return;
  const c = await tx.selectFrom('clients').select(['id', 'merged_into_id']).where('id', '=', clientId).executeTakeFirst();
  if (!c || c.merged_into_id) throw SalesErrors.unknown_client({}, [{ path: 'clientId', message: 'unknown client' }]);
}

type Next = { lines: TicketLine[]; discount: DiscountInput | null };

/** Prices `next`, settles approvals, writes the lines and the sale's totals (version + 1), audits. */
async function save(
  tx: Executor,
  sale: SaleRow,
  next: Next,
  prevLines: readonly TicketLine[],
  sc: StoreContext,
  approverId: string | null,
  ctx: SalesCtx,
  isNew: boolean,
) {
  const cctx: CheckoutContext = {
    saleId: sale.id,
    storeId: sale.store_id,
    currency: sc.currency,
    clientId: sale.client_id,
    appointmentId: sale.appointment_id,
    now: ctx.now,
    actorId: ctx.actorId,
  };
  // Discounts a source applies by itself (the client's tier) are settled first, then everything is priced.
  const lines = await applyAutoDiscounts(tx, next.lines, next.discount, cctx);
  const discount = await scopeTicketDiscount(tx, lines, next.discount, cctx);
  const priced = priceTicket(lines.map(toPricingLine), discount, sc.tax);
  const prev = {
    lines: new Map(prevLines.map((l) => [l.id, l])),
    ticketDiscount: parseJson<DiscountInput | null>(sale.ticket_discount, null),
    ticketApprovedBy: sale.discount_approved_by,
  };
  const outcome = await settleApprovals(tx, lines, priced, discount, prev, { approverId, settings: sc.settings }, cctx);
  await replaceLines(
    tx,
    sale.id,
    outcome.lines.map((l, i) => lineRow(sale.id, i, l, priced.lines[i]!)),
  );
  const t = priced.totals;
  const patch = {
    ticket_discount: discount ? JSON.stringify({ ...discount, approvedBy: outcome.ticketApprovedBy }) : null,
    discount_approved_by: outcome.ticketApprovedBy,
    subtotal: t.subtotal,
    discount_total: t.discountTotal,
    tax_total: t.taxTotal,
    total: t.total,
    updated_at: ctx.now,
  };
  if (!isNew) {
    const res = await tx
      .updateTable('sales')
      .set({ ...patch, client_id: sale.client_id, label: sale.label, note: sale.note, version: sale.version + 1 })
      .where('id', '=', sale.id)
      .where('version', '=', sale.version)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw PlatformErrors.stale_version();
  } else {
    await tx.updateTable('sales').set(patch).where('id', '=', sale.id).execute();
  }
  for (const o of outcome.overrides)
    await writeAudit(tx, ctx, { action: 'sale.price_override', entityType: 'sale', entityId: sale.id, storeId: sale.store_id, after: o });
  for (const a of outcome.approvals)
    await writeAudit(tx, ctx, {
      action: 'sale.discount_approved',
      entityType: 'sale',
      entityId: sale.id,
      storeId: sale.store_id,
      after: a,
    });
}

export async function createTicket(db: Kysely<DB>, input: SaleCreate, ctx: SalesCtx): Promise<string> {
  const approverId = await approverFor(db, ctx, input.storeId, input.approval);
  return withTransaction(db, ({ tx }) => openTicket(tx, input, approverId, ctx));
}

/** Opens a ticket inside the caller's transaction (`approverId`: who may approve discounts, if anyone). */
export async function openTicket(tx: Executor, input: SaleCreate, approverId: string | null, ctx: SalesCtx): Promise<string> {
  {
    const sc = await loadStoreContext(tx, input.storeId);
    let clientId = input.clientId ?? null;
    let lineInputs: LineInput[] = input.lines ?? [];
    let bookedPrices: number[] = [];
    if (input.appointmentId) {
      const appt = await appointmentForCheckout(tx, input.appointmentId, input.storeId);
      const taken = await tx
        .selectFrom('sales')
        .select('id')
        .where('appointment_id', '=', appt.id)
        .where('status', 'in', ['open', 'completed'])
        .executeTakeFirst();
      if (taken) throw SalesErrors.appointment_on_ticket();
      if (input.clientId === undefined) clientId = appt.clientId;
      if (!input.lines) {
        lineInputs = appt.lines.flatMap((l) => [
          { kind: 'service', serviceId: l.serviceId, technicians: [{ staffId: l.staffId }], appointmentLineId: l.id },
          ...(l.addOns ?? []).map((a) => ({ kind: 'add_on', addOnId: a.addOnId, staffId: l.staffId })),
        ]);
        bookedPrices = appt.lines.flatMap((l) => [l.price, ...(l.addOns ?? []).map((a) => a.price)]);
      }
    }
    await assertClient(tx, clientId);
    const sale: SaleRow = {
      id: newId(),
      store_id: input.storeId,
      status: 'open',
      label: input.label ?? null,
      client_id: clientId,
      appointment_id: input.appointmentId ?? null,
      currency: sc.currency,
      note: input.note ?? null,
      ticket_discount: null,
      discount_approved_by: null,
      subtotal: 0,
      discount_total: 0,
      tax_total: 0,
      tip_total: 0,
      total: 0,
      cash_rounding: 0,
      amount_paid: 0,
      change_due: 0,
      refunded_total: 0,
      receipt_number: null,
      receipt_code: null,
      business_date: null,
      shift_id: null,
      email_receipt: 0,
      receipt_language: null,
      created_by: ctx.actorId,
      completed_by: null,
      completed_at: null,
      voided_by: null,
      voided_at: null,
      void_reason: null,
      version: 1,
      created_at: ctx.now,
      updated_at: ctx.now,
    };
    await tx.insertInto('sales').values(sale).execute();
    const cctx: CheckoutContext = {
      saleId: sale.id,
      storeId: sale.store_id,
      currency: sc.currency,
      clientId,
      appointmentId: sale.appointment_id,
      now: ctx.now,
      actorId: ctx.actorId,
    };
    let lines = await resolveLines(tx, lineInputs, new Map(), cctx);
    // An appointment's quoted prices are the ticket's list prices.
    if (bookedPrices.length) lines = lines.map((l, i) => ({ ...l, listPrice: bookedPrices[i]!, unitPrice: bookedPrices[i]! }));
    await save(tx, sale, { lines, discount: input.discount ?? null }, [], sc, approverId, ctx, true);
    await writeAudit(tx, ctx, {
      action: 'sale.open',
      entityType: 'sale',
      entityId: sale.id,
      storeId: sale.store_id,
      after: { appointmentId: sale.appointment_id, clientId, lines: lines.length },
    });
    return sale.id;
  }
}

async function loadOpen(tx: Executor, id: string, version: number | undefined): Promise<SaleRow> {
  const sale = await lockSale(tx, id);
  if (!sale) throw PlatformErrors.not_found();
  if (sale.status !== 'open') throw SalesErrors.sale_not_open({ status: sale.status });
  if (version !== undefined && version !== sale.version) throw PlatformErrors.stale_version();
  return sale;
}

/** Store of a sale, for the route's store check before any work. */
export async function storeOfSale(db: Executor, id: string): Promise<string> {
  const row = await db.selectFrom('sales').select('store_id').where('id', '=', id).executeTakeFirst();
  if (!row) throw PlatformErrors.not_found();
  return row.store_id;
}

export async function updateTicket(db: Kysely<DB>, id: string, storeId: string, input: SaleUpdate, ctx: SalesCtx): Promise<void> {
  const approverId = await approverFor(db, ctx, storeId, input.approval);
  await withTransaction(db, async ({ tx }) => {
    const sale = await loadOpen(tx, id, input.version);
    if (input.clientId !== undefined) await assertClient(tx, input.clientId);
    const next: SaleRow = {
      ...sale,
      client_id: input.clientId !== undefined ? input.clientId : sale.client_id,
      label: input.label !== undefined ? input.label : sale.label,
      note: input.note !== undefined ? input.note : sale.note,
    };
    const sc = await loadStoreContext(tx, sale.store_id);
    const prevLines = (await linesOf(tx, id)).map(lineFromRow);
    const cctx: CheckoutContext = {
      saleId: id,
      storeId: sale.store_id,
      currency: sc.currency,
      clientId: next.client_id,
      appointmentId: sale.appointment_id,
      now: ctx.now,
      actorId: ctx.actorId,
    };
    const lines = input.lines ? await resolveLines(tx, input.lines, new Map(prevLines.map((l) => [l.id, l])), cctx) : prevLines;
    const discount = input.discount !== undefined ? input.discount : parseJson<DiscountInput | null>(sale.ticket_discount, null);
    await save(tx, next, { lines, discount }, prevLines, sc, approverId, ctx, false);
  });
}

export async function addLine(
  db: Kysely<DB>,
  id: string,
  storeId: string,
  input: { version: number; line: LineInput; approval?: Approval | undefined },
  ctx: SalesCtx,
) {
  const approverId = await approverFor(db, ctx, storeId, input.approval);
  await withTransaction(db, async ({ tx }) => {
    const sale = await loadOpen(tx, id, input.version);
    const sc = await loadStoreContext(tx, sale.store_id);
    const prevLines = (await linesOf(tx, id)).map(lineFromRow);
    const cctx: CheckoutContext = {
      saleId: id,
      storeId: sale.store_id,
      currency: sc.currency,
      clientId: sale.client_id,
      appointmentId: sale.appointment_id,
      now: ctx.now,
      actorId: ctx.actorId,
    };
    const [line] = await resolveLines(tx, [input.line], new Map(), cctx, 'line');
    await save(
      tx,
      sale,
      { lines: [...prevLines, line!], discount: parseJson<DiscountInput | null>(sale.ticket_discount, null) },
      prevLines,
      sc,
      approverId,
      ctx,
      false,
    );
  });
}

export async function removeLine(db: Kysely<DB>, id: string, lineId: string, version: number, ctx: SalesCtx) {
  await withTransaction(db, async ({ tx }) => {
    const sale = await loadOpen(tx, id, version);
    const sc = await loadStoreContext(tx, sale.store_id);
    const prevLines = (await linesOf(tx, id)).map(lineFromRow);
    if (!prevLines.some((l) => l.id === lineId)) throw PlatformErrors.not_found();
    const discount = parseJson<DiscountInput | null>(sale.ticket_discount, null);
    const approverId = ctx.actor && !ctx.actor.permissions.has('sales.discount_override') ? null : ctx.actorId;
    await save(tx, sale, { lines: prevLines.filter((l) => l.id !== lineId), discount }, prevLines, sc, approverId, ctx, false);
  });
}

/** Throws the open ticket away (no receipt number was taken, so nothing leaves a gap). */
export async function discardTicket(db: Kysely<DB>, id: string, version: number, ctx: SalesCtx) {
  await withTransaction(db, async ({ tx }) => {
    const sale = await loadOpen(tx, id, version);
    await tx
      .updateTable('sales')
      .set({ status: 'discarded', version: sale.version + 1, updated_at: ctx.now })
      .where('id', '=', id)
      .execute();
    await writeAudit(tx, ctx, {
      action: 'sale.discard',
      entityType: 'sale',
      entityId: id,
      storeId: sale.store_id,
      before: { total: sale.total },
    });
  });
}
