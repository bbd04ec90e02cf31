export { staffRoutes } from './routes.js';
export { insertStaff } from './service.js';
export { findStaffById, findStaffByEmail, storeIdsOfStaff, type StaffRow } from './repo.js';
export { toStaffDto, type StaffDto } from './staff.js';
