// What other modules (availability, appointments, checkout, stock) read from the catalog: the values
// that apply at one store, overrides and locks resolved, per-technician terms included.
import type { Executor } from '../../db/tx.js';
import { effectiveProduct, effectiveService, SERVICE_LOCKABLE, type ServiceLockField, staffTerms, type Translations } from './catalog.js';
import { parseTranslations, toProductDto, toProductOverride, toServiceOverride } from './dto.js';
import { addOnsByIds, linksOf, productOverridesOf, productsByIds, serviceOverridesOf, servicesByIds, staffLinksOf } from './repo.js';

export type EffectiveServiceStaff = {
  staffId: string;
  /** Cents this technician charges: their own price, else the store's price. */
  price: number;
  /** Minutes with this technician: their own duration, else the store's duration. */
  durationMin: number;
  ownPrice: boolean;
  ownDuration: boolean;
};

export type EffectiveService = {
  id: string;
  name: string;
  nameTranslations: Translations;
  categoryId: string | null;
  /** Store's duration (override or HQ), before any technician's own duration. */
  durationMin: number;
  bufferBeforeMin: number;
  bufferAfterMin: number;
  /** The technician is free from `startMin` for `lengthMin` minutes (colour or a mask sets). */
  processing: { startMin: number; lengthMin: number } | null;
  /** Store's price in cents (override or HQ), before any technician's own price. */
  price: number;
  taxClass: string;
  resourceType: string | null;
  onlineBookable: boolean;
  /** False when the store hid it (and HQ did not lock availability). */
  available: boolean;
  archived: boolean;
  version: number;
  /** Active staff who work at this store and perform the service, with their terms. */
  staff: EffectiveServiceStaff[];
  addOnIds: string[];
};

/** The services as `storeId` sells them, keyed by id; unknown ids are simply absent. */
export async function getEffectiveServices(
  db: Executor,
  storeId: string,
  serviceIds: readonly string[],
): Promise<Map<string, EffectiveService>> {
  const ids = [...new Set(serviceIds)];
  const [rows, staff, addOns, overrides] = await Promise.all([
    servicesByIds(db, ids),
    staffLinksOf(db, ids, storeId),
    linksOf(db, 'service_id', ids),
    serviceOverridesOf(db, ids, [storeId]),
  ]);
  const out = new Map<string, EffectiveService>();
  for (const row of rows) {
    const locks = (JSON.parse(row.locks) as string[]).filter((l): l is ServiceLockField =>
      SERVICE_LOCKABLE.includes(l as ServiceLockField),
    );
    const eff = effectiveService(
      { price: row.price, durationMin: row.duration_min, locks },
      toServiceOverride(overrides.find((o) => o.service_id === row.id)),
    );
    out.set(row.id, {
      id: row.id,
      name: row.name,
      nameTranslations: parseTranslations(row.name_translations),
      categoryId: row.category_id,
      durationMin: eff.durationMin,
      bufferBeforeMin: row.buffer_before_min,
      bufferAfterMin: row.buffer_after_min,
      processing:
        row.processing_start_min !== null && row.processing_min !== null
          ? { startMin: row.processing_start_min, lengthMin: row.processing_min }
          : null,
      price: eff.price,
      taxClass: row.tax_class,
      resourceType: row.resource_type,
      onlineBookable: row.online_bookable === 1,
      available: eff.available,
      archived: row.archived === 1,
      version: row.version,
      staff: (staff.get(row.id) ?? []).map((link) => ({ staffId: link.staffId, ...staffTerms(eff, link) })),
      addOnIds: addOns.get(row.id) ?? [],
    });
  }
  return out;
}

export type EffectiveProduct = {
  id: string;
  sku: string;
  barcode: string | null;
  name: string;
  nameTranslations: Translations;
  brand: string | null;
  /** Store's retail price in cents (override or HQ). */
  price: number;
  cost: number;
  taxClass: string;
  usage: 'retail' | 'backbar' | 'both';
  unit: 'ml' | 'g' | 'piece' | null;
  size: number | null;
  available: boolean;
  archived: boolean;
  version: number;
};

/** The products as `storeId` sells them, keyed by id; unknown ids are simply absent. */
export async function getEffectiveProducts(
  db: Executor,
  storeId: string,
  productIds: readonly string[],
): Promise<Map<string, EffectiveProduct>> {
  const ids = [...new Set(productIds)];
  const [rows, overrides] = await Promise.all([productsByIds(db, ids), productOverridesOf(db, ids, [storeId])]);
  const out = new Map<string, EffectiveProduct>();
  for (const row of rows) {
    const { displayName: _d, locks: _l, ...dto } = toProductDto(row, 'en');
    const eff = effectiveProduct(toProductDto(row, 'en'), toProductOverride(overrides.find((o) => o.product_id === row.id)));
    out.set(row.id, { ...dto, price: eff.price, available: eff.available });
  }
  return out;
}

/** A product by exact SKU or barcode (a scanner at checkout or a stock count), or undefined. */
export async function findProductIdByCode(db: Executor, code: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('products')
    .select('id')
    .where((eb) => eb.or([eb('sku', '=', code), eb('barcode', '=', code)]))
    .executeTakeFirst();
  return row?.id;
}

export type CatalogAddOn = {
  id: string;
  name: string;
  nameTranslations: Translations;
  price: number;
  extraMin: number;
  taxClass: string;
  archived: boolean;
  serviceIds: string[];
};

/** Add-ons by id (they are HQ-wide, no store overrides), with the services they attach to. */
export async function getAddOns(db: Executor, addOnIds: readonly string[]): Promise<Map<string, CatalogAddOn>> {
  const ids = [...new Set(addOnIds)];
  const [rows, links] = await Promise.all([addOnsByIds(db, ids), linksOf(db, 'add_on_id', ids)]);
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: r.name,
        nameTranslations: parseTranslations(r.name_translations),
        price: r.price,
        extraMin: r.extra_min,
        taxClass: r.tax_class,
        archived: r.archived === 1,
        serviceIds: links.get(r.id) ?? [],
      },
    ]),
  );
}
