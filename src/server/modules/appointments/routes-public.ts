// The client-facing booking API (no staff sign-in): a store's online menu and times, one-time codes,
// booking, and the manage link. Rate limited per IP; codes also per destination.
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { PlatformErrors } from '../../platform/errors.js';
import { isLanguage, type Language } from '../../platform/i18n.js';
import { getEffectiveServices, resolveText } from '../catalog/index.js';
import { lineTotal, parseBooked } from './add-ons.js';
import { loadNames } from './dto.js';
import { AppointmentErrors } from './errors.js';
import { buildIcs } from './ics.js';
import { keptExtras } from './line-edit.js';
import { changeDeadline, consumeOtp, contactOf, findOrCreateClient, manageToken, openManageToken, sendOtp, verifyOtp } from './online.js';
import { onlineMenu } from './online-menu.js';
import { loadStore, plan, type StoreInfo, slotDto, slots } from './planner.js';
import { type AppointmentRow, linesOf, loadSettings } from './repo.js';
import { MAX_QUERY_DAYS } from './routes.js';
import { availabilityQuery, lineInput } from './schemas.js';
import { book, changeStatus, reschedule } from './service.js';
import type { BookingSettings } from './settings.js';
import { MOVABLE, type Status } from './status.js';
import { isoIn, localParts } from './time.js';

const slugParams = z.object({ slug: z.string().min(1).max(80) });
const tokenParams = z.object({ token: z.string().min(10).max(200) });
const contact = { phone: z.string().trim().min(3).max(40).optional(), email: z.string().trim().min(3).max(320).optional() };
const language = z.enum(['en', 'zh-CN', 'zh-TW']).optional();

const otpBody = z.strictObject({ storeSlug: z.string().min(1).max(80), ...contact, language });
const bookingBody = z.strictObject({
  storeSlug: z.string().min(1).max(80),
  ...contact,
  code: z.string().regex(/^\d{6}$/, 'the 6-digit code'),
  firstName: z.string().trim().min(1).max(100).optional(),
  lastName: z.string().trim().max(100).optional(),
  language,
  notes: z.string().trim().max(1000).optional(),
  lines: z.array(lineInput).min(1).max(10),
});
const publicAvailability = availabilityQuery.omit({ storeId: true, mode: true });
/** `lang` picks the language of names when the browser's Accept-Language is not the client's choice. */
const storeQuery = z.object({ lang: language });
const publicReschedule = z.strictObject({
  start: z.iso.datetime({ offset: true }).optional(),
  date: z.iso.date().optional(),
  startLocal: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
    .optional(),
});

const GENEROUS = { max: 120, timeWindow: '1 minute' };
const WRITES = { max: 30, timeWindow: '1 minute' };
const CODES = { max: 10, timeWindow: '1 minute' };

export function publicBookingRoutes(deps: Deps): FastifyPluginAsyncZod {
  const db = deps.database.db;
  const secret = deps.secrets.sessionKey;
  const now = () => deps.clock.now();
  const ctxOf = (request: FastifyRequest) => ({
    actorId: null,
    ip: request.ip ?? null,
    requestId: String(request.id),
    now: now(),
    lang: request.lang,
  });

  async function onlineStore(slug: string): Promise<{ store: StoreInfo; settings: BookingSettings }> {
    const store = await loadStore(db, { slug });
    if (!store || store.archived) throw AppointmentErrors.online_booking_disabled();
    const { settings } = await loadSettings(db, store.id);
    if (!settings.onlineEnabled) throw AppointmentErrors.online_booking_disabled();
    return { store, settings };
  }

  async function publicView(row: AppointmentRow, lang: Language) {
    const store = (await loadStore(db, { id: row.store_id }))!;
    const { settings } = await loadSettings(db, store.id);
    const lines = await linesOf(db, row.id);
    const names = await loadNames(db, store.id, lines, [], lang);
    const addOnsOf = (l: (typeof lines)[number]) =>
      parseBooked(l.add_ons).map((a) => ({ id: a.id, name: names.addOns.get(a.id)?.name ?? '', extraMin: a.extraMin, price: a.price }));
    const deadline = changeDeadline(row.start_at, settings.cancellationWindowHours);
    const open = MOVABLE.has(row.status as Status) && now() <= deadline;
    const local = localParts(row.start_at, store.timeZone);
    return {
      status: row.status,
      store: { name: store.name, slug: store.slug, phone: store.phone, address: store.address, timeZone: store.timeZone },
      timeZone: store.timeZone,
      date: local.date,
      startLocal: local.time,
      start: isoIn(row.start_at, store.timeZone),
      end: isoIn(row.end_at, store.timeZone),
      services: lines.map((l) => ({
        serviceId: l.service_id,
        name: names.services.get(l.service_id)?.name ?? '',
        staffName: names.staff.get(l.staff_id)?.displayName ?? '',
        start: isoIn(l.start_at, store.timeZone),
        end: isoIn(l.end_at, store.timeZone),
        price: l.price,
        addOns: addOnsOf(l),
      })),
      total: lines.reduce((s, l) => s + lineTotal(l), 0),
      currency: store.currency,
      changeableUntil: isoIn(deadline - (deadline % 60_000), store.timeZone),
      canCancel: open,
      canReschedule: open,
    };
  }

  function assertChangeable(row: AppointmentRow, settings: BookingSettings) {
    if (now() > changeDeadline(row.start_at, settings.cancellationWindowHours)) {
      throw AppointmentErrors.cancellation_window_passed({ hours: settings.cancellationWindowHours });
    }
  }

  return async (app) => {
    app.get(
      '/public/stores/:slug',
      {
        config: { access: { public: true }, rateLimit: GENEROUS },
        schema: {
          tags: ['online booking'],
          summary: 'A store’s online booking page: services with their categories and add-ons, prices, technicians',
          params: slugParams,
          querystring: storeQuery,
        },
      },
      async (request) => {
        const lang = request.query.lang ?? request.lang;
        const { store, settings } = await onlineStore(request.params.slug);
        const ids = (await db.selectFrom('services').select('id').where('archived', '=', 0).where('online_bookable', '=', 1).execute()).map(
          (r) => r.id,
        );
        const services = [...(await getEffectiveServices(db, store.id, ids)).values()]
          .filter((s) => s.available && !s.archived && s.onlineBookable && s.staff.length > 0)
          .sort((a, b) => a.name.localeCompare(b.name));
        const staffIds = [...new Set(services.flatMap((s) => s.staff.map((x) => x.staffId)))];
        const names = staffIds.length
          ? await db.selectFrom('staff').select(['id', 'display_name']).where('id', 'in', staffIds).orderBy('display_name').execute()
          : [];
        const menu = await onlineMenu(db, services, lang);
        return {
          name: store.name,
          slug: store.slug,
          timeZone: store.timeZone,
          currency: store.currency,
          phone: store.phone,
          address: store.address,
          booking: {
            newClientsAllowed: settings.newClientsAllowed,
            noticeMin: settings.noticeMin,
            horizonDays: settings.horizonDays,
            cancellationWindowHours: settings.cancellationWindowHours,
            depositPolicy: settings.depositPolicy,
          },
          /** The categories of the services offered, in the store's menu order. */
          categories: menu.categories,
          services: services.map((s) => ({
            id: s.id,
            name: resolveText(s.name, s.nameTranslations, lang),
            categoryId: s.categoryId,
            durationMin: s.durationMin,
            price: s.price,
            staff: s.staff.map((x) => ({ staffId: x.staffId, price: x.price, durationMin: x.durationMin })),
            /** Extras to pick with it: each adds its minutes to the visit and its price to the total. */
            addOns: menu.addOnsOf(s),
          })),
          staff: names.map((n) => ({ id: n.id, displayName: n.display_name })),
        };
      },
    );

    app.get(
      '/public/stores/:slug/availability',
      {
        config: { access: { public: true }, rateLimit: GENEROUS },
        schema: {
          tags: ['online booking'],
          summary: 'Bookable starts (store-local, labelled with the zone)',
          params: slugParams,
          querystring: publicAvailability,
        },
      },
      async (request) => {
        const { store, settings } = await onlineStore(request.params.slug);
        const q = request.query;
        const to = q.to ?? q.from;
        if (to < q.from || Math.round((Date.parse(to) - Date.parse(q.from)) / 86_400_000) + 1 > MAX_QUERY_DAYS) {
          throw PlatformErrors.validation_failed({ fields: 'to' }, [{ path: 'to', message: `a range of 1–${MAX_QUERY_DAYS} days` }]);
        }
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
            mode: 'online',
            now: now(),
            settings,
            field: (i, f) => (f === 'serviceId' ? `serviceIds.${i}` : 'staffId'),
            addOnIds: q.addOnIds,
          },
        );
        return { timeZone: store.timeZone, from: q.from, to, slots: slots(p).map((s) => slotDto(s, store.timeZone)) };
      },
    );

    app.post(
      '/public/otp',
      {
        config: { access: { public: true }, rateLimit: CODES },
        schema: { tags: ['online booking'], summary: 'Send a one-time code to a phone or email', body: otpBody },
      },
      async (request, reply) => {
        const { store } = await onlineStore(request.body.storeSlug);
        const c = contactOf(store, request.body);
        const lang = request.body.language ?? request.lang;
        const { expiresAt } = await sendOtp(db, secret, store, c, lang, now());
        return reply.status(202).send({ channel: c.channel, expiresAt: isoIn(expiresAt - (expiresAt % 60_000), store.timeZone) });
      },
    );

    app.post(
      '/public/bookings',
      {
        config: { access: { public: true }, rateLimit: WRITES },
        schema: { tags: ['online booking'], summary: 'Book with a one-time code; returns a manage token', body: bookingBody },
      },
      async (request, reply) => {
        const body = request.body;
        const { store, settings } = await onlineStore(body.storeSlug);
        const c = contactOf(store, body);
        const ctx = ctxOf(request);
        const lang: Language = body.language ?? (isLanguage(request.lang) ? request.lang : 'en');
        const otpId = await verifyOtp(db, secret, store, c, body.code, ctx.now);
        const key = request.headers['idempotency-key'];
        const res = await book(
          db,
          { store, settings, clientId: null, source: 'online', notes: body.notes ?? null, lines: body.lines },
          { ...ctx, idempotencyKey: typeof key === 'string' ? key : undefined },
          {
            mode: 'online',
            scope: `public.bookings:${c.destination}`,
            request: body,
            before: async (tx) => {
              await consumeOtp(tx, otpId, ctx.now);
              return findOrCreateClient(
                tx,
                store,
                c,
                { firstName: body.firstName, lastName: body.lastName, language: lang },
                settings.newClientsAllowed,
                ctx,
              );
            },
            respond: async (_tx, row) => ({ manageToken: manageToken(secret, row), appointmentId: row.id }),
          },
        );
        const out = res.body as { manageToken: string; appointmentId: string };
        const row = await openManageToken(db, secret, out.manageToken);
        return reply.status(res.status).send({ ...out, appointment: await publicView(row, lang) });
      },
    );

    app.get(
      '/public/bookings/:token',
      {
        config: { access: { public: true }, rateLimit: GENEROUS },
        schema: { tags: ['online booking'], summary: 'A booking seen through its manage link', params: tokenParams },
      },
      async (request) => publicView(await openManageToken(db, secret, request.params.token), request.lang),
    );

    app.get(
      '/public/bookings/:token/calendar.ics',
      {
        config: { access: { public: true }, rateLimit: GENEROUS },
        schema: { tags: ['online booking'], summary: 'The booking as an iCalendar event', params: tokenParams },
      },
      async (request, reply) => {
        const row = await openManageToken(db, secret, request.params.token);
        const view = await publicView(row, request.lang);
        const ics = buildIcs({
          uid: row.id,
          start: row.start_at,
          end: row.end_at,
          stamp: row.updated_at,
          sequence: row.version,
          summary: `${view.store.name}: ${view.services.map((s) => s.name).join(', ')}`,
          location: view.store.address,
          description: view.services.map((s) => `${s.name}${s.staffName ? ` (${s.staffName})` : ''}`).join('\n'),
          cancelled: row.status === 'cancelled',
        });
        return reply.type('text/calendar; charset=utf-8').header('content-disposition', 'attachment; filename="appointment.ics"').send(ics);
      },
    );

    app.post(
      '/public/bookings/:token/cancel',
      {
        config: { access: { public: true }, rateLimit: WRITES },
        schema: {
          tags: ['online booking'],
          summary: 'Cancel before the store’s cancellation window',
          params: tokenParams,
          body: z.strictObject({ reason: z.string().trim().max(500).optional() }),
        },
      },
      async (request) => {
        const row = await openManageToken(db, secret, request.params.token);
        const { settings } = await loadSettings(db, row.store_id);
        assertChangeable(row, settings);
        const updated = await changeStatus(
          db,
          null,
          row.id,
          'cancel',
          { version: row.version, reason: request.body.reason ?? 'cancelled online by the client', waiveFee: true },
          ctxOf(request),
        );
        return publicView(updated, request.lang);
      },
    );

    app.post(
      '/public/bookings/:token/reschedule',
      {
        config: { access: { public: true }, rateLimit: WRITES },
        schema: {
          tags: ['online booking'],
          summary: 'Move to another time before the store’s cancellation window',
          params: tokenParams,
          body: publicReschedule,
        },
      },
      async (request) => {
        const row = await openManageToken(db, secret, request.params.token);
        const lines = await linesOf(db, row.id);
        const b = request.body;
        if (!b.start && !(b.date && b.startLocal))
          throw PlatformErrors.validation_failed({ fields: 'start' }, [{ path: 'start', message: 'give start, or date and startLocal' }]);
        const when = b.start ? { start: b.start } : { date: b.date!, startLocal: b.startLocal! };
        const next = lines.map((l, i) => ({
          serviceId: l.service_id,
          staffId: l.staff_requested ? l.staff_id : 'any',
          ...(i === 0 ? when : {}),
          ...(i > 0 && l.parallel_with_previous ? { parallelWithPrevious: true } : {}),
          // Her add-ons come along; a length the store set by hand stays.
          ...keptExtras(l),
        }));
        const updated = await reschedule(
          db,
          null,
          row.id,
          { version: row.version, lines: next },
          ctxOf(request),
          'online',
          (current, settings) => assertChangeable(current, settings),
        );
        return publicView(updated, request.lang);
      },
    );
  };
}
