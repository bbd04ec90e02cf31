// The routes services and products share as HQ catalog items: list and read (as one store sells them with
// storeId), add, edit, delete while unused, archive, and a store's override. Handlers stay thin: scope checks
// here, rules in hq-items.ts and each kind's module.
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/tables.js';
import { type Actor, assertStore, requireActor } from '../../http/actor.js';
import type { AuditContext } from '../../platform/audit.js';
import type { Language } from '../../platform/i18n.js';
import { idParams, overrideParams, storeQuery } from './schemas.js';

type App = Parameters<FastifyPluginAsyncZod>[0];

export type HqItemRoutes<L extends z.ZodType<{ storeId?: string }>, C extends z.ZodType, U extends z.ZodType, O extends z.ZodType> = {
  /** '/services' or '/products'. */
  path: string;
  schemas: { list: L; create: C; update: U; override: O };
  /** OpenAPI summaries, one a route. */
  summaries: { list: string; one: string; create: string; update: string; remove: string; archive: string; override: string };
  list(db: Kysely<DB>, query: z.output<L>, lang: Language): Promise<unknown>;
  get(db: Kysely<DB>, actor: Actor, id: string, lang: Language, storeId?: string): Promise<unknown>;
  create(db: Kysely<DB>, body: z.output<C>, ctx: AuditContext, lang: Language): Promise<unknown>;
  update(db: Kysely<DB>, id: string, body: z.output<U>, ctx: AuditContext, lang: Language): Promise<unknown>;
  remove(db: Kysely<DB>, id: string, ctx: AuditContext, lang: Language): Promise<void>;
  archive(db: Kysely<DB>, id: string, ctx: AuditContext, lang: Language): Promise<unknown>;
  setOverride(db: Kysely<DB>, id: string, storeId: string, body: z.output<O>, ctx: AuditContext, lang: Language): Promise<unknown>;
};

const read = { access: { permission: 'catalog.read' as const } };
const write = { access: { permission: 'catalog.write' as const } };
// Store-level settings: managers (catalog.override) for their stores, owners everywhere.
const storeLevel = { access: { permission: 'catalog.override' as const } };

/**
 * Registers the shared item routes under `spec.path`. `beforeOverride` adds the kind's own item routes
 * (services: staff) where they stand in the API listing.
 */
export function registerHqItemRoutes<
  L extends z.ZodType<{ storeId?: string }>,
  C extends z.ZodType,
  U extends z.ZodType,
  O extends z.ZodType,
>(
  app: App,
  db: Kysely<DB>,
  ctx: (request: FastifyRequest) => AuditContext,
  spec: HqItemRoutes<L, C, U, O>,
  beforeOverride?: () => void,
): void {
  const { path, schemas, summaries } = spec;
  const tags = ['catalog'];
  app.get(path, { config: read, schema: { tags, summary: summaries.list, querystring: schemas.list } }, async (request) => {
    const query = request.query as z.output<L>;
    if (query.storeId) assertStore(requireActor(request), query.storeId);
    return spec.list(db, query, request.lang);
  });
  app.get(
    `${path}/:id`,
    { config: read, schema: { tags, summary: summaries.one, params: idParams, querystring: storeQuery } },
    async (request) => {
      const actor = requireActor(request);
      if (request.query.storeId) assertStore(actor, request.query.storeId);
      return spec.get(db, actor, request.params.id, request.lang, request.query.storeId);
    },
  );
  app.post(path, { config: write, schema: { tags, summary: summaries.create, body: schemas.create } }, async (request, reply) =>
    reply.status(201).send(await spec.create(db, request.body as z.output<C>, ctx(request), request.lang)),
  );
  app.patch(
    `${path}/:id`,
    { config: write, schema: { tags, summary: summaries.update, params: idParams, body: schemas.update } },
    async (request) => spec.update(db, request.params.id, request.body as z.output<U>, ctx(request), request.lang),
  );
  app.delete(`${path}/:id`, { config: write, schema: { tags, summary: summaries.remove, params: idParams } }, async (request, reply) => {
    await spec.remove(db, request.params.id, ctx(request), request.lang);
    return reply.status(204).send();
  });
  app.post(`${path}/:id/archive`, { config: write, schema: { tags, summary: summaries.archive, params: idParams } }, async (request) =>
    spec.archive(db, request.params.id, ctx(request), request.lang),
  );
  beforeOverride?.();
  app.put(
    `${path}/:id/overrides/:storeId`,
    { config: storeLevel, schema: { tags, summary: summaries.override, params: overrideParams, body: schemas.override } },
    async (request) => {
      assertStore(requireActor(request), request.params.storeId);
      return spec.setOverride(db, request.params.id, request.params.storeId, request.body as z.output<O>, ctx(request), request.lang);
    },
  );
}
