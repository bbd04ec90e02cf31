// Writes of service categories and services: one transaction each, audited with before/after.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/tables.js';
import { type Executor, toBool, withTransaction } from '../../db/tx.js';
import { type AuditContext, writeAudit } from '../../platform/audit.js';
import { type FieldError, PlatformErrors } from '../../platform/errors.js';
import type { Language } from '../../platform/i18n.js';
import { newId } from '../../platform/ids.js';
import {
  checkProcessingGap,
  cleanTranslations,
  isEmptyOverride,
  lockedFieldsTouched,
  type ServiceOverride,
  searchText,
} from './catalog.js';
import { parseTranslations, toCategoryDto, toServiceOverride } from './dto.js';
import { CatalogErrors, fieldLocked } from './errors.js';
import { buildServiceDtos, serviceDto } from './queries.js';
import {
  deleteServiceRows,
  findCategory,
  findService,
  findStore,
  missingIds,
  otherDurationsOf,
  replaceLinks,
  replaceServiceStaff,
  type StaffLink,
  serviceOverridesOf,
  staffLinksOf,
  staffNotWorking,
} from './repo.js';
import type { CategoryCreate, CategoryUpdate, ServiceCreate, ServiceOverrideBody, ServiceStaffInput, ServiceUpdate } from './schemas.js';
import { findUsage } from './usage.js';

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

// ---- categories

export async function createCategory(db: Kysely<DB>, input: CategoryCreate, ctx: AuditContext, lang: Language) {
  return withTransaction(db, async ({ tx }) => {
    const row = {
      id: newId(),
      name: input.name,
      name_translations: JSON.stringify(cleanTranslations(input.nameTranslations)),
      sort_order: input.sortOrder,
      color: input.color ?? null,
      archived: 0 as const,
      version: 1,
      created_at: ctx.now,
      updated_at: ctx.now,
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
    const res = await tx
      .updateTable('service_categories')
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.nameTranslations !== undefined ? { name_translations: JSON.stringify(cleanTranslations(input.nameTranslations)) } : {}),
        ...(input.sortOrder !== undefined ? { sort_order: input.sortOrder } : {}),
        ...(input.color !== undefined ? { color: input.color } : {}),
        ...(input.archived !== undefined ? { archived: toBool(input.archived) } : {}),
        version: input.version + 1,
        updated_at: ctx.now,
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw PlatformErrors.stale_version();
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
      name: input.name,
      name_translations: JSON.stringify(cleanTranslations(input.nameTranslations)),
      search_text: searchText(input.name, cleanTranslations(input.nameTranslations)),
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
      archived: 0 as const,
      version: 1,
      created_at: ctx.now,
      updated_at: ctx.now,
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
    const current = await findService(tx, id);
    if (!current) throw PlatformErrors.not_found();
    if (current.version !== input.version) throw PlatformErrors.stale_version();
    const gap = {
      processingStartMin: input.processingStartMin !== undefined ? input.processingStartMin : current.processing_start_min,
      processingMin: input.processingMin !== undefined ? input.processingMin : current.processing_min,
    };
    const durationMin = input.durationMin ?? current.duration_min;
    assertNoFieldErrors(checkProcessingGap(gap, [{ path: 'durationMin', durationMin }, ...(await otherDurationsOf(tx, id))]));
    if (input.categoryId !== undefined) await assertCategory(tx, input.categoryId);
    await assertAddOns(tx, input.addOnIds);
    const before = await serviceDto(tx, current, lang);
    const res = await tx
      .updateTable('services')
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.nameTranslations !== undefined ? { name_translations: JSON.stringify(cleanTranslations(input.nameTranslations)) } : {}),
        search_text: searchText(input.name ?? current.name, input.nameTranslations ?? parseTranslations(current.name_translations)),
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
        ...(input.archived !== undefined ? { archived: toBool(input.archived) } : {}),
        duration_min: durationMin,
        processing_start_min: gap.processingStartMin,
        processing_min: gap.processingMin,
        version: input.version + 1,
        updated_at: ctx.now,
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw PlatformErrors.stale_version();
    if (input.addOnIds !== undefined) await replaceLinks(tx, 'service_id', id, input.addOnIds);
    const after = await serviceDto(tx, (await findService(tx, id))!, lang);
    await writeAudit(tx, ctx, { action: 'catalog.service.update', entityType: 'service', entityId: id, before, after });
    return after;
  });
}

/** Archiving always works: the service leaves menus and booking, and stays in history. */
export async function archiveService(db: Kysely<DB>, id: string, ctx: AuditContext, lang: Language) {
  return withTransaction(db, async ({ tx }) => {
    const current = await findService(tx, id);
    if (!current) throw PlatformErrors.not_found();
    if (current.archived === 1) return serviceDto(tx, current, lang);
    await tx
      .updateTable('services')
      .set({ archived: 1, version: current.version + 1, updated_at: ctx.now })
      .where('id', '=', id)
      .execute();
    const after = await serviceDto(tx, (await findService(tx, id))!, lang);
    await writeAudit(tx, ctx, {
      action: 'catalog.service.archive',
      entityType: 'service',
      entityId: id,
      before: { archived: false },
      after: { archived: true },
    });
    return after;
  });
}

/** Hard delete, only while nothing was booked or sold with it (other modules report uses). */
export async function deleteService(db: Kysely<DB>, id: string, ctx: AuditContext, lang: Language) {
  await withTransaction(db, async ({ tx }) => {
    const current = await findService(tx, id);
    if (!current) throw PlatformErrors.not_found();
    if (await findUsage(tx, { type: 'service', id })) throw CatalogErrors.in_use();
    const before = await serviceDto(tx, current, lang);
    await deleteServiceRows(tx, id);
    await writeAudit(tx, ctx, { action: 'catalog.service.delete', entityType: 'service', entityId: id, before });
  });
}

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
export async function setServiceOverride(
  db: Kysely<DB>,
  id: string,
  storeId: string,
  body: ServiceOverrideBody,
  ctx: AuditContext,
  lang: Language,
) {
  const override: ServiceOverride = { price: body.price ?? null, durationMin: body.durationMin ?? null, available: body.available ?? null };
  return withTransaction(db, async ({ tx }) => {
    if (!(await findStore(tx, storeId))) throw PlatformErrors.not_found();
    const service = await findService(tx, id);
    if (!service) throw PlatformErrors.not_found();
    const locked = lockedFieldsTouched(JSON.parse(service.locks) as string[], override);
    if (locked.length) throw fieldLocked(locked, lang);
    if (override.durationMin !== null) {
      const gap = { processingStartMin: service.processing_start_min, processingMin: service.processing_min };
      assertNoFieldErrors(checkProcessingGap(gap, [{ path: 'durationMin', durationMin: override.durationMin }]));
    }
    const [beforeRow] = await serviceOverridesOf(tx, [id], [storeId]);
    await tx.deleteFrom('service_overrides').where('service_id', '=', id).where('store_id', '=', storeId).execute();
    if (!isEmptyOverride(override)) {
      await tx
        .insertInto('service_overrides')
        .values({
          service_id: id,
          store_id: storeId,
          price: override.price,
          duration_min: override.durationMin,
          available: override.available === null ? null : toBool(override.available),
          updated_by: ctx.actorId,
          updated_at: ctx.now,
        })
        .execute();
    }
    await writeAudit(tx, ctx, {
      action: 'catalog.override.set',
      entityType: 'service',
      entityId: id,
      storeId,
      before: toServiceOverride(beforeRow),
      after: isEmptyOverride(override) ? null : override,
    });
    return (await buildServiceDtos(tx, [service], lang, storeId))[0];
  });
}
