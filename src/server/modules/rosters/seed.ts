// Demo rosters: a realistic fortnight for a store's staff around `now` — staggered days off, a split
// shift, time off, an extra shift, a one-off break and a team meeting.
import type { Executor } from '../../db/tx.js';
import { writeAudit } from '../../platform/audit.js';
import { newId } from '../../platform/ids.js';
import { addDays, localDate, WEEKDAY_KEYS, zonedDateTimeToInstant } from '../../platform/zoned-time.js';
import { type HoursRange, toMinutes, type WeeklyHours } from '../availability/index.js';
import { findStoreById } from '../stores/index.js';
import { storeHoursOf } from './service.js';

export type DemoRostersInput = {
  storeId: string;
  /** Staff who work at the store, in turn-list order. */
  staffIds: readonly string[];
  now: number;
};

export type DemoRosters = { rosters: number; exceptions: number; blockedTimes: number };

const within = (r: HoursRange, open: string, close: string) =>
  toMinutes(r.open) <= toMinutes(open) && toMinutes(close) <= toMinutes(r.close);

/** Seeds rosters inside the caller's transaction. The store must exist; staff must work there. */
export async function seedDemoRosters(tx: Executor, input: DemoRostersInput): Promise<DemoRosters> {
  const store = await findStoreById(tx, input.storeId);
  if (!store) throw new Error(`demo rosters: no store ${input.storeId}`);
  const tz = store.time_zone;
  const { weekly: storeWeekly } = storeHoursOf(store);
  const today = localDate(input.now, tz);
  const stamp = { created_by: null, created_at: input.now };
  let exceptions = 0;
  let blockedTimes = 0;

  for (const [i, staffId] of input.staffIds.entries()) {
    // Two days off a week, staggered so the store is always staffed; every third person splits the day.
    const off = new Set([WEEKDAY_KEYS[(i * 2) % 7], WEEKDAY_KEYS[(i * 2 + 3) % 7]]);
    const hours = Object.fromEntries(
      WEEKDAY_KEYS.map((day) => {
        if (off.has(day)) return [day, []];
        const open = [...(storeWeekly[day] ?? [])];
        const first = open[0];
        if (i % 3 === 1 && open.length === 1 && first && within(first, '12:30', '14:00')) {
          return [
            day,
            [
              { open: first.open, close: '13:00' },
              { open: '13:30', close: first.close },
            ],
          ];
        }
        return [day, open];
      }),
    ) as WeeklyHours;
    await tx
      .insertInto('staff_rosters')
      .values({
        staff_id: staffId,
        store_id: input.storeId,
        hours: JSON.stringify(hours),
        rotation_order: i + 1,
        version: 1,
        updated_by: null,
        created_at: input.now,
        updated_at: input.now,
      })
      .execute();

    const exception = async (date: string, kind: string, ranges: HoursRange[], note: string) => {
      await tx
        .insertInto('roster_exceptions')
        .values({ id: newId(), staff_id: staffId, store_id: input.storeId, date, kind, hours: JSON.stringify(ranges), note, ...stamp })
        .execute();
      exceptions++;
    };
    if (i === 0) await exception(addDays(today, 9), 'time_off', [], 'Family visit');
    if (i === 1) await exception(addDays(today, 4), 'custom_hours', [{ open: '12:00', close: '18:00' }], 'Dentist in the morning');
    if (i === 2) await exception(addDays(today, 1), 'break', [{ open: '15:00', close: '15:30' }], 'School pick-up');
    if (i === 3) await exception(addDays(today, 6), 'extra_shift', [{ open: '10:00', close: '16:00' }], 'Covering the weekend rush');

    // The monthly team meeting, first thing a week from today.
    const meetingDay = addDays(today, 7);
    const start = zonedDateTimeToInstant(meetingDay, '09:00', tz);
    await tx
      .insertInto('blocked_times')
      .values({
        id: newId(),
        store_id: input.storeId,
        staff_id: staffId,
        start_at: start,
        end_at: start + 30 * 60_000,
        reason: 'meeting',
        note: 'Team meeting',
        ...stamp,
      })
      .execute();
    blockedTimes++;
  }
  const result = { rosters: input.staffIds.length, exceptions, blockedTimes };
  await writeAudit(
    tx,
    { actorId: null, ip: null, requestId: null, now: input.now },
    { action: 'roster.demo_seed', entityType: 'store', entityId: input.storeId, storeId: input.storeId, after: result },
  );
  return result;
}
