import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import scalar from '@scalar/fastify-api-reference';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from './deps.js';
import { registerGuard } from './http/guard.js';
import { registerProblemHandlers } from './http/problem.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { appointmentRoutes } from './modules/appointments/index.js';
import { auditRoutes } from './modules/audit/index.js';
import { authRoutes } from './modules/auth/index.js';
import { catalogRoutes } from './modules/catalog/index.js';
import { clientImportRoutes } from './modules/clients/import/index.js';
import { clientRoutes } from './modules/clients/index.js';
import { couponRoutes } from './modules/coupons/index.js';
import { giftCardRoutes } from './modules/gift-cards/index.js';
import { ledgerRoutes } from './modules/ledgers/index.js';
import { mailboxRoutes } from './modules/mailbox/index.js';
import { packageRoutes } from './modules/packages/index.js';
import { pointsRoutes } from './modules/points/index.js';
import { rosterRoutes } from './modules/rosters/index.js';
import { salesRoutes } from './modules/sales/index.js';
import { setupRoutes } from './modules/setup/index.js';
import { shiftRoutes } from './modules/shifts/index.js';
import { staffRoutes } from './modules/staff/index.js';
import { storeRoutes } from './modules/stores/index.js';
import { systemRoutes } from './modules/system/index.js';
import { tierRoutes } from './modules/tiers/index.js';
import { treatmentModuleRoutes } from './modules/treatments/index.js';
import { walletRoutes } from './modules/wallet/index.js';
import { AppError } from './platform/errors.js';
import { newId } from './platform/ids.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Builds the whole HTTP app without listening: tests drive it with app.inject, main.ts listens. */
export async function buildApp(deps: Deps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.settings.logLevel && deps.settings.logLevel !== 'silent' ? { level: deps.settings.logLevel } : false,
    trustProxy: deps.settings.trustProxy,
    bodyLimit: 1024 * 1024,
    // false: Fastify would otherwise take the header verbatim and never call genReqId, which is what
    // checks an incoming id before it reaches logs and responses.
    requestIdHeader: false,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : newId();
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Only JSON bodies: anything else is 415, not a string that fails validation later.
  app.removeContentTypeParser('text/plain');
  registerProblemHandlers(app);

  await app.register(fastifyCookie, { secret: deps.secrets.sessionKey });
  registerSecurityHeaders(app);
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_req, context) => new AppError('rate_limited', 429, { seconds: Math.max(1, Math.ceil(context.ttl / 1000)) }),
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Orchid API',
        version: deps.settings.version,
        description: 'Salon & spa POS. Conventions: JSON camelCase, money in minor units, RFC 9457 problems with a stable `code`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'orchid_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  registerGuard(app, deps);

  await app.register(
    async (api) => {
      await api.register(systemRoutes(deps));
      await api.register(setupRoutes(deps));
      await api.register(authRoutes(deps));
      await api.register(storeRoutes(deps));
      await api.register(staffRoutes(deps));
      await api.register(auditRoutes(deps));
      await api.register(clientRoutes(deps));
      await api.register(clientImportRoutes(deps));
      await api.register(catalogRoutes(deps));
      await api.register(mailboxRoutes(deps));
      await api.register(rosterRoutes(deps));
      await api.register(appointmentRoutes(deps));
      await api.register(ledgerRoutes(deps));
      await api.register(walletRoutes(deps));
      await api.register(giftCardRoutes(deps));
      await api.register(pointsRoutes(deps));
      await api.register(tierRoutes(deps));
      await api.register(couponRoutes(deps));
      await api.register(salesRoutes(deps));
      await api.register(shiftRoutes(deps));
      await api.register(packageRoutes(deps));
      await api.register(treatmentModuleRoutes(deps));
      api.get('/openapi.json', { config: { access: { public: true } }, schema: { hide: true } }, async () => app.swagger());
    },
    { prefix: '/api/v1' },
  );
  await app.register(scalar, { routePrefix: '/api/docs', configuration: { url: '/api/v1/openapi.json' } });

  const webDir = deps.settings.webDir;
  if (webDir && existsSync(join(webDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false });
    // Client-side routes (/staff, /stores/…) all load the single-page app.
    app.get('/*', { schema: { hide: true } }, async (request, reply) => {
      if (request.url.startsWith('/api/')) throw new AppError('route_not_found', 404, { method: request.method, url: request.url });
      return reply.type('text/html').sendFile('index.html');
    });
  }
  return app;
}
