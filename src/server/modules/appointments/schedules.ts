// Where staff working hours and blocked time come from: the rosters module. This file is the single
// adapter between the rosters and the planner.
import type { Executor } from '../../db/tx.js';
import type { StaffBusy, StaffRoster } from '../availability/index.js';
import { loadBlockedTimes, loadStaffSchedules } from '../rosters/index.js';

/** Rosters of the store's active staff for [fromMs, toMs), by staff id (a person without weekly hours works never). */
export async function loadRosters(db: Executor, storeId: string, fromMs: number, toMs: number): Promise<Map<string, StaffRoster>> {
  const rosters = await loadStaffSchedules(db, storeId, fromMs, toMs);
  return new Map(rosters.map((r) => [r.id, r]));
}

/** Blocked time (meetings, cleaning) of these people, at any store, as busy intervals the engine respects. */
export function loadBlocked(db: Executor, staffIds: readonly string[], fromMs: number, toMs: number): Promise<StaffBusy[]> {
  return staffIds.length ? loadBlockedTimes(db, staffIds, fromMs, toMs) : Promise.resolve([]);
}
