import type { Executor } from '../../db/tx.js';

/** Active staff among `ids` who work at the store (owners work everywhere). */
export async function staffAtStore(tx: Executor, storeId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx
    .selectFrom('staff')
    .leftJoin('staff_stores', (j) => j.onRef('staff_stores.staff_id', '=', 'staff.id').on('staff_stores.store_id', '=', storeId))
    .select('staff.id')
    .where('staff.id', 'in', [...ids])
    .where('staff.active', '=', 1)
    .where((eb) => eb.or([eb('staff.role', '=', 'owner'), eb('staff_stores.store_id', 'is not', null)]))
    .execute();
  return new Set(rows.map((r) => r.id));
}
