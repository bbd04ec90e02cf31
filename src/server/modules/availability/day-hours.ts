// Which wall-clock hours apply on one local date: the store's (weekly or special date) and a staff
// member's (weekly pattern with the date's exceptions applied). Pure arithmetic in minutes of the local
// day (0..1440), sorted and merged; turning them into instants is local-calendar.ts's job.
import type { HoursRange, LocalDate, WeekdayKey } from '../../platform/zoned-time.js';
import { WEEKDAY_KEYS } from '../../platform/zoned-time.js';
import type { ExceptionKind, StaffException, StaffRoster, StoreHours, WeeklyHours } from './types.js';

export type MinuteRange = readonly [start: number, end: number];

/** 'HH:mm' (or '24:00') to minutes since local midnight. */
export function toMinutes(hhmm: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  const value = m ? Number(m[1]) * 60 + Number(m[2]) : Number.NaN;
  if (!m || Number(m[2]) > 59 || value > 1440) throw new RangeError(`not an HH:mm time: ${JSON.stringify(hhmm)}`);
  return value;
}

/** Minutes since local midnight (0..1440) to 'HH:mm'; 1440 is '24:00'. */
export function fromMinutes(min: number): string {
  const h = Math.floor(min / 60);
  const m = min % 60;
  return `${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}`;
}

function merge(ranges: MinuteRange[]): MinuteRange[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** Hours ranges to sorted, merged minute ranges (empty or inverted ranges are dropped). */
export function toMinuteRanges(hours: readonly HoursRange[] | undefined): MinuteRange[] {
  if (!hours || hours.length === 0) return [];
  return merge(hours.map((r) => [toMinutes(r.open), toMinutes(r.close)] as MinuteRange).filter(([s, e]) => e > s));
}

export const toHoursRanges = (ranges: readonly MinuteRange[]): HoursRange[] =>
  ranges.map(([s, e]) => ({ open: fromMinutes(s), close: fromMinutes(e) }));

function minus(ranges: readonly MinuteRange[], cuts: readonly MinuteRange[]): MinuteRange[] {
  let out: MinuteRange[] = [...ranges];
  for (const [cs, ce] of cuts) {
    out = out.flatMap(([s, e]): MinuteRange[] => {
      if (ce <= s || cs >= e) return [[s, e]];
      return [...(cs > s ? [[s, cs] as const] : []), ...(ce < e ? [[ce, e] as const] : [])];
    });
  }
  return out;
}

export type WeeklyMinutes = Readonly<Record<WeekdayKey, readonly MinuteRange[]>>;
export type ExceptionMinutes = { kind: ExceptionKind; ranges: readonly MinuteRange[] };

export function compileWeekly(weekly: WeeklyHours): WeeklyMinutes {
  return Object.fromEntries(WEEKDAY_KEYS.map((k) => [k, toMinuteRanges(weekly[k])])) as Record<WeekdayKey, MinuteRange[]>;
}

/** A roster's exceptions in minutes, grouped by date. */
export function compileExceptions(exceptions: readonly StaffException[]): Map<LocalDate, ExceptionMinutes[]> {
  const map = new Map<LocalDate, ExceptionMinutes[]>();
  for (const e of exceptions) {
    const item = { kind: e.kind, ranges: toMinuteRanges(e.hours) };
    const list = map.get(e.date);
    if (list) list.push(item);
    else map.set(e.date, [item]);
  }
  return map;
}

/**
 * Applies one date's exceptions to the weekly ranges of that weekday: custom hours (else the weekly
 * ranges), plus extra shifts, minus breaks and time off; time off without hours removes the whole day.
 */
export function applyExceptions(weekly: readonly MinuteRange[], exceptions: readonly ExceptionMinutes[]): MinuteRange[] {
  if (exceptions.length === 0) return [...weekly];
  if (exceptions.some((e) => e.kind === 'time_off' && e.ranges.length === 0)) return [];
  const custom = exceptions.filter((e) => e.kind === 'custom_hours');
  const base = custom.length ? custom.flatMap((e) => e.ranges) : weekly;
  const worked = merge([...base, ...exceptions.filter((e) => e.kind === 'extra_shift').flatMap((e) => e.ranges)]);
  return minus(
    worked,
    exceptions.filter((e) => e.kind === 'time_off' || e.kind === 'break').flatMap((e) => e.ranges),
  );
}

/** The store's opening hours on `date` in minutes: its special date if it has one, else the weekly hours. */
export function storeDayMinutes(store: StoreHours, date: LocalDate, weekday: WeekdayKey): MinuteRange[] {
  const special = store.specialDates.find((d) => d.date === date);
  if (special) return special.closed ? [] : toMinuteRanges(special.hours);
  return toMinuteRanges(store.weekly[weekday]);
}

/** The store's opening hours on `date` as 'HH:mm' ranges. */
export function storeDayHours(store: StoreHours, date: LocalDate, weekday: WeekdayKey): HoursRange[] {
  return toHoursRanges(storeDayMinutes(store, date, weekday));
}

/** A staff member's working hours on `date` as 'HH:mm' ranges, sorted and merged (see applyExceptions). */
export function staffDayHours(weekly: WeeklyHours, exceptionsOfDate: readonly StaffException[], weekday: WeekdayKey): HoursRange[] {
  const compiled = exceptionsOfDate.map((e) => ({ kind: e.kind, ranges: toMinuteRanges(e.hours) }));
  return toHoursRanges(applyExceptions(toMinuteRanges(weekly[weekday]), compiled));
}

/** Exceptions of a roster grouped by date, for repeated per-date lookups. */
export function exceptionsByDate(roster: Pick<StaffRoster, 'exceptions'>): Map<LocalDate, StaffException[]> {
  const map = new Map<LocalDate, StaffException[]>();
  for (const e of roster.exceptions) {
    const list = map.get(e.date);
    if (list) list.push(e);
    else map.set(e.date, [e]);
  }
  return map;
}
