export { findStaffByEmail, findStaffById, type StaffRow, storeIdsOfStaff } from './repo.js';
export { staffRoutes } from './routes.js';
export { insertStaff } from './service.js';
export { mayAssignRole, type StaffDto, toStaffDto } from './staff.js';
