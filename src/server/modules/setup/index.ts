export { setupRoutes } from './routes.js';
export { runSetup, isSetUp, type SetupInput } from './service.js';
