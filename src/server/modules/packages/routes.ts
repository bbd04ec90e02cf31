// Client packages over HTTP: list and read (store-scoped like the client), applicable packages for a
// service, direct redemption (from a treatment room or an appointment's completion, Idempotency-Key),
// reversal, extension, freeze, family members, refunds outside checkout. Checkout's own lines are in
// checkout.ts; templates, settings, rules and reports in routes-admin.ts.
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { withTransaction } from '../../db/tx.js';
import type { Deps } from '../../deps.js';
import { type Actor, assertCan, assertStore, auditContext, can, requireActor } from '../../http/actor.js';
import { PlatformErrors } from '../../platform/errors.js';
import { runIdempotent } from '../../platform/idempotency.js';
import { visibleClient } from '../ledgers/index.js';
import { setPackagesClock } from './checkout.js';
import { PackageErrors } from './errors.js';
import { addMember, extendPackage, freezePackage, refundOutsideCheckout, removeMember, unfreezePackage } from './manage.js';
import { purchasePackage, quoteRefund } from './purchase.js';
import { openRecommendations } from './recommendations.js';
import { redeemSession, resolveRedemption, reverseSession, sessionDto } from './redeem.js';
import { effectiveStatus, findPackage, packageDtos, packagesOfClient, sessionsOfPackage } from './repo.js';
import {
  applicableQuery,
  clientPackageList,
  directPurchase,
  extendBody,
  freezeBody,
  idParams,
  memberBody,
  memberParams,
  reasonBody,
  redeemBody,
} from './schemas.js';
import { findTemplate } from './templates.js';

const tags = ['packages'];

/**
 * Who may redeem: the desk and managers for any visit (packages.redeem); a technician only for an appointment
 * line assigned to her (packages.redeem_own), which the caller then checks. Returns true in that second case.
 */
function assertMayRedeem(actor: Actor): boolean {
  if (can(actor, 'packages.redeem')) return false;
  if (can(actor, 'packages.redeem_own')) return true;
  throw PlatformErrors.forbidden({ permission: 'packages.redeem' });
}

export function clientPackageRoutes(deps: Deps): FastifyPluginAsyncZod {
  const db = deps.database.db;
  const now = () => deps.clock.now();
  setPackagesClock(now);
  const ctx = (request: FastifyRequest) => auditContext(request, now());

  /** The package, when the actor may see its client (404 otherwise). */
  async function visiblePackage(actor: Actor, id: string) {
    const pkg = await findPackage(db, id);
    if (!pkg) throw PlatformErrors.not_found();
    await visibleClient(db, actor, pkg.client_id);
    return pkg;
  }
  const one = async (id: string) => (await packageDtos(db, [(await findPackage(db, id))!], now()))[0]!;

  return async (app) => {
    app.get(
      '/client-packages',
      {
        config: { access: { permission: 'clients.read' } },
        schema: { tags, summary: 'A client’s packages (owned or shared with her), newest first', querystring: clientPackageList },
      },
      async (request) => {
        const actor = requireActor(request);
        await visibleClient(db, actor, request.query.clientId);
        const t = now();
        let rows = await packagesOfClient(db, request.query.clientId);
        if (request.query.status !== 'all') rows = rows.filter((r) => effectiveStatus(r, t) === request.query.status);
        return { data: await packageDtos(db, rows, t), nextCursor: null };
      },
    );

    app.get(
      '/client-packages/applicable',
      {
        config: { access: { signedIn: true } },
        schema: {
          tags,
          summary: 'The client’s packages usable now at this store (for a service, when given), with the item that would be used',
          querystring: applicableQuery,
        },
      },
      async (request) => {
        const actor = requireActor(request);
        assertMayRedeem(actor);
        const { clientId, storeId, serviceId } = request.query;
        assertStore(actor, storeId);
        await visibleClient(db, actor, clientId);
        const t = now();
        const rows = (await packagesOfClient(db, clientId)).filter((r) => effectiveStatus(r, t) === 'active');
        const dtos = await packageDtos(db, rows, t);
        const out = [];
        for (const dto of dtos) {
          if (dto.terms.storeIds && !dto.terms.storeIds.includes(storeId)) continue;
          if (!serviceId) {
            if (dto.sessions.remaining > 0) out.push({ package: dto, itemId: null, stepBlocked: null });
            continue;
          }
          try {
            const r = await resolveRedemption(
              db,
              { packageId: dto.id, serviceId, storeId, clientId, stepOverride: { by: '', reason: '' } },
              t,
            );
            out.push({ package: dto, itemId: r.item.id, stepBlocked: r.blocked });
          } catch {
            // Not usable for this service: left out.
          }
        }
        return { data: out };
      },
    );

    app.get(
      '/client-packages/:id',
      {
        config: { access: { permission: 'clients.read' } },
        schema: { tags, summary: 'One client package with its items, balances and members', params: idParams },
      },
      async (request) => {
        await visiblePackage(requireActor(request), request.params.id);
        return one(request.params.id);
      },
    );

    app.get(
      '/client-packages/:id/sessions',
      {
        config: { access: { permission: 'clients.read' } },
        schema: { tags, summary: 'Sessions redeemed on a package, oldest first (reversed ones included)', params: idParams },
      },
      async (request) => {
        await visiblePackage(requireActor(request), request.params.id);
        return { data: (await sessionsOfPackage(db, request.params.id)).map(sessionDto) };
      },
    );

    app.post(
      '/client-packages',
      {
        config: { access: { permission: 'packages.adjust' } },
        schema: {
          tags,
          summary: 'Open a package outside checkout (carried over from another system, goodwill); no money moves',
          body: directPurchase,
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const body = request.body;
        assertStore(actor, body.storeId);
        await visibleClient(db, actor, body.clientId);
        const template = await findTemplate(db, body.templateId);
        if (!template) throw PackageErrors.package_template_unavailable();
        const row = await withTransaction(db, ({ tx }) =>
          purchasePackage(tx, {
            templateId: body.templateId,
            clientId: body.clientId,
            storeId: body.storeId,
            price: body.price ?? template.price,
            audit: ctx(request),
          }),
        );
        return reply.status(201).send(await one(row.id));
      },
    );

    app.post(
      '/client-packages/:id/redemptions',
      {
        // packages.redeem, or packages.redeem_own for a line assigned to the caller (checked below).
        config: { access: { signedIn: true } },
        schema: {
          tags,
          summary:
            'Redeem one session outside checkout (e.g. when the visit is completed); Idempotency-Key accepted. ' +
            'A technician (packages.redeem_own) redeems only for an appointment line assigned to her.',
          params: idParams,
          body: redeemBody,
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const body = request.body;
        const ownOnly = assertMayRedeem(actor);
        // Her own line: the technician is the one who performs it (not someone else's commission).
        if (ownOnly && (!body.appointmentLineId || (body.staffId && body.staffId !== actor.staffId)))
          throw PlatformErrors.forbidden({ permission: 'packages.redeem' });
        assertStore(actor, body.storeId);
        const pkg = await visiblePackage(actor, request.params.id);
        if (body.stepOverride) assertCan(actor, 'packages.adjust');
        const c = ctx(request);
        const key = request.headers['idempotency-key'];
        const res = await runIdempotent(
          db,
          { scope: `package.redeem:${pkg.id}`, key: typeof key === 'string' ? key : undefined, request: body, now: c.now },
          async ({ tx, afterCommit }) => {
            let appointmentId: string | null = null;
            if (body.appointmentLineId) {
              const line = await tx
                .selectFrom('appointment_lines as l')
                .innerJoin('appointments as a', 'a.id', 'l.appointment_id')
                .select(['a.id', 'a.store_id', 'a.client_id', 'a.status', 'l.service_id', 'l.staff_id', 'l.active'])
                .where('l.id', '=', body.appointmentLineId)
                .executeTakeFirst();
              if (!line || line.store_id !== body.storeId || line.service_id !== body.serviceId)
                throw PlatformErrors.validation_failed({ fields: 'appointmentLineId' }, [
                  { path: 'appointmentLineId', message: 'not this service’s line at this store' },
                ]);
              if (ownOnly && (line.staff_id !== actor.staffId || line.client_id !== (body.clientId ?? pkg.client_id)))
                throw PlatformErrors.forbidden({ permission: 'packages.redeem' });
              if (ownOnly && (line.active !== 1 || line.status === 'cancelled' || line.status === 'no_show'))
                throw PlatformErrors.validation_failed({ fields: 'appointmentLineId' }, [
                  { path: 'appointmentLineId', message: 'the visit was cancelled or missed' },
                ]);
              appointmentId = line.id;
            }
            const session = await redeemSession(tx, {
              packageId: pkg.id,
              serviceId: body.serviceId,
              storeId: body.storeId,
              clientId: body.clientId ?? pkg.client_id,
              itemId: body.itemId,
              staffId: body.staffId ?? (ownOnly ? actor.staffId : null),
              stepOverride: body.stepOverride ? { by: actor.staffId, reason: body.stepOverride.reason } : null,
              source: 'direct',
              appointmentId,
              appointmentLineId: body.appointmentLineId ?? null,
              audit: c,
              afterCommit,
            });
            return { status: 201, body: sessionDto(session) };
          },
        );
        if (res.replayed) reply.header('idempotent-replayed', 'true');
        return reply.status(res.status).send(res.body);
      },
    );

    app.post(
      '/package-sessions/:id/reverse',
      {
        config: { access: { permission: 'packages.adjust' } },
        schema: {
          tags,
          summary: 'Give back a session redeemed outside checkout (a checkout session comes back by refunding its line)',
          params: idParams,
          body: reasonBody,
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const session = await db.selectFrom('package_sessions').selectAll().where('id', '=', request.params.id).executeTakeFirst();
        if (!session) throw PlatformErrors.not_found();
        await visiblePackage(actor, session.package_id);
        if (session.sale_id) {
          const sale = await db.selectFrom('sales').select('receipt_code').where('id', '=', session.sale_id).executeTakeFirst();
          throw PackageErrors.package_session_via_sale({ receipt: sale?.receipt_code ?? session.sale_id });
        }
        const out = await withTransaction(db, ({ tx }) =>
          reverseSession(tx, { sessionId: session.id, reason: request.body.reason, audit: ctx(request) }),
        );
        return sessionDto(out);
      },
    );

    const manage = <B>(
      path: string,
      summary: string,
      body: z.ZodType<B>,
      run: (tx: Parameters<typeof extendPackage>[0], id: string, body: B, c: ReturnType<typeof ctx>) => Promise<unknown>,
    ) =>
      app.post(
        path,
        { config: { access: { permission: 'packages.adjust' } }, schema: { tags, summary, params: idParams, body } },
        async (request) => {
          await visiblePackage(requireActor(request), request.params.id);
          await withTransaction(db, ({ tx }) => run(tx, request.params.id, request.body as B, ctx(request)));
          return one(request.params.id);
        },
      );
    manage(
      '/client-packages/:id/extend',
      'Extend the validity (a new last day, or months added); an expired package comes back with its sessions',
      extendBody,
      (tx, id, b, c) => extendPackage(tx, id, b, c),
    );
    manage(
      '/client-packages/:id/freeze',
      'Freeze for a number of days (pauses it, pushes the expiry back), within the template’s maximum',
      freezeBody,
      (tx, id, b, c) => freezePackage(tx, id, b, c),
    );
    manage('/client-packages/:id/unfreeze', 'End a freeze early (the unused days are given back)', reasonBody, (tx, id, b, c) =>
      unfreezePackage(tx, id, b, c),
    );

    app.post(
      '/client-packages/:id/members',
      {
        config: { access: { permission: 'packages.sell' } },
        schema: { tags, summary: 'Name a family member who may use a shareable package', params: idParams, body: memberBody },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        await visiblePackage(actor, request.params.id);
        await visibleClient(db, actor, request.body.clientId);
        await withTransaction(db, ({ tx }) => addMember(tx, request.params.id, request.body, ctx(request)));
        return reply.status(201).send(await one(request.params.id));
      },
    );

    app.delete(
      '/client-packages/:id/members/:clientId',
      {
        config: { access: { permission: 'packages.sell' } },
        schema: { tags, summary: 'Remove a family member from a package', params: memberParams },
      },
      async (request) => {
        await visiblePackage(requireActor(request), request.params.id);
        await withTransaction(db, ({ tx }) => removeMember(tx, request.params.id, request.params.clientId, ctx(request)));
        return one(request.params.id);
      },
    );

    app.get(
      '/client-packages/:id/refund-quote',
      {
        config: { access: { permission: 'packages.adjust' } },
        schema: {
          tags,
          summary: 'What a refund would give back now: unused sessions at their value, minus the business’s fee',
          params: idParams,
        },
      },
      async (request) => {
        const pkg = await visiblePackage(requireActor(request), request.params.id);
        const q = await quoteRefund(db, pkg, now());
        return { packageId: pkg.id, saleId: pkg.sale_id, saleLineId: pkg.sale_line_id, ...q };
      },
    );

    app.post(
      '/client-packages/:id/refund',
      {
        config: { access: { permission: 'packages.adjust' } },
        schema: {
          tags,
          summary: 'Refund a package opened outside checkout (one sold at checkout is refunded on its sale line)',
          params: idParams,
          body: reasonBody,
        },
      },
      async (request) => {
        await visiblePackage(requireActor(request), request.params.id);
        const quote = await withTransaction(db, ({ tx }) => refundOutsideCheckout(tx, request.params.id, request.body, ctx(request)));
        return { quote, package: await one(request.params.id) };
      },
    );

    app.get(
      '/clients/:id/package-recommendations',
      {
        config: { access: { permission: 'clients.read' } },
        schema: { tags, summary: 'Open package recommendations for a client (appointment drawer, checkout)', params: idParams },
      },
      async (request) => {
        await visibleClient(db, requireActor(request), request.params.id);
        return { data: await openRecommendations(db, request.params.id, request.lang) };
      },
    );

    app.post(
      '/package-recommendations/:id/dismiss',
      {
        config: { access: { permission: 'packages.sell' } },
        schema: { tags, summary: 'The client declined a recommendation', params: idParams },
      },
      async (request) => {
        const actor = requireActor(request);
        const rec = await db
          .selectFrom('package_recommendations')
          .select(['client_id', 'status'])
          .where('id', '=', request.params.id)
          .executeTakeFirst();
        if (!rec) throw PlatformErrors.not_found();
        await visibleClient(db, actor, rec.client_id);
        if (rec.status !== 'open') throw PlatformErrors.conflict();
        const c = ctx(request);
        await db
          .updateTable('package_recommendations')
          .set({ status: 'dismissed', dismissed_at: c.now })
          .where('id', '=', request.params.id)
          .where('status', '=', 'open')
          .execute();
        return { id: request.params.id, status: 'dismissed' };
      },
    );
  };
}
