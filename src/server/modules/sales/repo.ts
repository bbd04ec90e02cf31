// SQL of checkout. Services own the transactions; these functions take the executor they are given.
import { type Insertable, PostgresAdapter, type Selectable } from 'kysely';
import type {
  SaleLinesTable,
  SaleRefundLinesTable,
  SaleRefundsTable,
  SaleRefundTendersTable,
  SalesTable,
  SaleTaxesTable,
  SaleTendersTable,
  SaleTipsTable,
} from '../../db/tables.js';
import type { Executor } from '../../db/tx.js';
import { parseSalesSettings, receiptPrefix } from './settings.js';

export type SaleRow = Selectable<SalesTable>;
export type LineRow = Selectable<SaleLinesTable>;
export type TenderRow = Selectable<SaleTendersTable>;
export type TipRow = Selectable<SaleTipsTable>;
export type TaxRow = Selectable<SaleTaxesTable>;
export type RefundRow = Selectable<SaleRefundsTable>;
export type RefundLineRow = Selectable<SaleRefundLinesTable>;
export type RefundTenderRow = Selectable<SaleRefundTendersTable>;

export const isPostgres = (db: Executor): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

export const findSale = (db: Executor, id: string) => db.selectFrom('sales').selectAll().where('id', '=', id).executeTakeFirst();

/**
 * The sale row, locked for the rest of the transaction on PostgreSQL (SQLite has one writer, and Kysely's
 * SQLite dialect runs one transaction at a time, so the read is already exclusive).
 */
export async function lockSale(tx: Executor, id: string): Promise<SaleRow | undefined> {
  const q = tx.selectFrom('sales').selectAll().where('id', '=', id);
  return (isPostgres(tx) ? q.forUpdate() : q).executeTakeFirst();
}

/**
 * lockSale and storeForSale in one query (completion, once per checkout): the sale row locked as in
 * lockSale (on PostgreSQL only the sale's row: the store stays free for its other checkouts); undefined
 * when the sale is unknown, `store` undefined when its store is archived.
 */
export async function lockSaleWithStore(tx: Executor, id: string): Promise<{ sale: SaleRow; store: StoreForSale | undefined } | undefined> {
  const q = tx
    .selectFrom('sales')
    .leftJoin('stores', (j) => j.onRef('stores.id', '=', 'sales.store_id').on('stores.archived', '=', 0))
    .leftJoin('store_sales_settings', 'store_sales_settings.store_id', 'sales.store_id')
    .selectAll('sales')
    .select([
      'stores.id as st_id',
      'stores.name as st_name',
      'stores.slug as st_slug',
      'stores.address as st_address',
      'stores.phone as st_phone',
      'stores.time_zone as st_time_zone',
      'stores.currency as st_currency',
      'stores.tax_settings as st_tax_settings',
      'store_sales_settings.settings as st_sales_settings',
    ])
    .where('sales.id', '=', id);
  const row = await (isPostgres(tx) ? q.forUpdate(['sales']) : q).executeTakeFirst();
  if (!row) return undefined;
  const { st_id, st_name, st_slug, st_address, st_phone, st_time_zone, st_currency, st_tax_settings, st_sales_settings, ...sale } = row;
  const store =
    st_id === null
      ? undefined
      : {
          id: st_id,
          name: st_name!,
          slug: st_slug!,
          address: st_address,
          phone: st_phone,
          time_zone: st_time_zone!,
          currency: st_currency!,
          tax_settings: st_tax_settings!,
          sales_settings: st_sales_settings,
        };
  return { sale, store };
}

export const linesOf = (db: Executor, saleId: string) =>
  db.selectFrom('sale_lines').selectAll().where('sale_id', '=', saleId).orderBy('position').execute();

export const tendersOf = (db: Executor, saleId: string) =>
  db.selectFrom('sale_tenders').selectAll().where('sale_id', '=', saleId).orderBy('position').execute();

export const tipsOf = (db: Executor, saleId: string) =>
  db.selectFrom('sale_tips').selectAll().where('sale_id', '=', saleId).orderBy('id').execute();

export const taxesOf = (db: Executor, saleId: string) => db.selectFrom('sale_taxes').selectAll().where('sale_id', '=', saleId).execute();

export const refundsOf = (db: Executor, saleId: string) =>
  db.selectFrom('sale_refunds').selectAll().where('sale_id', '=', saleId).orderBy('receipt_number').execute();

export async function refundPartsOf(db: Executor, refundIds: readonly string[]) {
  if (refundIds.length === 0) return { lines: [] as RefundLineRow[], tenders: [] as RefundTenderRow[] };
  const [lines, tenders] = await Promise.all([
    db
      .selectFrom('sale_refund_lines')
      .selectAll()
      .where('refund_id', 'in', [...refundIds])
      .execute(),
    db
      .selectFrom('sale_refund_tenders')
      .selectAll()
      .where('refund_id', 'in', [...refundIds])
      .execute(),
  ]);
  return { lines, tenders };
}

export async function replaceLines(tx: Executor, saleId: string, rows: Insertable<SaleLinesTable>[]): Promise<void> {
  await tx.deleteFrom('sale_lines').where('sale_id', '=', saleId).execute();
  if (rows.length) await tx.insertInto('sale_lines').values(rows).execute();
}

/**
 * The next receipt number of a store, gap-free: the counter row is incremented in the caller's
 * transaction (rolled back with it) and locked until it commits, so concurrent completions queue on it.
 */
export async function takeReceiptNumber(tx: Executor, storeId: string): Promise<number> {
  const bump = () =>
    tx
      .updateTable('receipt_counters')
      .set((eb) => ({ last_number: eb('last_number', '+', 1) }))
      .where('store_id', '=', storeId)
      .returning('last_number')
      .executeTakeFirst();
  let row = await bump();
  if (!row) {
    await tx
      .insertInto('receipt_counters')
      .values({ store_id: storeId, last_number: 0 })
      .onConflict((oc) => oc.column('store_id').doNothing())
      .execute();
    row = await bump();
  }
  return Number(row!.last_number);
}

export type StoreForSale = {
  id: string;
  name: string;
  slug: string;
  address: string | null;
  phone: string | null;
  time_zone: string;
  currency: string;
  tax_settings: string;
  /** The store's checkout settings (JSON), null when never set. */
  sales_settings: string | null;
};

/** The store with its checkout settings, in one query; undefined when archived or unknown. */
export const storeForSale = (db: Executor, storeId: string): Promise<StoreForSale | undefined> =>
  db
    .selectFrom('stores')
    .leftJoin('store_sales_settings', 'store_sales_settings.store_id', 'stores.id')
    .select([
      'stores.id',
      'stores.name',
      'stores.slug',
      'stores.address',
      'stores.phone',
      'stores.time_zone',
      'stores.currency',
      'stores.tax_settings',
      'store_sales_settings.settings as sales_settings',
    ])
    .where('stores.id', '=', storeId)
    .where('stores.archived', '=', 0)
    .executeTakeFirst();

export async function salesSettingsText(db: Executor, storeId: string): Promise<string | null> {
  const row = await db.selectFrom('store_sales_settings').select('settings').where('store_id', '=', storeId).executeTakeFirst();
  return row?.settings ?? null;
}

/**
 * The open shifts of a store (or the one named). When cash moves (`lock`), they are share-locked on
 * PostgreSQL so a concurrent close waits for this sale and counts its cash; SQLite has one writer.
 */
export async function openShiftsOf(db: Executor, storeId: string, shiftId: string | undefined, lock: boolean) {
  let q = db.selectFrom('shifts').select(['id', 'store_id', 'drawer']).where('store_id', '=', storeId).where('status', '=', 'open');
  if (shiftId) q = q.where('id', '=', shiftId);
  return (lock && isPostgres(db) ? q.forShare() : q).execute();
}

export type PaidLine = { refId: string; saleId: string; lineId: string; receiptCode: string | null };

/**
 * Lines of a kind pointing at these refs that stand paid: on a completed (not voided) sale and not refunded
 * as such (by quantity or whole; an amount refunded as a gesture leaves the line paid). Oldest first.
 */
export async function paidLines(db: Executor, kind: string, refIds: readonly string[]): Promise<PaidLine[]> {
  if (refIds.length === 0) return [];
  const rows = await db
    .selectFrom('sale_lines as l')
    .innerJoin('sales as s', 's.id', 'l.sale_id')
    .select(['l.ref_id', 'l.sale_id', 'l.id', 's.receipt_code'])
    .where('l.kind', '=', kind)
    .where('l.ref_id', 'in', [...refIds])
    .where('s.status', '=', 'completed')
    .whereRef('l.refunded_quantity', '<', 'l.quantity')
    .orderBy('s.completed_at')
    .orderBy('l.id')
    .execute();
  return rows.map((r) => ({ refId: r.ref_id!, saleId: r.sale_id, lineId: r.id, receiptCode: r.receipt_code }));
}

/** The name of another active store whose receipts print with this prefix (set or derived), if any. */
export async function storeWithPrefix(db: Executor, prefix: string, exceptStoreId: string): Promise<string | undefined> {
  const rows = await db
    .selectFrom('stores')
    .leftJoin('store_sales_settings', 'store_sales_settings.store_id', 'stores.id')
    .select(['stores.name', 'stores.slug', 'store_sales_settings.settings'])
    .where('stores.id', '!=', exceptStoreId)
    .where('stores.archived', '=', 0)
    .execute();
  return rows.find((r) => receiptPrefix(parseSalesSettings(r.settings), r.slug) === prefix)?.name;
}
