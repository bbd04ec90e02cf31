// Opening hours as the API stores them: "HH:mm" wall-clock shifts per weekday.
import type { Shift, WeeklyHours } from '../http/types.js';
import { WEEKDAYS } from '../http/types.js';

/** The API allows at most this many shifts in one day. */
export const MAX_SHIFTS = 4;

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export type ShiftProblem = 'format' | 'order' | 'overlap';

/** Problems per shift index for one day's shifts (split shifts allowed, but they must not overlap). */
export function validateShifts(shifts: readonly Shift[]): Map<number, ShiftProblem> {
  const problems = new Map<number, ShiftProblem>();
  shifts.forEach((shift, index) => {
    if (!HHMM.test(shift.open) || !HHMM.test(shift.close)) problems.set(index, 'format');
    else if (shift.close <= shift.open) problems.set(index, 'order');
  });
  const ordered = shifts
    .map((shift, index) => ({ shift, index }))
    .filter(({ index }) => !problems.has(index))
    .sort((a, b) => a.shift.open.localeCompare(b.shift.open));
  for (let i = 1; i < ordered.length; i++) {
    const prev = ordered[i - 1];
    const cur = ordered[i];
    if (prev && cur && cur.shift.open < prev.shift.close) problems.set(cur.index, 'overlap');
  }
  return problems;
}

export function sortShifts(shifts: readonly Shift[]): Shift[] {
  return [...shifts].sort((a, b) => a.open.localeCompare(b.open));
}

export function emptyWeek(): WeeklyHours {
  return { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
}

/** Accepts whatever the server sent (missing days, null) and returns a full week. */
export function normalizeWeek(hours: Partial<WeeklyHours> | null | undefined): WeeklyHours {
  const week = emptyWeek();
  for (const day of WEEKDAYS) week[day] = [...(hours?.[day] ?? [])];
  return week;
}

/** A suggested next shift after the last one, e.g. for "add a split shift". */
export function nextShift(shifts: readonly Shift[]): Shift {
  const last = sortShifts(shifts).at(-1);
  if (!last) return { open: '09:00', close: '19:00' };
  const [h] = last.close.split(':').map(Number);
  const open = Math.min((h ?? 17) + 1, 22);
  const close = Math.min(open + 3, 23);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { open: `${pad(open)}:00`, close: `${pad(close)}:${close === 23 ? '59' : '00'}` };
}

/** The weekday key ("mon"…"sun") of a date in a zone. */
export function weekdayIn(zone: string, at: Date = new Date()): (typeof WEEKDAYS)[number] {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'short' }).format(at).toLowerCase();
  return (WEEKDAYS.find((d) => name.startsWith(d)) ?? 'mon') as (typeof WEEKDAYS)[number];
}

/** "YYYY-MM-DD" of a date in a zone. */
export function dateIn(zone: string, at: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
