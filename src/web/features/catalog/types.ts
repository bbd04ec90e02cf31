// Shapes of the catalog API (/api/v1/service-categories, /services, /add-ons, /products, /resources).
import type { Language } from '../../http/types.js';

export type Translations = Partial<Record<Language, string>>;

export const SERVICE_LOCKABLE = ['price', 'duration', 'available'] as const;
export type ServiceLock = (typeof SERVICE_LOCKABLE)[number];
export const PRODUCT_LOCKABLE = ['price', 'available'] as const;
export type ProductLock = (typeof PRODUCT_LOCKABLE)[number];

export const PRODUCT_USAGES = ['retail', 'backbar', 'both'] as const;
export type ProductUsage = (typeof PRODUCT_USAGES)[number];
export const UNITS = ['ml', 'g', 'piece'] as const;
export type Unit = (typeof UNITS)[number];

export interface Category {
  id: string;
  name: string;
  nameTranslations: Translations;
  displayName: string;
  sortOrder: number;
  color: string | null;
  archived: boolean;
  version: number;
}

export interface StaffLink {
  staffId: string;
  price: number | null;
  durationMin: number | null;
}

export interface Service {
  id: string;
  categoryId: string | null;
  name: string;
  nameTranslations: Translations;
  displayName: string;
  description: string | null;
  descriptionTranslations: Translations;
  displayDescription: string | null;
  durationMin: number;
  bufferBeforeMin: number;
  bufferAfterMin: number;
  processingStartMin: number | null;
  processingMin: number | null;
  /** Cents. */
  price: number;
  taxClass: string;
  onlineBookable: boolean;
  color: string | null;
  resourceType: string | null;
  locks: ServiceLock[];
  staff: StaffLink[];
  addOnIds: string[];
  archived: boolean;
  version: number;
}

/** A service as one store sells it (GET /services?storeId=): price/duration/available after overrides. */
export interface StoreService extends Service {
  storeId: string;
  available: boolean;
  overridden: Record<ServiceLock, boolean>;
  hq: { price: number; durationMin: number };
}

export type AnyService = Service | StoreService;
export const isStoreService = (s: AnyService): s is StoreService => 'storeId' in s;

export interface AddOn {
  id: string;
  name: string;
  nameTranslations: Translations;
  displayName: string;
  price: number;
  extraMin: number;
  taxClass: string;
  serviceIds: string[];
  archived: boolean;
  version: number;
}

export interface Product {
  id: string;
  sku: string;
  barcode: string | null;
  name: string;
  nameTranslations: Translations;
  displayName: string;
  brand: string | null;
  price: number;
  cost: number;
  taxClass: string;
  usage: ProductUsage;
  unit: Unit | null;
  size: number | null;
  locks: ProductLock[];
  archived: boolean;
  version: number;
}

export interface StoreProduct extends Product {
  storeId: string;
  available: boolean;
  overridden: Record<ProductLock, boolean>;
  hq: { price: number };
}

export type AnyProduct = Product | StoreProduct;
export const isStoreProduct = (p: AnyProduct): p is StoreProduct => 'storeId' in p;

export interface Resource {
  id: string;
  storeId: string;
  name: string;
  type: string;
  active: boolean;
  sortOrder: number;
  version: number;
}

/** What a store sets for a service; null follows head office. */
export interface ServiceOverride {
  price: number | null;
  durationMin: number | null;
  available: boolean | null;
}
export interface ProductOverride {
  price: number | null;
  available: boolean | null;
}
