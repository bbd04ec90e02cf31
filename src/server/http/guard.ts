import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../deps.js';
import { actorCache, actorFromApiToken, actorFromSessionToken, invalidateAuthCaches, SESSION_COOKIE } from '../modules/auth/index.js';
import { timingSafeEqualStr } from '../platform/crypto.js';
import { PlatformErrors } from '../platform/errors.js';
import { negotiateLanguage } from '../platform/i18n.js';
import { type Actor, assertCan } from './actor.js';
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
    const isApiRoute = request.routeOptions.url?.startsWith('/api/v1/') ?? false;
    // Static files of the web app need no identity: skip the lookup for them.
    if (isApiRoute) request.actor = await resolveActor(request, deps, idleMs);
    const header = request.headers['accept-language'];
    request.lang = header ? negotiateLanguage(header) : (request.actor?.language ?? 'en');

    const access = request.routeOptions.config?.access;
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

  // Any successful write may change who someone is or what they may do (and it has committed by
  // now): forget cached identities so the next request reads them fresh — unless the route says its
  // writes cannot (checkout and booking, where re-reading every terminal's identity would cost the peak).
  app.addHook('onSend', (request, reply, payload, done) => {
    if (UNSAFE.has(request.method) && reply.statusCode < 400 && !request.routeOptions.config?.keepsIdentity) invalidateAuthCaches();
    done(null, payload);
  });
}

async function resolveActor(request: FastifyRequest, deps: Deps, idleMs: number) {
  const db = deps.database.db;
  const now = deps.clock.now();
  const auth = request.headers.authorization;
  const bearer = auth?.match(/^bearer\s+(\S+)\s*$/i);
  // Keyed by the raw signed cookie: only values whose signature was checked on a miss get cached,
  // so a hit can skip the HMAC.
  const raw = bearer ? undefined : request.cookies[SESSION_COOKIE];
  const cacheKey = bearer ? `b:${bearer[1]}` : raw ? `c:${raw}` : undefined;
  if (!cacheKey) return null;
  const cached = actorCache.get(cacheKey, now);
  if (cached) return cached;
  let actor: Actor | null;
  if (bearer) actor = await actorFromApiToken(db, bearer[1]!, now);
  else {
    const token = readSignedCookie(request, SESSION_COOKIE);
    actor = token ? await actorFromSessionToken(db, token, now, idleMs) : null;
  }
  if (actor) actorCache.set(cacheKey, actor, now);
  return actor;
}
