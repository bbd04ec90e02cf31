// The rosters module's only import surface.

export { RosterErrors } from './errors.js';
export { blockedBusy, loadBlockedTimes, loadStaffSchedules, loadStoreHours } from './loader.js';
export { type BlockedRow, blockedMarkers, blockedSelect } from './repo.js';
export type { BlockedDto, ExceptionDto, RosterDto, WeekView } from './rosters.js';
export { rosterRoutes } from './routes.js';
export { BLOCK_REASONS, MAX_BLOCK_MINUTES } from './schemas.js';
export { type DemoRosters, type DemoRostersInput, seedDemoRosters } from './seed.js';
