// Reads of categories, services and add-ons, shaped for the API (and for store views, with overrides applied).
import { type SqlBool, sql } from 'kysely';
import type { z } from 'zod';
import type { Executor } from '../../db/tx.js';
import type { Actor } from '../../http/actor.js';
import { PlatformErrors } from '../../platform/errors.js';
import type { Language } from '../../platform/i18n.js';
import { type ServiceDto, toAddOnDto, toCategoryDto, toServiceDto, toServiceOverride, toStoreServiceDto } from './dto.js';
import { afterCursor, readCursor, toKeysetPage } from './paging.js';
import { findService, linksOf, nameContains, type ServiceRow, serviceOverridesOf, staffLinksOf } from './repo.js';
import type { addOnsQuery, categoriesQuery, servicesQuery } from './schemas.js';

/** Services with their staff and add-ons; with storeId, as that store sells them. */
export async function buildServiceDtos(db: Executor, rows: ServiceRow[], lang: Language, storeId?: string) {
  const ids = rows.map((r) => r.id);
  const [staff, addOns, overrides] = await Promise.all([
    staffLinksOf(db, ids, storeId),
    linksOf(db, 'service_id', ids),
    storeId ? serviceOverridesOf(db, ids, [storeId]) : Promise.resolve([]),
  ]);
  return rows.map((row) => {
    const dto = toServiceDto(row, lang, { staff: staff.get(row.id) ?? [], addOnIds: addOns.get(row.id) ?? [] });
    if (!storeId) return dto;
    return toStoreServiceDto(dto, storeId, toServiceOverride(overrides.find((o) => o.service_id === row.id)));
  });
}

export async function serviceDto(db: Executor, row: ServiceRow, lang: Language): Promise<ServiceDto> {
  const [dto] = await buildServiceDtos(db, [row], lang);
  return dto as ServiceDto;
}

// A store hides a service with available = 0, unless HQ locked availability.
const hiddenAtStore = (storeId: string) =>
  sql<SqlBool>`exists (select 1 from service_overrides o where o.service_id = services.id and o.store_id = ${storeId} and o.available = 0 and services.locks not like ${'%"available"%'})`;

export async function listServices(db: Executor, query: z.infer<typeof servicesQuery>, lang: Language) {
  const c = readCursor(query.cursor, 'text');
  let q = db
    .selectFrom('services')
    .selectAll()
    .orderBy('services.name')
    .orderBy('services.id')
    .limit(query.limit + 1);
  if (query.includeArchived !== 'true') q = q.where('services.archived', '=', 0);
  if (query.categoryId) q = q.where('services.category_id', '=', query.categoryId);
  if (query.onlineBookable) q = q.where('services.online_bookable', '=', query.onlineBookable === 'true' ? 1 : 0);
  if (query.q) q = q.where(nameContains('services', query.q));
  if (query.storeId && query.includeUnavailable !== 'true') q = q.where((eb) => eb.not(hiddenAtStore(query.storeId as string)));
  if (c) q = q.where(afterCursor('services.name', 'services.id', c));
  const page = toKeysetPage(await q.execute(), query.limit, (r) => [r.name, r.id]);
  return { data: await buildServiceDtos(db, page.data, lang, query.storeId), nextCursor: page.nextCursor };
}

/**
 * One service. With storeId: as that store sells it. Without: HQ values plus the overrides of the stores
 * the reader works at (the overrides screen).
 */
export async function getService(db: Executor, actor: Actor, id: string, lang: Language, storeId?: string) {
  const row = await findService(db, id);
  if (!row) throw PlatformErrors.not_found();
  if (storeId) return (await buildServiceDtos(db, [row], lang, storeId))[0];
  const dto = await serviceDto(db, row, lang);
  const overrides = await serviceOverridesOf(db, [id], actor.storeIds);
  return {
    ...dto,
    overrides: overrides.map((o) => ({ storeId: o.store_id, ...toServiceOverride(o) })),
  };
}

export async function listCategories(db: Executor, query: z.infer<typeof categoriesQuery>, lang: Language) {
  const c = readCursor(query.cursor, 'int');
  let q = db
    .selectFrom('service_categories')
    .selectAll()
    .orderBy('sort_order')
    .orderBy('id')
    .limit(query.limit + 1);
  if (query.includeArchived !== 'true') q = q.where('archived', '=', 0);
  if (c) q = q.where(afterCursor('service_categories.sort_order', 'service_categories.id', c));
  const page = toKeysetPage(await q.execute(), query.limit, (r) => [r.sort_order, r.id]);
  return { data: page.data.map((r) => toCategoryDto(r, lang)), nextCursor: page.nextCursor };
}

export async function listAddOns(db: Executor, query: z.infer<typeof addOnsQuery>, lang: Language) {
  const c = readCursor(query.cursor, 'text');
  let q = db
    .selectFrom('add_ons')
    .selectAll()
    .orderBy('add_ons.name')
    .orderBy('add_ons.id')
    .limit(query.limit + 1);
  if (query.includeArchived !== 'true') q = q.where('add_ons.archived', '=', 0);
  if (query.q) q = q.where(nameContains('add_ons', query.q));
  if (query.serviceId) {
    const serviceId = query.serviceId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('service_add_ons')
          .select('service_add_ons.add_on_id')
          .whereRef('service_add_ons.add_on_id', '=', 'add_ons.id')
          .where('service_add_ons.service_id', '=', serviceId),
      ),
    );
  }
  if (c) q = q.where(afterCursor('add_ons.name', 'add_ons.id', c));
  const page = toKeysetPage(await q.execute(), query.limit, (r) => [r.name, r.id]);
  const links = await linksOf(
    db,
    'add_on_id',
    page.data.map((r) => r.id),
  );
  return { data: page.data.map((r) => toAddOnDto(r, lang, links.get(r.id) ?? [])), nextCursor: page.nextCursor };
}
