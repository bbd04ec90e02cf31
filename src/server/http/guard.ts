import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../deps.js';
import { PlatformErrors } from '../platform/errors.js';
import { timingSafeEqualStr } from '../platform/crypto.js';
import { negotiateLanguage } from '../platform/i18n.js';
import { SESSION_COOKIE, actorFromApiToken, actorFromSessionToken } from '../modules/auth/index.js';
import { assertCan } from './actor.js';
import { readSignedCookie } from './cookies.js';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves who is calling (Bearer token or session cookie), then enforces the route's access rule
 * and CSRF. API routes are private unless they declare `config: { access: { public: true } }`.
 */
export function registerGuard(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('lang', 'en');
  const idleMs = deps.settings.sessionIdleMinutes * 60_000;

  app.addHook('onRequest', async (request) => {
    request.actor = await resolveActor(request, deps, idleMs);
    const header = request.headers['accept-language'];
    request.lang = header ? negotiateLanguage(header) : (request.actor?.language ?? 'en');

    const access = request.routeOptions.config?.access;
    const isApiRoute = request.routeOptions.url?.startsWith('/api/') ?? false;
    if (!isApiRoute || (access && 'public' in access)) return;

    const actor = request.actor;
    if (!actor) throw PlatformErrors.unauthenticated();
    if (actor.via === 'session' && UNSAFE.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !actor.csrfToken || !timingSafeEqualStr(sent, actor.csrfToken)) {
        throw PlatformErrors.csrf_failed();
      }
    }
    if (access && 'permission' in access) assertCan(actor, access.permission);
  });
}

async function resolveActor(request: FastifyRequest, deps: Deps, idleMs: number) {
  const db = deps.database.db;
  const now = deps.clock.now();
  const auth = request.headers.authorization;
  const bearer = auth?.match(/^bearer\s+(\S+)\s*$/i);
  if (bearer) return actorFromApiToken(db, bearer[1]!, now);
  const token = readSignedCookie(request, SESSION_COOKIE);
  return token ? actorFromSessionToken(db, token, now, idleMs) : null;
}
