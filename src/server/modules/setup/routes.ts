import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { auditContext } from '../../http/actor.js';
import { setAuthCookie } from '../../http/cookies.js';
import { meForNewSession, SESSION_COOKIE } from '../auth/index.js';
import { setupBody } from './schemas.js';
import { isSetUp, runSetup } from './service.js';

export function setupRoutes(deps: Deps): FastifyPluginAsyncZod {
  const db = deps.database.db;
  return async (app) => {
    app.get(
      '/setup/status',
      { config: { access: { public: true } }, schema: { tags: ['setup'], summary: 'Is this Orchid set up yet?' } },
      async () => ({
        setUp: await isSetUp(db),
      }),
    );

    app.post(
      '/setup',
      {
        config: { access: { public: true }, rateLimit: { max: 20, timeWindow: '1 minute' } },
        schema: { tags: ['setup'], summary: 'First-run setup: business, first store, owner', body: setupBody },
      },
      async (request, reply) => {
        const { ownerId, session } = await runSetup(db, request.body, auditContext(request, deps.clock.now()), {
          ip: request.ip ?? null,
          userAgent: request.headers['user-agent'] ?? null,
        });
        setAuthCookie(request, reply, SESSION_COOKIE, session.token);
        return reply.status(201).send(await meForNewSession(db, ownerId, session, null));
      },
    );
  };
}
