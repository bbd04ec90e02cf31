// The availability engine: pure, no I/O, no clock. Given hours, rosters, existing bookings, resources,
// settings and `now`, it lists bookable starts for a visit of one or more services, each with the staff
// member and resource it would use.
//
// How: per staff member, "free" = (their hours ∩ the store's hours, as instants per local date) minus
// their busy time, as sorted disjoint intervals. Each candidate start on the slot grid is then checked with
// binary searches: cost grows with the number of intervals and starts, not with minutes.
//
// Rules, in one place:
// - A line holds its technician from buffer-before to buffer-after; with `allowProcessingOverlap` the
//   processing gap is free again (for existing appointments and for the offered line alike).
// - Everything the technician does (buffers included) lies inside their working hours and the store's;
//   the service itself ([start, end)) lies inside one opening range of the store. A break of the
//   technician may fall inside a processing gap.
// - A resource is held for the whole span, processing included.
// - Lines run one after the other (the next starts after the previous line's end + buffer after + its
//   own buffer before) or, with `parallelWithPrevious`, together with the previous line.
// - Online: no start before now + notice or on a local date past today + horizon. Front desk: neither
//   rule, but never a start in the past.
import { isLocalDate, isValidTimeZone, type LocalDate } from '../../platform/zoned-time.js';
import { dateOf, shiftDate } from './local-calendar.js';
import { Planner } from './planner.js';
import {
  ANY_STAFF,
  ANY_STAFF_STRATEGIES,
  type AvailabilityInput,
  type ServiceRequest,
  type Slot,
  type StaffInput,
  type StartCheck,
} from './types.js';

const MIN_MS = 60_000;
/** The longest date range one call may ask for. */
export const MAX_RANGE_DAYS = 400;
/** Services in one visit. */
export const MAX_SERVICES = 10;
/**
 * The longest time one booked line can hold (buffer before + duration + add-ons + buffer after, each at
 * most a day by assertInput): lines are only placed through the engine, so busy time reaching into a
 * range starts at most this long before it.
 */
export const MAX_LINE_SPAN_MS = 4 * 1440 * MIN_MS;

// Dates already found real (Temporal parses each otherwise): bounded, like the calendar memos.
const realDates = new Set<string>();
function isRealDate(date: string): boolean {
  if (realDates.has(date)) return true;
  if (!isLocalDate(date)) return false;
  if (realDates.size >= 10_000) realDates.clear();
  realDates.add(date);
  return true;
}

function assertInput(input: AvailabilityInput): void {
  const bad = (what: string) => {
    throw new RangeError(`availability input: ${what}`);
  };
  const { settings: s } = input;
  if (!isValidTimeZone(input.timeZone)) bad('timeZone is not an IANA zone');
  if (!isRealDate(input.dateRange.from) || !isRealDate(input.dateRange.to)) bad('dateRange needs YYYY-MM-DD dates');
  if (!Number.isSafeInteger(input.now)) bad('now must be epoch ms');
  if (!Number.isInteger(s.slotStepMin) || s.slotStepMin < 1 || s.slotStepMin > 1440) bad('slotStepMin must be 1..1440');
  if (!Number.isInteger(s.noticeMin) || s.noticeMin < 0) bad('noticeMin must be a non-negative integer');
  if (!Number.isInteger(s.horizonDays) || s.horizonDays < 0) bad('horizonDays must be a non-negative integer');
  if (!ANY_STAFF_STRATEGIES.includes(s.anyStaffStrategy)) bad('unknown anyStaffStrategy');
  if (input.services.length === 0 || input.services.length > MAX_SERVICES) bad(`1..${MAX_SERVICES} services`);
  const minutes = (v: unknown, min: number) => Number.isInteger(v) && (v as number) >= min && (v as number) <= 1440;
  for (const r of input.services) {
    if (!minutes(r.durationMin, 1) || !minutes(r.bufferBeforeMin, 0) || !minutes(r.bufferAfterMin, 0))
      bad(`bad minutes in service ${r.serviceId}`);
    if ((r.extraMin !== undefined && !minutes(r.extraMin, 0)) || (r.fixedDurationMin != null && !minutes(r.fixedDurationMin, 1)))
      bad(`bad extra or fixed minutes in service ${r.serviceId}`);
    if (r.processing && (!minutes(r.processing.startMin, 0) || !minutes(r.processing.lengthMin, 0)))
      bad(`bad processing in service ${r.serviceId}`);
  }
  for (const st of input.staff) {
    for (const [serviceId, d] of Object.entries(st.durationsMin ?? {}))
      if (!minutes(d, 1)) bad(`bad duration of ${st.id} for ${serviceId}`);
  }
}

function dayCount(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
}

function limits(input: AvailabilityInput): { earliest: number; lastDate: LocalDate | null; today: LocalDate } {
  const { settings: s, now, timeZone } = input;
  const today = dateOf(now, timeZone);
  const online = s.mode === 'online';
  return { earliest: online ? now + s.noticeMin * MIN_MS : now, lastDate: online ? shiftDate(today, s.horizonDays) : null, today };
}

/** Bookable starts in the date range, sorted by time, each with the staff and resources it would use. */
export function computeAvailability(input: AvailabilityInput): Slot[] {
  assertInput(input);
  const { from, to } = input.dateRange;
  if (to < from) return [];
  if (dayCount(from, to) > MAX_RANGE_DAYS) throw new RangeError(`availability input: at most ${MAX_RANGE_DAYS} days per call`);
  const { earliest, lastDate, today } = limits(input);
  // Dates before today cannot have a future start; dates past the horizon are not offered online.
  // (ISO dates compare as strings.)
  const first = [from, today].sort()[1]!;
  const last = lastDate !== null && lastDate < to ? lastDate : to;
  if (last < first) return [];
  // One day more on each side: a buffer may reach past midnight when hours run to 24:00.
  const planner = new Planner(input, shiftDate(first, -1), shiftDate(last, 1), true);
  const step = input.settings.slotStepMin * 60;
  const earliestSec = Math.ceil(planner.toSec(earliest));
  const slots: Slot[] = [];
  planner.days.forEach((day, d) => {
    if (d === 0 || d === planner.days.length - 1 || day.end <= earliest) return;
    for (const w of planner.storeByDay[d]!) {
      let t = w.start;
      if (t < earliestSec) t += Math.ceil((earliestSec - t) / step) * step;
      for (; t < w.end; t += step) {
        const slot = planner.place(t, d);
        if (slot) slots.push(slot);
      }
    }
  });
  return slots;
}

/**
 * Checks one start chosen by a person (any minute, not only the grid) and says why it cannot be booked:
 * in the past, too soon or past the horizon (online), nobody able to do a service, no resource of the
 * type, outside working hours, or taken. On success the slot carries the staff and resources to book.
 */
export function evaluateStart(input: AvailabilityInput, start: number): StartCheck {
  assertInput(input);
  if (!Number.isSafeInteger(start)) throw new RangeError('availability input: start must be epoch ms');
  const { earliest, lastDate } = limits(input);
  if (start < input.now) return { ok: false, reason: 'start_in_past' };
  if (start < earliest) return { ok: false, reason: 'too_soon' };
  const date = dateOf(start, input.timeZone);
  if (lastDate !== null && date > lastDate) return { ok: false, reason: 'beyond_horizon' };

  const byId = new Map<string, StaffInput>(input.staff.map((s) => [s.id, s]));
  const able = (req: ServiceRequest) =>
    req.staffId === ANY_STAFF
      ? input.staff.some((s) => s.serviceIds.includes(req.serviceId))
      : !!byId.get(req.staffId)?.serviceIds.includes(req.serviceId);
  if (!input.services.every(able)) return { ok: false, reason: 'staff_cannot_perform' };
  if (input.services.some((r) => r.resourceType && !input.resources.some((x) => x.type === r.resourceType)))
    return { ok: false, reason: 'no_resource' };

  const [before, after] = [shiftDate(date, -1), shiftDate(date, 1)];
  const planner = new Planner(input, before, after, true);
  const slot = planner.place(planner.toSec(start), 1);
  if (slot) return { ok: true, slot };
  // Refused: without anyone's bookings, would it fit the hours at all?
  const loose = new Planner(input, before, after, false);
  return { ok: false, reason: loose.place(loose.toSec(start), 1) ? 'slot_taken' : 'outside_working_hours' };
}
