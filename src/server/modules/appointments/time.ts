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
import { type LocalDate, toZonedIso, zoneOffsetMs } from '../../platform/zoned-time.js';
import { AppointmentErrors } from './errors.js';

const DAY_MS = 1440 * 60_000;

/** ISO 8601 with the zone's offset (platform toZonedIso: cached offsets, cheap enough for thousands of slots). */
export const isoIn = toZonedIso;

/** The store-local 'YYYY-MM-DD' and 'HH:mm' of an instant. */
export function localParts(ms: number, tz: string): { date: LocalDate; time: string } {
  const iso = isoIn(ms - (ms % 60_000), tz);
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** A store-local date and time as an instant, by the rule above. */
export function localToInstant(date: LocalDate, time: string, tz: string): number {
  // Every booking converts its start: away from a clock change (the same offset a day either side, and
  // the wall time read with it maps back to itself) it is the wall time minus that offset, no Temporal.
  const wallMs = Date.UTC(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
    Number(time.slice(0, 2)),
    Number(time.slice(3, 5)),
  );
  if (/^\d{4}-\d{2}-\d{2}$/.test(date) && /^\d{2}:\d{2}$/.test(time) && Number.isSafeInteger(wallMs)) {
    const before = zoneOffsetMs(wallMs - DAY_MS, tz);
    if (before !== undefined && before === zoneOffsetMs(wallMs + DAY_MS, tz) && before === zoneOffsetMs(wallMs - before, tz)) {
      const back = new Date(wallMs).toISOString();
      // Date.UTC rolls over what is not a real date or time (02-30, 24:00): those go to Temporal below.
      if (back.slice(0, 10) === date && back.slice(11, 16) === time) return wallMs - before;
    }
  }
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
