import type { Selectable } from 'kysely';
import type { StaffTable } from '../../db/tables.js';
import type { Executor } from '../../db/tx.js';

export type StaffRow = Selectable<StaffTable>;

export const findStaffByEmail = (db: Executor, email: string) =>
  db.selectFrom('staff').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();

export const findStaffById = (db: Executor, id: string) => db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();

export async function storeIdsOfStaff(db: Executor, staffId: string): Promise<string[]> {
  const rows = await db.selectFrom('staff_stores').select('store_id').where('staff_id', '=', staffId).execute();
  return rows.map((r) => r.store_id);
}

export async function storeIdsByStaff(db: Executor, staffIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>(staffIds.map((id) => [id, []]));
  if (staffIds.length === 0) return map;
  const rows = await db.selectFrom('staff_stores').select(['staff_id', 'store_id']).where('staff_id', 'in', staffIds).execute();
  for (const r of rows) map.get(r.staff_id)?.push(r.store_id);
  return map;
}

export async function setStaffStores(db: Executor, staffId: string, storeIds: readonly string[]): Promise<void> {
  await db.deleteFrom('staff_stores').where('staff_id', '=', staffId).execute();
  if (storeIds.length) {
    await db
      .insertInto('staff_stores')
      .values(storeIds.map((store_id) => ({ staff_id: staffId, store_id })))
      .execute();
  }
}
