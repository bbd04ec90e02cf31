// Local days of one time zone as instants. Every offset comes from Temporal (platform/zoned-time.ts); the
// only shortcut is arithmetic inside a day Temporal says is exactly 24 hours long, where the offset cannot
// change. DST change days (23 h or 25 h) go through Temporal for every conversion.
import {
  expandHours,
  type Interval,
  type LocalDate,
  localDate,
  startOfLocalDay,
  toZonedIso,
  type WeekdayKey,
  weekdayKey,
} from '../../platform/zoned-time.js';
import { type MinuteRange, toHoursRanges } from './day-hours.js';

const DAY_MS = 86_400_000;
const MIN_MS = 60_000;

export type LocalDay = {
  readonly date: LocalDate;
  readonly next: LocalDate;
  readonly weekday: WeekdayKey;
  /** First instant of the local date. */
  readonly start: number;
  /** First instant of the next local date. */
  readonly end: number;
  /** Exactly 24 h: no offset change inside, so wall time = start + elapsed. */
  readonly linear: boolean;
};

// A day's instants never change for a zone and date: a bounded memo saves Temporal calls across calls
// (the engine stays pure: same input, same output).
const memo = new Map<string, LocalDay>();
const changeDayExpansions = new Map<string, Interval[]>();
const starts = new Map<string, number>();
const MAX_MEMO = 20_000;

function dayStart(date: LocalDate, tz: string): number {
  const key = `${tz}|${date}`;
  let v = starts.get(key);
  if (v === undefined) {
    v = startOfLocalDay(date, tz);
    if (starts.size >= MAX_MEMO) starts.clear();
    starts.set(key, v);
  }
  return v;
}

/** 'YYYY-MM-DD' plus `days` by calendar arithmetic (no zone involved; Temporal costs more on hot paths). */
export function shiftDate(date: LocalDate, days: number): LocalDate {
  const d = new Date(0);
  d.setUTCFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)) + days);
  return d.toISOString().slice(0, 10);
}

/** One local date of `tz` as instants. */
export function localDay(date: LocalDate, tz: string): LocalDay {
  const key = `${tz}|${date}`;
  let d = memo.get(key);
  if (!d) {
    const next = shiftDate(date, 1);
    const start = dayStart(date, tz);
    const end = dayStart(next, tz);
    d = Object.freeze({ date, next, weekday: weekdayKey(date), start, end, linear: end - start === DAY_MS });
    if (memo.size >= MAX_MEMO) memo.clear();
    memo.set(key, d);
  }
  return d;
}

/** The local date of `tz` at instant `ms`: the UTC date or a neighbour (zones are within a day of UTC), by the memo. */
export function dateOf(ms: number, tz: string): LocalDate {
  const utc = new Date(ms).toISOString().slice(0, 10);
  for (const date of [utc, shiftDate(utc, -1), shiftDate(utc, 1)]) {
    const day = localDay(date, tz);
    if (ms >= day.start && ms < day.end) return date;
  }
  return localDate(ms, tz);
}

/** The local days from `from` to `to`, both included. */
export function localDays(from: LocalDate, to: LocalDate, tz: string): LocalDay[] {
  const out: LocalDay[] = [];
  for (let d = localDay(from, tz); d.date <= to; d = localDay(d.next, tz)) out.push(d);
  return out;
}

/**
 * Sorted, merged minute ranges of a local day as instants: the same rules as zoned-time's expandHours
 * (wall times in a DST gap resolve 'compatible', a range that vanishes is dropped, 1440 = next midnight).
 */
export function expandMinutes(day: LocalDay, ranges: readonly MinuteRange[], tz: string): Interval[] {
  if (ranges.length === 0) return [];
  if (!day.linear) {
    // DST change days go through Temporal; memoised, since a day's hours repeat across staff and calls.
    const key = `${tz}|${day.date}|${ranges.join(';')}`;
    let cached = changeDayExpansions.get(key);
    if (!cached) {
      cached = expandHours(day.date, toHoursRanges(ranges), tz);
      if (changeDayExpansions.size >= MAX_MEMO) changeDayExpansions.clear();
      changeDayExpansions.set(key, cached);
    }
    return cached.map((iv) => ({ start: iv.start, end: iv.end }));
  }
  const out: Interval[] = [];
  for (const [s, e] of ranges) {
    const start = day.start + s * MIN_MS;
    const end = e === 1440 ? day.end : day.start + e * MIN_MS;
    const last = out[out.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else out.push({ start, end });
  }
  return out;
}

/** Wall time 'HH:mm' of an instant. */
export function wallTime(day: LocalDay, ms: number, tz: string): string {
  if (day.linear && ms >= day.start && ms < day.end) {
    const min = Math.floor((ms - day.start) / MIN_MS);
    const h = Math.floor(min / 60);
    const m = min % 60;
    return `${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}`;
  }
  return toZonedIso(ms, tz).slice(11, 16);
}
