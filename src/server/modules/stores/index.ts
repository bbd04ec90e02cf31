export { storeRoutes } from './routes.js';
export { insertStore } from './service.js';
export { findStoreById, listActiveStoreIds, listStoresByIds, type StoreRow } from './repo.js';
export { storeCreate, timeZone, currency, weeklyHours, DEFAULT_HOURS, type WeeklyHours, type StoreCreate } from './schemas.js';
export { toStoreDto, type StoreDto } from './stores.js';
