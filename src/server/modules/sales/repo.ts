// SQL of checkout. Services own the transactions; these functions take the executor they are given.
import { type Insertable, type Selectable, sql } from 'kysely';
import { precompiled, precompiledInsert, precompiledShapes } from '../../db/compiled.js';
import type {
  DB,
  SaleLineStaffTable,
  SaleLinesTable,
  SaleRefundLinesTable,
  SaleRefundsTable,
  SaleRefundTendersTable,
  SalesTable,
  SaleTaxesTable,
  SaleTendersTable,
  SaleTipsTable,
} from '../../db/tables.js';
import { type Executor, isPostgres } from '../../db/tx.js';
import { AUDIT_COLUMNS, type auditRow, insertAuditRow } from '../../platform/audit.js';
import { formatReceipt, parseSalesSettings, receiptPrefix } from './settings.js';

export type SaleRow = Selectable<SalesTable>;
export type LineRow = Selectable<SaleLinesTable>;
export type TenderRow = Selectable<SaleTendersTable>;
export type TipRow = Selectable<SaleTipsTable>;
export type TaxRow = Selectable<SaleTaxesTable>;
export type RefundRow = Selectable<SaleRefundsTable>;
export type RefundLineRow = Selectable<SaleRefundLinesTable>;
export type RefundTenderRow = Selectable<SaleRefundTendersTable>;

export const findSale = (db: Executor, id: string) => db.selectFrom('sales').selectAll().where('id', '=', id).executeTakeFirst();

/**
 * The sale row, locked for the rest of the transaction on PostgreSQL (SQLite has one writer, and Kysely's
 * SQLite dialect runs one transaction at a time, so the read is already exclusive).
 */
export async function lockSale(tx: Executor, id: string): Promise<SaleRow | undefined> {
  const q = tx.selectFrom('sales').selectAll().where('id', '=', id);
  return (isPostgres(tx) ? q.forUpdate() : q).executeTakeFirst();
}

const STORE_COLUMNS = [
  'stores.id as st_id',
  'stores.name as st_name',
  'stores.slug as st_slug',
  'stores.address as st_address',
  'stores.phone as st_phone',
  'stores.time_zone as st_time_zone',
  'stores.currency as st_currency',
  'stores.tax_settings as st_tax_settings',
  'store_sales_settings.settings as st_sales_settings',
] as const;

const saleWithStore = (db: Executor) =>
  db
    .selectFrom('sales')
    .leftJoin('stores', (j) => j.onRef('stores.id', '=', 'sales.store_id').on('stores.archived', '=', 0))
    .leftJoin('store_sales_settings', 'store_sales_settings.store_id', 'sales.store_id')
    .selectAll('sales')
    .select(STORE_COLUMNS);

const saleWithStoreQuery = precompiled(['id'], (db, p) => saleWithStore(db).where('sales.id', '=', p.id));

/** The open shifts of the locked sale's store (or the one named), share-locked when cash moves. */
type ShiftsVariant = { named: boolean; lock: boolean };
const lockedStoreShifts = (db: Executor, v: ShiftsVariant, shiftId: string) => {
  let q = db
    .selectFrom('shifts')
    .select(['shifts.id', 'shifts.store_id', 'shifts.drawer'])
    .whereRef('shifts.store_id', '=', sql.ref('locked.store_id'))
    .where('shifts.status', '=', 'open');
  if (v.named) q = q.where('shifts.id', '=', shiftId);
  return v.lock ? q.forShare() : q;
};

// PostgreSQL, one statement: the sale row locked with its store, and its lines and the store's open shifts as
// JSON. Under READ COMMITTED a lock that had to wait returns the sale's newest row, but the subqueries read
// the statement's older snapshot: `snapshot_xmin` (the sale's row in that snapshot) then differs from
// `locked_xmin`, and the lines are read again. Every change to a ticket's lines also updates its sale row.
const completionReadQuery = precompiledShapes(
  (v: ShiftsVariant) => `${v.named}.${v.lock}`,
  (db, v, mark) =>
    db
      .with('locked', (qc) =>
        saleWithStore(qc as unknown as Executor)
          .select(sql<string>`sales.xmin::text`.as('locked_xmin'))
          .where('sales.id', '=', mark('id'))
          .forUpdate(['sales']),
      )
      .selectFrom('locked')
      .selectAll('locked')
      .select([
        sql<string>`(select xmin::text from sales where id = ${mark('id')})`.as('snapshot_xmin'),
        sql<LineRow[] | null>`(select json_agg(l order by l.position) from sale_lines l where l.sale_id = locked.id)`.as('lines_json'),
        sql<ShiftRef[] | null>`(select json_agg(s) from (${lockedStoreShifts(db, v, mark('shiftId'))}) s)`.as('shifts_json'),
      ]),
);

type ShiftRef = { id: string; store_id: string; drawer: string };
type SaleWithStoreRow = SaleRow & {
  [K in (typeof STORE_COLUMNS)[number] as K extends `${string} as ${infer A}` ? A : never]: string | null;
};

function splitStore(row: SaleWithStoreRow): { sale: SaleRow; store: StoreForSale | undefined } {
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

export type CompletionRead = { sale: SaleRow; store: StoreForSale | undefined; lines: LineRow[]; shifts: ShiftRef[] };

/**
 * What completing a sale reads, with the sale's row locked for the rest of the transaction (on PostgreSQL
 * only the sale's row: the store stays free for its other checkouts): the sale, its store (`undefined` when
 * archived), its lines, and the store's open shifts or the one named (see openShiftsOf; share-locked when
 * `lockShifts`, because cash moves). Undefined when the sale is unknown. PostgreSQL: one statement (a second
 * when the lock had to wait for a change to the ticket); SQLite: three in-process reads.
 */
export async function loadForCompletion(
  tx: Executor,
  id: string,
  opts: { shiftId: string | undefined; lockShifts: boolean },
): Promise<CompletionRead | undefined> {
  if (!isPostgres(tx)) {
    const row = (await saleWithStoreQuery(tx, { id })).rows[0];
    if (!row) return undefined;
    const { sale, store } = splitStore(row as SaleWithStoreRow);
    const lines = await linesOf(tx, id);
    return { sale, store, lines, shifts: await openShiftsOf(tx, sale.store_id, opts.shiftId, opts.lockShifts) };
  }
  const variant = { named: opts.shiftId !== undefined, lock: opts.lockShifts };
  const row = (await completionReadQuery(tx, variant, (name) => (name === 'id' ? id : opts.shiftId))).rows[0] as
    | (SaleWithStoreRow & { locked_xmin: string; snapshot_xmin: string; lines_json: LineRow[] | null; shifts_json: ShiftRef[] | null })
    | undefined;
  if (!row) return undefined;
  const { locked_xmin, snapshot_xmin, lines_json, shifts_json, ...rest } = row;
  const { sale, store } = splitStore(rest as SaleWithStoreRow);
  const lines = locked_xmin === snapshot_xmin ? (lines_json ?? []) : await linesOf(tx, id);
  return { sale, store, lines, shifts: shifts_json ?? [] };
}

const linesQuery = precompiled(['saleId'], (db, p) =>
  db.selectFrom('sale_lines').selectAll().where('sale_id', '=', p.saleId).orderBy('position'),
);
export const linesOf = async (db: Executor, saleId: string): Promise<LineRow[]> => (await linesQuery(db, { saleId })).rows;

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

// What a completion writes: fixed-shape statements, compiled once (per row count). On PostgreSQL, where every
// statement is a round trip inside the transaction, the detail rows go in one statement and the sale's
// completion with its audit row in another.
type DetailRows = {
  staff: Insertable<SaleLineStaffTable>[];
  taxes: Insertable<SaleTaxesTable>[];
  tenders: Insertable<SaleTendersTable>[];
  tips: Insertable<SaleTipsTable>[];
};
const DETAILS = [
  { key: 'staff', table: 'sale_line_staff', columns: ['line_id', 'sale_id', 'staff_id', 'share_bp', 'amount'] },
  { key: 'taxes', table: 'sale_taxes', columns: ['sale_id', 'line_id', 'code', 'name', 'name_translations', 'rate', 'amount'] },
  {
    key: 'tenders',
    table: 'sale_tenders',
    columns: [
      'id',
      'sale_id',
      'position',
      'kind',
      'amount',
      'tendered',
      'change_due',
      'tip',
      'data',
      'refunded_amount',
      'shift_id',
      'created_at',
    ],
  },
  {
    key: 'tips',
    table: 'sale_tips',
    columns: ['id', 'sale_id', 'staff_id', 'tender_id', 'tender_kind', 'amount', 'refund_id', 'created_at'],
  },
] as const satisfies ReadonlyArray<{ key: keyof DetailRows; table: keyof DB; columns: readonly string[] }>;

const insertDetail = Object.fromEntries(
  DETAILS.map((d) => [
    d.key,
    precompiledInsert<Record<string, unknown>>(d.columns, (db, rows) => db.insertInto(d.table).values(rows as never)),
  ]),
) as Record<keyof DetailRows, (db: Executor, rows: readonly object[]) => Promise<unknown>>;

const COMPLETION_COLUMNS = [
  'status',
  'subtotal',
  'discount_total',
  'tax_total',
  'total',
  'tip_total',
  'cash_rounding',
  'amount_paid',
  'change_due',
  'business_date',
  'shift_id',
  'email_receipt',
  'receipt_language',
  'completed_by',
  'completed_at',
  'version',
  'updated_at',
] as const satisfies ReadonlyArray<keyof SaleRow>;
/** The columns completion fills in, except the receipt number and code (writeCompletion sets those). */
export type CompletionPatch = { [K in (typeof COMPLETION_COLUMNS)[number]]: SaleRow[K] };
type AuditValues = ReturnType<typeof auditRow>;

const SALE_COLUMNS = ['receipt_number', 'receipt_code', ...COMPLETION_COLUMNS] as const;
const completeSaleRow = precompiled(['id', ...SALE_COLUMNS], (db, p) =>
  db
    .updateTable('sales')
    .set(Object.fromEntries(SALE_COLUMNS.map((c) => [c, p[c]])))
    .where('id', '=', p.id),
);

// In the audit row's JSON, where the receipt code goes (PostgreSQL fills it in, see below).
const RECEIPT_MARK = '\u0001receipt-code\u0001';

// PostgreSQL, one statement: WITH (INSERT detail rows…), n AS (bump the store's receipt counter, creating it
// on the first receipt), code AS (its receipt code), done AS (UPDATE sales …) INSERT INTO audit_log …. The
// counter row is locked from here until COMMIT and every completion of the store queues on it, so nothing
// else runs between taking the number and committing but the caller's own last statements: each round trip
// to the server while the lock is held would slow every checkout of the store.
const completionStatement = precompiledShapes(
  (counts: Record<keyof DetailRows, number>) => DETAILS.map((d) => counts[d.key]).join('.'),
  (db, counts, mark) => {
    let q: any = db;
    for (const d of DETAILS) {
      if (counts[d.key] === 0) continue;
      const rows = Array.from({ length: counts[d.key] }, (_, i) =>
        Object.fromEntries(d.columns.map((c) => [c, mark(`${d.key}.${i}.${c}`)])),
      );
      q = q.with(`new_${d.table}`, (qc: any) => qc.insertInto(d.table).values(rows));
    }
    // The same format as formatReceipt (settings.ts): prefix, '-', the number zero-padded to at least 6 digits.
    const padded = sql`lpad(last_number::text, greatest(6, length(last_number::text)), '0')`;
    return q
      .with('n', (qc: any) =>
        qc
          .insertInto('receipt_counters')
          .values({ store_id: mark('storeId'), last_number: 1 })
          .onConflict((oc: any) => oc.column('store_id').doUpdateSet({ last_number: sql`receipt_counters.last_number + 1` }))
          .returning('last_number'),
      )
      .with('code', (qc: any) => qc.selectFrom('n').select(['last_number', sql`${mark('prefix')}::text || '-' || ${padded}`.as('code')]))
      .with('done', (qc: any) =>
        qc
          .updateTable('sales')
          .set({
            ...Object.fromEntries(COMPLETION_COLUMNS.map((c) => [c, mark(c)])),
            receipt_number: sql`(select last_number from code)`,
            receipt_code: sql`(select code from code)`,
          })
          .where('id', '=', mark('saleId')),
      )
      .with('audited', (qc: any) =>
        qc.insertInto('audit_log').values({
          ...Object.fromEntries(AUDIT_COLUMNS.map((c) => [c, mark(`audit_${c}`)])),
          after: sql`(select replace(${mark('audit_after')}::text, ${mark('receiptMark')}::text, to_json(code)::text) from code)`,
        }),
      )
      .selectFrom('code')
      .select('last_number');
  },
);

/**
 * Writes a completion: the sale's line credits, taxes, tenders and tips, its receipt number (gap-free, see
 * takeReceiptNumber) and code, its completion columns and its audit row (`build` makes both, given the
 * receipt code). The receipt number is taken last, so the store's counter row stays locked for as short a
 * time as possible. Returns the receipt number.
 */
export async function writeCompletion(
  tx: Executor,
  sale: { id: string; storeId: string; receiptPrefix: string },
  rows: DetailRows,
  build: (receiptCode: string) => { patch: CompletionPatch; audit: AuditValues },
): Promise<number> {
  if (!isPostgres(tx)) {
    for (const d of DETAILS) if (rows[d.key].length) await insertDetail[d.key](tx, rows[d.key]);
    const receiptNumber = await takeReceiptNumber(tx, sale.storeId);
    const receiptCode = formatReceipt(sale.receiptPrefix, receiptNumber);
    const { patch, audit } = build(receiptCode);
    await completeSaleRow(tx, { ...patch, id: sale.id, receipt_number: receiptNumber, receipt_code: receiptCode });
    await insertAuditRow(tx, audit);
    return receiptNumber;
  }
  const { patch, audit } = build(RECEIPT_MARK);
  const values: Record<string, unknown> = {
    ...patch,
    saleId: sale.id,
    storeId: sale.storeId,
    prefix: sale.receiptPrefix,
    receiptMark: JSON.stringify(RECEIPT_MARK),
  };
  for (const c of AUDIT_COLUMNS) values[`audit_${c}`] = audit[c];
  const counts = { staff: rows.staff.length, taxes: rows.taxes.length, tenders: rows.tenders.length, tips: rows.tips.length };
  const res = await completionStatement(tx, counts, (name) => {
    if (name in values) return values[name];
    const [key, i, column] = name.split('.') as [keyof DetailRows, string, string];
    return (rows[key][Number(i)] as Record<string, unknown>)[column];
  });
  return Number((res.rows[0] as { last_number: number }).last_number);
}

export async function replaceLines(tx: Executor, saleId: string, rows: Insertable<SaleLinesTable>[]): Promise<void> {
  await tx.deleteFrom('sale_lines').where('sale_id', '=', saleId).execute();
  if (rows.length) await tx.insertInto('sale_lines').values(rows).execute();
}

/**
 * The next receipt number of a store, gap-free: the counter row is incremented in the caller's
 * transaction (rolled back with it) and locked until it commits, so concurrent completions queue on it.
 */
const bumpReceiptCounter = precompiled(['storeId'], (db, p) =>
  db
    .updateTable('receipt_counters')
    .set((eb) => ({ last_number: eb('last_number', '+', 1) }))
    .where('store_id', '=', p.storeId)
    .returning('last_number'),
);

export async function takeReceiptNumber(tx: Executor, storeId: string): Promise<number> {
  const bump = async () => (await bumpReceiptCounter(tx, { storeId })).rows[0];
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

const openShiftsQuery = precompiled(['storeId'], (db, p, variant) => {
  const q = db.selectFrom('shifts').select(['id', 'store_id', 'drawer']).where('store_id', '=', p.storeId).where('status', '=', 'open');
  return variant === 'lock' ? q.forShare() : q;
});
const openShiftQuery = precompiled(['storeId', 'shiftId'], (db, p, variant) => {
  const q = db
    .selectFrom('shifts')
    .select(['id', 'store_id', 'drawer'])
    .where('store_id', '=', p.storeId)
    .where('status', '=', 'open')
    .where('id', '=', p.shiftId);
  return variant === 'lock' ? q.forShare() : q;
});

/**
 * The open shifts of a store (or the one named). When cash moves (`lock`), they are share-locked on
 * PostgreSQL so a concurrent close waits for this sale and counts its cash; SQLite has one writer.
 */
export async function openShiftsOf(db: Executor, storeId: string, shiftId: string | undefined, lock: boolean) {
  const variant = lock && isPostgres(db) ? 'lock' : '';
  const res = shiftId ? await openShiftQuery(db, { storeId, shiftId }, variant) : await openShiftsQuery(db, { storeId }, variant);
  return res.rows;
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
