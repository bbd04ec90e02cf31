import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { assertStore, auditContext, requireActor } from '../../http/actor.js';
import { loadSettings } from './repo.js';
import { idParams, waitlistCreate, waitlistQuery } from './schemas.js';
import { storeOrFail } from './service.js';
import { createWaitlistEntry, listWaitlist, removeWaitlistEntry } from './waitlist.js';

export function waitlistRoutes(deps: Deps): FastifyPluginAsyncZod {
  const db = deps.database.db;
  return async (app) => {
    app.post(
      '/waitlist',
      {
        config: { access: { permission: 'appointments.write' } },
        schema: {
          tags: ['appointments'],
          summary: 'Put a client on the waitlist (services, technician or any, date window)',
          body: waitlistCreate,
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createWaitlistEntry(db, requireActor(request), request.body, auditContext(request, deps.clock.now()))),
    );

    app.get(
      '/waitlist',
      {
        config: { access: { permission: 'appointments.read' } },
        schema: {
          tags: ['appointments'],
          summary: 'Waitlist of a store; matches=true: entries a cancellation made bookable (with `stillFree` checked now)',
          querystring: waitlistQuery,
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const q = request.query;
        assertStore(actor, q.storeId);
        const store = await storeOrFail(db, q.storeId);
        const { settings } = await loadSettings(db, store.id);
        return listWaitlist(
          db,
          actor,
          { storeId: q.storeId, matches: q.matches === 'true', status: q.status },
          store,
          settings,
          deps.clock.now(),
        );
      },
    );

    app.delete(
      '/waitlist/:id',
      {
        config: { access: { permission: 'appointments.write' } },
        schema: { tags: ['appointments'], summary: 'Take an entry off the waitlist', params: idParams },
      },
      async (request, reply) => {
        await removeWaitlistEntry(db, requireActor(request), request.params.id, auditContext(request, deps.clock.now()));
        return reply.status(204).send();
      },
    );
  };
}
