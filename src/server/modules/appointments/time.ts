// Instants in and out of the API. Out: ISO 8601 with the store's offset ('2026-03-08T10:30:00-04:00').
// In: an ISO instant with an offset, or a store-local date and 'HH:mm'.
//
// The rule for local times that clocks skip or repeat (documented in the API reference):
// - a time that does not exist (02:30 on 2026-03-08 in America/New_York: clocks jump 02:00 → 03:00) is
//   refused with 422 `nonexistent_local_time`; nothing is shifted silently;
// - a time that happens twice (01:30 on 2026-11-01 in New York) means the first one (daylight time,
//   -04:00). The answer always carries the offset, and a client that wants the second sends `start`
//   with '-05:00'.
import { Temporal } from 'temporal-polyfill';
import { type LocalDate, toZonedIso } from '../../platform/zoned-time.js';
import { AppointmentErrors } from './errors.js';

const BUCKET_MS = 15 * 60_000;
const offsets = new Map<string, number>();
const MAX_MEMO = 100_000;

function offsetMinutes(ms: number, tz: string): number {
  const key = `${tz}|${Math.floor(ms / BUCKET_MS)}`;
  let v = offsets.get(key);
  if (v === undefined) {
    const bucket = Math.floor(ms / BUCKET_MS) * BUCKET_MS;
    const a = Temporal.Instant.fromEpochMilliseconds(bucket).toZonedDateTimeISO(tz).offsetNanoseconds;
    const b = Temporal.Instant.fromEpochMilliseconds(bucket + BUCKET_MS - 1).toZonedDateTimeISO(tz).offsetNanoseconds;
    // A zone never changes its offset twice within 15 minutes: equal ends mean one offset for the bucket.
    if (a !== b) return Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(tz).offsetNanoseconds / 60e9;
    v = a / 60e9;
    if (offsets.size > MAX_MEMO) offsets.clear();
    offsets.set(key, v);
  }
  return v;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** ISO 8601 with the zone's offset, like platform toZonedIso but cheap enough for thousands of slots. */
export function isoIn(ms: number, tz: string): string {
  if (ms % 60_000 !== 0) return toZonedIso(ms, tz);
  const off = offsetMinutes(ms, tz);
  const wall = new Date(ms + off * 60_000);
  const sign = off < 0 ? '-' : '+';
  const abs = Math.abs(off);
  return (
    `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}` +
    `T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** The store-local 'YYYY-MM-DD' and 'HH:mm' of an instant. */
export function localParts(ms: number, tz: string): { date: LocalDate; time: string } {
  const iso = isoIn(ms - (ms % 60_000), tz);
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** A store-local date and time as an instant, by the rule above. */
export function localToInstant(date: LocalDate, time: string, tz: string): number {
  const wall = Temporal.PlainDateTime.from(`${date}T${time}`);
  const zone = tz;
  const earlier = wall.toZonedDateTime(zone, { disambiguation: 'earlier' });
  const back = earlier.toPlainDateTime();
  if (Temporal.PlainDateTime.compare(back, wall) !== 0) {
    throw AppointmentErrors.nonexistent_local_time({ date, time, timeZone: tz }, [
      { path: 'startLocal', message: `${time} does not exist on ${date} in ${tz}` },
    ]);
  }
  return earlier.epochMilliseconds;
}

/** Parses an ISO instant that must carry an offset or 'Z' (a bare local time is refused by the schema). */
export function parseIso(iso: string): number {
  return Temporal.Instant.from(iso).epochMilliseconds;
}

/** 'YYYY-MM-DD' plus `days`, by calendar arithmetic (no zone involved; cheaper than Temporal on hot paths). */
export function shiftDate(date: LocalDate, days: number): LocalDate {
  const ms = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)) + days);
  return new Date(ms).toISOString().slice(0, 10);
}
