// Rows → API shapes. Display texts follow the reader's language; raw translations stay for editing.
import type { Language } from '../../platform/i18n.js';
import {
  cleanTranslations,
  effectiveProduct,
  effectiveService,
  PRODUCT_LOCKABLE,
  type ProductLockField,
  type ProductOverride,
  resolveText,
  SERVICE_LOCKABLE,
  type ServiceLockField,
  type ServiceOverride,
  type Translations,
} from './catalog.js';
import type {
  AddOnRow,
  CategoryRow,
  ProductOverrideRow,
  ProductRow,
  ResourceRow,
  ServiceOverrideRow,
  ServiceRow,
  StaffLink,
} from './repo.js';

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export const parseTranslations = (text: string): Translations => cleanTranslations(parseJson<Translations>(text, {}));
const parseLocks = <T extends string>(text: string, allowed: readonly T[]): T[] =>
  parseJson<unknown[]>(text, []).filter((x): x is T => allowed.includes(x as T));

export function toCategoryDto(row: CategoryRow, lang: Language) {
  const nameTranslations = parseTranslations(row.name_translations);
  return {
    id: row.id,
    name: row.name,
    nameTranslations,
    displayName: resolveText(row.name, nameTranslations, lang),
    sortOrder: row.sort_order,
    color: row.color,
    archived: row.archived === 1,
    version: row.version,
  };
}
export type CategoryDto = ReturnType<typeof toCategoryDto>;

export function toServiceDto(row: ServiceRow, lang: Language, links: { staff: StaffLink[]; addOnIds: string[] }) {
  const nameTranslations = parseTranslations(row.name_translations);
  const descriptionTranslations = parseTranslations(row.description_translations);
  return {
    id: row.id,
    categoryId: row.category_id,
    name: row.name,
    nameTranslations,
    displayName: resolveText(row.name, nameTranslations, lang),
    description: row.description,
    descriptionTranslations,
    displayDescription: resolveText(row.description, descriptionTranslations, lang),
    durationMin: row.duration_min,
    bufferBeforeMin: row.buffer_before_min,
    bufferAfterMin: row.buffer_after_min,
    processingStartMin: row.processing_start_min,
    processingMin: row.processing_min,
    price: row.price,
    taxClass: row.tax_class,
    onlineBookable: row.online_bookable === 1,
    color: row.color,
    resourceType: row.resource_type,
    locks: parseLocks<ServiceLockField>(row.locks, SERVICE_LOCKABLE),
    staff: links.staff,
    addOnIds: links.addOnIds,
    archived: row.archived === 1,
    version: row.version,
  };
}
export type ServiceDto = ReturnType<typeof toServiceDto>;

export const toServiceOverride = (row: ServiceOverrideRow | undefined): ServiceOverride | null =>
  row ? { price: row.price, durationMin: row.duration_min, available: row.available === null ? null : row.available === 1 } : null;

export const toProductOverride = (row: ProductOverrideRow | undefined): ProductOverride | null =>
  row ? { price: row.price, available: row.available === null ? null : row.available === 1 } : null;

/** The service as one store sells it, with what the store overrides and HQ's own values beside. */
export function toStoreServiceDto(dto: ServiceDto, storeId: string, override: ServiceOverride | null) {
  return { ...effectiveService(dto, override), storeId, hq: { price: dto.price, durationMin: dto.durationMin } };
}

export function toAddOnDto(row: AddOnRow, lang: Language, serviceIds: string[]) {
  const nameTranslations = parseTranslations(row.name_translations);
  return {
    id: row.id,
    name: row.name,
    nameTranslations,
    displayName: resolveText(row.name, nameTranslations, lang),
    price: row.price,
    extraMin: row.extra_min,
    taxClass: row.tax_class,
    serviceIds,
    archived: row.archived === 1,
    version: row.version,
  };
}
export type AddOnDto = ReturnType<typeof toAddOnDto>;

export function toProductDto(row: ProductRow, lang: Language) {
  const nameTranslations = parseTranslations(row.name_translations);
  return {
    id: row.id,
    sku: row.sku,
    barcode: row.barcode,
    name: row.name,
    nameTranslations,
    displayName: resolveText(row.name, nameTranslations, lang),
    brand: row.brand,
    price: row.price,
    cost: row.cost,
    taxClass: row.tax_class,
    usage: row.usage as 'retail' | 'backbar' | 'both',
    unit: row.unit as 'ml' | 'g' | 'piece' | null,
    size: row.size,
    locks: parseLocks<ProductLockField>(row.locks, PRODUCT_LOCKABLE),
    archived: row.archived === 1,
    version: row.version,
  };
}
export type ProductDto = ReturnType<typeof toProductDto>;

export function toStoreProductDto(dto: ProductDto, storeId: string, override: ProductOverride | null) {
  return { ...effectiveProduct(dto, override), storeId, hq: { price: dto.price } };
}

export function toResourceDto(row: ResourceRow) {
  return {
    id: row.id,
    storeId: row.store_id,
    name: row.name,
    type: row.type,
    active: row.active === 1,
    sortOrder: row.sort_order,
    version: row.version,
  };
}
export type ResourceDto = ReturnType<typeof toResourceDto>;
