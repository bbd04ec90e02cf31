// Products (retail and back-bar): reads, writes, per-store overrides, delete-vs-archive.
import { type Kysely, type SqlBool, sql } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/tables.js';
import { type Executor, toBool, withTransaction } from '../../db/tx.js';
import type { Actor } from '../../http/actor.js';
import { type AuditContext, writeAudit } from '../../platform/audit.js';
import { type FieldError, PlatformErrors } from '../../platform/errors.js';
import type { Language } from '../../platform/i18n.js';
import { newId } from '../../platform/ids.js';
import { cleanTranslations, isEmptyOverride, lockedFieldsTouched, type ProductOverride, searchText } from './catalog.js';
import { parseTranslations, toProductDto, toProductOverride, toStoreProductDto } from './dto.js';
import { CatalogErrors, fieldLocked } from './errors.js';
import { afterCursor, readCursor, toKeysetPage } from './paging.js';
import { deleteProductRows, findProduct, findStore, nameContains, type ProductRow, productOverridesOf, productWith } from './repo.js';
import type { ProductCreate, ProductOverrideBody, ProductUpdate, productsQuery } from './schemas.js';
import { assertNoFieldErrors } from './service.js';
import { findUsage } from './usage.js';

/** Back-bar use is measured: a product used in treatments needs its unit (ml, g or piece). */
export function checkUnit(usage: string, unit: string | null): FieldError[] {
  return usage !== 'retail' && unit === null ? [{ path: 'unit', message: 'back-bar products need a unit: ml, g or piece' }] : [];
}

async function assertCodesFree(db: Executor, sku: string | undefined, barcode: string | null | undefined, exceptId?: string) {
  if (sku !== undefined && (await productWith(db, 'sku', sku, exceptId))) throw CatalogErrors.sku_taken({ sku });
  if (barcode && (await productWith(db, 'barcode', barcode, exceptId))) throw CatalogErrors.barcode_taken({ barcode });
}

export async function buildProductDtos(db: Executor, rows: ProductRow[], lang: Language, storeId?: string) {
  const overrides = storeId
    ? await productOverridesOf(
        db,
        rows.map((r) => r.id),
        [storeId],
      )
    : [];
  return rows.map((row) => {
    const dto = toProductDto(row, lang);
    return storeId ? toStoreProductDto(dto, storeId, toProductOverride(overrides.find((o) => o.product_id === row.id))) : dto;
  });
}

const hiddenAtStore = (storeId: string) =>
  sql<SqlBool>`exists (select 1 from product_overrides o where o.product_id = products.id and o.store_id = ${storeId} and o.available = 0 and products.locks not like ${'%"available"%'})`;

export async function listProducts(db: Executor, query: z.infer<typeof productsQuery>, lang: Language) {
  const c = readCursor(query.cursor, 'text');
  let q = db
    .selectFrom('products')
    .selectAll()
    .orderBy('products.name')
    .orderBy('products.id')
    .limit(query.limit + 1);
  if (query.includeArchived !== 'true') q = q.where('products.archived', '=', 0);
  if (query.usage === 'retail') q = q.where('products.usage', 'in', ['retail', 'both']);
  if (query.usage === 'backbar') q = q.where('products.usage', 'in', ['backbar', 'both']);
  if (query.usage === 'both') q = q.where('products.usage', '=', 'both');
  if (query.code) {
    const code = query.code;
    q = q.where((eb) => eb.or([eb('products.sku', '=', code), eb('products.barcode', '=', code)]));
  }
  if (query.q) q = q.where(nameContains('products', query.q));
  if (query.storeId && query.includeUnavailable !== 'true') q = q.where((eb) => eb.not(hiddenAtStore(query.storeId as string)));
  if (c) q = q.where(afterCursor('products.name', 'products.id', c));
  const page = toKeysetPage(await q.execute(), query.limit, (r) => [r.name, r.id]);
  return { data: await buildProductDtos(db, page.data, lang, query.storeId), nextCursor: page.nextCursor };
}

export async function getProduct(db: Executor, actor: Actor, id: string, lang: Language, storeId?: string) {
  const row = await findProduct(db, id);
  if (!row) throw PlatformErrors.not_found();
  if (storeId) return (await buildProductDtos(db, [row], lang, storeId))[0];
  const overrides = await productOverridesOf(db, [id], actor.storeIds);
  return { ...toProductDto(row, lang), overrides: overrides.map((o) => ({ storeId: o.store_id, ...toProductOverride(o) })) };
}

export async function createProduct(db: Kysely<DB>, input: ProductCreate, ctx: AuditContext, lang: Language) {
  assertNoFieldErrors(checkUnit(input.usage, input.unit ?? null));
  return withTransaction(db, async ({ tx }) => {
    await assertCodesFree(tx, input.sku, input.barcode);
    const row = {
      id: newId(),
      sku: input.sku,
      barcode: input.barcode || null,
      name: input.name,
      name_translations: JSON.stringify(cleanTranslations(input.nameTranslations)),
      search_text: searchText(input.name, cleanTranslations(input.nameTranslations), input.sku, input.barcode, input.brand),
      brand: input.brand || null,
      price: input.price,
      cost: input.cost,
      tax_class: input.taxClass,
      usage: input.usage,
      unit: input.unit ?? null,
      size: input.size ?? null,
      locks: JSON.stringify([...new Set(input.locks)]),
      archived: 0 as const,
      version: 1,
      created_at: ctx.now,
      updated_at: ctx.now,
    };
    await tx.insertInto('products').values(row).execute();
    const dto = toProductDto(row, lang);
    await writeAudit(tx, ctx, { action: 'catalog.product.create', entityType: 'product', entityId: row.id, after: dto });
    return dto;
  });
}

export async function updateProduct(db: Kysely<DB>, id: string, input: ProductUpdate, ctx: AuditContext, lang: Language) {
  return withTransaction(db, async ({ tx }) => {
    const current = await findProduct(tx, id);
    if (!current) throw PlatformErrors.not_found();
    if (current.version !== input.version) throw PlatformErrors.stale_version();
    assertNoFieldErrors(checkUnit(input.usage ?? current.usage, input.unit !== undefined ? input.unit : current.unit));
    await assertCodesFree(tx, input.sku, input.barcode, id);
    const res = await tx
      .updateTable('products')
      .set({
        ...(input.sku !== undefined ? { sku: input.sku } : {}),
        ...(input.barcode !== undefined ? { barcode: input.barcode || null } : {}),
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.nameTranslations !== undefined ? { name_translations: JSON.stringify(cleanTranslations(input.nameTranslations)) } : {}),
        search_text: searchText(
          input.name ?? current.name,
          input.nameTranslations ?? parseTranslations(current.name_translations),
          input.sku ?? current.sku,
          input.barcode !== undefined ? input.barcode : current.barcode,
          input.brand !== undefined ? input.brand : current.brand,
        ),
        ...(input.brand !== undefined ? { brand: input.brand || null } : {}),
        ...(input.price !== undefined ? { price: input.price } : {}),
        ...(input.cost !== undefined ? { cost: input.cost } : {}),
        ...(input.taxClass !== undefined ? { tax_class: input.taxClass } : {}),
        ...(input.usage !== undefined ? { usage: input.usage } : {}),
        ...(input.unit !== undefined ? { unit: input.unit } : {}),
        ...(input.size !== undefined ? { size: input.size } : {}),
        ...(input.locks !== undefined ? { locks: JSON.stringify([...new Set(input.locks)]) } : {}),
        ...(input.archived !== undefined ? { archived: toBool(input.archived) } : {}),
        version: input.version + 1,
        updated_at: ctx.now,
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw PlatformErrors.stale_version();
    const after = toProductDto((await findProduct(tx, id))!, lang);
    await writeAudit(tx, ctx, {
      action: 'catalog.product.update',
      entityType: 'product',
      entityId: id,
      before: toProductDto(current, lang),
      after,
    });
    return after;
  });
}

export async function archiveProduct(db: Kysely<DB>, id: string, ctx: AuditContext, lang: Language) {
  return withTransaction(db, async ({ tx }) => {
    const current = await findProduct(tx, id);
    if (!current) throw PlatformErrors.not_found();
    if (current.archived === 1) return toProductDto(current, lang);
    await tx
      .updateTable('products')
      .set({ archived: 1, version: current.version + 1, updated_at: ctx.now })
      .where('id', '=', id)
      .execute();
    await writeAudit(tx, ctx, {
      action: 'catalog.product.archive',
      entityType: 'product',
      entityId: id,
      before: { archived: false },
      after: { archived: true },
    });
    return toProductDto((await findProduct(tx, id))!, lang);
  });
}

export async function deleteProduct(db: Kysely<DB>, id: string, ctx: AuditContext, lang: Language) {
  await withTransaction(db, async ({ tx }) => {
    const current = await findProduct(tx, id);
    if (!current) throw PlatformErrors.not_found();
    if (await findUsage(tx, { type: 'product', id })) throw CatalogErrors.in_use();
    await deleteProductRows(tx, id);
    await writeAudit(tx, ctx, {
      action: 'catalog.product.delete',
      entityType: 'product',
      entityId: id,
      before: toProductDto(current, lang),
    });
  });
}

export async function setProductOverride(
  db: Kysely<DB>,
  id: string,
  storeId: string,
  body: ProductOverrideBody,
  ctx: AuditContext,
  lang: Language,
) {
  const override: ProductOverride = { price: body.price ?? null, available: body.available ?? null };
  return withTransaction(db, async ({ tx }) => {
    if (!(await findStore(tx, storeId))) throw PlatformErrors.not_found();
    const product = await findProduct(tx, id);
    if (!product) throw PlatformErrors.not_found();
    const locked = lockedFieldsTouched(toProductDto(product, lang).locks, override);
    if (locked.length) throw fieldLocked(locked, lang);
    const [beforeRow] = await productOverridesOf(tx, [id], [storeId]);
    await tx.deleteFrom('product_overrides').where('product_id', '=', id).where('store_id', '=', storeId).execute();
    if (!isEmptyOverride(override)) {
      await tx
        .insertInto('product_overrides')
        .values({
          product_id: id,
          store_id: storeId,
          price: override.price,
          available: override.available === null ? null : toBool(override.available),
          updated_by: ctx.actorId,
          updated_at: ctx.now,
        })
        .execute();
    }
    await writeAudit(tx, ctx, {
      action: 'catalog.override.set',
      entityType: 'product',
      entityId: id,
      storeId,
      before: toProductOverride(beforeRow),
      after: isEmptyOverride(override) ? null : override,
    });
    return (await buildProductDtos(tx, [product], lang, storeId))[0];
  });
}
