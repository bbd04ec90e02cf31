// "Any technician": the order in which free staff are tried on one local day.
import type { Interval } from '../../platform/zoned-time.js';
import type { AnyStaffStrategy, StaffBusy } from './types.js';

/** One staff member's bookings per day: booked seconds and appointment count, indexed by day. */
export type DayLoads = { seconds: Float64Array; count: Int32Array };

/**
 * Booked time and appointment count per staff member per day (blocked time excluded). `days` are the
 * local days as instants, sorted; an appointment counts on the day it starts, its time on each day it covers.
 */
export function dayLoads(busy: readonly StaffBusy[], days: readonly Interval[], staffIds?: ReadonlySet<string>): Map<string, DayLoads> {
  const loads = new Map<string, DayLoads>();
  if (days.length === 0) return loads;
  const first = days[0]!.start;
  const last = days[days.length - 1]!.end;
  for (const b of busy) {
    if (b.kind === 'blocked' || b.end <= first || b.start >= last || b.end <= b.start) continue;
    if (staffIds && !staffIds.has(b.staffId)) continue;
    let load = loads.get(b.staffId);
    if (!load) {
      load = { seconds: new Float64Array(days.length), count: new Int32Array(days.length) };
      loads.set(b.staffId, load);
    }
    let i = dayIndex(days, Math.max(b.start, first));
    if (b.start >= first) load.count[i]!++;
    for (; i < days.length && days[i]!.start < b.end; i++) {
      const overlap = Math.min(b.end, days[i]!.end) - Math.max(b.start, days[i]!.start);
      if (overlap > 0) load.seconds[i]! += overlap / 1000;
    }
  }
  return loads;
}

function dayIndex(days: readonly Interval[], t: number): number {
  let lo = 0;
  let hi = days.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (days[mid]!.start <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

type Candidate = { id: string; rotationOrder: number };

/** Staff sorted for day `day` by the strategy; ties by rotation order, then id (a stable, total order). */
export function orderForDay<T extends Candidate>(
  staff: readonly T[],
  strategy: AnyStaffStrategy,
  loads: ReadonlyMap<string, DayLoads>,
  day: number,
): T[] {
  const key = (s: T): number => {
    if (strategy === 'fixed_order') return 0;
    const load = loads.get(s.id);
    if (!load) return 0;
    return strategy === 'least_booked' ? load.seconds[day]! : load.count[day]!;
  };
  return staff
    .map((s) => ({ s, k: key(s) }))
    .sort((a, b) => a.k - b.k || a.s.rotationOrder - b.s.rotationOrder || (a.s.id < b.s.id ? -1 : a.s.id > b.s.id ? 1 : 0))
    .map((x) => x.s);
}
