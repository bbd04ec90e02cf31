// The catalog's only import surface for other modules.

export {
  effectiveProduct,
  effectiveService,
  isValidDuration,
  PRODUCT_LOCKABLE,
  type ProductLockField,
  resolveText,
  SERVICE_LOCKABLE,
  type ServiceLockField,
  type Translations,
} from './catalog.js';
export {
  type CatalogAddOn,
  type EffectiveProduct,
  type EffectiveService,
  type EffectiveServiceStaff,
  findProductIdByCode,
  getAddOns,
  getEffectiveProducts,
  getEffectiveServices,
} from './effective.js';
export { CatalogErrors } from './errors.js';
export { catalogRoutes } from './routes.js';
export { type DemoCatalog, type DemoCatalogInput, seedDemoCatalog } from './seed.js';
export { type CatalogItemRef, registerUsageCheck, type UsageCheck } from './usage.js';
