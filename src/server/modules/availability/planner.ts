// The search behind the engine: per staff member, working time (their hours ∩ the store's, per local
// date) and busy time as sorted intervals; each candidate start is checked with binary searches, trying
// "any technician" candidates in the strategy's order and backtracking across the lines of a visit.
import type { Interval, LocalDate } from '../../platform/zoned-time.js';
import { applyExceptions, compileExceptions, compileWeekly, storeDayMinutes } from './day-hours.js';
import { containsRange, intersect, mergeSorted, nextFit, nextFree, normalizeInPlace, overlapsRange } from './intervals.js';
import { expandMinutes, type LocalDay, localDays, wallTime } from './local-calendar.js';
import { type DayLoads, dayLoads, orderForDay } from './pick-staff.js';
import { ANY_STAFF, type AvailabilityInput, type ServiceRequest, type Slot, type SlotLine } from './types.js';

// Guard against pathological multi-line searches: nodes tried per candidate start. A real visit needs a
// handful; when the budget runs out the start is simply not offered (never a wrong slot).
const SEARCH_BUDGET = 20_000;

// Inside the planner, instants are whole seconds from `base` (the first planned day's start): small
// integers the JS engine keeps unboxed, which matters in the inner loop. Busy time is rounded outwards.
type PlannedStaff = {
  id: string;
  /** Position in the planner's staff list (index of per-person search state). */
  index: number;
  rotationOrder: number;
  performs: ReadonlySet<string>;
  /** Working time (their hours ∩ the store's), sorted. */
  working: Interval[];
  /** Busy time (bookings, blocked time; processing gaps left out when allowed), sorted. Free = working − busy. */
  busy: Interval[];
  worksOnDay: boolean[];
  /** Seconds this person takes for each line of the visit (their own duration, add-ons, or the fixed length). */
  durations: number[];
};

type PlannedLine = {
  req: ServiceRequest;
  group: number;
  groupFirst: boolean;
  /** The largest buffer-before in the line's group: the group starts that long after the previous one ends. */
  groupBufferBefore: number;
  bufferBefore: number;
  bufferAfter: number;
  /** Processing gap offsets from the service start (seconds), or length 0. */
  gapFrom: number;
  gapLength: number;
  /** Seconds added to the performer's duration (add-ons); the fixed length in seconds, or -1. */
  extra: number;
  fixed: number;
};

/** A line placed during the search, with what it holds: staff pieces [a0,a1) and [b0,b1), resource span. */
type Chosen = {
  serviceId: string;
  staffId: string;
  resourceId: string | null;
  start: number;
  end: number;
  group: number;
  a0: number;
  a1: number;
  b0: number;
  b1: number;
  span0: number;
  span1: number;
  bufferAfter: number;
};

/** Everything precomputed for a run of local dates; `place` then answers one candidate start. */
export class Planner {
  readonly days: LocalDay[];
  /** Store opening ranges per day (seconds from base). */
  readonly storeByDay: Interval[][];
  private readonly base: number;
  private readonly staff = new Map<string, PlannedStaff>();
  private readonly resourcesByType = new Map<string, Array<{ id: string; busy: Interval[] }>>();
  private readonly lines: PlannedLine[];
  private loads: Map<string, DayLoads> | null = null;
  private readonly candidateCache = new Map<number, PlannedStaff[]>();
  private readonly allow: boolean;
  // Search state of the current `place` call.
  private chosen: Chosen[] = [];
  private budget = 0;
  private dayIndex = 0;
  /** The end of the current day (planner seconds). */
  private dayEnd = 0;
  // Starts are tried in increasing order on one day, and every piece of the first line is [t + c, t + c')
  // for constants of the person: when a piece does not fit at t, no start before the first t' at which it
  // could (the next range long enough, the end of the booking in the way) can fit either. Per person.
  private skipUntil = new Float64Array(0);
  private skipDay = -1;
  private lastT = Number.NEGATIVE_INFINITY;
  // No start of this day before this one can fit: every candidate for the first line is skipped until then.
  private noneBefore = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly input: AvailabilityInput,
    from: LocalDate,
    to: LocalDate,
    private readonly withBusy: boolean,
  ) {
    const tz = input.timeZone;
    this.allow = input.settings.allowProcessingOverlap;
    this.days = localDays(from, to, tz);
    const rangeStart = this.days[0]!.start;
    const rangeEnd = this.days[this.days.length - 1]!.end;
    this.base = Math.floor(rangeStart / 1000) * 1000;
    // `| 0` keeps the values small integers (all fit: at most ~400 days of seconds).
    const exact = (ivs: Interval[]) =>
      ivs.map((iv) => ({ start: ((iv.start - this.base) / 1000) | 0, end: ((iv.end - this.base) / 1000) | 0 }));
    const outward = (start: number, end: number) => ({
      start: Math.floor((Math.max(start, rangeStart) - this.base) / 1000) | 0,
      end: Math.ceil((Math.min(end, rangeEnd) - this.base) / 1000) | 0,
    });
    this.storeByDay = this.days.map((day) => exact(expandMinutes(day, storeDayMinutes(input.storeHours, day.date, day.weekday), tz)));

    let group = -1;
    this.lines = input.services.map((req, i) => {
      const groupFirst = i === 0 || !req.parallelWithPrevious;
      if (groupFirst) group++;
      const p = req.processing;
      return {
        req,
        group,
        groupFirst,
        groupBufferBefore: 0,
        bufferBefore: req.bufferBeforeMin * 60,
        bufferAfter: req.bufferAfterMin * 60,
        gapFrom: p && p.lengthMin > 0 ? p.startMin * 60 : 0,
        gapLength: p && p.lengthMin > 0 ? p.lengthMin * 60 : 0,
        extra: (req.extraMin ?? 0) * 60,
        fixed: req.fixedDurationMin != null ? req.fixedDurationMin * 60 : -1,
      };
    });
    for (const l of this.lines) {
      const first = this.lines.find((x) => x.group === l.group && x.groupFirst)!;
      first.groupBufferBefore = Math.max(first.groupBufferBefore, l.bufferBefore);
    }

    // Only the people who could take a line are planned.
    const wanted = new Set(input.services.map((r) => r.serviceId));
    const named = new Set(input.services.map((r) => r.staffId));
    const anyLine = named.has(ANY_STAFF);
    const relevant = input.staff.filter((st) => (anyLine || named.has(st.id)) && st.serviceIds.some((id) => wanted.has(id)));

    const staffBusy = new Map<string, Interval[]>(relevant.map((st) => [st.id, []]));
    if (withBusy) {
      for (const b of input.busy.staff) {
        if (b.end <= rangeStart || b.start >= rangeEnd || b.end <= b.start) continue;
        const list = staffBusy.get(b.staffId);
        if (!list) continue;
        const gap = this.allow ? b.processing : null;
        if (gap && gap.end > gap.start) {
          // The free gap is rounded inwards (the busy pieces outwards).
          if (gap.start > b.start) list.push(outward(b.start, gap.start));
          if (b.end > gap.end) list.push(outward(gap.end, b.end));
        } else {
          list.push(outward(b.start, b.end));
        }
      }
    }
    // Most of a team shares the same hours: a day's hours ∩ the store's are worked out once per distinct
    // hours (the intervals are shared, never modified).
    const dayHours = new Map<string, Interval[]>();
    for (const st of relevant) {
      const weekly = compileWeekly(st.weeklyHours);
      const exceptions = compileExceptions(st.exceptions);
      const worksOnDay: boolean[] = [];
      const working: Interval[] = [];
      this.days.forEach((day, i) => {
        const ex = exceptions.get(day.date);
        const minutes = ex ? applyExceptions(weekly[day.weekday], ex) : weekly[day.weekday];
        let ivs: Interval[] = [];
        if (minutes.length) {
          const key = `${i}|${minutes.join(';')}`;
          const known = dayHours.get(key);
          ivs = known ?? intersect(exact(expandMinutes(day, minutes, tz)), this.storeByDay[i]!);
          if (!known) dayHours.set(key, ivs);
        }
        worksOnDay.push(ivs.length > 0);
        for (const iv of ivs) working.push(iv);
      });
      this.staff.set(st.id, {
        id: st.id,
        index: this.staff.size,
        rotationOrder: st.rotationOrder,
        performs: new Set(st.serviceIds),
        working: mergeSorted(working),
        busy: normalizeInPlace(staffBusy.get(st.id) ?? []),
        worksOnDay,
        durations: this.lines.map((L) =>
          L.fixed >= 0 ? L.fixed : (st.durationsMin?.[L.req.serviceId] ?? L.req.durationMin) * 60 + L.extra,
        ),
      });
    }
    this.skipUntil = new Float64Array(this.staff.size).fill(Number.NEGATIVE_INFINITY);

    const resourceBusy = new Map<string, Interval[]>();
    if (withBusy) {
      for (const b of input.busy.resources) {
        if (b.end <= rangeStart || b.start >= rangeEnd || b.end <= b.start) continue;
        const list = resourceBusy.get(b.resourceId);
        if (list) list.push(outward(b.start, b.end));
        else resourceBusy.set(b.resourceId, [outward(b.start, b.end)]);
      }
    }
    for (const r of input.resources) {
      const list = this.resourcesByType.get(r.type) ?? [];
      list.push({ id: r.id, busy: normalizeInPlace(resourceBusy.get(r.id) ?? []) });
      this.resourcesByType.set(r.type, list);
    }
  }

  /** Epoch ms to planner seconds (fractional for instants off the whole second). */
  toSec(ms: number): number {
    return (ms - this.base) / 1000;
  }

  toMs(sec: number): number {
    return this.base + Math.round(sec * 1000);
  }

  private candidates(lineIndex: number, dayIndex: number): PlannedStaff[] {
    const key = lineIndex * 100_000 + dayIndex;
    let list = this.candidateCache.get(key);
    if (list) return list;
    const { req } = this.lines[lineIndex]!;
    if (req.staffId === ANY_STAFF) {
      const working = [...this.staff.values()].filter((s) => s.worksOnDay[dayIndex] && s.performs.has(req.serviceId));
      const strategy = this.input.settings.anyStaffStrategy;
      if (!this.loads)
        this.loads =
          strategy === 'fixed_order' || !this.withBusy ? new Map() : dayLoads(this.input.busy.staff, this.days, new Set(this.staff.keys()));
      list = orderForDay(working, strategy, this.loads, dayIndex);
    } else {
      const s = this.staff.get(req.staffId);
      list = s?.performs.has(req.serviceId) ? [s] : [];
    }
    this.candidateCache.set(key, list);
    return list;
  }

  private pickResource(type: string, span0: number, span1: number): string | null {
    for (const r of this.resourcesByType.get(type) ?? []) {
      if (overlapsRange(r.busy, span0, span1)) continue;
      let clash = false;
      for (const c of this.chosen) if (c.resourceId === r.id && c.span0 < span1 && span0 < c.span1) clash = true;
      if (!clash) return r.id;
    }
    return null;
  }

  private clashesWithVisit(staffId: string, a0: number, a1: number, b0: number, b1: number): boolean {
    for (const c of this.chosen) {
      if (c.staffId !== staffId) continue;
      if ((a0 < c.a1 && c.a0 < a1) || (a0 < c.b1 && c.b0 < a1) || (b0 < c.a1 && c.a0 < b1) || (b0 < c.b1 && c.b0 < b1)) return true;
    }
    return false;
  }

  /**
   * Free for a piece = inside one working range and clear of every busy range. When not, and the piece
   * belongs to the first line at grid start `t`, notes the first start at which it is free again.
   */
  private free(s: PlannedStaff, p0: number, p1: number, t: number): boolean {
    if (containsRange(s.working, p0, p1) && !overlapsRange(s.busy, p0, p1)) return true;
    // Looking past the day is wasted: the next day starts afresh.
    if (!Number.isNaN(t)) this.skipUntil[s.index] = t + (nextFree(s.working, s.busy, p0, p1, this.dayEnd + (p0 - t)) - p0);
    return false;
  }

  private step(i: number, groupStart: number): boolean {
    if (i === this.lines.length) return true;
    const L = this.lines[i]!;
    const { req } = L;
    let start = groupStart;
    if (L.groupFirst && i > 0) {
      let previousEnd = Number.NEGATIVE_INFINITY;
      for (const c of this.chosen) if (c.group === L.group - 1) previousEnd = Math.max(previousEnd, c.end + c.bufferAfter);
      start = previousEnd + L.groupBufferBefore;
    }
    const store = this.storeByDay[this.dayIndex]!;
    const span0 = start - L.bufferBefore;
    const candidates = this.candidates(i, this.dayIndex);
    // Only the first line's start is the grid's t (see skipUntil); NaN elsewhere.
    const t = i === 0 ? start : Number.NaN;
    const skip = this.skipUntil;
    for (let k = 0; k < candidates.length; k++) {
      const s = candidates[k]!;
      if (--this.budget < 0) return false;
      if (i === 0 && skip[s.index]! > start) continue;
      const end = start + s.durations[i]!;
      if (!containsRange(store, start, end)) {
        if (i === 0) skip[s.index] = nextFit(store, start, end);
        continue;
      }
      const span1 = end + L.bufferAfter;
      // The technician's pieces: [a0, a1) and [b0, b1) around the processing gap, or the whole span.
      let a1 = span1;
      let b0 = span1;
      if (this.allow && L.gapLength > 0) {
        const g0 = start + L.gapFrom;
        const g1 = Math.min(end, g0 + L.gapLength);
        if (g1 > g0) {
          a1 = g0;
          b0 = g1;
        }
      }
      if (a1 > span0 && !this.free(s, span0, a1, t)) continue;
      if (span1 > b0 && !this.free(s, b0, span1, t)) continue;
      if (this.chosen.length && this.clashesWithVisit(s.id, span0, a1, b0, span1)) continue;
      let resourceId: string | null = null;
      if (req.resourceType) {
        resourceId = this.pickResource(req.resourceType, span0, span1);
        if (resourceId === null) continue;
      }
      this.chosen.push({
        serviceId: req.serviceId,
        staffId: s.id,
        resourceId,
        start,
        end,
        group: L.group,
        a0: span0,
        a1,
        b0,
        b1: span1,
        span0,
        span1,
        bufferAfter: L.bufferAfter,
      });
      if (this.step(i + 1, start)) return true;
      this.chosen.pop();
    }
    return false;
  }

  /** The visit starting at `t` (planner seconds) on day `dayIndex`, or null when it does not fit. */
  place(t: number, dayIndex: number): Slot | null {
    if (dayIndex !== this.skipDay || t < this.lastT) {
      this.skipUntil.fill(Number.NEGATIVE_INFINITY);
      this.noneBefore = Number.NEGATIVE_INFINITY;
    }
    this.skipDay = dayIndex;
    this.lastT = t;
    if (t < this.noneBefore) return null;
    this.chosen = [];
    this.budget = SEARCH_BUDGET;
    this.dayIndex = dayIndex;
    this.dayEnd = this.toSec(this.days[dayIndex]!.end);
    if (!this.step(0, t)) {
      // A candidate that failed for another reason (a later line, a resource) still has skipUntil <= t.
      let next = Number.POSITIVE_INFINITY;
      for (const s of this.candidates(0, dayIndex)) next = Math.min(next, this.skipUntil[s.index]!);
      this.noneBefore = next;
      return null;
    }
    const day = this.days[dayIndex]!;
    const start = this.toMs(t);
    let end = start;
    const lines: SlotLine[] = this.chosen.map((c) => {
      const line = {
        serviceId: c.serviceId,
        staffId: c.staffId,
        resourceId: c.resourceId,
        start: this.toMs(c.start),
        end: this.toMs(c.end),
      };
      if (line.end > end) end = line.end;
      return line;
    });
    return { start, end, startLocal: wallTime(day, start, this.input.timeZone), date: day.date, lines };
  }
}
