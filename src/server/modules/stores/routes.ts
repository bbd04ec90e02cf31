import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { assertStore, auditContext, requireActor } from '../../http/actor.js';
import { PlatformErrors } from '../../platform/errors.js';
import { findStoreById, listStoresByIds } from './repo.js';
import { storeCreate, storeUpdate } from './schemas.js';
import { createStore, updateStore } from './service.js';
import { toStoreDto } from './stores.js';

export function storeRoutes(deps: Deps): FastifyPluginAsyncZod {
  const db = deps.database.db;
  return async (app) => {
    app.get(
      '/stores',
      { config: { access: { permission: 'stores.read' } }, schema: { tags: ['stores'], summary: 'Stores I work at' } },
      async (request) => {
        const rows = await listStoresByIds(db, requireActor(request).storeIds);
        return { data: rows.map(toStoreDto), nextCursor: null };
      },
    );

    app.get(
      '/stores/:id',
      {
        config: { access: { permission: 'stores.read' } },
        schema: { tags: ['stores'], summary: 'One store', params: z.object({ id: z.uuid() }) },
      },
      async (request) => {
        assertStore(requireActor(request), request.params.id);
        const row = await findStoreById(db, request.params.id);
        if (!row) throw PlatformErrors.not_found();
        return toStoreDto(row);
      },
    );

    app.post(
      '/stores',
      {
        config: { access: { permission: 'business.manage' } },
        schema: { tags: ['stores'], summary: 'Open a new store', body: storeCreate },
      },
      async (request, reply) => reply.status(201).send(await createStore(db, request.body, auditContext(request, deps.clock.now()))),
    );

    app.patch(
      '/stores/:id',
      {
        config: { access: { permission: 'stores.write' } },
        schema: { tags: ['stores'], summary: 'Edit a store (send its version)', params: z.object({ id: z.uuid() }), body: storeUpdate },
      },
      async (request) => {
        assertStore(requireActor(request), request.params.id);
        return updateStore(db, request.params.id, request.body, auditContext(request, deps.clock.now()));
      },
    );
  };
}
