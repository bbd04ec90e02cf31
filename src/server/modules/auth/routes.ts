import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { assertStore, auditContext, requireActor } from '../../http/actor.js';
import { clearAuthCookie, readSignedCookie, setAuthCookie } from '../../http/cookies.js';
import { PlatformErrors } from '../../platform/errors.js';
import { LANGUAGES } from '../../platform/i18n.js';
import { parseInstant, toZonedIso } from '../../platform/zoned-time.js';
import { meCache } from './cache.js';
import { AuthErrors } from './errors.js';
import { login, logout, pinSwitch } from './login.js';
import { buildMe, meForNewSession } from './me.js';
import { type NewSession, SESSION_COOKIE, TERMINAL_COOKIE } from './sessions.js';
import { pinStaffOfStore, registerTerminal, terminalFromToken } from './terminals.js';
import { createApiToken, listApiTokens, revokeApiToken } from './tokens.js';

const isoUtc = (ms: number | null) => (ms === null ? null : toZonedIso(ms, 'UTC'));

export function authRoutes(deps: Deps): FastifyPluginAsyncZod {
  const db = deps.database.db;
  return async (app) => {
    const meta = (request: FastifyRequest) => ({
      ip: request.ip ?? null,
      userAgent: request.headers['user-agent'] ?? null,
      now: deps.clock.now(),
      requestId: String(request.id),
    });

    /** After a new session: set its cookie and answer with the Me document. */
    async function signedIn(request: FastifyRequest, reply: FastifyReply, staffId: string, session: NewSession, terminalId: string | null) {
      setAuthCookie(request, reply, SESSION_COOKIE, session.token);
      return meForNewSession(db, staffId, session, terminalId);
    }

    app.post(
      '/auth/login',
      {
        config: { access: { public: true } },
        schema: {
          tags: ['auth'],
          summary: 'Sign in with email and password',
          body: z.strictObject({ email: z.string().min(1).max(320), password: z.string().min(1).max(200) }),
        },
      },
      async (request, reply) => {
        const { staffId, session } = await login(db, request.body, meta(request));
        return signedIn(request, reply, staffId, session, null);
      },
    );

    app.post(
      '/auth/logout',
      { config: { access: { signedIn: true } }, schema: { tags: ['auth'], summary: 'Sign out' } },
      async (request, reply) => {
        const actor = requireActor(request);
        if (actor.sessionId) await logout(db, actor.sessionId, deps.clock.now());
        clearAuthCookie(reply, SESSION_COOKIE);
        return reply.status(204).send();
      },
    );

    app.get('/me', { config: { access: { signedIn: true } }, schema: { tags: ['auth'], summary: 'Who am I' } }, async (request, reply) => {
      const actor = requireActor(request);
      const key = actor.sessionId ?? `token:${actor.staffId}`;
      const now = deps.clock.now();
      // The web app asks this on every screen: keep the serialised document for a few seconds.
      let json = meCache.get(key, now);
      if (!json) {
        json = JSON.stringify(await buildMe(db, actor));
        meCache.set(key, json, now);
      }
      return reply.type('application/json; charset=utf-8').send(json);
    });

    app.patch(
      '/me',
      {
        config: { access: { signedIn: true } },
        schema: { tags: ['auth'], summary: 'Update my preferences', body: z.strictObject({ language: z.enum(LANGUAGES) }) },
      },
      async (request) => {
        const actor = requireActor(request);
        await db
          .updateTable('staff')
          .set({ language: request.body.language, updated_at: deps.clock.now() })
          .where('id', '=', actor.staffId)
          .execute();
        return buildMe(db, { ...actor, language: request.body.language });
      },
    );

    app.post(
      '/terminals',
      {
        config: { access: { permission: 'terminals.manage' } },
        schema: {
          tags: ['auth'],
          summary: 'Register this browser as a shared store terminal',
          body: z.strictObject({ storeId: z.uuid(), name: z.string().trim().min(1).max(80) }),
        },
      },
      async (request, reply) => {
        assertStore(requireActor(request), request.body.storeId);
        const { terminal, token } = await registerTerminal(db, request.body, auditContext(request, deps.clock.now()));
        setAuthCookie(request, reply, TERMINAL_COOKIE, token, true);
        return reply.status(201).send(terminal);
      },
    );

    const currentTerminal = async (request: FastifyRequest) => {
      const token = readSignedCookie(request, TERMINAL_COOKIE);
      const terminal = token ? await terminalFromToken(db, token) : null;
      if (!terminal) throw AuthErrors.terminal_required();
      return terminal;
    };

    app.get(
      '/terminals/current/staff',
      { config: { access: { public: true } }, schema: { tags: ['auth'], summary: 'Staff who can unlock this terminal' } },
      async (request) => {
        const terminal = await currentTerminal(request);
        const rows = await pinStaffOfStore(db, terminal.storeId);
        return { terminal, data: rows.map((r) => ({ id: r.id, displayName: r.display_name, role: r.role })) };
      },
    );

    app.post(
      '/auth/pin',
      {
        config: { access: { public: true } },
        schema: {
          tags: ['auth'],
          summary: 'Switch user on a store terminal with a PIN',
          body: z.strictObject({ staffId: z.uuid(), pin: z.string().regex(/^\d{4,6}$/) }),
        },
      },
      async (request, reply) => {
        const terminal = await currentTerminal(request);
        const { staffId, session } = await pinSwitch(
          db,
          { ...request.body, terminal, previousSessionId: request.actor?.sessionId ?? null },
          meta(request),
        );
        return signedIn(request, reply, staffId, session, terminal.id);
      },
    );

    app.get(
      '/api-tokens',
      { config: { access: { permission: 'tokens.manage' } }, schema: { tags: ['auth'], summary: 'My API tokens' } },
      async (request) => {
        const rows = await listApiTokens(db, requireActor(request).staffId);
        return {
          data: rows.map((r) => ({
            id: r.id,
            name: r.name,
            createdAt: isoUtc(r.created_at),
            expiresAt: isoUtc(r.expires_at),
            lastUsedAt: isoUtc(r.last_used_at),
          })),
          nextCursor: null,
        };
      },
    );

    app.post(
      '/api-tokens',
      {
        config: { access: { permission: 'tokens.manage' } },
        schema: {
          tags: ['auth'],
          summary: 'Create a personal API token (shown once)',
          body: z.strictObject({ name: z.string().trim().min(1).max(80), expiresAt: z.iso.datetime({ offset: true }).optional() }),
        },
      },
      async (request, reply) => {
        const now = deps.clock.now();
        const expiresAt = request.body.expiresAt ? parseInstant(request.body.expiresAt) : null;
        // A token born expired is a client mistake, not something to store.
        if (expiresAt !== null && expiresAt <= now) {
          throw PlatformErrors.validation_failed({ fields: 'expiresAt' }, [{ path: 'expiresAt', message: 'must be in the future' }]);
        }
        const created = await createApiToken(db, { name: request.body.name, expiresAt }, auditContext(request, now));
        return reply.status(201).send(created);
      },
    );

    app.delete(
      '/api-tokens/:id',
      {
        config: { access: { permission: 'tokens.manage' } },
        schema: { tags: ['auth'], summary: 'Revoke an API token', params: z.object({ id: z.uuid() }) },
      },
      async (request, reply) => {
        await revokeApiToken(db, request.params.id, auditContext(request, deps.clock.now()));
        return reply.status(204).send();
      },
    );
  };
}
