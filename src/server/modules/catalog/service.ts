// Writes of service categories and services: one transaction each, audited with before/after.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/tables.js';
import { type Executor, toBool, withTransaction } from '../../db/tx.js';
import { type AuditContext, writeAudit } from '../../platform/audit.js';
import { type FieldError, PlatformErrors } from '../../platform/errors.js';
import type { Language } from '../../platform/i18n.js';
import { newId } from '../../platform/ids.js';
import { checkProcessingGap, cleanTranslations, type ServiceOverride } from './catalog.js';
import { type ServiceDto, toCategoryDto, toServiceOverride } from './dto.js';
import { CatalogErrors } from './errors.js';
import { archiveHqItem, deleteUnusedHqItem, type HqItemKind, overrideColumns, setHqItemOverride } from './hq-items.js';
import { buildServiceDtos, serviceDto } from './queries.js';
import {
  deleteServiceRows,
  findCategory,
  findService,
  missingIds,
  otherDurationsOf,
  replaceLinks,
  replaceServiceStaff,
  type ServiceRow,
  type StaffLink,
  serviceOverridesOf,
  staffLinksOf,
  staffNotWorking,
} from './repo.js';
import type { CategoryCreate, CategoryUpdate, ServiceCreate, ServiceOverrideBody, ServiceStaffInput, ServiceUpdate } from './schemas.js';
import { nameChanges, nameColumns, newRowStamps, rowAtVersion, updateAtVersion } from './writes.js';

/** Cross-field problems in the body are still bad input: 400 with the paths. */
export function assertNoFieldErrors(errors: FieldError[]): void {
  if (errors.length) throw PlatformErrors.validation_failed({ fields: [...new Set(errors.map((e) => e.path))].join(', ') }, errors);
}

/** Everyone named must exist, be active and work at a store; `prefix` locates the list in the body. */
export async function assertStaffWork(db: Executor, staffIds: readonly string[], prefix: string): Promise<void> {
  const bad = await staffNotWorking(db, staffIds);
  if (bad.length) {
    const errors = staffIds.flatMap((id, i) =>
      bad.includes(id) ? [{ path: `${prefix}${i}.staffId`, message: 'unknown, archived or works at no store' }] : [],
    );
    throw CatalogErrors.staff_not_assignable({ staffIds: bad.join(', ') }, errors);
  }
}

async function assertCategory(db: Executor, categoryId: string | null | undefined): Promise<void> {
  if (categoryId && !(await findCategory(db, categoryId))) throw CatalogErrors.unknown_category();
}

async function assertAddOns(db: Executor, ids: readonly string[] | undefined): Promise<void> {
  if (ids?.length && (await missingIds(db, 'add_ons', ids)).length) throw CatalogErrors.unknown_add_on();
}

const toLinks = (list: ServiceStaffInput): StaffLink[] =>
  list.map((s) => ({ staffId: s.staffId, price: s.price ?? null, durationMin: s.durationMin ?? null }));
const staffDurations = (list: ServiceStaffInput, prefix: string) =>
  list.flatMap((s, i) => (s.durationMin != null ? [{ path: `${prefix}${i}.durationMin`, durationMin: s.durationMin }] : []));

type ServiceView = Awaited<ReturnType<typeof buildServiceDtos>>[number];

/** Services as HQ catalog items (archive, delete while unused, store overrides). */
const SERVICE_ITEM: HqItemKind<ServiceRow, ServiceDto, ServiceOverride, ServiceView> = {
  entityType: 'service',
  table: 'services',
  find: findService,
  toDto: serviceDto,
  deleteRows: deleteServiceRows,
  locks: (row) => JSON.parse(row.locks) as string[],
  checkOverride(row, override) {
    if (override.durationMin === null) return;
    const gap = { processingStartMin: row.processing_start_min, processingMin: row.processing_min };
    assertNoFieldErrors(checkProcessingGap(gap, [{ path: 'durationMin', durationMin: override.durationMin }]));
  },
  overrideOf: async (db, id, storeId) => toServiceOverride((await serviceOverridesOf(db, [id], [storeId]))[0]),
  async deleteOverride(tx, id, storeId) {
    await tx.deleteFrom('service_overrides').where('service_id', '=', id).where('store_id', '=', storeId).execute();
  },
  async insertOverride(tx, id, storeId, override, ctx) {
    const values = { service_id: id, store_id: storeId, ...overrideColumns(override, ctx), duration_min: override.durationMin };
    await tx.insertInto('service_overrides').values(values).execute();
  },
  toStoreDto: async (db, row, lang, storeId) => (await buildServiceDtos(db, [row], lang, storeId))[0] as ServiceView,
};

// ---- categories

export async function createCategory(db: Kysely<DB>, input: CategoryCreate, ctx: AuditContext, lang: Language) {
  return withTransaction(db, async ({ tx }) => {
    const row = {
      id: newId(),
      name: input.name,
      name_translations: JSON.stringify(cleanTranslations(input.nameTranslations)),
      sort_order: input.sortOrder,
      color: input.color ?? null,
      ...newRowStamps(ctx.now),
    };
    await tx.insertInto('service_categories').values(row).execute();
    const dto = toCategoryDto(row, lang);
    await writeAudit(tx, ctx, { action: 'catalog.category.create', entityType: 'service_category', entityId: row.id, after: dto });
    return dto;
  });
}

export async function updateCategory(db: Kysely<DB>, id: string, input: CategoryUpdate, ctx: AuditContext, lang: Language) {
  return withTransaction(db, async ({ tx }) => {
    const current = await findCategory(tx, id);
    if (!current) throw PlatformErrors.not_found();
    await updateAtVersion(tx, 'service_categories', id, input, ctx.now, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.nameTranslations !== undefined ? { name_translations: JSON.stringify(cleanTranslations(input.nameTranslations)) } : {}),
      ...(input.sortOrder !== undefined ? { sort_order: input.sortOrder } : {}),
      ...(input.color !== undefined ? { color: input.color } : {}),
    });
    const after = toCategoryDto((await findCategory(tx, id))!, lang);
    await writeAudit(tx, ctx, {
      action: 'catalog.category.update',
      entityType: 'service_category',
      entityId: id,
      before: toCategoryDto(current, lang),
      after,
    });
    return after;
  });
}

// ---- services

export async function createService(db: Kysely<DB>, input: ServiceCreate, ctx: AuditContext, lang: Language) {
  const staff = input.staff ?? [];
  const gap = { processingStartMin: input.processingStartMin ?? null, processingMin: input.processingMin ?? null };
  assertNoFieldErrors(
    checkProcessingGap(gap, [{ path: 'durationMin', durationMin: input.durationMin }, ...staffDurations(staff, 'staff.')]),
  );
  return withTransaction(db, async ({ tx }) => {
    await assertCategory(tx, input.categoryId);
    await assertStaffWork(
      tx,
      staff.map((s) => s.staffId),
      'staff.',
    );
    await assertAddOns(tx, input.addOnIds);
    const row = {
      id: newId(),
      category_id: input.categoryId ?? null,
      ...nameColumns(input.name, input.nameTranslations),
      description: input.description || null,
      description_translations: JSON.stringify(cleanTranslations(input.descriptionTranslations)),
      duration_min: input.durationMin,
      buffer_before_min: input.bufferBeforeMin,
      buffer_after_min: input.bufferAfterMin,
      processing_start_min: gap.processingStartMin,
      processing_min: gap.processingMin,
      price: input.price,
      tax_class: input.taxClass,
      online_bookable: toBool(input.onlineBookable),
      color: input.color ?? null,
      resource_type: input.resourceType ?? null,
      locks: JSON.stringify([...new Set(input.locks)]),
      ...newRowStamps(ctx.now),
    };
    await tx.insertInto('services').values(row).execute();
    await replaceServiceStaff(tx, row.id, toLinks(staff));
    await replaceLinks(tx, 'service_id', row.id, input.addOnIds ?? []);
    const dto = await serviceDto(tx, row, lang);
    await writeAudit(tx, ctx, { action: 'catalog.service.create', entityType: 'service', entityId: row.id, after: dto });
    return dto;
  });
}

export async function updateService(db: Kysely<DB>, id: string, input: ServiceUpdate, ctx: AuditContext, lang: Language) {
  return withTransaction(db, async ({ tx }) => {
    const current = await rowAtVersion(findService, tx, id, input.version);
    const gap = {
      processingStartMin: input.processingStartMin !== undefined ? input.processingStartMin : current.processing_start_min,
      processingMin: input.processingMin !== undefined ? input.processingMin : current.processing_min,
    };
    const durationMin = input.durationMin ?? current.duration_min;
    assertNoFieldErrors(checkProcessingGap(gap, [{ path: 'durationMin', durationMin }, ...(await otherDurationsOf(tx, id))]));
    if (input.categoryId !== undefined) await assertCategory(tx, input.categoryId);
    await assertAddOns(tx, input.addOnIds);
    const before = await serviceDto(tx, current, lang);
    await updateAtVersion(tx, 'services', id, input, ctx.now, {
      ...nameChanges(input, current),
      ...(input.description !== undefined ? { description: input.description || null } : {}),
      ...(input.descriptionTranslations !== undefined
        ? { description_translations: JSON.stringify(cleanTranslations(input.descriptionTranslations)) }
        : {}),
      ...(input.categoryId !== undefined ? { category_id: input.categoryId } : {}),
      ...(input.bufferBeforeMin !== undefined ? { buffer_before_min: input.bufferBeforeMin } : {}),
      ...(input.bufferAfterMin !== undefined ? { buffer_after_min: input.bufferAfterMin } : {}),
      ...(input.price !== undefined ? { price: input.price } : {}),
      ...(input.taxClass !== undefined ? { tax_class: input.taxClass } : {}),
      ...(input.onlineBookable !== undefined ? { online_bookable: toBool(input.onlineBookable) } : {}),
      ...(input.color !== undefined ? { color: input.color } : {}),
      ...(input.resourceType !== undefined ? { resource_type: input.resourceType } : {}),
      ...(input.locks !== undefined ? { locks: JSON.stringify([...new Set(input.locks)]) } : {}),
      duration_min: durationMin,
      processing_start_min: gap.processingStartMin,
      processing_min: gap.processingMin,
    });
    if (input.addOnIds !== undefined) await replaceLinks(tx, 'service_id', id, input.addOnIds);
    const after = await serviceDto(tx, (await findService(tx, id))!, lang);
    await writeAudit(tx, ctx, { action: 'catalog.service.update', entityType: 'service', entityId: id, before, after });
    return after;
  });
}

/** Archiving always works: the service leaves menus and booking, and stays in history. */
export const archiveService = (db: Kysely<DB>, id: string, ctx: AuditContext, lang: Language) =>
  archiveHqItem(db, SERVICE_ITEM, id, ctx, lang);

/** Hard delete, only while nothing was booked or sold with it (other modules report uses). */
export const deleteService = (db: Kysely<DB>, id: string, ctx: AuditContext, lang: Language) =>
  deleteUnusedHqItem(db, SERVICE_ITEM, id, ctx, lang);

/** Replaces who performs a service, each with an optional own price and duration. */
export async function setServiceStaff(db: Kysely<DB>, id: string, list: ServiceStaffInput, ctx: AuditContext, lang: Language) {
  return withTransaction(db, async ({ tx }) => {
    const current = await findService(tx, id);
    if (!current) throw PlatformErrors.not_found();
    const gap = { processingStartMin: current.processing_start_min, processingMin: current.processing_min };
    assertNoFieldErrors(checkProcessingGap(gap, staffDurations(list, '')));
    await assertStaffWork(
      tx,
      list.map((s) => s.staffId),
      '',
    );
    const before = (await staffLinksOf(tx, [id])).get(id) ?? [];
    await replaceServiceStaff(tx, id, toLinks(list));
    await tx
      .updateTable('services')
      .set({ version: current.version + 1, updated_at: ctx.now })
      .where('id', '=', id)
      .execute();
    const after = await serviceDto(tx, (await findService(tx, id))!, lang);
    await writeAudit(tx, ctx, {
      action: 'catalog.service.staff_set',
      entityType: 'service',
      entityId: id,
      before: { staff: before },
      after: { staff: after.staff },
    });
    return after;
  });
}

/**
 * A store's own price, duration or availability for a service (PUT replaces; null or absent follows HQ).
 * A field HQ locked is refused with 422 field_locked. Store scope is checked by the route.
 */
export function setServiceOverride(
  db: Kysely<DB>,
  id: string,
  storeId: string,
  body: ServiceOverrideBody,
  ctx: AuditContext,
  lang: Language,
) {
  const override: ServiceOverride = { price: body.price ?? null, durationMin: body.durationMin ?? null, available: body.available ?? null };
  return setHqItemOverride(db, SERVICE_ITEM, id, storeId, override, ctx, lang);
}
