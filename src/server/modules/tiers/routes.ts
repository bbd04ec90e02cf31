import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Executor, withTransaction } from '../../db/tx.js';
import type { Deps } from '../../deps.js';
import { auditContext, requireActor } from '../../http/actor.js';
import { loadLedgerSettings, visibleClient } from '../ledgers/index.js';
import { nextTier } from './rules.js';
import { createTier, currentTier, listTiers, qualifyingOf, setTierManually, toTierDto, updateTier } from './service.js';

const id = z.uuid();
const translations = z.strictObject({
  en: z.string().max(60).optional(),
  'zh-CN': z.string().max(60).optional(),
  'zh-TW': z.string().max(60).optional(),
});
const tierFields = {
  name: z.string().trim().min(1).max(60),
  nameTranslations: translations.optional(),
  rank: z.number().int().min(1).max(100),
  threshold: z.number().int().min(0).max(1_000_000_000),
  discounts: z
    .array(z.strictObject({ categoryId: z.uuid().nullable(), percentBp: z.number().int().min(0).max(10_000) }))
    .max(200)
    .optional(),
  pointsMultiplierBp: z.number().int().min(0).max(100_000).optional(),
  birthdayGift: z
    .strictObject({ couponId: z.uuid().optional(), note: z.string().max(200).optional() })
    .nullable()
    .optional(),
  active: z.boolean().optional(),
};

export async function tierSummary(db: Executor, clientId: string, now: number) {
  const [{ settings }, tiers, current] = await Promise.all([loadLedgerSettings(db), listTiers(db), currentTier(db, clientId)]);
  const qualifying = await qualifyingOf(db, clientId, now, settings.tiers);
  const next = nextTier(tiers, current.tier, qualifying);
  return {
    tier: current.tier
      ? {
          id: current.tier.id,
          name: current.tier.name,
          nameTranslations: current.tier.nameTranslations,
          rank: current.tier.rank,
          discounts: current.tier.discounts,
          pointsMultiplierBp: current.tier.pointsMultiplierBp,
        }
      : null,
    since: current.since === null ? null : new Date(current.since).toISOString(),
    basis: settings.tiers.basis,
    qualifying,
    next: next ? { tierId: next.tier.id, name: next.tier.name, needed: next.needed } : null,
  };
}

export function tierRoutes(deps: Deps): FastifyPluginAsyncZod {
  const db = deps.database.db;
  const now = () => deps.clock.now();
  return async (app) => {
    app.get(
      '/tiers',
      { config: { access: { permission: 'ledgers.read' } }, schema: { tags: ['tiers'], summary: 'Membership tiers, lowest first' } },
      async () => ({
        data: (await db.selectFrom('tiers').selectAll().orderBy('rank').execute()).map(toTierDto),
        nextCursor: null,
      }),
    );

    app.post(
      '/tiers',
      {
        config: { access: { permission: 'ledgers.rules' } },
        schema: { tags: ['tiers'], summary: 'Add a tier', body: z.strictObject(tierFields) },
      },
      async (request, reply) =>
        reply.status(201).send(await withTransaction(db, ({ tx }) => createTier(tx, request.body, auditContext(request, now())))),
    );

    app.patch(
      '/tiers/:id',
      {
        config: { access: { permission: 'ledgers.rules' } },
        schema: {
          tags: ['tiers'],
          summary: 'Change a tier (send its version)',
          params: z.object({ id }),
          body: z.strictObject({ version: z.number().int().min(1), ...z.object(tierFields).partial().shape }),
        },
      },
      async (request) => withTransaction(db, ({ tx }) => updateTier(tx, request.params.id, request.body, auditContext(request, now()))),
    );

    app.get(
      '/clients/:id/tier',
      {
        config: { access: { permission: 'ledgers.read' } },
        schema: { tags: ['tiers'], summary: 'A client’s tier, rolling qualifying amount, next tier and history', params: z.object({ id }) },
      },
      async (request) => {
        await visibleClient(db, requireActor(request), request.params.id);
        const summary = await tierSummary(db, request.params.id, now());
        const history = await db
          .selectFrom('tier_history')
          .selectAll()
          .where('client_id', '=', request.params.id)
          .orderBy('created_at', 'desc')
          .orderBy('id', 'desc')
          .limit(100)
          .execute();
        return {
          ...summary,
          history: history.map((h) => ({
            from: h.from_tier_id,
            to: h.to_tier_id,
            reason: h.reason,
            qualifying: h.qualifying,
            actorId: h.actor_id,
            at: new Date(h.created_at).toISOString(),
          })),
        };
      },
    );

    app.put(
      '/clients/:id/tier',
      {
        config: { access: { permission: 'ledgers.adjust' } },
        schema: {
          tags: ['tiers'],
          summary: 'Set a client’s tier by hand (audited)',
          params: z.object({ id }),
          body: z.strictObject({ tierId: id.nullable(), reason: z.string().trim().min(3).max(500) }),
        },
      },
      async (request) => {
        await visibleClient(db, requireActor(request), request.params.id);
        return withTransaction(db, ({ tx }) =>
          setTierManually(tx, request.params.id, request.body.tierId, request.body.reason, auditContext(request, now())),
        );
      },
    );
  };
}
