import type { Shift, Store } from '../../http/types.js';
import { dateIn, weekdayIn } from '../../lib/hours.js';

export type TodayHours = { kind: 'open'; shifts: Shift[]; special: boolean } | { kind: 'closed'; special: boolean } | { kind: 'unset' };

/** What the store's hours are today in its own time zone, special dates first. */
export function todayHours(store: Store, now: Date = new Date()): TodayHours {
  const today = dateIn(store.timeZone, now);
  const special = store.specialDates?.find((d) => d.date === today);
  if (special) {
    return special.closed || special.hours.length === 0
      ? { kind: 'closed', special: true }
      : { kind: 'open', shifts: special.hours, special: true };
  }
  const week = store.hours ?? {};
  const anySet = Object.values(week).some((shifts) => Array.isArray(shifts) && shifts.length > 0);
  if (!anySet) return { kind: 'unset' };
  const shifts = week[weekdayIn(store.timeZone, now)] ?? [];
  return shifts.length ? { kind: 'open', shifts, special: false } : { kind: 'closed', special: false };
}
