import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { assertStore, auditContext, requireActor } from '../../http/actor.js';
import { PlatformErrors } from '../../platform/errors.js';
import { decodeCursor, toPage } from '../../platform/pagination.js';
import { addDays, isLocalDate, startOfLocalDay } from '../../platform/zoned-time.js';
import { clientFeed, withFeedFilters } from './client-feed.js';
import { appointmentDtos } from './dto.js';
import { feeWaiveBody, waiveFee } from './fees.js';
import { plan, slotDto, slots } from './planner.js';
import { historyOf } from './repo.js';
import {
  appointmentCreate,
  appointmentPatch,
  availabilityQuery,
  cancelBody,
  feedQuery,
  idParams,
  noShowBody,
  rescheduleBody,
  settingsPut,
  settingsQuery,
  statusBody,
} from './schemas.js';
import { changeStatus, createAppointment, dtoOf, editAppointment, loadVisible, reschedule, storeOrFail } from './service.js';
import { getSettings, putSettings } from './settings-service.js';
import type { Action } from './status.js';
import { isoIn, parseIso } from './time.js';

/** The longest range one availability or calendar request may cover. */
export const MAX_QUERY_DAYS = 62;
const DAY_MS = 86_400_000;

function days(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS) + 1;
}

function rangeError(path: string, message: string) {
  return PlatformErrors.validation_failed({ fields: path }, [{ path, message }]);
}

export function calendarRoutes(deps: Deps): FastifyPluginAsyncZod {
  const db = deps.database.db;
  const ctx = (request: FastifyRequest) => ({ ...auditContext(request, deps.clock.now()), lang: request.lang });
  return async (app) => {
    app.get(
      '/availability',
      {
        config: { access: { permission: 'appointments.read' } },
        schema: {
          tags: ['appointments'],
          summary: 'Bookable starts for a visit (store-local times, labelled with the zone)',
          querystring: availabilityQuery,
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const q = request.query;
        assertStore(actor, q.storeId);
        const to = q.to ?? q.from;
        if (to < q.from) throw rangeError('to', 'to is before from');
        if (days(q.from, to) > MAX_QUERY_DAYS) throw rangeError('to', `at most ${MAX_QUERY_DAYS} days per request`);
        const store = await storeOrFail(db, q.storeId);
        const lines = q.serviceIds.map((serviceId, i) => ({
          serviceId,
          staffId: q.staffId ?? 'any',
          parallelWithPrevious: q.arrangement === 'together' && i > 0,
        }));
        const p = await plan(
          db,
          store,
          lines,
          { from: q.from, to },
          {
            mode: q.mode,
            now: deps.clock.now(),
            field: (i, f) => (f === 'serviceId' ? `serviceIds.${i}` : 'staffId'),
            addOnIds: q.addOnIds,
          },
        );
        return {
          storeId: store.id,
          timeZone: store.timeZone,
          from: q.from,
          to,
          mode: q.mode,
          slots: slots(p).map((s) => slotDto(s, store.timeZone)),
        };
      },
    );

    app.post(
      '/appointments',
      {
        config: { access: { permission: 'appointments.write' }, keepsIdentity: true },
        schema: {
          tags: ['appointments'],
          summary: 'Book a visit (one or more services); send an Idempotency-Key',
          description:
            'Each line names a service and a technician (or "any"). The first line gives the start: `start` as an ISO 8601 instant with offset, ' +
            'or `date` + `startLocal` in the store’s time zone. Later lines follow one another, start with the previous one ' +
            '(`parallelWithPrevious`), or give their own start. Local times the clocks skip (02:30 on 2026-03-08 in New York) are refused ' +
            'with 422 `nonexistent_local_time`; a local time that happens twice (01:30 on 2026-11-01) means the first one (daylight time) — ' +
            'send `start` with the offset to choose the second. A time someone else got first is 409 `slot_taken` with `alternatives`. ' +
            'A retry with the same Idempotency-Key returns the first answer and books nothing twice.',
          body: appointmentCreate,
        },
      },
      async (request, reply) => {
        const key = request.headers['idempotency-key'];
        const res = await createAppointment(db, requireActor(request), request.body, {
          ...ctx(request),
          idempotencyKey: typeof key === 'string' ? key : undefined,
        });
        if (res.replayed) reply.header('idempotent-replayed', 'true');
        // The answer as stored with the key (runIdempotent serialised it once): sent as is.
        return reply.status(res.status).type('application/json; charset=utf-8').send(res.json);
      },
    );

    app.get(
      '/appointments',
      {
        config: { access: { permission: 'appointments.read' } },
        schema: {
          tags: ['appointments'],
          summary: 'Calendar feed of a store (overlapping the range), or one client’s visits (clientId, newest first)',
          querystring: feedQuery,
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const q = request.query;
        const now = deps.clock.now();
        if (q.clientId) return clientFeed(db, actor, { ...q, clientId: q.clientId }, request.lang, now);
        // The schema requires these without clientId.
        const [storeId, from, to] = [q.storeId!, q.from!, q.to!];
        assertStore(actor, storeId);
        const store = await storeOrFail(db, storeId);
        const fromMs = isLocalDate(from) ? startOfLocalDay(from, store.timeZone) : parseIso(from);
        const toMs = isLocalDate(to) ? startOfLocalDay(addDays(to, 1), store.timeZone) : parseIso(to);
        if (toMs <= fromMs) throw rangeError('to', 'to is not after from');
        if (toMs - fromMs > MAX_QUERY_DAYS * DAY_MS + 2 * 3_600_000) throw rangeError('to', `at most ${MAX_QUERY_DAYS} days per request`);
        let query = db
          .selectFrom('appointments')
          .selectAll()
          .where('store_id', '=', storeId)
          .where('start_at', '<', toMs)
          .where('end_at', '>', fromMs);
        query = withFeedFilters(query, q);
        if (q.cursor) {
          const [at, id] = (decodeCursor(q.cursor) ?? '').split('|');
          if (!Number.isSafeInteger(Number(at)) || !id) throw rangeError('cursor', 'not a cursor from this list');
          query = query.where((eb) =>
            eb.or([eb('start_at', '>', Number(at)), eb.and([eb('start_at', '=', Number(at)), eb('id', '>', id)])]),
          );
        }
        const rows = await query
          .orderBy('start_at')
          .orderBy('id')
          .limit(q.limit + 1)
          .execute();
        const page = toPage(rows, q.limit, (r) => `${r.start_at}|${r.id}`);
        const data = await appointmentDtos(db, store, page.data, request.lang);
        return {
          storeId: store.id,
          timeZone: store.timeZone,
          from: isoIn(fromMs, store.timeZone),
          to: isoIn(toMs, store.timeZone),
          // Poll with changedSince=asOf (the server's clock, not the terminal's) to get what changed since.
          asOf: isoIn(now, store.timeZone),
          data,
          nextCursor: page.nextCursor,
        };
      },
    );

    app.get(
      '/appointments/:id',
      {
        config: { access: { permission: 'appointments.read' } },
        schema: { tags: ['appointments'], summary: 'One appointment with its status history', params: idParams },
      },
      async (request) => {
        const row = await loadVisible(db, requireActor(request), request.params.id);
        const store = await storeOrFail(db, row.store_id);
        const history = await historyOf(db, row.id);
        return {
          ...(await dtoOf(db, store, row, request.lang)),
          history: history.map((h) => ({
            from: h.from_status,
            to: h.to_status,
            at: isoIn(h.at, store.timeZone),
            by: h.actor_id,
            reason: h.reason,
            start: h.start_at === null ? null : isoIn(h.start_at, store.timeZone),
          })),
        };
      },
    );

    app.patch(
      '/appointments/:id',
      {
        config: { access: { permission: 'appointments.write' }, keepsIdentity: true },
        schema: {
          tags: ['appointments'],
          summary: 'Edit notes, or lines in place: a length set by hand (resize) or add-ons (send the version)',
          description:
            'Lines keep their start, technician and service. A longer line is checked like a booking (409 `slot_taken`); ' +
            'a stale version is 409 `stale_version`. `durationMin: null` goes back to the catalog’s length.',
          params: idParams,
          body: appointmentPatch,
        },
      },
      async (request) => editAppointment(db, requireActor(request), request.params.id, request.body, ctx(request)),
    );

    app.post(
      '/appointments/:id/reschedule',
      {
        config: { access: { permission: 'appointments.write' }, keepsIdentity: true },
        schema: {
          tags: ['appointments'],
          summary: 'Move a visit: new time, technician or services, same guarantees as a booking',
          params: idParams,
          body: rescheduleBody,
        },
      },
      async (request) => {
        const c = ctx(request);
        const row = await reschedule(db, requireActor(request), request.params.id, request.body, c, 'front_desk');
        return dtoOf(db, await storeOrFail(db, row.store_id), row, c.lang);
      },
    );

    const statusRoute = (
      path: string,
      action: Action,
      summary: string,
      body: typeof statusBody | typeof cancelBody | typeof noShowBody,
      permission: 'appointments.write' | 'appointments.read',
    ) =>
      app.post(
        `/appointments/:id/${path}`,
        { config: { access: { permission } }, schema: { tags: ['appointments'], summary, params: idParams, body } },
        async (request) => {
          const c = ctx(request);
          const row = await changeStatus(
            db,
            requireActor(request),
            request.params.id,
            action,
            (request.body ?? {}) as Record<string, never>,
            c,
          );
          return dtoOf(db, await storeOrFail(db, row.store_id), row, c.lang);
        },
      );
    statusRoute('confirm', 'confirm', 'Mark as confirmed by the client', statusBody, 'appointments.write');
    statusRoute('check-in', 'check_in', 'The client has arrived (technicians: their own clients)', statusBody, 'appointments.read');
    statusRoute('start', 'start', 'Service has started (technicians: their own clients)', statusBody, 'appointments.read');
    statusRoute('complete', 'complete', 'Service is done (technicians: their own clients)', statusBody, 'appointments.read');
    statusRoute(
      'cancel',
      'cancel',
      'Cancel with a reason; a late cancellation records the store’s fee for checkout',
      cancelBody,
      'appointments.write',
    );
    statusRoute(
      'no-show',
      'no_show',
      'The client did not come (after the start); records the no-show fee',
      noShowBody,
      'appointments.write',
    );

    app.post(
      '/appointments/:id/fee/waive',
      {
        // Managers (sales.discount_override), or the front desk with a manager's PIN in `approval`.
        config: { access: { permission: 'appointments.write' }, keepsIdentity: true },
        schema: {
          tags: ['appointments'],
          summary: 'Waive a recorded late-cancel / no-show fee not yet collected, with a reason (audited)',
          params: idParams,
          body: feeWaiveBody,
        },
      },
      async (request) => {
        const c = ctx(request);
        const row = await waiveFee(db, requireActor(request), request.params.id, request.body, c);
        return dtoOf(db, await storeOrFail(db, row.store_id), row, c.lang);
      },
    );

    app.get(
      '/booking-settings',
      {
        config: { access: { permission: 'appointments.read' } },
        schema: { tags: ['appointments'], summary: 'A store’s booking settings', querystring: settingsQuery },
      },
      async (request) => getSettings(db, requireActor(request), request.query.storeId),
    );

    app.put(
      '/booking-settings',
      {
        config: { access: { permission: 'stores.write' } },
        schema: {
          tags: ['appointments'],
          summary: 'Change a store’s booking settings (send the version; 0 before the first save)',
          body: settingsPut,
        },
      },
      async (request) => putSettings(db, requireActor(request), request.body, auditContext(request, deps.clock.now())),
    );
  };
}
