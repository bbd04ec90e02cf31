// Products (retail and back-bar): reads, writes, per-store overrides, delete-vs-archive.
import { type Kysely, type SqlBool, sql } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/tables.js';
import { type Executor, withTransaction } from '../../db/tx.js';
import type { Actor } from '../../http/actor.js';
import { type AuditContext, writeAudit } from '../../platform/audit.js';
import { type FieldError, PlatformErrors } from '../../platform/errors.js';
import type { Language } from '../../platform/i18n.js';
import { newId } from '../../platform/ids.js';
import type { ProductOverride } from './catalog.js';
import { type ProductDto, toProductDto, toProductOverride, toStoreProductDto } from './dto.js';
import { CatalogErrors } from './errors.js';
import { archiveHqItem, deleteUnusedHqItem, type HqItemKind, overrideColumns, setHqItemOverride } from './hq-items.js';
import { afterCursor, readCursor, toKeysetPage } from './paging.js';
import { deleteProductRows, findProduct, nameContains, type ProductRow, productOverridesOf, productWith } from './repo.js';
import type { ProductCreate, ProductOverrideBody, ProductUpdate, productsQuery } from './schemas.js';
import { assertNoFieldErrors } from './service.js';
import { nameChanges, nameColumns, newRowStamps, rowAtVersion, updateAtVersion } from './writes.js';

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

type ProductView = Awaited<ReturnType<typeof buildProductDtos>>[number];

/** Products as HQ catalog items (archive, delete while unused, store overrides). */
const PRODUCT_ITEM: HqItemKind<ProductRow, ProductDto, ProductOverride, ProductView> = {
  entityType: 'product',
  table: 'products',
  find: findProduct,
  toDto: (_db, row, lang) => toProductDto(row, lang),
  deleteRows: deleteProductRows,
  locks: (row, lang) => toProductDto(row, lang).locks,
  overrideOf: async (db, id, storeId) => toProductOverride((await productOverridesOf(db, [id], [storeId]))[0]),
  async deleteOverride(tx, id, storeId) {
    await tx.deleteFrom('product_overrides').where('product_id', '=', id).where('store_id', '=', storeId).execute();
  },
  async insertOverride(tx, id, storeId, override, ctx) {
    await tx
      .insertInto('product_overrides')
      .values({ product_id: id, store_id: storeId, ...overrideColumns(override, ctx) })
      .execute();
  },
  toStoreDto: async (db, row, lang, storeId) => (await buildProductDtos(db, [row], lang, storeId))[0] as ProductView,
};

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
      ...nameColumns(input.name, input.nameTranslations, input.sku, input.barcode, input.brand),
      brand: input.brand || null,
      price: input.price,
      cost: input.cost,
      tax_class: input.taxClass,
      usage: input.usage,
      unit: input.unit ?? null,
      size: input.size ?? null,
      locks: JSON.stringify([...new Set(input.locks)]),
      ...newRowStamps(ctx.now),
    };
    await tx.insertInto('products').values(row).execute();
    const dto = toProductDto(row, lang);
    await writeAudit(tx, ctx, { action: 'catalog.product.create', entityType: 'product', entityId: row.id, after: dto });
    return dto;
  });
}

export async function updateProduct(db: Kysely<DB>, id: string, input: ProductUpdate, ctx: AuditContext, lang: Language) {
  return withTransaction(db, async ({ tx }) => {
    const current = await rowAtVersion(findProduct, tx, id, input.version);
    assertNoFieldErrors(checkUnit(input.usage ?? current.usage, input.unit !== undefined ? input.unit : current.unit));
    await assertCodesFree(tx, input.sku, input.barcode, id);
    await updateAtVersion(tx, 'products', id, input, ctx.now, {
      ...(input.sku !== undefined ? { sku: input.sku } : {}),
      ...(input.barcode !== undefined ? { barcode: input.barcode || null } : {}),
      ...nameChanges(
        input,
        current,
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
    });
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

/** Archiving always works: the product leaves sale, and stays in history. */
export const archiveProduct = (db: Kysely<DB>, id: string, ctx: AuditContext, lang: Language) =>
  archiveHqItem(db, PRODUCT_ITEM, id, ctx, lang);

/** Hard delete, only while nothing was sold or used with it (other modules report uses). */
export const deleteProduct = (db: Kysely<DB>, id: string, ctx: AuditContext, lang: Language) =>
  deleteUnusedHqItem(db, PRODUCT_ITEM, id, ctx, lang);

/** A store's own price or availability for a product (PUT replaces; null or absent follows HQ; locked: 422 field_locked). */
export function setProductOverride(
  db: Kysely<DB>,
  id: string,
  storeId: string,
  body: ProductOverrideBody,
  ctx: AuditContext,
  lang: Language,
) {
  const override: ProductOverride = { price: body.price ?? null, available: body.available ?? null };
  return setHqItemOverride(db, PRODUCT_ITEM, id, storeId, override, ctx, lang);
}
