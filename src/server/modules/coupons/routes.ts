import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTransaction } from '../../db/tx.js';
import type { Deps } from '../../deps.js';
import { assertStore, auditContext, requireActor } from '../../http/actor.js';
import { PlatformErrors } from '../../platform/errors.js';
import { isLocalDate } from '../../platform/zoned-time.js';
import { reportQuery, reportScope, visibleClient } from '../ledgers/index.js';
import { maxDiscount } from './rules.js';
import { checkCoupon, couponDto, createCoupon, issueCoupon, updateCoupon } from './service.js';

const id = z.uuid();
const localDate = z.string().refine(isLocalDate, 'a date as YYYY-MM-DD');
const fields = {
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{3,40}$/, '3–40 letters, digits or dashes')
    .nullable()
    .optional(),
  name: z.string().trim().min(1).max(80),
  kind: z.enum(['amount', 'percent', 'free_service']),
  value: z.number().int().min(0).max(100_000_000),
  serviceId: id.nullable().optional(),
  maxDiscount: z.number().int().min(1).max(100_000_000).nullable().optional(),
  minSpend: z.number().int().min(0).max(100_000_000).optional(),
  startsOn: localDate.nullable().optional(),
  endsOn: localDate.nullable().optional(),
  storeIds: z.array(id).min(1).max(500).nullable().optional(),
  categoryIds: z.array(id).min(1).max(200).nullable().optional(),
  perClientLimit: z.number().int().min(1).max(1_000).nullable().optional(),
  totalLimit: z.number().int().min(1).max(10_000_000).nullable().optional(),
  /** Combines with other coupons on the ticket. */
  stackable: z.boolean().optional(),
  /** Combines with the member's tier discount (otherwise the tier discount steps aside for it). */
  stacksWithTier: z.boolean().optional(),
  /** Combines with discounts typed at the desk. */
  stacksWithManual: z.boolean().optional(),
  issuedOnly: z.boolean().optional(),
  active: z.boolean().optional(),
};
const couponCreate = z
  .strictObject(fields)
  .refine((c) => c.kind !== 'percent' || (c.value >= 1 && c.value <= 10_000), {
    message: 'a percent coupon is 1–10000 basis points',
    path: ['value'],
  })
  .refine((c) => c.kind !== 'amount' || c.value >= 1, { message: 'an amount coupon takes at least 1 cent off', path: ['value'] })
  .refine((c) => c.kind !== 'free_service' || !!c.serviceId, { message: 'a free-service coupon names its service', path: ['serviceId'] })
  .refine((c) => !c.startsOn || !c.endsOn || c.startsOn <= c.endsOn, { message: 'endsOn must not be before startsOn', path: ['endsOn'] })
  .refine((c) => !!c.code || !!c.issuedOnly, { message: 'a coupon without a code must be issued to clients (issuedOnly)', path: ['code'] });

export function couponRoutes(deps: Deps): FastifyPluginAsyncZod {
  const db = deps.database.db;
  const now = () => deps.clock.now();
  return async (app) => {
    app.get(
      '/coupons',
      { config: { access: { permission: 'ledgers.read' } }, schema: { tags: ['coupons'], summary: 'Coupon campaigns with their usage' } },
      async () => {
        const rows = await db.selectFrom('coupons').selectAll().orderBy('created_at', 'desc').execute();
        return { data: await Promise.all(rows.map((r) => couponDto(db, r))), nextCursor: null };
      },
    );

    app.post(
      '/coupons',
      {
        config: { access: { permission: 'ledgers.rules' } },
        schema: { tags: ['coupons'], summary: 'Add a coupon campaign', body: couponCreate },
      },
      async (request, reply) =>
        reply.status(201).send(await withTransaction(db, ({ tx }) => createCoupon(tx, request.body, auditContext(request, now())))),
    );

    app.get(
      '/coupons/:id',
      {
        config: { access: { permission: 'ledgers.read' } },
        schema: { tags: ['coupons'], summary: 'One coupon with its usage', params: z.object({ id }) },
      },
      async (request) => {
        const row = await db.selectFrom('coupons').selectAll().where('id', '=', request.params.id).executeTakeFirst();
        if (!row) throw PlatformErrors.not_found();
        return couponDto(db, row);
      },
    );

    app.patch(
      '/coupons/:id',
      {
        config: { access: { permission: 'ledgers.rules' } },
        schema: {
          tags: ['coupons'],
          summary: 'Change a coupon (send its version); a new total limit never goes below the uses made',
          params: z.object({ id }),
          body: z.strictObject({ version: z.number().int().min(1), ...z.object(fields).omit({ kind: true }).partial().shape }),
        },
      },
      async (request) => withTransaction(db, ({ tx }) => updateCoupon(tx, request.params.id, request.body, auditContext(request, now()))),
    );

    app.post(
      '/coupons/:id/issue',
      {
        config: { access: { permission: 'ledgers.adjust' } },
        schema: {
          tags: ['coupons'],
          summary: 'Issue the coupon to clients (uses each)',
          params: z.object({ id }),
          body: z.strictObject({ clientIds: z.array(id).min(1).max(5_000), uses: z.number().int().min(1).max(100).default(1) }),
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        if (!actor.allStores) for (const c of request.body.clientIds) await visibleClient(db, actor, c);
        return reply
          .status(201)
          .send(
            await withTransaction(db, ({ tx }) =>
              issueCoupon(tx, request.params.id, request.body.clientIds, request.body.uses, auditContext(request, now())),
            ),
          );
      },
    );

    app.post(
      '/coupons/check',
      {
        config: { access: { permission: 'ledgers.read' } },
        schema: {
          tags: ['coupons'],
          summary: 'Does this coupon apply to this ticket, and how much does it take off?',
          body: z.strictObject({
            code: z.string().trim().min(1).max(60),
            storeId: id,
            clientId: id.nullable().optional(),
            base: z.number().int().min(0).max(100_000_000),
          }),
        },
      },
      async (request) => {
        const actor = requireActor(request);
        assertStore(actor, request.body.storeId);
        if (request.body.clientId) await visibleClient(db, actor, request.body.clientId);
        const coupon = await checkCoupon(db, request.body.code, {
          storeId: request.body.storeId,
          clientId: request.body.clientId ?? null,
          base: request.body.base,
          now: now(),
        });
        return {
          applicable: true,
          couponId: coupon.id,
          name: coupon.name,
          kind: coupon.kind,
          discount: maxDiscount(coupon, request.body.base),
          stackable: coupon.stackable,
          stacksWithTier: coupon.stacksWithTier,
          stacksWithManual: coupon.stacksWithManual,
          categoryIds: coupon.categoryIds,
        };
      },
    );

    app.get(
      '/reports/coupon-usage',
      {
        config: { access: { permission: 'ledgers.read' } },
        schema: {
          tags: ['reports'],
          summary: 'Coupon usage: uses and discount given, by coupon and store (?storeId, ?from/?to)',
          querystring: reportQuery,
        },
      },
      async (request) => {
        const scope = reportScope(requireActor(request), request.query);
        let q = db
          .selectFrom('coupon_redemptions as r')
          .innerJoin('coupons as c', 'c.id', 'r.coupon_id')
          .select(['r.coupon_id', 'c.name', 'c.code', 'r.store_id'])
          .select((eb) => [eb.fn.countAll<number>().as('uses'), eb.fn.sum<number>('r.discount').as('discount')])
          .where('r.status', '=', 'applied');
        if (scope.storeIds) q = q.where('r.store_id', 'in', scope.storeIds.length ? scope.storeIds : ['']);
        if (scope.from !== undefined) q = q.where('r.created_at', '>=', scope.from);
        if (scope.to !== undefined) q = q.where('r.created_at', '<', scope.to);
        const rows = await q.groupBy(['r.coupon_id', 'c.name', 'c.code', 'r.store_id']).execute();
        return {
          data: rows.map((r) => ({
            couponId: r.coupon_id,
            name: r.name,
            code: r.code,
            storeId: r.store_id,
            uses: Number(r.uses),
            discount: Number(r.discount),
          })),
        };
      },
    );
  };
}
