// Reading sales for the API, and the route-facing wrappers that verify approvals before transactions.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/tables.js';
import type { Executor } from '../../db/tx.js';
import { AppError, PlatformErrors } from '../../platform/errors.js';
import type { Language } from '../../platform/i18n.js';
import { runIdempotent } from '../../platform/idempotency.js';
import { decodeCursor, toPage } from '../../platform/pagination.js';
import { toZonedIso } from '../../platform/zoned-time.js';
import { clientRowName } from '../clients/index.js';
import { verifyApproval } from './approval.js';
import { completeSale } from './complete.js';
import { saleDto } from './dto.js';
import { refundOrVoid } from './refunds.js';
import { findSale, linesOf, refundsOf, taxesOf, tendersOf, tipsOf } from './repo.js';
import type { RefundCreate, SaleComplete, saleListQuery, VoidCreate } from './schemas.js';
import { loadStoreContext, type SalesCtx } from './ticket.js';

export async function loadSaleDto(db: Executor, id: string, lang: Language) {
  const sale = await findSale(db, id);
  if (!sale) throw PlatformErrors.not_found();
  const sc = await loadStoreContext(db, sale.store_id);
  const c = { timeZone: sc.store.time_zone, tax: sc.tax, settings: sc.settings, lang };
  const lines = await linesOf(db, id);
  if (sale.status === 'open' || sale.status === 'discarded') return saleDto(sale, lines, c);
  const [tenders, tips, taxes, refunds] = await Promise.all([tendersOf(db, id), tipsOf(db, id), taxesOf(db, id), refundsOf(db, id)]);
  return saleDto(sale, lines, c, { tenders, tips, taxes, refunds });
}

/** A page of sales with each one's client name and completion instant: one query (clients and store joined). */
export async function listSales(db: Executor, q: z.infer<typeof saleListQuery>) {
  let query = db
    .selectFrom('sales')
    .innerJoin('stores', 'stores.id', 'sales.store_id')
    .leftJoin('clients', 'clients.id', 'sales.client_id')
    .selectAll('sales')
    .select(['stores.time_zone', 'clients.first_name', 'clients.last_name', 'clients.preferred_name'])
    .where('sales.store_id', '=', q.storeId);
  if (q.status) query = query.where('sales.status', '=', q.status);
  if (q.clientId) query = query.where('sales.client_id', '=', q.clientId);
  if (q.from) query = query.where('sales.business_date', '>=', q.from);
  if (q.to) query = query.where('sales.business_date', '<=', q.to);
  if (q.receipt) query = query.where('sales.receipt_code', '=', q.receipt.toUpperCase());
  const { staffId, tender } = q;
  if (staffId)
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('sale_line_staff')
          .select('sale_line_staff.sale_id')
          .whereRef('sale_line_staff.sale_id', '=', 'sales.id')
          .where('sale_line_staff.staff_id', '=', staffId),
      ),
    );
  if (tender)
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('sale_tenders')
          .select('sale_tenders.sale_id')
          .whereRef('sale_tenders.sale_id', '=', 'sales.id')
          .where('sale_tenders.kind', '=', tender),
      ),
    );
  const after = decodeCursor(q.cursor);
  if (after) query = query.where('sales.id', '<', after);
  const rows = await query
    .orderBy('sales.id', 'desc')
    .limit(q.limit + 1)
    .execute();
  const page = toPage(rows, q.limit, (r) => r.id);
  return {
    data: page.data.map((s) => ({
      id: s.id,
      status: s.status,
      label: s.label,
      clientId: s.client_id,
      clientName:
        s.first_name === null
          ? null
          : clientRowName({ first_name: s.first_name, last_name: s.last_name!, preferred_name: s.preferred_name }),
      appointmentId: s.appointment_id,
      receiptCode: s.receipt_code,
      businessDate: s.business_date,
      completedAt: s.completed_at === null ? null : toZonedIso(s.completed_at, s.time_zone),
      total: s.total,
      tipTotal: s.tip_total,
      amountPaid: s.amount_paid,
      refundedTotal: s.refunded_total,
      version: s.version,
      updatedAt: s.updated_at,
    })),
    nextCursor: page.nextCursor,
  };
}

export type CompleteOptions = { key: string | undefined; lang: Language };

/**
 * A retry racing its own first attempt waits on the sale's row lock, then finds the work done and is
 * refused (sale_already_completed, nothing left to refund…) before it can see the stored key. Looking
 * once more answers it with the first attempt's response; a different request gets its refusal again.
 */
async function withReplay<T>(key: string | undefined, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (key && err instanceof AppError && (err.status === 409 || err.status === 422) && err.code !== 'idempotency_key_reused') return run();
    throw err;
  }
}

/**
 * Completion is a write that refuses to run twice (a completed sale is 409), so the stored response is looked
 * up only after such a refusal (lookFirst: false), which also answers a retry racing its first attempt.
 */
export async function completeWithKey(db: Kysely<DB>, id: string, body: SaleComplete, ctx: SalesCtx, opts: CompleteOptions) {
  return runIdempotent(
    db,
    { scope: 'sales.complete', key: opts.key, required: true, lookFirst: false, request: { saleId: id, body }, now: ctx.now },
    (tx, key) => completeSale(tx, key, id, body, { ...ctx, lang: opts.lang }),
  );
}

export async function refundWithKey(db: Kysely<DB>, id: string, storeId: string, body: RefundCreate, ctx: SalesCtx, opts: CompleteOptions) {
  const approverId = body.approval ? await verifyApproval(db, body.approval, storeId, 'sales.refund', ctx.now) : null;
  return withReplay(opts.key, () =>
    runIdempotent(db, { scope: 'sales.refund', key: opts.key, request: { saleId: id, body }, now: ctx.now }, async (tx) => {
      const refund = await refundOrVoid(tx, id, { kind: 'refund', body }, approverId, ctx);
      return { status: 201, body: { refund, sale: await loadSaleDto(tx.tx, id, opts.lang) } };
    }),
  );
}

export async function voidWithKey(db: Kysely<DB>, id: string, storeId: string, body: VoidCreate, ctx: SalesCtx, opts: CompleteOptions) {
  const approverId = body.approval ? await verifyApproval(db, body.approval, storeId, 'sales.void', ctx.now) : null;
  return withReplay(opts.key, () =>
    runIdempotent(db, { scope: 'sales.void', key: opts.key, request: { saleId: id, body }, now: ctx.now }, async (tx) => {
      await refundOrVoid(tx, id, { kind: 'void', body }, approverId, ctx);
      return { status: 200, body: await loadSaleDto(tx.tx, id, opts.lang) };
    }),
  );
}
