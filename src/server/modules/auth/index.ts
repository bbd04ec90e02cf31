export { SESSION_COOKIE, TERMINAL_COOKIE, actorFor, actorFromApiToken, actorFromSessionToken, createSession, revokeSessionsOfStaff } from './sessions.js';
export { hashSecret, isAcceptablePassword, isValidPin } from './passwords.js';
export { buildMe, meForNewSession, type Me } from './me.js';
export { AuthErrors } from './errors.js';
export { authRoutes } from './routes.js';
export { actorCache, invalidateAuthCaches, meCache } from './cache.js';
