export { setupRoutes } from './routes.js';
export { isSetUp, runSetup, type SetupInput } from './service.js';
