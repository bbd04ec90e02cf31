// SQL of checkout. Services own the transactions; these functions take the executor they are given.
import { type Insertable, type Selectable, sql } from 'kysely';
import { precompiled, precompiledInsert, precompiledShapes, valuesInRows } from '../../db/compiled.js';
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
import { insertKey, type KeyRow } from '../../platform/idempotency.js';
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

// Text written before the receipt number is known (the audit row, the emailed receipt's job, the stored
// answer: all JSON) carries these marks where the number and the code go; the completion's last statement
// fills them in (fillReceipt, or its SQL twin on PostgreSQL).
export const RECEIPT_NUMBER_MARK = '\u0001receipt-number\u0001';
export const RECEIPT_CODE_MARK = '\u0001receipt-code\u0001';
/** In JSON text: the number's mark is a whole string value (quotes included), the code's sits inside one. */
const NUMBER_IN_JSON = JSON.stringify(RECEIPT_NUMBER_MARK);
const CODE_IN_JSON = JSON.stringify(RECEIPT_CODE_MARK).slice(1, -1);

/** JSON text with the receipt marks filled in (receipt codes are capitals, digits and '-': nothing to escape). */
export const fillReceipt = (json: string, receipt: Receipt): string =>
  json.replaceAll(NUMBER_IN_JSON, String(receipt.number)).replaceAll(CODE_IN_JSON, receipt.code);

export type Receipt = { number: number; code: string };

/** The idempotency key row a completion stores in its last statement (`response`: JSON with the marks). */
export type CompletionKeyRow = KeyRow & { status_code: number; response: string };

export type CompletionFinish = {
  sale: { id: string; storeId: string; receiptPrefix: string };
  patch: CompletionPatch;
  /** Its `after` JSON may carry the marks. */
  audit: AuditValues;
  /** Jobs queued by this completion whose payload carries the marks (the emailed receipt). */
  jobIds: readonly string[];
  key: CompletionKeyRow | null;
};

/** A completion's detail rows: line credits, taxes, tenders and tips (PostgreSQL: one statement). */
export async function insertCompletionDetails(tx: Executor, rows: DetailRows): Promise<void> {
  if (!isPostgres(tx)) {
    for (const d of DETAILS) if (rows[d.key].length) await insertDetail[d.key](tx, rows[d.key]);
    return;
  }
  const counts = { staff: rows.staff.length, taxes: rows.taxes.length, tenders: rows.tenders.length, tips: rows.tips.length };
  if (counts.staff + counts.taxes + counts.tenders + counts.tips === 0) return;
  // Held back: it goes out with the transaction's next statement, a hook's or the COMMIT's (one network
  // write less when no hook writes).
  await detailsStatement(tx, counts, valuesInRows(rows), { atCommit: true });
}

// PostgreSQL: WITH (INSERT detail rows…) SELECT 1, one statement for every detail table.
const detailsStatement = precompiledShapes(
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
    return q.selectNoFrom(sql<number>`1`.as('one'));
  },
);

// PostgreSQL, one statement sent with the COMMIT: n AS (bump the store's receipt counter, creating it on the
// first receipt), code AS (its receipt code), then complete the sale row, insert the audit row, fill the
// marks in the jobs' payloads and store the idempotency key. The counter row is locked from here until the
// COMMIT that follows in the same network write: every completion of the store queues on it, so nothing of
// Node's (no event-loop turn, no round trip) runs while it is held.
const KEY_COLUMNS = ['scope', 'key', 'request_hash', 'status_code', 'created_at'] as const;
const finishStatement = precompiledShapes(
  (shape: { jobs: number; key: boolean }) => `${shape.jobs}.${shape.key}`,
  (db, shape, mark) => {
    // The same format as formatReceipt (settings.ts): prefix, '-', the number zero-padded to at least 6 digits.
    const padded = sql`lpad(last_number::text, greatest(6, length(last_number::text)), '0')`;
    const filled = (text: unknown) =>
      sql`(select replace(replace(${text}::text, ${mark('numberMark')}::text, last_number::text), ${mark('codeMark')}::text, code) from code)`;
    let q: any = db
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
          after: filled(mark('audit_after')),
        }),
      );
    for (let i = 0; i < shape.jobs; i++) {
      q = q.with(`job${i}`, (qc: any) =>
        qc
          .updateTable('jobs')
          .set({ payload: filled(sql.ref('payload')) })
          .where('id', '=', mark(`job${i}`)),
      );
    }
    if (shape.key) {
      q = q.with('keyed', (qc: any) =>
        qc.insertInto('idempotency_keys').values({
          ...Object.fromEntries(KEY_COLUMNS.map((c) => [c, mark(`key_${c}`)])),
          response: filled(mark('key_response')),
        }),
      );
    }
    return q.selectFrom('code').select(['last_number', 'code']);
  },
);

/**
 * The last step of a completion: takes the store's next receipt number (gap-free: the counter row is bumped
 * in this transaction and stays locked until it commits), completes the sale row with it, writes the audit
 * row, fills the number and code in where marked (audit, the jobs' payloads, the stored answer) and stores
 * the idempotency key. On PostgreSQL it is one statement held back until the COMMIT, so `onReceipt` gets
 * the receipt once the transaction has committed; on SQLite at once.
 */
export async function finishCompletion(tx: Executor, f: CompletionFinish, onReceipt: (receipt: Receipt) => void): Promise<void> {
  if (!isPostgres(tx)) {
    const number = await takeReceiptNumber(tx, f.sale.storeId);
    const receipt = { number, code: formatReceipt(f.sale.receiptPrefix, number) };
    await completeSaleRow(tx, { ...f.patch, id: f.sale.id, receipt_number: receipt.number, receipt_code: receipt.code });
    await insertAuditRow(tx, { ...f.audit, after: f.audit.after === null ? null : fillReceipt(String(f.audit.after), receipt) });
    for (const id of f.jobIds) {
      // Filled in place, as on PostgreSQL: no read of the payload first.
      await tx
        .updateTable('jobs')
        .set({ payload: sql`replace(replace(payload, ${NUMBER_IN_JSON}, ${String(receipt.number)}), ${CODE_IN_JSON}, ${receipt.code})` })
        .where('id', '=', id)
        .execute();
    }
    if (f.key) await insertKey(tx, { ...f.key, response: fillReceipt(f.key.response, receipt) });
    onReceipt(receipt);
    return;
  }
  const values: Record<string, unknown> = {
    ...f.patch,
    saleId: f.sale.id,
    storeId: f.sale.storeId,
    prefix: f.sale.receiptPrefix,
    numberMark: NUMBER_IN_JSON,
    codeMark: CODE_IN_JSON,
  };
  for (const c of AUDIT_COLUMNS) values[`audit_${c}`] = f.audit[c];
  f.jobIds.forEach((id, i) => {
    values[`job${i}`] = id;
  });
  if (f.key) for (const [c, v] of Object.entries(f.key)) values[`key_${c}`] = v;
  await finishStatement(tx, { jobs: f.jobIds.length, key: f.key !== null }, (name) => values[name], {
    atCommit: (rows) => {
      const row = rows[0] as { last_number: number | string; code: string };
      onReceipt({ number: Number(row.last_number), code: row.code });
    },
  });
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
