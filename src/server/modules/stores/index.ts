export { cachedForStore, cachedStoreRow } from './cache.js';
export { findStoreById, listActiveStoreIds, listStoresByIds, type StoreRow } from './repo.js';
export { storeRoutes } from './routes.js';
export { currency, DEFAULT_HOURS, type StoreCreate, storeCreate, timeZone, type WeeklyHours, weeklyHours } from './schemas.js';
export { insertStore } from './service.js';
export { type StoreDto, toStoreDto } from './stores.js';
