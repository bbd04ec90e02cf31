import { z } from 'zod';
import { pageQuery } from '../../platform/pagination.js';
import { PRODUCT_LOCKABLE, SERVICE_LOCKABLE } from './catalog.js';

const text = (max: number) => z.string().trim().max(max);
const name = z.string().trim().min(1).max(120);
/** Optional translations; a blank one counts as absent. */
const translations = (max: number) =>
  z.strictObject({ en: text(max).optional(), 'zh-CN': text(max).optional(), 'zh-TW': text(max).optional() });

/** A lowercase key the business chooses: tax classes (`service`, `product`, `exempt`, `ny_spa`…), resource types. */
export const key = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'a lowercase key such as pedicure_chair (letters, digits, _)');
export const durationMin = z.number().int().min(5).max(600).multipleOf(5, 'a multiple of 5 minutes');
export const bufferMin = z.number().int().min(0).max(120).multipleOf(5, 'a multiple of 5 minutes');
export const price = z.number().int().min(0).max(100_000_000);
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #E91E63');
const version = z.number().int().positive();
const processingStartMin = z.number().int().min(0).max(595).multipleOf(5, 'a multiple of 5 minutes');
const processingMin = z.number().int().min(5).max(595).multipleOf(5, 'a multiple of 5 minutes');

const flag = z.enum(['true', 'false']).optional();
const uniqueIds = (max: number) =>
  z
    .array(z.uuid())
    .max(max)
    .refine((ids) => new Set(ids).size === ids.length, 'the same id appears twice');

// ---- categories

export const categoryCreate = z.strictObject({
  name,
  nameTranslations: translations(120).optional(),
  sortOrder: z.number().int().min(-100_000).max(100_000).default(0),
  color: color.nullable().optional(),
});
export type CategoryCreate = z.infer<typeof categoryCreate>;
export const categoryUpdate = z.strictObject({
  version,
  name: name.optional(),
  nameTranslations: translations(120).optional(),
  sortOrder: z.number().int().min(-100_000).max(100_000).optional(),
  color: color.nullable().optional(),
  archived: z.boolean().optional(),
});
export type CategoryUpdate = z.infer<typeof categoryUpdate>;

// ---- services

export const serviceStaffItem = z.strictObject({
  staffId: z.uuid(),
  price: price.nullable().optional(),
  durationMin: durationMin.nullable().optional(),
});
export const serviceStaffList = z
  .array(serviceStaffItem)
  .max(500)
  .refine((l) => new Set(l.map((s) => s.staffId)).size === l.length, 'the same staff member appears twice');
export type ServiceStaffInput = z.infer<typeof serviceStaffList>;

const serviceFields = {
  name,
  nameTranslations: translations(120).optional(),
  description: text(2000).nullable().optional(),
  descriptionTranslations: translations(2000).optional(),
  categoryId: z.uuid().nullable().optional(),
  durationMin,
  bufferBeforeMin: bufferMin.default(0),
  bufferAfterMin: bufferMin.default(0),
  processingStartMin: processingStartMin.nullable().optional(),
  processingMin: processingMin.nullable().optional(),
  price,
  taxClass: key.default('service'),
  onlineBookable: z.boolean().default(true),
  color: color.nullable().optional(),
  resourceType: key.nullable().optional(),
  locks: z.array(z.enum(SERVICE_LOCKABLE)).max(3).default([]),
  addOnIds: uniqueIds(100).optional(),
};

export const serviceCreate = z.strictObject({ ...serviceFields, staff: serviceStaffList.optional() });
export type ServiceCreate = z.infer<typeof serviceCreate>;

export const serviceUpdate = z.strictObject({
  version,
  name: name.optional(),
  nameTranslations: serviceFields.nameTranslations,
  description: serviceFields.description,
  descriptionTranslations: serviceFields.descriptionTranslations,
  categoryId: serviceFields.categoryId,
  durationMin: durationMin.optional(),
  bufferBeforeMin: bufferMin.optional(),
  bufferAfterMin: bufferMin.optional(),
  processingStartMin: serviceFields.processingStartMin,
  processingMin: serviceFields.processingMin,
  price: price.optional(),
  taxClass: key.optional(),
  onlineBookable: z.boolean().optional(),
  color: serviceFields.color,
  resourceType: serviceFields.resourceType,
  locks: z.array(z.enum(SERVICE_LOCKABLE)).max(3).optional(),
  addOnIds: serviceFields.addOnIds,
  archived: z.boolean().optional(),
});
export type ServiceUpdate = z.infer<typeof serviceUpdate>;

/** PUT replaces the store's override: a field left out or null follows HQ. */
export const serviceOverrideBody = z.strictObject({
  price: price.nullable().optional(),
  durationMin: durationMin.nullable().optional(),
  available: z.boolean().nullable().optional(),
});
export type ServiceOverrideBody = z.infer<typeof serviceOverrideBody>;

export const servicesQuery = z.object({
  storeId: z.uuid().optional(),
  categoryId: z.uuid().optional(),
  q: z.string().trim().max(100).optional(),
  includeArchived: flag,
  /** With storeId: also list services this store hid (available: false). */
  includeUnavailable: flag,
  onlineBookable: flag,
  ...pageQuery,
});

// ---- add-ons

export const addOnCreate = z.strictObject({
  name,
  nameTranslations: translations(120).optional(),
  price,
  extraMin: z.number().int().min(0).max(240).multipleOf(5, 'a multiple of 5 minutes').default(0),
  taxClass: key.default('service'),
  serviceIds: uniqueIds(500).default([]),
});
export type AddOnCreate = z.infer<typeof addOnCreate>;
export const addOnUpdate = z.strictObject({
  version,
  name: name.optional(),
  nameTranslations: translations(120).optional(),
  price: price.optional(),
  extraMin: z.number().int().min(0).max(240).multipleOf(5, 'a multiple of 5 minutes').optional(),
  taxClass: key.optional(),
  serviceIds: uniqueIds(500).optional(),
  archived: z.boolean().optional(),
});
export type AddOnUpdate = z.infer<typeof addOnUpdate>;

// ---- products

export const PRODUCT_USAGES = ['retail', 'backbar', 'both'] as const;
export const UNITS = ['ml', 'g', 'piece'] as const;
const sku = z.string().trim().min(1).max(64).regex(/^\S+$/, 'no spaces in a SKU');
const barcode = z
  .string()
  .trim()
  .min(4)
  .max(64)
  .regex(/^[0-9A-Za-z-]+$/, 'digits and letters only');

const productFields = {
  sku,
  barcode: barcode.nullable().optional(),
  name,
  nameTranslations: translations(120).optional(),
  brand: text(120).nullable().optional(),
  price,
  cost: price.default(0),
  taxClass: key.default('product'),
  usage: z.enum(PRODUCT_USAGES).default('retail'),
  unit: z.enum(UNITS).nullable().optional(),
  size: z.number().positive().max(1_000_000).nullable().optional(),
  locks: z.array(z.enum(PRODUCT_LOCKABLE)).max(2).default([]),
};
export const productCreate = z.strictObject(productFields);
export type ProductCreate = z.infer<typeof productCreate>;
export const productUpdate = z.strictObject({
  version,
  sku: sku.optional(),
  barcode: productFields.barcode,
  name: name.optional(),
  nameTranslations: productFields.nameTranslations,
  brand: productFields.brand,
  price: price.optional(),
  cost: price.optional(),
  taxClass: key.optional(),
  usage: z.enum(PRODUCT_USAGES).optional(),
  unit: productFields.unit,
  size: productFields.size,
  locks: z.array(z.enum(PRODUCT_LOCKABLE)).max(2).optional(),
  archived: z.boolean().optional(),
});
export type ProductUpdate = z.infer<typeof productUpdate>;

export const productOverrideBody = z.strictObject({
  price: price.nullable().optional(),
  available: z.boolean().nullable().optional(),
});
export type ProductOverrideBody = z.infer<typeof productOverrideBody>;

export const productsQuery = z.object({
  storeId: z.uuid().optional(),
  q: z.string().trim().max(100).optional(),
  usage: z.enum(PRODUCT_USAGES).optional(),
  /** Exact SKU or barcode (a scanner). */
  code: z.string().trim().max(64).optional(),
  includeArchived: flag,
  includeUnavailable: flag,
  ...pageQuery,
});

// ---- resources

export const resourceCreate = z.strictObject({
  storeId: z.uuid().optional(),
  name: z.string().trim().min(1).max(80),
  type: key,
  active: z.boolean().default(true),
  sortOrder: z.number().int().min(-100_000).max(100_000).default(0),
});
export type ResourceCreate = z.infer<typeof resourceCreate>;
export const resourceUpdate = z.strictObject({
  version,
  name: z.string().trim().min(1).max(80).optional(),
  type: key.optional(),
  active: z.boolean().optional(),
  sortOrder: z.number().int().min(-100_000).max(100_000).optional(),
});
export type ResourceUpdate = z.infer<typeof resourceUpdate>;

export const resourcesQuery = z.object({
  storeId: z.uuid().optional(),
  type: key.optional(),
  includeInactive: flag,
  ...pageQuery,
});

export const categoriesQuery = z.object({ includeArchived: flag, ...pageQuery });
export const addOnsQuery = z.object({
  serviceId: z.uuid().optional(),
  q: z.string().trim().max(100).optional(),
  includeArchived: flag,
  ...pageQuery,
});

export const idParams = z.object({ id: z.uuid() });
export const storeQuery = z.object({ storeId: z.uuid().optional() });
export const overrideParams = z.object({ id: z.uuid(), storeId: z.uuid() });
