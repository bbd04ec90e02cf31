import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { assertStore, auditContext, can, requireActor } from '../../http/actor.js';
import { PlatformErrors } from '../../platform/errors.js';
import { movementCreate, shiftClose, shiftList, shiftOpen, xReportQuery, zReportQuery } from './schemas.js';
import { addMovement, closeShift, findShift, openShift, shiftDto, xReport, zReport } from './service.js';

const tags = ['shifts'];
const params = z.object({ id: z.uuid() });

export function shiftRoutes(deps: Deps): FastifyPluginAsyncZod {
  const db = deps.database.db;
  const now = () => deps.clock.now();
  return async (app) => {
    /** The shift, after checking the actor works at its store. */
    const visible = async (request: Parameters<typeof requireActor>[0], id: string) => {
      const shift = await findShift(db, id);
      assertStore(requireActor(request), shift.store_id);
      return shift;
    };

    app.post(
      '/shifts',
      {
        config: { access: { permission: 'shifts.manage' } },
        schema: { tags, summary: 'Open a drawer shift with its counted float', body: shiftOpen },
      },
      async (request, reply) => {
        assertStore(requireActor(request), request.body.storeId);
        const row = await openShift(db, request.body, auditContext(request, now()));
        return reply.status(201).send(await shiftDto(db, row));
      },
    );

    app.get(
      '/shifts',
      {
        config: { access: { permission: 'shifts.manage' } },
        schema: { tags, summary: 'Shifts of a store, newest first', querystring: shiftList },
      },
      async (request) => {
        assertStore(requireActor(request), request.query.storeId);
        let q = db.selectFrom('shifts').selectAll().where('store_id', '=', request.query.storeId);
        if (request.query.status) q = q.where('status', '=', request.query.status);
        const rows = await q.orderBy('opened_at', 'desc').orderBy('id', 'desc').limit(request.query.limit).execute();
        return { data: await Promise.all(rows.map((r) => shiftDto(db, r))), nextCursor: null };
      },
    );

    app.get(
      '/shifts/:id',
      { config: { access: { permission: 'shifts.manage' } }, schema: { tags, summary: 'One shift with its drawer figures', params } },
      async (request) => shiftDto(db, await visible(request, request.params.id)),
    );

    app.post(
      '/shifts/:id/movements',
      {
        config: { access: { permission: 'shifts.manage' } },
        schema: { tags, summary: 'Paid-in or paid-out with a reason', params, body: movementCreate },
      },
      async (request, reply) => {
        await visible(request, request.params.id);
        await addMovement(db, request.params.id, request.body, auditContext(request, now()));
        return reply.status(201).send(await shiftDto(db, await findShift(db, request.params.id)));
      },
    );

    app.post(
      '/shifts/:id/close',
      {
        config: { access: { permission: 'shifts.manage' } },
        schema: { tags, summary: 'Close with the counted cash: expected vs counted, over/short', params, body: shiftClose },
      },
      async (request) => {
        await visible(request, request.params.id);
        const row = await closeShift(db, request.params.id, request.body, auditContext(request, now()));
        return shiftDto(db, row);
      },
    );

    app.get(
      '/shifts/:id/x-report',
      {
        config: { access: { permission: 'shifts.manage' } },
        schema: { tags, summary: 'X report: this shift so far', params, querystring: xReportQuery },
      },
      async (request) => {
        await visible(request, request.params.id);
        return xReport(db, request.params.id, request.query.lang ?? request.lang);
      },
    );

    app.get(
      '/stores/:id/z-report',
      {
        config: { access: { signedIn: true } },
        schema: { tags, summary: 'Z report: the store’s business day (reports.read or shifts.manage)', params, querystring: zReportQuery },
      },
      async (request) => {
        const actor = requireActor(request);
        if (!can(actor, 'reports.read') && !can(actor, 'shifts.manage')) throw PlatformErrors.forbidden({ permission: 'reports.read' });
        assertStore(actor, request.params.id);
        return zReport(db, request.params.id, request.query.date, request.query.lang ?? request.lang);
      },
    );
  };
}
