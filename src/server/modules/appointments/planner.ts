// Gathers what the availability engine needs for one store and one visit (hours, rosters, catalog
// terms, bookings, blocked time, resources, settings) and asks it. The engine stays pure; this is its I/O.
import { type Executor, isPostgres } from '../../db/tx.js';
import type { LocalDate } from '../../platform/zoned-time.js';
import {
  ANY_STAFF,
  type AvailabilityInput,
  type BookingMode,
  computeAvailability,
  evaluateStart,
  localDay,
  type ResourceBusy,
  type ServiceRequest,
  type Slot,
  type StaffBusy,
  type StaffInput,
  type StartCheck,
  type WeeklyHours,
} from '../availability/index.js';
import { type CatalogAddOn, type EffectiveService, getEffectiveServices } from '../catalog/index.js';
import { cachedForStore, cachedStoreRow, type StoreRow } from '../stores/index.js';
import { extraMinutes, resolveLineAddOns } from './add-ons.js';
import { AppointmentErrors, type SlotAlternative } from './errors.js';
import { loadSettings, resourceBusy, staffBusy, staffBusyAndBlocked, staffNames, storeResources } from './repo.js';
import { loadBlocked, loadRosters } from './schedules.js';
import { type BookingSettings, engineSettings } from './settings.js';
import { isoIn, shiftDate } from './time.js';

export type StoreInfo = {
  id: string;
  name: string;
  slug: string;
  timeZone: string;
  currency: string;
  phone: string | null;
  address: string | null;
  hours: WeeklyHours;
  specialDates: Array<{ date: string; closed: boolean; hours?: Array<{ open: string; close: string }> }>;
  archived: boolean;
};

/** The store by id (cached: see cachedForStore; the value is shared, do not change it) or by slug. */
export async function loadStore(db: Executor, where: { id: string } | { slug: string }): Promise<StoreInfo | undefined> {
  if ('id' in where) return cachedForStore(db, 'appointments.store', where.id, async () => storeInfo(await cachedStoreRow(db, where.id)));
  return storeInfo(await db.selectFrom('stores').selectAll().where('slug', '=', where.slug).executeTakeFirst());
}

function storeInfo(row: StoreRow | undefined): StoreInfo | undefined {
  if (!row) return undefined;
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    timeZone: row.time_zone,
    currency: row.currency,
    phone: row.phone,
    address: row.address,
    hours: JSON.parse(row.hours) as WeeklyHours,
    specialDates: JSON.parse(row.special_dates) as StoreInfo['specialDates'],
    archived: row.archived === 1,
  };
}

export type LineRequest = {
  serviceId: string;
  staffId: string;
  parallelWithPrevious?: boolean | undefined;
  /** Add-ons on the line (see add-ons.ts): they lengthen it. */
  addOnIds?: readonly string[] | undefined;
  /** A length set by hand (a resize), add-ons included. */
  durationMin?: number | undefined;
};

export type Plan = {
  store: StoreInfo;
  settings: BookingSettings;
  services: Map<string, EffectiveService>;
  requests: ServiceRequest[];
  /** The add-ons of each request, checked against the catalog. */
  addOns: CatalogAddOn[][];
  input: AvailabilityInput;
  /** Names of the store's staff (for the answer of a booking). */
  staffNames: Map<string, { name: string; displayName: string; active: boolean }>;
  /** Instants whose busy time matters (the range plus a day each side). */
  window: { fromMs: number; toMs: number };
  excludeAppointmentId: string | undefined;
};

export type PlanOptions = {
  mode: BookingMode;
  now: number;
  /** An appointment being rescheduled: its own time does not count as busy. */
  excludeAppointmentId?: string;
  settings?: BookingSettings;
  /** The index of the first line in the request (errors name 'lines.<offset + i>.serviceId'). */
  offset?: number;
  /** Field path of a line's field in errors, when the request is not shaped as `lines` (e.g. `serviceIds.0`). */
  field?: (i: number, field: 'serviceId' | 'staffId') => string;
  /** Add-ons of a flat list (the availability query), each on the first line that takes it; errors name `addOnIds.<k>`. */
  addOnIds?: readonly string[] | undefined;
};

/**
 * What does not change from one second to the next (catalog terms, rosters, the store's rooms): loaded
 * once, outside the booking transaction. The engine input has no busy time yet (see `withBusy`).
 */
export async function prepare(
  db: Executor,
  store: StoreInfo,
  lines: readonly LineRequest[],
  range: { from: LocalDate; to: LocalDate },
  opts: PlanOptions,
): Promise<Plan> {
  const at = (i: number, field: 'serviceId' | 'staffId') => opts.field?.(i, field) ?? `lines.${(opts.offset ?? 0) + i}.${field}`;
  const settings = opts.settings ?? (await loadSettings(db, store.id)).settings;
  const serviceIds = lines.map((l) => l.serviceId);
  const services = await cachedForStore(db, `appointments.services:${serviceIds.join(',')}`, store.id, () =>
    getEffectiveServices(db, store.id, serviceIds),
  );
  lines.forEach((l, i) => {
    const s = services.get(l.serviceId);
    if (!s || s.archived || !s.available) {
      throw AppointmentErrors.unknown_reference({ field: at(i, 'serviceId') }, [
        { path: at(i, 'serviceId'), message: `unknown service ${l.serviceId}` },
      ]);
    }
    if (opts.mode === 'online' && !s.onlineBookable) {
      throw AppointmentErrors.service_not_bookable_online({}, [{ path: at(i, 'serviceId'), message: 'not bookable online' }]);
    }
  });
  const addOns = await resolveLineAddOns(
    db,
    lines,
    services,
    { perLine: (i, j) => `lines.${(opts.offset ?? 0) + i}.addOnIds.${j}`, loose: (k) => `addOnIds.${k}` },
    opts.addOnIds,
  );
  const fromMs = localDay(shiftDate(range.from, -1), store.timeZone).start;
  const toMs = localDay(shiftDate(range.to, 1), store.timeZone).end;
  const rosters = await loadRosters(db, store.id, fromMs, toMs);
  const names = await cachedForStore(db, 'appointments.staffNames', store.id, () => staffNames(db, [...rosters.keys()]));
  lines.forEach((l, i) => {
    if (l.staffId !== ANY_STAFF && !rosters.has(l.staffId)) {
      throw AppointmentErrors.unknown_reference({ field: at(i, 'staffId') }, [
        { path: at(i, 'staffId'), message: `no such staff member at this store: ${l.staffId}` },
      ]);
    }
  });

  // Who can be asked: named staff, and for "any" lines everyone at the store who performs the service.
  const performs = new Map<string, { serviceIds: string[]; durationsMin: Record<string, number> }>();
  for (const l of lines) {
    for (const st of services.get(l.serviceId)!.staff) {
      if (l.staffId !== ANY_STAFF && l.staffId !== st.staffId) continue;
      const p = performs.get(st.staffId) ?? { serviceIds: [], durationsMin: {} };
      if (!p.serviceIds.includes(l.serviceId)) p.serviceIds.push(l.serviceId);
      if (st.ownDuration) p.durationsMin[l.serviceId] = st.durationMin;
      performs.set(st.staffId, p);
    }
  }
  const staff: StaffInput[] = [];
  for (const [id, roster] of rosters) {
    const p = performs.get(id);
    if (p) staff.push({ ...roster, serviceIds: p.serviceIds, durationsMin: p.durationsMin });
  }
  // A named technician who does not perform the service still goes in, so the engine can say so.
  for (const l of lines) {
    if (l.staffId !== ANY_STAFF && !staff.some((s) => s.id === l.staffId)) staff.push({ ...rosters.get(l.staffId)!, serviceIds: [] });
  }

  const requests: ServiceRequest[] = lines.map((l, i) => {
    const s = services.get(l.serviceId)!;
    return {
      serviceId: l.serviceId,
      staffId: l.staffId,
      durationMin: s.durationMin,
      extraMin: extraMinutes(addOns[i]!),
      fixedDurationMin: l.durationMin ?? null,
      bufferBeforeMin: s.bufferBeforeMin,
      bufferAfterMin: s.bufferAfterMin,
      processing: s.processing,
      resourceType: s.resourceType,
      parallelWithPrevious: i > 0 && !!l.parallelWithPrevious,
    };
  });
  const needsResources = requests.some((r) => r.resourceType);
  const resources = needsResources ? await storeResources(db, store.id) : [];
  const input: AvailabilityInput = {
    timeZone: store.timeZone,
    dateRange: range,
    now: opts.now,
    storeHours: {
      weekly: store.hours,
      specialDates: store.specialDates.map((d) => ({ date: d.date, closed: d.closed, hours: d.hours ?? [] })),
    },
    staff,
    services: requests,
    busy: { staff: [], resources: [] },
    resources,
    settings: engineSettings(settings, opts.mode),
  };
  return {
    store,
    settings,
    services,
    requests,
    addOns,
    input,
    staffNames: names,
    window: { fromMs, toMs },
    excludeAppointmentId: opts.excludeAppointmentId,
  };
}

/**
 * Adds what the candidate staff and the store's rooms are busy with (appointments, blocked time). Inside a
 * booking this runs in the transaction, so the check sees what the write will be checked against.
 */
export async function withBusy(
  db: Executor,
  p: Plan,
  extra?: { staff: readonly StaffBusy[]; resources: readonly ResourceBusy[] },
): Promise<Plan> {
  const { fromMs, toMs } = p.window;
  const staffIds = p.input.staff.map((s) => s.id);
  const resourceIds = p.input.resources.map((r) => r.id);
  const read = async (): Promise<[StaffBusy[], ResourceBusy[], StaffBusy[]]> => {
    const rooms = resourceBusy(db, resourceIds, fromMs, toMs, p.excludeAppointmentId);
    // A booking on PostgreSQL reads lines and blocked time in one round trip (the transaction's client is
    // one connection, so separate reads would run one after another anyway).
    if (db.isTransaction && isPostgres(db)) {
      const [[lines, blocked], busyRooms] = await Promise.all([
        staffBusyAndBlocked(db, staffIds, fromMs, toMs, p.excludeAppointmentId),
        rooms,
      ]);
      return [lines, busyRooms, blocked];
    }
    return Promise.all([staffBusy(db, staffIds, fromMs, toMs, p.excludeAppointmentId), rooms, loadBlocked(db, staffIds, fromMs, toMs)]);
  };
  // Browsing availability reuses what was read since the last booking write (a month of a busy salon is
  // thousands of lines); a booking checks what its own transaction reads.
  const key = `appointments.busy:${fromMs}:${toMs}:${p.excludeAppointmentId ?? ''}:${staffIds.join(',')}:${resourceIds.join(',')}`;
  const [busyStaff, busyResources, blocked] = db.isTransaction ? await read() : await cachedForStore(db, key, p.store.id, read, 'busy');
  const busy = {
    staff: [...busyStaff, ...blocked, ...(extra?.staff ?? [])],
    resources: [...busyResources, ...(extra?.resources ?? [])],
  };
  return { ...p, input: { ...p.input, busy } };
}

/** Everything for the engine over the local dates [from, to] (plus a day each side for buffers). */
export async function plan(
  db: Executor,
  store: StoreInfo,
  lines: readonly LineRequest[],
  range: { from: LocalDate; to: LocalDate },
  opts: PlanOptions,
): Promise<Plan> {
  return withBusy(db, await prepare(db, store, lines, range, opts));
}

export function slots(p: Plan): Slot[] {
  return computeAvailability(p.input);
}

export function check(p: Plan, start: number): StartCheck {
  return evaluateStart(p.input, start);
}

export function slotDto(slot: Slot, tz: string): SlotAlternative {
  const start = isoIn(slot.start, tz);
  const end = isoIn(slot.end, tz);
  // Most lines start or end with the visit: reuse those strings (a month of slots formats thousands).
  const iso = (ms: number) => (ms === slot.start ? start : ms === slot.end ? end : isoIn(ms, tz));
  return {
    start,
    end,
    date: slot.date,
    startLocal: slot.startLocal,
    lines: slot.lines.map((l) => ({
      serviceId: l.serviceId,
      staffId: l.staffId,
      resourceId: l.resourceId,
      start: iso(l.start),
      end: iso(l.end),
    })),
  };
}

/** The free starts nearest to `wanted` on its local date and the next few, closest first. */
export function nearestAlternatives(p: Plan, wanted: number, date: LocalDate, count = 5): SlotAlternative[] {
  const input = { ...p.input, dateRange: { from: date, to: shiftDate(date, 6) } };
  const found = computeAvailability(input);
  return found
    .sort((a, b) => Math.abs(a.start - wanted) - Math.abs(b.start - wanted) || a.start - b.start)
    .slice(0, count)
    .sort((a, b) => a.start - b.start)
    .map((s) => slotDto(s, p.store.timeZone));
}
