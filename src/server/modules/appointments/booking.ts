// Placing a visit and writing it. The check (the engine, on data read inside the transaction) and the
// write of the occupancy rows (which the database refuses on an overlap) happen in one transaction, so
// two requests for the same time can never both succeed: on SQLite the single writer serialises them and
// the trigger is a second guard; on PostgreSQL the exclusion constraint makes the later one fail.
import type { Insertable } from 'kysely';
import type { AppointmentLinesTable } from '../../db/tables.js';
import type { Executor } from '../../db/tx.js';
import type { auditRow } from '../../platform/audit.js';
import { randomToken } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { jobRows } from '../../platform/jobs/index.js';
import {
  ANY_STAFF,
  type BookingMode,
  busyOfLine,
  occupancy,
  type ResourceBusy,
  type StaffBusy,
  type StartRefusal,
  staffPieces,
} from '../availability/index.js';
import type { CatalogAddOn, EffectiveService } from '../catalog/index.js';
import { booked } from './add-ons.js';
import { AppointmentErrors, isSlotTaken, type SlotAlternative, slotTaken } from './errors.js';
import { check, type LineRequest, nearestAlternatives, type Plan, plan, prepare, type StoreInfo, withBusy } from './planner.js';
import {
  type AppointmentRow,
  type HistoryEntry,
  insertAppointment,
  insertNewVisit,
  insertOccupancy,
  type LineRow,
  type ResourceOccupancy,
  type StaffOccupancy,
} from './repo.js';
import type { LineInput } from './schemas.js';
import type { BookingSettings } from './settings.js';
import { localParts, localToInstant, parseIso } from './time.js';

const MIN_MS = 60_000;

/** A line placed by the engine, with what it costs and what it takes. */
export type PlacedLine = {
  serviceId: string;
  staffId: string;
  staffRequested: boolean;
  resourceId: string | null;
  parallelWithPrevious: boolean;
  start: number;
  end: number;
  bufferBeforeMin: number;
  bufferAfterMin: number;
  processing: { startMin: number; lengthMin: number } | null;
  price: number;
  /** The catalog terms it was placed with (names for the answer; not stored). */
  service: EffectiveService;
  /** Its add-ons' catalog terms (their minutes are in start–end; their prices come on top of `price`). */
  addOns: CatalogAddOn[];
  /** Its length was set by hand (a resize). */
  customDuration: boolean;
};

/** The instant of each line that names one (ISO with offset, or store-local date + time). */
export function resolveStarts(lines: readonly LineInput[], tz: string): Array<number | undefined> {
  return lines.map((l, i) => {
    if (l.start) return parseIso(l.start);
    if (l.date && l.startLocal) {
      try {
        return localToInstant(l.date, l.startLocal, tz);
      } catch (err) {
        if (err instanceof AppError)
          throw new AppError(err.code, err.status, err.params, [{ path: `lines.${i}.startLocal`, message: err.errors[0]?.message ?? '' }]);
        throw err;
      }
    }
    return undefined;
  });
}

export function refusal(reason: StartRefusal, settings: BookingSettings): AppError {
  switch (reason) {
    case 'start_in_past':
      return AppointmentErrors.start_in_past();
    case 'too_soon':
      return AppointmentErrors.too_soon({ minutes: settings.noticeMin });
    case 'beyond_horizon':
      return AppointmentErrors.beyond_horizon({ days: settings.horizonDays });
    case 'staff_cannot_perform':
      return AppointmentErrors.staff_cannot_perform();
    case 'no_resource':
      return AppointmentErrors.no_resource();
    case 'outside_working_hours':
      return AppointmentErrors.outside_working_hours();
    case 'slot_taken':
      return slotTaken(null);
  }
}

const requestOf = (l: LineInput, first: boolean): LineRequest => ({
  serviceId: l.serviceId,
  staffId: l.staffId,
  parallelWithPrevious: !first && !!l.parallelWithPrevious,
  addOnIds: l.addOnIds,
  durationMin: l.durationMin,
});

function priceOf(s: EffectiveService, staffId: string): number {
  return s.staff.find((x) => x.staffId === staffId)?.price ?? s.price;
}

export type PlaceOptions = { mode: BookingMode; now: number; settings: BookingSettings; excludeAppointmentId?: string };

/** One run of lines from a start (see placeLines), with its static engine input. */
export type PreparedRun = { plan: Plan; start: number; lines: readonly LineInput[] };

/**
 * The static part of placing a visit, done before the transaction: starts resolved, lines split into runs,
 * catalog terms and rosters loaded. Lines run from the first line's start (one after another, or with the
 * previous one); a later line that names its own start begins a new run there.
 */
export async function prepareVisit(
  db: Executor,
  store: StoreInfo,
  lines: readonly LineInput[],
  opts: PlaceOptions,
): Promise<PreparedRun[]> {
  const starts = resolveStarts(lines, store.timeZone);
  const heads: number[] = [];
  starts.forEach((s, i) => {
    if (s !== undefined) heads.push(i);
  });
  return Promise.all(
    heads.map(async (from, r) => {
      const run = lines.slice(from, heads[r + 1] ?? lines.length);
      const start = starts[from]!;
      const date = localParts(start, store.timeZone).date;
      const p = await prepare(
        db,
        store,
        run.map((l, i) => requestOf(l, i === 0)),
        { from: date, to: date },
        { ...opts, offset: from },
      );
      return { plan: p, start, lines: run };
    }),
  );
}

/**
 * Places prepared runs on the busy time read now (in the booking transaction): each run around what the
 * earlier runs took. Throws the engine's refusal as a 4xx.
 */
export async function placePrepared(db: Executor, runs: readonly PreparedRun[], settings: BookingSettings): Promise<PlacedLine[]> {
  const extra: { staff: StaffBusy[]; resources: ResourceBusy[] } = { staff: [], resources: [] };
  const placed: PlacedLine[] = [];
  for (const run of runs) {
    const p = await withBusy(db, run.plan, extra);
    const result = check(p, run.start);
    if (!result.ok) throw refusal(result.reason, settings);
    result.slot.lines.forEach((sl, i) => {
      const req = p.requests[i]!;
      const service = p.services.get(sl.serviceId)!;
      const line: PlacedLine = {
        serviceId: sl.serviceId,
        staffId: sl.staffId,
        staffRequested: run.lines[i]!.staffId !== ANY_STAFF,
        resourceId: sl.resourceId,
        parallelWithPrevious: !!req.parallelWithPrevious,
        start: sl.start,
        end: sl.end,
        bufferBeforeMin: req.bufferBeforeMin,
        bufferAfterMin: req.bufferAfterMin,
        processing: req.processing ?? null,
        price: priceOf(service, sl.staffId),
        service,
        addOns: p.addOns[i]!,
        customDuration: run.lines[i]!.durationMin !== undefined,
      };
      placed.push(line);
      const busy = busyOfLine({ ...line });
      extra.staff.push(busy.staff);
      if (busy.resource) extra.resources.push(busy.resource);
    });
  }
  return placed;
}

/** Prepares and places in one go (the demo seeder; bookings split the two around their transaction). */
export async function placeLines(db: Executor, store: StoreInfo, lines: readonly LineInput[], opts: PlaceOptions): Promise<PlacedLine[]> {
  return placePrepared(db, await prepareVisit(db, store, lines, opts), opts.settings);
}

/** The nearest free starts for the whole visit, read fresh (after the failed transaction rolled back). */
export async function alternativesFor(
  db: Executor,
  store: StoreInfo,
  lines: readonly LineInput[],
  opts: PlaceOptions,
): Promise<SlotAlternative[]> {
  try {
    const starts = resolveStarts(lines, store.timeZone);
    const wanted = starts[0]!;
    const date = localParts(wanted, store.timeZone).date;
    const p = await plan(
      db,
      store,
      lines.map((l, i) => requestOf(l, i === 0)),
      { from: date, to: date },
      opts,
    );
    return nearestAlternatives(p, wanted, date);
  } catch {
    return [];
  }
}

/** Runs `book`; a slot_taken refusal gets the nearest alternatives, computed outside the failed transaction. */
export async function withAlternatives<T>(
  db: Executor,
  store: StoreInfo,
  lines: readonly LineInput[],
  opts: PlaceOptions,
  book: () => Promise<T>,
): Promise<T> {
  try {
    return await book();
  } catch (err) {
    if (isSlotTaken(err)) throw slotTaken(await alternativesFor(db, store, lines, { ...opts, now: opts.now }));
    throw err;
  }
}

function isOverlapViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  // 23P01 exclusion_violation; 40P01 a deadlock between two visits racing for the same two technicians.
  if (e?.code === '23P01' || e?.code === '40P01') return true;
  return e?.code === 'SQLITE_CONSTRAINT_TRIGGER' && /slot_taken/.test(e.message ?? '');
}

/** Line rows and occupancy of placed lines, for a new appointment or a reschedule. */
export function lineRows(appointmentId: string, placed: readonly PlacedLine[]): Insertable<AppointmentLinesTable>[] {
  const rows: Insertable<AppointmentLinesTable>[] = placed.map((l, i) => {
    const occ = occupancy(l);
    return {
      id: newId(),
      appointment_id: appointmentId,
      position: i,
      service_id: l.serviceId,
      staff_id: l.staffId,
      staff_requested: l.staffRequested ? 1 : 0,
      resource_id: l.resourceId,
      parallel_with_previous: l.parallelWithPrevious ? 1 : 0,
      start_at: l.start,
      end_at: l.end,
      busy_start_at: occ.span.start,
      busy_end_at: occ.span.end,
      buffer_before_min: l.bufferBeforeMin,
      buffer_after_min: l.bufferAfterMin,
      processing_start_at: occ.gap?.start ?? null,
      processing_end_at: occ.gap?.end ?? null,
      duration_min: Math.round((l.end - l.start) / MIN_MS),
      price: l.price,
      active: 1,
      add_ons: JSON.stringify(l.addOns.map(booked)),
      custom_duration: l.customDuration ? 1 : 0,
    };
  });
  return rows;
}

/** What placed lines take from staff and resources (the rows the database refuses on an overlap). */
function occupancyRows(
  appointmentId: string,
  rows: readonly Insertable<AppointmentLinesTable>[],
  placed: readonly PlacedLine[],
  allowOverlap: boolean,
): { staff: StaffOccupancy[]; resources: ResourceOccupancy[] } {
  const staff = rows.flatMap((row, i) =>
    staffPieces(occupancy(placed[i]!), allowOverlap).map((p) => ({
      appointment_id: appointmentId,
      line_id: row.id!,
      staff_id: row.staff_id,
      start_at: p.start,
      end_at: p.end,
    })),
  );
  const resources = rows
    .filter((row) => row.resource_id)
    .map((row) => ({
      appointment_id: appointmentId,
      line_id: row.id!,
      resource_id: row.resource_id!,
      start_at: row.busy_start_at,
      end_at: row.busy_end_at,
    }));
  return { staff, resources };
}

/** Runs a write of occupancy rows: the database's refusal of an overlap is a 409 slot_taken. */
/** Runs `write` (a statement, or a whole transaction whose overlap is refused at COMMIT), with an overlap as slot_taken. */
export async function guarded<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isOverlapViolation(err)) throw slotTaken(null);
    throw err;
  }
}

export async function guardOccupancy(
  db: Executor,
  appointmentId: string,
  rows: readonly Insertable<AppointmentLinesTable>[],
  placed: readonly PlacedLine[],
  allowOverlap: boolean,
): Promise<void> {
  const { staff, resources } = occupancyRows(appointmentId, rows, placed, allowOverlap);
  await guarded(() => insertOccupancy(db, staff, resources));
}

export type NewAppointment = {
  storeId: string;
  clientId: string | null;
  source: string;
  notes: string | null;
  createdBy: string | null;
  now: number;
};

/** The rows of a new appointment and its lines (not written yet). */
export function newVisit(a: NewAppointment, placed: readonly PlacedLine[]): { row: AppointmentRow; lines: LineRow[] } {
  const id = newId();
  const row: AppointmentRow = {
    id,
    store_id: a.storeId,
    client_id: a.clientId,
    status: 'booked',
    source: a.source,
    notes: a.notes,
    start_at: Math.min(...placed.map((l) => l.start)),
    end_at: Math.max(...placed.map((l) => l.end)),
    cancel_reason: null,
    fee_kind: null,
    fee_amount: null,
    reschedule_count: 0,
    manage_nonce: randomToken(12),
    created_by: a.createdBy,
    confirmed_at: null,
    confirmed_by: null,
    checked_in_at: null,
    checked_in_by: null,
    started_at: null,
    started_by: null,
    completed_at: null,
    completed_by: null,
    cancelled_at: null,
    cancelled_by: null,
    no_show_at: null,
    no_show_by: null,
    version: 1,
    created_at: a.now,
    updated_at: a.now,
  };
  return { row, lines: lineRows(id, placed) as LineRow[] };
}

/** Inserts the appointment, its lines and (guarded) occupancy, without history or audit (the demo). */
export async function insertVisit(
  db: Executor,
  a: NewAppointment,
  placed: readonly PlacedLine[],
  settings: BookingSettings,
): Promise<{ row: AppointmentRow; lines: LineRow[] }> {
  const visit = newVisit(a, placed);
  await insertAppointment(db, visit.row, visit.lines);
  await guardOccupancy(db, visit.row.id, visit.lines, placed, settings.allowProcessingOverlap);
  return visit;
}

/**
 * Writes a booking made by `newVisit`: its rows, guarded occupancy, first history row, audit row and message
 * jobs (one statement on PostgreSQL, see insertNewVisit).
 */
export async function writeNewVisit(
  db: Executor,
  visit: { row: AppointmentRow; lines: LineRow[] },
  placed: readonly PlacedLine[],
  settings: BookingSettings,
  extra: {
    history: HistoryEntry;
    audit: ReturnType<typeof auditRow>;
    jobs: ReturnType<typeof jobRows>;
    afterCommit?: (fn: () => void) => void;
  },
): Promise<void> {
  const occ = occupancyRows(visit.row.id, visit.lines, placed, settings.allowProcessingOverlap);
  await guarded(() => insertNewVisit(db, { ...visit, ...occ, ...extra }));
}
