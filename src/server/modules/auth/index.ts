export { actorCache, invalidateAuthCaches, meCache } from './cache.js';
export { AuthErrors } from './errors.js';
export { buildMe, type Me, meForNewSession } from './me.js';
export { hashSecret, isAcceptablePassword, isValidPin, verifySecret } from './passwords.js';
export { authRoutes } from './routes.js';
export {
  actorFor,
  actorFromApiToken,
  actorFromSessionToken,
  createSession,
  revokeSessionsOfStaff,
  SESSION_COOKIE,
  TERMINAL_COOKIE,
} from './sessions.js';
