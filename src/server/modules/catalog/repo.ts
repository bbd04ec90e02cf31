import { type Selectable, type SqlBool, sql } from 'kysely';
import type {
  AddOnsTable,
  ProductOverridesTable,
  ProductsTable,
  ResourcesTable,
  ServiceCategoriesTable,
  ServiceOverridesTable,
  ServicesTable,
} from '../../db/tables.js';
import type { Executor } from '../../db/tx.js';
import { containsPattern } from './catalog.js';

export type CategoryRow = Selectable<ServiceCategoriesTable>;
export type ServiceRow = Selectable<ServicesTable>;
export type AddOnRow = Selectable<AddOnsTable>;
export type ProductRow = Selectable<ProductsTable>;
export type ResourceRow = Selectable<ResourcesTable>;
export type ServiceOverrideRow = Selectable<ServiceOverridesTable>;
export type ProductOverrideRow = Selectable<ProductOverridesTable>;
export type StaffLink = { staffId: string; price: number | null; durationMin: number | null };

/** Name or any translation contains `q` (search_text is kept lowercased on write), on both engines. */
export function nameContains(table: 'services' | 'products' | 'add_ons', q: string) {
  const p = containsPattern(q);
  return sql<SqlBool>`${sql.ref(`${table}.search_text`)} like ${p} escape ${sql.lit('\\')}`;
}

export const findCategory = (db: Executor, id: string) =>
  db.selectFrom('service_categories').selectAll().where('id', '=', id).executeTakeFirst();
export const findService = (db: Executor, id: string) => db.selectFrom('services').selectAll().where('id', '=', id).executeTakeFirst();
export const findAddOn = (db: Executor, id: string) => db.selectFrom('add_ons').selectAll().where('id', '=', id).executeTakeFirst();
export const findProduct = (db: Executor, id: string) => db.selectFrom('products').selectAll().where('id', '=', id).executeTakeFirst();
export const findResource = (db: Executor, id: string) => db.selectFrom('resources').selectAll().where('id', '=', id).executeTakeFirst();
export const findStore = (db: Executor, id: string) => db.selectFrom('stores').select(['id']).where('id', '=', id).executeTakeFirst();

export const servicesByIds = (db: Executor, ids: readonly string[]) =>
  ids.length ? db.selectFrom('services').selectAll().where('id', 'in', ids).execute() : Promise.resolve([] as ServiceRow[]);
export const productsByIds = (db: Executor, ids: readonly string[]) =>
  ids.length ? db.selectFrom('products').selectAll().where('id', 'in', ids).execute() : Promise.resolve([] as ProductRow[]);
export const addOnsByIds = (db: Executor, ids: readonly string[]) =>
  ids.length ? db.selectFrom('add_ons').selectAll().where('id', 'in', ids).execute() : Promise.resolve([] as AddOnRow[]);

/** Ids among `ids` that do not exist in `table`. */
export async function missingIds(db: Executor, table: 'services' | 'add_ons' | 'stores', ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const found = new Set((await db.selectFrom(table).select('id').where('id', 'in', ids).execute()).map((r) => r.id));
  return ids.filter((id) => !found.has(id));
}

/** Staff among `ids` who are unknown, archived or assigned to no store. */
export async function staffNotWorking(db: Executor, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const ok = new Set(
    (
      await db
        .selectFrom('staff')
        .select('staff.id')
        .where('staff.id', 'in', ids)
        .where('staff.active', '=', 1)
        .where((eb) =>
          eb.exists(eb.selectFrom('staff_stores').select('staff_stores.staff_id').whereRef('staff_stores.staff_id', '=', 'staff.id')),
        )
        .execute()
    ).map((r) => r.id),
  );
  return ids.filter((id) => !ok.has(id));
}

/** Per-service staff links; with storeId only active staff who work at that store. */
export async function staffLinksOf(db: Executor, serviceIds: readonly string[], storeId?: string): Promise<Map<string, StaffLink[]>> {
  const map = new Map<string, StaffLink[]>(serviceIds.map((id) => [id, []]));
  if (serviceIds.length === 0) return map;
  let q = db
    .selectFrom('service_staff')
    .select(['service_staff.service_id', 'service_staff.staff_id', 'service_staff.price', 'service_staff.duration_min'])
    .where('service_staff.service_id', 'in', serviceIds)
    .orderBy('service_staff.staff_id');
  if (storeId) {
    q = q
      .innerJoin('staff', 'staff.id', 'service_staff.staff_id')
      .innerJoin('staff_stores', 'staff_stores.staff_id', 'service_staff.staff_id')
      .where('staff_stores.store_id', '=', storeId)
      .where('staff.active', '=', 1);
  }
  for (const r of await q.execute()) map.get(r.service_id)?.push({ staffId: r.staff_id, price: r.price, durationMin: r.duration_min });
  return map;
}

export async function replaceServiceStaff(db: Executor, serviceId: string, links: readonly StaffLink[]): Promise<void> {
  await db.deleteFrom('service_staff').where('service_id', '=', serviceId).execute();
  if (links.length) {
    await db
      .insertInto('service_staff')
      .values(links.map((l) => ({ service_id: serviceId, staff_id: l.staffId, price: l.price, duration_min: l.durationMin })))
      .execute();
  }
}

/** serviceId → add-on ids, or addOnId → service ids. */
export async function linksOf(db: Executor, by: 'service_id' | 'add_on_id', ids: readonly string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return map;
  const rows = await db
    .selectFrom('service_add_ons')
    .select(['service_id', 'add_on_id'])
    .where(by, 'in', ids)
    .orderBy('service_id')
    .orderBy('add_on_id')
    .execute();
  for (const r of rows) map.get(by === 'service_id' ? r.service_id : r.add_on_id)?.push(by === 'service_id' ? r.add_on_id : r.service_id);
  return map;
}

export async function replaceLinks(db: Executor, by: 'service_id' | 'add_on_id', id: string, otherIds: readonly string[]): Promise<void> {
  await db.deleteFrom('service_add_ons').where(by, '=', id).execute();
  if (otherIds.length) {
    await db
      .insertInto('service_add_ons')
      .values(otherIds.map((o) => (by === 'service_id' ? { service_id: id, add_on_id: o } : { service_id: o, add_on_id: id })))
      .execute();
  }
}

export function serviceOverridesOf(
  db: Executor,
  serviceIds: readonly string[],
  storeIds: readonly string[],
): Promise<ServiceOverrideRow[]> {
  if (serviceIds.length === 0 || storeIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('service_overrides')
    .selectAll()
    .where('service_id', 'in', serviceIds)
    .where('store_id', 'in', storeIds)
    .orderBy('store_id')
    .execute();
}

export function productOverridesOf(
  db: Executor,
  productIds: readonly string[],
  storeIds: readonly string[],
): Promise<ProductOverrideRow[]> {
  if (productIds.length === 0 || storeIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('product_overrides')
    .selectAll()
    .where('product_id', 'in', productIds)
    .where('store_id', 'in', storeIds)
    .orderBy('store_id')
    .execute();
}

/** Every duration a service can take today: each store override and each technician's own. */
export async function otherDurationsOf(db: Executor, serviceId: string): Promise<Array<{ path: string; durationMin: number }>> {
  const staff = await db
    .selectFrom('service_staff')
    .select(['staff_id', 'duration_min'])
    .where('service_id', '=', serviceId)
    .where('duration_min', 'is not', null)
    .execute();
  const overrides = await db
    .selectFrom('service_overrides')
    .select(['store_id', 'duration_min'])
    .where('service_id', '=', serviceId)
    .where('duration_min', 'is not', null)
    .execute();
  return [
    ...staff.map((s) => ({ path: `staff.${s.staff_id}.durationMin`, durationMin: s.duration_min as number })),
    ...overrides.map((o) => ({ path: `overrides.${o.store_id}.durationMin`, durationMin: o.duration_min as number })),
  ];
}

export async function deleteServiceRows(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('service_staff').where('service_id', '=', id).execute();
  await db.deleteFrom('service_add_ons').where('service_id', '=', id).execute();
  await db.deleteFrom('service_overrides').where('service_id', '=', id).execute();
  await db.deleteFrom('services').where('id', '=', id).execute();
}

export async function deleteProductRows(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('product_overrides').where('product_id', '=', id).execute();
  await db.deleteFrom('products').where('id', '=', id).execute();
}

/** Another product (not `exceptId`) that holds this SKU or barcode. */
export const productWith = (db: Executor, column: 'sku' | 'barcode', value: string, exceptId?: string) => {
  let q = db.selectFrom('products').select('id').where(column, '=', value);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return q.executeTakeFirst();
};
