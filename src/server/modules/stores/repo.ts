import type { Selectable } from 'kysely';
import type { StoresTable } from '../../db/tables.js';
import type { Executor } from '../../db/tx.js';

export type StoreRow = Selectable<StoresTable>;

export const findStoreById = (db: Executor, id: string) => db.selectFrom('stores').selectAll().where('id', '=', id).executeTakeFirst();

export const listActiveStoreIds = async (db: Executor): Promise<string[]> =>
  (await db.selectFrom('stores').select('id').where('archived', '=', 0).orderBy('created_at').execute()).map((r) => r.id);

export const listStoresByIds = (db: Executor, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([] as StoreRow[])
    : db.selectFrom('stores').selectAll().where('id', 'in', ids).orderBy('created_at').execute();
