import type { FastifyInstance, FastifyRequest, onSendHookHandler } from 'fastify';
import type { Deps } from '../deps.js';
import { actorCache, actorFromApiToken, actorFromSessionToken, invalidateAuthCaches, SESSION_COOKIE } from '../modules/auth/index.js';
import { timingSafeEqualStr } from '../platform/crypto.js';
import { PlatformErrors } from '../platform/errors.js';
import { negotiateLanguage } from '../platform/i18n.js';
import { type Actor, assertCan } from './actor.js';
import { readSignedCookie } from './cookies.js';
import { appendOnSend, prependOnRequest } from './route-hooks.js';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves who is calling (Bearer token or session cookie), then enforces the route's access rule
 * and CSRF. API routes are private unless they declare `config: { access: { public: true } }`.
 * Each route gets its own hooks when it is registered, so the per-request work is only what that route
 * needs (reading `request.routeOptions` builds a new object on every access).
 */
export function registerGuard(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('actor', null);
  // Accept-Language first; without one, the signed-in person's own language. Worked out only when asked.
  app.decorateRequest('lang', {
    getter(this: FastifyRequest) {
      const header = this.headers['accept-language'];
      return header ? negotiateLanguage(header) : (this.actor?.language ?? 'en');
    },
  });
  const idleMs = deps.settings.sessionIdleMinutes * 60_000;

  app.addHook('onRoute', (route) => {
    // Static files of the web app need no identity.
    if (!route.url.startsWith('/api/v1/')) return;
    const access = route.config?.access;
    const isPublic = access !== undefined && 'public' in access;
    const permission = access && 'permission' in access ? access.permission : undefined;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const unsafe = methods.some((m) => UNSAFE.has(m));

    const guard = async (request: FastifyRequest) => {
      request.actor = await resolveActor(request, deps, idleMs);
      if (isPublic) return;
      const actor = request.actor;
      if (!actor) throw PlatformErrors.unauthenticated();
      if (actor.via === 'session' && UNSAFE.has(request.method)) {
        const sent = request.headers['x-csrf-token'];
        if (typeof sent !== 'string' || !actor.csrfToken || !timingSafeEqualStr(sent, actor.csrfToken)) {
          throw PlatformErrors.csrf_failed();
        }
      }
      if (permission) assertCan(actor, permission);
    };
    prependOnRequest(route, guard);

    // Any successful write may change who someone is or what they may do (and it has committed by
    // now): forget cached identities so the next request reads them fresh — unless the route says its
    // writes cannot (checkout and booking, where re-reading every terminal's identity would cost the peak).
    if (unsafe && !route.config?.keepsIdentity) {
      const forget: onSendHookHandler = (request, reply, payload, done) => {
        if (UNSAFE.has(request.method) && reply.statusCode < 400) invalidateAuthCaches();
        done(null, payload);
      };
      appendOnSend(route, forget);
    }
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
