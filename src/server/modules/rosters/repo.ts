import type { Selectable } from 'kysely';
import { precompiledShapes } from '../../db/compiled.js';
import type { BlockedTimesTable, RosterExceptionsTable, StaffRostersTable } from '../../db/tables.js';
import type { Executor } from '../../db/tx.js';
import { MAX_BLOCK_MINUTES } from './schemas.js';

export type RosterRow = Selectable<StaffRostersTable>;
export type ExceptionRow = Selectable<RosterExceptionsTable>;
export type BlockedRow = Selectable<BlockedTimesTable>;

export type StoreStaffRow = { id: string; name: string; display_name: string; role: string };

/** Active staff working at the store, in a stable order. */
export const staffOfStore = (db: Executor, storeId: string): Promise<StoreStaffRow[]> =>
  db
    .selectFrom('staff_stores')
    .innerJoin('staff', 'staff.id', 'staff_stores.staff_id')
    .select(['staff.id', 'staff.name', 'staff.display_name', 'staff.role'])
    .where('staff_stores.store_id', '=', storeId)
    .where('staff.active', '=', 1)
    .orderBy('staff.created_at')
    .orderBy('staff.id')
    .execute();

export const isStaffAtStore = async (db: Executor, staffId: string, storeId: string): Promise<boolean> =>
  !!(await db
    .selectFrom('staff_stores')
    .select('staff_id')
    .where('staff_id', '=', staffId)
    .where('store_id', '=', storeId)
    .executeTakeFirst());

export const rostersOfStore = (db: Executor, storeId: string) =>
  db.selectFrom('staff_rosters').selectAll().where('store_id', '=', storeId).execute();

export const findRoster = (db: Executor, staffId: string, storeId: string) =>
  db.selectFrom('staff_rosters').selectAll().where('staff_id', '=', staffId).where('store_id', '=', storeId).executeTakeFirst();

/** Exceptions of a store on local dates from..to (both included). */
export const exceptionsOfStore = (db: Executor, storeId: string, from: string, to: string) =>
  db
    .selectFrom('roster_exceptions')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .orderBy('date')
    .orderBy('created_at')
    .orderBy('id')
    .execute();

export const findException = (db: Executor, id: string) =>
  db.selectFrom('roster_exceptions').selectAll().where('id', '=', id).executeTakeFirst();

export const findCustomHours = (db: Executor, staffId: string, storeId: string, date: string) =>
  db
    .selectFrom('roster_exceptions')
    .select('id')
    .where('staff_id', '=', staffId)
    .where('store_id', '=', storeId)
    .where('date', '=', date)
    .where('kind', '=', 'custom_hours')
    .executeTakeFirst();

// Blocked time lasts at most MAX_BLOCK_MINUTES, so "starts after from − max" bounds the index scan.
const earliestStart = (fromMs: number) => fromMs - MAX_BLOCK_MINUTES * 60_000;

/** Blocked time of a store overlapping [fromMs, toMs). */
export const blockedOfStore = (db: Executor, storeId: string, fromMs: number, toMs: number) =>
  db
    .selectFrom('blocked_times')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('start_at', '>=', earliestStart(fromMs))
    .where('start_at', '<', toMs)
    .where('end_at', '>', fromMs)
    .orderBy('start_at')
    .orderBy('id')
    .execute();

/** Blocked time of these staff members (at any store) overlapping [fromMs, toMs). */
// Every booking and availability read runs this: compiled once per number of staff (db/compiled.ts).
// Markers: s0.. (staff ids), earliest (see blockedMarkers), to, from. The appointments module nests it in
// its PostgreSQL busy-time read (one round trip), so the builder is exported.
export const blockedSelect = (db: Executor, staff: number, mark: (name: string) => any) =>
  db
    .selectFrom('blocked_times')
    .selectAll()
    .where(
      'staff_id',
      'in',
      Array.from({ length: staff }, (_, i) => mark(`s${i}`)),
    )
    .where('start_at', '>=', mark('earliest'))
    .where('start_at', '<', mark('to'))
    .where('end_at', '>', mark('from'))
    .orderBy('start_at')
    .orderBy('id');
const blockedQuery = precompiledShapes((staff: number) => String(staff), blockedSelect);

/** Values of blockedSelect's markers other than the staff ids. */
export const blockedMarkers = (fromMs: number, toMs: number): Record<string, number> => ({
  earliest: earliestStart(fromMs),
  to: toMs,
  from: fromMs,
});

export async function blockedOfStaff(db: Executor, staffIds: readonly string[], fromMs: number, toMs: number): Promise<BlockedRow[]> {
  if (staffIds.length === 0) return [];
  const values = blockedMarkers(fromMs, toMs);
  const { rows } = await blockedQuery(db, staffIds.length, (name) => (name[0] === 's' ? staffIds[Number(name.slice(1))] : values[name]));
  return rows as BlockedRow[];
}

export const findBlocked = (db: Executor, id: string) => db.selectFrom('blocked_times').selectAll().where('id', '=', id).executeTakeFirst();
