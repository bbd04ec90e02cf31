// What the availability engine needs from rosters, in the engine's own shapes. Booking code calls these;
// catalog terms (services performed, own durations) are added by the caller.
import type { Executor } from '../../db/tx.js';
import { PlatformErrors } from '../../platform/errors.js';
import { addDays, localDate } from '../../platform/zoned-time.js';
import type { StaffBusy, StaffRoster, StoreHours, WeeklyHours } from '../availability/index.js';
import { cachedForStore, cachedStoreRow } from '../stores/index.js';
import { type BlockedRow, blockedOfStaff, exceptionsOfStore, rostersOfStore, staffOfStore } from './repo.js';
import { toEngineException } from './rosters.js';
import { storeHoursOf } from './service.js';

/**
 * The rosters of every active staff member of the store, for instants [fromMs, toMs): weekly hours (empty
 * when none were set), the dated exceptions of those local dates (one more on each side), rotation order.
 * Sorted by rotation order (then when the person joined). Throws not_found for an unknown store.
 */
export async function loadStaffSchedules(db: Executor, storeId: string, fromMs: number, toMs: number): Promise<StaffRoster[]> {
  const store = await cachedStoreRow(db, storeId);
  if (!store) throw PlatformErrors.not_found();
  const tz = store.time_zone;
  const from = addDays(localDate(fromMs, tz), -1);
  const to = addDays(localDate(Math.max(fromMs, toMs), tz), 1);
  const [people, exceptions] = await Promise.all([
    cachedForStore(db, 'rosters.weekly', storeId, () => weeklyOfStore(db, storeId)),
    cachedForStore(db, `rosters.exceptions:${from}:${to}`, storeId, () => exceptionsOfStore(db, storeId, from, to)),
  ]);
  return people.map(
    (p): StaffRoster => ({
      ...p,
      exceptions: exceptions.filter((e) => e.staff_id === p.id).map(toEngineException),
    }),
  );
}

/** Active staff of the store with their weekly hours (empty when none were set), by rotation order. */
async function weeklyOfStore(db: Executor, storeId: string): Promise<Array<Omit<StaffRoster, 'exceptions'>>> {
  const [staff, rosters] = await Promise.all([staffOfStore(db, storeId), rostersOfStore(db, storeId)]);
  const rosterOf = new Map(rosters.map((r) => [r.staff_id, r]));
  return staff
    .map((person) => {
      const roster = rosterOf.get(person.id);
      return {
        id: person.id,
        weeklyHours: roster ? (JSON.parse(roster.hours) as WeeklyHours) : {},
        rotationOrder: roster?.rotation_order ?? 0,
      };
    })
    .sort((a, b) => a.rotationOrder - b.rotationOrder);
}

/**
 * Blocked time (meetings, cleaning) of these staff members overlapping [fromMs, toMs), at any store —
 * a person in a meeting is busy everywhere — as the engine's busy entries (kind 'blocked').
 */
export async function loadBlockedTimes(db: Executor, staffIds: readonly string[], fromMs: number, toMs: number): Promise<StaffBusy[]> {
  return (await blockedOfStaff(db, staffIds, fromMs, toMs)).map(blockedBusy);
}

export const blockedBusy = (r: Pick<BlockedRow, 'staff_id' | 'start_at' | 'end_at'>): StaffBusy => ({
  staffId: r.staff_id,
  start: r.start_at,
  end: r.end_at,
  processing: null,
  kind: 'blocked',
});

/** The store's zone and hours (weekly + special dates) as the engine takes them; undefined if no such store. */
export async function loadStoreHours(db: Executor, storeId: string): Promise<{ timeZone: string; storeHours: StoreHours } | undefined> {
  const store = await cachedStoreRow(db, storeId);
  return store ? { timeZone: store.time_zone, storeHours: storeHoursOf(store) } : undefined;
}
