import { Temporal } from 'temporal-polyfill';

// Instants are epoch ms (UTC). Wall-clock values (dates, 'HH:mm') only mean something with an IANA zone,
// and every conversion goes through Temporal so DST gaps and overlaps are handled by the spec, not by us.

export type LocalDate = string; // 'YYYY-MM-DD'
export type HHmm = string; // '00:00'..'23:59'
export type Disambiguation = 'compatible' | 'earlier' | 'later' | 'reject';
export type WeekdayKey = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export const WEEKDAY_KEYS: readonly WeekdayKey[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
/** Half-open [start, end) in epoch ms. */
export interface Interval {
  start: number;
  end: number;
}
/** Opening hours on one local date; `close` may be '24:00' for "until midnight". */
export interface HoursRange {
  open: HHmm;
  close: HHmm;
}

const zoneCache = new Map<string, boolean>();

/** True for IANA zone names Temporal knows; fixed offsets like '+05:00' are refused (stores follow DST). */
export function isValidTimeZone(tz: string): boolean {
  let ok = zoneCache.get(tz);
  if (ok === undefined) {
    try {
      ok = !/^[+-]/.test(tz) && Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(tz) !== null;
    } catch {
      ok = false;
    }
    // Only valid zones are remembered: a client sending junk cannot grow the cache without bound.
    if (ok) zoneCache.set(tz, ok);
  }
  return ok;
}

function zone(tz: string): string {
  if (!isValidTimeZone(tz)) throw new RangeError(`not an IANA time zone: ${JSON.stringify(tz)}`);
  return tz;
}

function zoned(ms: number, tz: string): Temporal.ZonedDateTime {
  if (!Number.isSafeInteger(ms)) throw new RangeError(`instant must be integer epoch ms, got ${ms}`);
  return Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone(tz));
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const HH_MM = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

/** Strict 'YYYY-MM-DD' that is a real calendar date (Temporal alone would also take '20260308' or times). */
export function isLocalDate(s: unknown): s is LocalDate {
  if (typeof s !== 'string' || !DATE.test(s)) return false;
  // Plain arithmetic (every request checks its dates; Temporal parsing costs ~30 µs each).
  const year = Number(s.slice(0, 4));
  const month = Number(s.slice(5, 7));
  const day = Number(s.slice(8, 10));
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function plainDate(date: string): Temporal.PlainDate {
  if (!isLocalDate(date)) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  return Temporal.PlainDate.from(date);
}

/** Strict 24-hour 'HH:mm', 00:00 to 23:59. */
export function isHHmm(s: unknown): s is HHmm {
  return typeof s === 'string' && HH_MM.test(s);
}

// Minutes since midnight; '24:00' is allowed where a time can mean "end of day".
function minutes(s: string): number {
  if (s !== '24:00' && !isHHmm(s)) throw new RangeError(`not an HH:mm time: ${JSON.stringify(s)}`);
  return Number(s.slice(0, 2)) * 60 + Number(s.slice(3));
}

/** Sort comparator for 'HH:mm' (also accepts '24:00'): -1, 0 or 1. */
export function compareHHmm(a: string, b: string): -1 | 0 | 1 {
  return Math.sign(minutes(a) - minutes(b)) as -1 | 0 | 1;
}

/** ISO 8601 with the zone's offset, e.g. '2026-03-08T10:30:00-04:00'; milliseconds only when non-zero. */
export function toZonedIso(ms: number, tz: string): string {
  const offset = cachedOffset(ms, tz);
  if (offset === undefined)
    return zoned(ms, tz).toString({
      timeZoneName: 'never',
      fractionalSecondDigits: ms % 1000 === 0 ? 'auto' : 3,
    });
  const wall = new Date(ms + offset).toISOString(); // 'YYYY-MM-DDTHH:mm:ss.sssZ' of the wall clock
  const abs = Math.abs(offset) / 60_000;
  const sign = offset < 0 ? '-' : '+';
  const off = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${ms % 1000 === 0 ? wall.slice(0, 19) : wall.slice(0, 23)}${off}`;
}

// Offsets by zone and quarter hour. Formatting through Temporal costs ~0.1 ms a call, and a response may
// format several instants; an offset only changes at a zone transition, and no zone has two transitions
// within a quarter hour, so one offset holds for the whole bucket when both its ends agree.
const BUCKET_MS = 15 * 60_000;
// By zone, then bucket number (a numeric key: no string built per look-up).
const offsets = new Map<string, Map<number, number | null>>();

function cachedOffset(ms: number, tz: string): number | undefined {
  // Temporal itself for what the shortcut does not format the same way (years beyond 4 digits, odd offsets).
  if (!Number.isSafeInteger(ms) || ms < 0 || ms >= 253_402_214_400_000) return undefined;
  const bucket = Math.floor(ms / BUCKET_MS);
  let ofZone = offsets.get(tz);
  if (!ofZone) {
    ofZone = new Map();
    offsets.set(tz, ofZone);
  }
  let offset = ofZone.get(bucket);
  if (offset === undefined) {
    const start = zoned(bucket * BUCKET_MS, tz).offsetNanoseconds;
    const end = zoned((bucket + 1) * BUCKET_MS - 1, tz).offsetNanoseconds;
    offset = start === end && start % 60_000_000_000 === 0 ? start / 1_000_000 : null;
    if (ofZone.size >= 8192) ofZone.delete(ofZone.keys().next().value!);
    ofZone.set(bucket, offset);
  }
  return offset ?? undefined;
}

/**
 * The zone's UTC offset at `ms` in ms (cached per quarter hour, see above); undefined where the cache does
 * not apply (sub-minute offsets, instants outside years 1970–9999): ask Temporal then.
 */
export const zoneOffsetMs = (ms: number, tz: string): number | undefined => cachedOffset(ms, tz);

/** Parses an ISO 8601 instant; it must carry 'Z' or an offset, since a bare wall time is not an instant. */
export function parseInstant(iso: string): number {
  try {
    return Temporal.Instant.from(iso).epochMilliseconds;
  } catch {
    throw new RangeError(`not an ISO 8601 instant with offset: ${JSON.stringify(iso)}`);
  }
}

/** The calendar date ('YYYY-MM-DD') in `tz` at instant `ms`. */
export function localDate(ms: number, tz: string): LocalDate {
  const offset = cachedOffset(ms, tz);
  return offset === undefined ? zoned(ms, tz).toPlainDate().toString() : new Date(ms + offset).toISOString().slice(0, 10);
}

/** The first instant of `date` in `tz` (usually 00:00; later where midnight itself is skipped by DST). */
export function startOfLocalDay(date: LocalDate, tz: string): number {
  return plainDate(date).toZonedDateTime(zone(tz)).epochMilliseconds;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  if (!Number.isSafeInteger(days)) throw new RangeError(`days must be an integer, got ${days}`);
  if (!isLocalDate(date)) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  // Calendar arithmetic on a UTC Date (no zone involved); Temporal where the year leaves 1000–9999
  // (Date.UTC reads years below 100 as 19xx, and Temporal writes others with a sign).
  const at = new Date(0);
  at.setUTCFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)) + days);
  const year = at.getUTCFullYear();
  if (year >= 1000 && year <= 9999) return at.toISOString().slice(0, 10);
  return plainDate(date).add({ days }).toString();
}

/** The whole local day as [start, end): 24 h usually, 23 h or 25 h on DST change days. */
export function dayRange(date: LocalDate, tz: string): Interval {
  return { start: startOfLocalDay(date, tz), end: startOfLocalDay(addDays(date, 1), tz) };
}

/**
 * A wall-clock date and time in `tz` as an instant. In a DST gap 'compatible' moves forward by the gap
 * (02:30 → 03:30); in an overlap it takes the earlier instant. 'reject' throws for both.
 */
export function zonedDateTimeToInstant(date: LocalDate, time: HHmm, tz: string, disambiguation: Disambiguation = 'compatible'): number {
  if (!isHHmm(time)) throw new RangeError(`not an HH:mm time: ${JSON.stringify(time)}`);
  const wall = plainDate(date).toPlainDateTime(Temporal.PlainTime.from(time));
  return wall.toZonedDateTime(zone(tz), { disambiguation }).epochMilliseconds;
}

/**
 * Opening hours for one local date as instants, sorted, with overlapping or touching ranges merged.
 * Each range needs close > open (use '24:00' to run to midnight; split overnight hours across two dates).
 * Wall times in a DST gap or overlap resolve 'compatible'; a range that vanishes in a gap is dropped.
 */
export function expandHours(date: LocalDate, ranges: readonly HoursRange[], tz: string): Interval[] {
  const at = (t: string): number => (t === '24:00' ? startOfLocalDay(addDays(date, 1), tz) : zonedDateTimeToInstant(date, t, tz));
  const intervals = ranges
    .map(({ open, close }) => {
      if (!isHHmm(open) || compareHHmm(close, open) <= 0) {
        throw new RangeError(`bad hours range ${JSON.stringify({ open, close })}: need HH:mm with close > open`);
      }
      return { start: at(open), end: at(close) };
    })
    .filter((iv) => iv.end > iv.start)
    .sort((a, b) => a.start - b.start);

  const merged: Interval[] = [];
  for (const iv of intervals) {
    const last = merged.at(-1);
    if (last && iv.start <= last.end) last.end = Math.max(last.end, iv.end);
    else merged.push({ ...iv });
  }
  return merged;
}

/** Every date from `from` to `to`, both included; empty when `to` is before `from`. */
export function eachDate(from: LocalDate, to: LocalDate): LocalDate[] {
  const end = plainDate(to);
  const out: LocalDate[] = [];
  for (let d = plainDate(from); Temporal.PlainDate.compare(d, end) <= 0; d = d.add({ days: 1 })) {
    out.push(d.toString());
  }
  return out;
}

/** 'mon'…'sun' for a local date (ISO week: Monday first). */
export function weekdayKey(date: LocalDate): WeekdayKey {
  return WEEKDAY_KEYS[plainDate(date).dayOfWeek - 1] as WeekdayKey;
}
