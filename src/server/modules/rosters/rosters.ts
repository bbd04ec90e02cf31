// Pure rules of the roster screen: DTOs, and the effective week (weekly pattern with the dated exceptions
// applied) in local 'HH:mm' and as ISO instants with the store's offset of that date.

import {
  addDays,
  eachDate,
  type LocalDate,
  startOfLocalDay,
  toZonedIso,
  type WeekdayKey,
  weekdayKey,
  zonedDateTimeToInstant,
} from '../../platform/zoned-time.js';
import {
  type ExceptionKind,
  type HoursRange,
  type StaffException,
  type StoreHours,
  staffDayHours,
  storeDayHours,
  type WeeklyHours,
} from '../availability/index.js';
import type { BlockedRow, ExceptionRow, RosterRow, StoreStaffRow } from './repo.js';

export type RosterDto = { storeId: string; staffId: string; hours: WeeklyHours; rotationOrder: number; version: number };

export function toRosterDto(row: RosterRow | undefined, storeId: string, staffId: string): RosterDto {
  return row
    ? { storeId, staffId, hours: JSON.parse(row.hours) as WeeklyHours, rotationOrder: row.rotation_order, version: row.version }
    : { storeId, staffId, hours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, rotationOrder: 0, version: 0 };
}

export type ExceptionDto = {
  id: string;
  storeId: string;
  staffId: string;
  date: LocalDate;
  kind: ExceptionKind;
  hours: HoursRange[];
  note: string | null;
};

export const toExceptionDto = (row: ExceptionRow): ExceptionDto => ({
  id: row.id,
  storeId: row.store_id,
  staffId: row.staff_id,
  date: row.date,
  kind: row.kind as ExceptionKind,
  hours: JSON.parse(row.hours) as HoursRange[],
  note: row.note,
});

export const toEngineException = (row: ExceptionRow): StaffException => ({
  date: row.date,
  kind: row.kind as ExceptionKind,
  hours: JSON.parse(row.hours) as HoursRange[],
});

export type BlockedDto = { id: string; storeId: string; staffId: string; start: string; end: string; reason: string; note: string | null };

export const toBlockedDto = (row: BlockedRow, tz: string): BlockedDto => ({
  id: row.id,
  storeId: row.store_id,
  staffId: row.staff_id,
  start: toZonedIso(row.start_at, tz),
  end: toZonedIso(row.end_at, tz),
  reason: row.reason,
  note: row.note,
});

/** The Monday of the (ISO) week holding `date`. */
export function mondayOf(date: LocalDate): LocalDate {
  return addDays(date, -['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].indexOf(weekdayKey(date)));
}

/** A local range with its instants on that date ('compatible' in a DST gap); null when it vanishes in one. */
export type TimedRange = { open: string; close: string; start: string; end: string };

function timed(date: LocalDate, ranges: readonly HoursRange[], tz: string): TimedRange[] {
  const at = (t: string) => (t === '24:00' ? startOfLocalDay(addDays(date, 1), tz) : zonedDateTimeToInstant(date, t, tz));
  return ranges.flatMap((r) => {
    const start = at(r.open);
    const end = at(r.close);
    return end > start ? [{ open: r.open, close: r.close, start: toZonedIso(start, tz), end: toZonedIso(end, tz) }] : [];
  });
}

export type WeekInput = {
  storeId: string;
  timeZone: string;
  storeHours: StoreHours;
  monday: LocalDate;
  staff: StoreStaffRow[];
  rosters: RosterRow[];
  exceptions: ExceptionRow[];
  blocked: BlockedRow[];
};

export type WeekDay = { date: LocalDate; weekday: WeekdayKey; hours: TimedRange[]; exceptions: ExceptionDto[]; blocked: BlockedDto[] };

/** The week's effective schedule of every staff member of the store, with the store's own hours. */
export function buildWeek(w: WeekInput) {
  const tz = w.timeZone;
  const dates = eachDate(w.monday, addDays(w.monday, 6));
  const rosterOf = new Map(w.rosters.map((r) => [r.staff_id, r]));
  const staff = w.staff
    .map((person) => {
      const roster = toRosterDto(rosterOf.get(person.id), w.storeId, person.id);
      const mine = w.exceptions.filter((e) => e.staff_id === person.id);
      const days: WeekDay[] = dates.map((date) => {
        const weekday = weekdayKey(date);
        const ofDate = mine.filter((e) => e.date === date);
        const [dayStart, dayEnd] = [startOfLocalDay(date, tz), startOfLocalDay(addDays(date, 1), tz)];
        return {
          date,
          weekday,
          hours: timed(date, staffDayHours(roster.hours, ofDate.map(toEngineException), weekday), tz),
          exceptions: ofDate.map(toExceptionDto),
          blocked: w.blocked
            .filter((b) => b.staff_id === person.id && b.start_at < dayEnd && b.end_at > dayStart)
            .map((b) => toBlockedDto(b, tz)),
        };
      });
      return {
        staffId: person.id,
        name: person.name,
        displayName: person.display_name,
        role: person.role,
        rotationOrder: roster.rotationOrder,
        version: roster.version,
        weekly: roster.hours,
        days,
      };
    })
    .sort((a, b) => a.rotationOrder - b.rotationOrder);
  return {
    storeId: w.storeId,
    timeZone: tz,
    from: dates[0]!,
    to: dates[6]!,
    store: {
      days: dates.map((date) => {
        const special = w.storeHours.specialDates.find((d) => d.date === date);
        const hours = timed(date, storeDayHours(w.storeHours, date, weekdayKey(date)), tz);
        return { date, weekday: weekdayKey(date), closed: hours.length === 0, special: special !== undefined, hours };
      }),
    },
    staff,
  };
}
export type WeekView = ReturnType<typeof buildWeek>;
