import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { auditContext, requireActor } from '../../http/actor.js';
import { blockedCreate, blockedQuery, exceptionCreate, exceptionParams, storeStaffParams, weeklyPut, weekQuery } from './schemas.js';
import { addException, createBlocked, deleteBlocked, getWeek, listBlocked, removeException, setWeekly } from './service.js';

export function rosterRoutes(deps: Deps): FastifyPluginAsyncZod {
  const db = deps.database.db;
  const ctx = (request: Parameters<typeof auditContext>[0]) => auditContext(request, deps.clock.now());
  return async (app) => {
    app.get(
      '/rosters',
      {
        config: { access: { permission: 'staff.read' } },
        schema: {
          tags: ['rosters'],
          summary: 'The effective schedule of a week (Monday–Sunday) per staff member of a store',
          querystring: weekQuery,
        },
      },
      async (request) => getWeek(db, requireActor(request), request.query.storeId, request.query.week),
    );

    app.put(
      '/rosters/:storeId/staff/:staffId/weekly',
      {
        config: { access: { permission: 'rosters.write' } },
        schema: {
          tags: ['rosters'],
          summary: 'Set weekly working hours at a store (send the version; 0 for a first roster)',
          params: storeStaffParams,
          body: weeklyPut,
        },
      },
      async (request) => setWeekly(db, requireActor(request), request.params.storeId, request.params.staffId, request.body, ctx(request)),
    );

    app.post(
      '/rosters/:storeId/staff/:staffId/exceptions',
      {
        config: { access: { permission: 'rosters.write' } },
        schema: {
          tags: ['rosters'],
          summary: 'Add time off, a break, an extra shift or custom hours on a date',
          params: storeStaffParams,
          body: exceptionCreate,
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await addException(db, requireActor(request), request.params.storeId, request.params.staffId, request.body, ctx(request))),
    );

    app.delete(
      '/rosters/:storeId/staff/:staffId/exceptions/:exceptionId',
      {
        config: { access: { permission: 'rosters.write' } },
        schema: { tags: ['rosters'], summary: 'Remove a dated exception', params: exceptionParams },
      },
      async (request, reply) => {
        const { storeId, staffId, exceptionId } = request.params;
        await removeException(db, requireActor(request), storeId, staffId, exceptionId, ctx(request));
        return reply.status(204).send();
      },
    );

    app.get(
      '/blocked-times',
      {
        config: { access: { permission: 'staff.read' } },
        schema: {
          tags: ['rosters'],
          summary: 'Blocked time of a store between two local dates (both included)',
          querystring: blockedQuery,
        },
      },
      async (request) => listBlocked(db, requireActor(request), request.query.storeId, request.query.from, request.query.to),
    );

    app.post(
      '/blocked-times',
      {
        config: { access: { permission: 'rosters.write' } },
        schema: { tags: ['rosters'], summary: 'Block time for a staff member (meeting, cleaning…)', body: blockedCreate },
      },
      async (request, reply) => reply.status(201).send(await createBlocked(db, requireActor(request), request.body, ctx(request))),
    );

    app.delete(
      '/blocked-times/:id',
      {
        config: { access: { permission: 'rosters.write' } },
        schema: { tags: ['rosters'], summary: 'Remove blocked time', params: z.object({ id: z.uuid() }) },
      },
      async (request, reply) => {
        await deleteBlocked(db, requireActor(request), request.params.id, ctx(request));
        return reply.status(204).send();
      },
    );
  };
}
