// Drawer shifts: open with a float, paid-ins and paid-outs, close with a count (expected vs counted,
// over/short), X report (one shift, live) and Z report (a store's business day). All writes audited.
import type { Kysely, Selectable } from 'kysely';
import type { DB, ShiftsTable } from '../../db/tables.js';
import { type Executor, withTransaction } from '../../db/tx.js';
import { type AuditContext, writeAudit } from '../../platform/audit.js';
import { PlatformErrors } from '../../platform/errors.js';
import type { Language } from '../../platform/i18n.js';
import { newId } from '../../platform/ids.js';
import { type Currency, isCurrency } from '../../platform/money.js';
import { addDays, startOfLocalDay, toZonedIso } from '../../platform/zoned-time.js';
import { cashOfShift, summarizeSales } from '../sales/index.js';
import { countTotal, type DrawerFigures, expectedCash } from './drawer.js';
import { ShiftErrors } from './errors.js';
import type { MovementCreate, ShiftClose, ShiftOpen } from './schemas.js';

type ShiftRow = Selectable<ShiftsTable>;
type StoreInfo = { id: string; name: string; time_zone: string; currency: Currency };

async function storeInfo(db: Executor, storeId: string): Promise<StoreInfo> {
  const s = await db.selectFrom('stores').select(['id', 'name', 'time_zone', 'currency']).where('id', '=', storeId).executeTakeFirst();
  if (!s) throw PlatformErrors.not_found();
  return { ...s, currency: isCurrency(s.currency) ? s.currency : 'USD' };
}

export async function findShift(db: Executor, id: string): Promise<ShiftRow> {
  const row = await db.selectFrom('shifts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw PlatformErrors.not_found();
  return row;
}

async function figures(db: Executor, shift: ShiftRow): Promise<DrawerFigures> {
  const [cash, moves] = await Promise.all([
    cashOfShift(db, shift.id),
    db
      .selectFrom('shift_movements')
      .select(['kind', (eb) => eb.fn.sum<number>('amount').as('amount')])
      .where('shift_id', '=', shift.id)
      .groupBy('kind')
      .execute(),
  ]);
  const move = (k: string) => Number(moves.find((m) => m.kind === k)?.amount ?? 0);
  return {
    openingFloat: shift.opening_float,
    cashSales: cash.sales,
    cashRefunds: cash.refunds,
    paidIn: move('paid_in'),
    paidOut: move('paid_out'),
  };
}

export async function shiftDto(db: Executor, shift: ShiftRow) {
  const store = await storeInfo(db, shift.store_id);
  const [f, movements] = await Promise.all([
    figures(db, shift),
    db.selectFrom('shift_movements').selectAll().where('shift_id', '=', shift.id).orderBy('id').execute(),
  ]);
  const iso = (ms: number | null) => (ms === null ? null : toZonedIso(ms, store.time_zone));
  return {
    id: shift.id,
    storeId: shift.store_id,
    drawer: shift.drawer,
    status: shift.status,
    currency: store.currency,
    openingFloat: shift.opening_float,
    openingCounts: shift.opening_counts ? (JSON.parse(shift.opening_counts) as Record<string, number>) : null,
    openedBy: shift.opened_by,
    openedAt: iso(shift.opened_at),
    closedBy: shift.closed_by,
    closedAt: iso(shift.closed_at),
    countedCash: shift.counted_cash,
    closingCounts: shift.closing_counts ? (JSON.parse(shift.closing_counts) as Record<string, number>) : null,
    note: shift.note,
    drawerFigures: { ...f, expectedCash: shift.expected_cash ?? expectedCash(f) },
    overShort: shift.over_short,
    movements: movements.map((m) => ({
      id: m.id,
      kind: m.kind,
      amount: m.amount,
      reason: m.reason,
      createdBy: m.created_by,
      createdAt: iso(m.created_at),
    })),
    version: shift.version,
  };
}

export async function openShift(db: Kysely<DB>, input: ShiftOpen, ctx: AuditContext): Promise<ShiftRow> {
  return withTransaction(db, async ({ tx }) => {
    const store = await storeInfo(tx, input.storeId);
    const float = input.openingCounts ? countTotal(input.openingCounts, store.currency) : input.openingFloat!;
    const open = await tx
      .selectFrom('shifts')
      .select('id')
      .where('store_id', '=', input.storeId)
      .where('drawer', '=', input.drawer)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (open) throw ShiftErrors.shift_already_open({ drawer: input.drawer });
    const row: ShiftRow = {
      id: newId(),
      store_id: input.storeId,
      drawer: input.drawer,
      status: 'open',
      opening_float: float,
      opening_counts: input.openingCounts ? JSON.stringify(input.openingCounts) : null,
      opened_by: ctx.actorId,
      opened_at: ctx.now,
      closed_by: null,
      closed_at: null,
      counted_cash: null,
      closing_counts: null,
      expected_cash: null,
      over_short: null,
      note: input.note ?? null,
      version: 1,
      updated_at: ctx.now,
    };
    // The partial unique index makes a concurrent second open fail (409) even if both passed the check.
    await tx.insertInto('shifts').values(row).execute();
    await writeAudit(tx, ctx, {
      action: 'shift.open',
      entityType: 'shift',
      entityId: row.id,
      storeId: row.store_id,
      after: { drawer: row.drawer, openingFloat: float },
    });
    return row;
  });
}

export async function addMovement(db: Kysely<DB>, shiftId: string, input: MovementCreate, ctx: AuditContext) {
  return withTransaction(db, async ({ tx }) => {
    const shift = await findShift(tx, shiftId);
    // Touching the row serializes with a concurrent close: a movement never lands in a closed shift.
    const res = await tx
      .updateTable('shifts')
      .set((eb) => ({ version: eb('version', '+', 1), updated_at: ctx.now }))
      .where('id', '=', shiftId)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw ShiftErrors.shift_not_open();
    const row = {
      id: newId(),
      shift_id: shiftId,
      store_id: shift.store_id,
      kind: input.kind,
      amount: input.amount,
      reason: input.reason,
      created_by: ctx.actorId,
      created_at: ctx.now,
    };
    await tx.insertInto('shift_movements').values(row).execute();
    await writeAudit(tx, ctx, {
      action: `shift.${input.kind}`,
      entityType: 'shift',
      entityId: shiftId,
      storeId: shift.store_id,
      after: { amount: input.amount, reason: input.reason },
    });
    return row;
  });
}

export async function closeShift(db: Kysely<DB>, shiftId: string, input: ShiftClose, ctx: AuditContext): Promise<ShiftRow> {
  return withTransaction(db, async ({ tx }) => {
    const shift = await findShift(tx, shiftId);
    if (shift.status !== 'open') throw ShiftErrors.shift_not_open();
    if (shift.version !== input.version) throw PlatformErrors.stale_version();
    const store = await storeInfo(tx, shift.store_id);
    const counted = input.counts ? countTotal(input.counts, store.currency) : input.countedCash!;
    // Close first (waits for cash sales still committing on this shift), then sum what it took.
    const res = await tx
      .updateTable('shifts')
      .set({ status: 'closed', closed_by: ctx.actorId, closed_at: ctx.now, version: shift.version + 1, updated_at: ctx.now })
      .where('id', '=', shiftId)
      .where('status', '=', 'open')
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw PlatformErrors.stale_version();
    const f = await figures(tx, shift);
    const expected = expectedCash(f);
    const closed = {
      counted_cash: counted,
      closing_counts: input.counts ? JSON.stringify(input.counts) : null,
      expected_cash: expected,
      over_short: counted - expected,
      note: input.note ?? shift.note,
    };
    await tx.updateTable('shifts').set(closed).where('id', '=', shiftId).execute();
    await writeAudit(tx, ctx, {
      action: 'shift.close',
      entityType: 'shift',
      entityId: shiftId,
      storeId: shift.store_id,
      after: { ...f, expected, counted, overShort: counted - expected },
    });
    return { ...shift, ...closed, status: 'closed', closed_by: ctx.actorId, closed_at: ctx.now, version: shift.version + 1 };
  });
}

/** X report: one shift, as of now. */
export async function xReport(db: Executor, shiftId: string, lang: Language = 'en') {
  const shift = await findShift(db, shiftId);
  const [dto, summary] = await Promise.all([shiftDto(db, shift), summarizeSales(db, { shiftId }, lang)]);
  return { kind: 'x' as const, shift: dto, ...summary };
}

/** Z report: a store's business day — every sale and refund of the date, and the day's shifts. */
export async function zReport(db: Executor, storeId: string, date: string, lang: Language = 'en') {
  const store = await storeInfo(db, storeId);
  const from = startOfLocalDay(date, store.time_zone);
  const to = startOfLocalDay(addDays(date, 1), store.time_zone);
  const [summary, shifts] = await Promise.all([
    summarizeSales(db, { storeId, date }, lang),
    db
      .selectFrom('shifts')
      .selectAll()
      .where('store_id', '=', storeId)
      .where('opened_at', '>=', from)
      .where('opened_at', '<', to)
      .orderBy('opened_at')
      .orderBy('id')
      .execute(),
  ]);
  return {
    kind: 'z' as const,
    store: { id: store.id, name: store.name, timeZone: store.time_zone, currency: store.currency },
    date,
    allShiftsClosed: shifts.every((s) => s.status === 'closed'),
    shifts: shifts.map((s) => ({
      id: s.id,
      drawer: s.drawer,
      status: s.status,
      openingFloat: s.opening_float,
      expectedCash: s.expected_cash,
      countedCash: s.counted_cash,
      overShort: s.over_short,
    })),
    overShort: shifts.reduce((a, s) => a + (s.over_short ?? 0), 0),
    ...summary,
  };
}
