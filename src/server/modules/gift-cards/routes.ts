import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Executor } from '../../db/tx.js';
import { withTransaction } from '../../db/tx.js';
import type { Deps } from '../../deps.js';
import { type Actor, assertStore, auditContext, requireActor } from '../../http/actor.js';
import { timingSafeEqualStr } from '../../platform/crypto.js';
import { AppError, PlatformErrors } from '../../platform/errors.js';
import { decodeCursor, pageQuery, toPage } from '../../platform/pagination.js';
import { hit, retryAfter } from '../../platform/rate-limit.js';
import { allAccountEntries, reportQuery, reportScope, toEntryDto, visibleClient } from '../ledgers/index.js';
import { adjustCard, balanceOf, cardByCode, findCard, type GiftCardRow, replaceCard, statusOf, toCardDto } from './cards.js';
import { checkCode, displayCode, generateCode, hashCode } from './code.js';
import { GiftCardErrors } from './errors.js';
import { giftCardLiability } from './liability.js';

const id = z.uuid();
// Misses on the public balance page per client IP: 10 per 15 minutes, shared by every app server.
const PUBLIC_MISSES = { limit: 10, windowMs: 15 * 60_000 };
const DUMMY_HASH = hashCode('not-a-card');

/**
 * A card by id as staff may see it: like clients, a card belongs to the whole business (it is redeemable
 * in every store, and a card in hand is looked up by its number anywhere), but browsing by id follows the
 * store rule: sold or used at one of the actor's stores, or held by a client she sees. Otherwise 404.
 */
async function visibleCard(db: Executor, actor: Actor, id: string): Promise<GiftCardRow> {
  const card = await findCard(db, id);
  if (!card) throw PlatformErrors.not_found();
  if (actor.allStores || actor.storeIds.includes(card.store_id)) return card;
  const usedHere =
    actor.storeIds.length > 0 &&
    (await db
      .selectFrom('ledger_entries')
      .select('id')
      .where('account_id', '=', card.account_id)
      .where('store_id', 'in', [...actor.storeIds])
      .limit(1)
      .executeTakeFirst());
  if (usedHere) return card;
  if (card.client_id) {
    await visibleClient(db, actor, card.client_id);
    return card;
  }
  throw PlatformErrors.not_found();
}

/** The business's name, shown on the public page (there is one business per installation). */
const businessName = async (db: Executor) => (await db.selectFrom('business').select('name').executeTakeFirst())?.name ?? '';

export function giftCardRoutes(deps: Deps): FastifyPluginAsyncZod {
  const db = deps.database.db;
  const now = () => deps.clock.now();
  return async (app) => {
    app.get(
      '/gift-cards/new-code',
      {
        config: { access: { permission: 'ledgers.read' } },
        schema: { tags: ['gift cards'], summary: 'A fresh unguessable code (with its check character) to sell a card with' },
      },
      async () => {
        const code = generateCode();
        return { code, display: displayCode(code) };
      },
    );

    app.post(
      '/gift-cards/lookup',
      {
        config: { access: { permission: 'ledgers.read' } },
        schema: {
          tags: ['gift cards'],
          summary: 'Front desk balance check by card number',
          body: z.strictObject({ code: z.string().trim().min(1).max(60) }),
        },
      },
      async (request) => {
        const check = checkCode(request.body.code);
        if (!check.ok) throw GiftCardErrors.gift_card_code_invalid();
        const card = await cardByCode(db, request.body.code);
        if (!card) throw GiftCardErrors.gift_card_not_found();
        return toCardDto(card, await balanceOf(db, card), now());
      },
    );

    app.get(
      '/gift-cards',
      {
        config: { access: { permission: 'ledgers.read' } },
        schema: {
          tags: ['gift cards'],
          summary: 'Gift cards sold at my stores, newest first',
          querystring: z.object({ ...pageQuery, storeId: id.optional(), clientId: id.optional() }),
        },
      },
      async (request) => {
        const actor = requireActor(request);
        if (request.query.storeId) assertStore(actor, request.query.storeId);
        let q = db
          .selectFrom('gift_cards as g')
          .innerJoin('ledger_accounts as a', 'a.id', 'g.account_id')
          .selectAll('g')
          .select('a.balance');
        if (request.query.storeId) q = q.where('g.store_id', '=', request.query.storeId);
        else if (!actor.allStores) q = q.where('g.store_id', 'in', actor.storeIds.length ? [...actor.storeIds] : ['']);
        if (request.query.clientId) q = q.where('g.client_id', '=', request.query.clientId);
        const cursor = decodeCursor(request.query.cursor);
        if (cursor) q = q.where('g.id', '<', cursor);
        const rows = await q
          .orderBy('g.id', 'desc')
          .limit(request.query.limit + 1)
          .execute();
        const page = toPage(rows, request.query.limit, (r) => r.id);
        const t = now();
        return { data: page.data.map((r) => toCardDto(r, r.balance, t)), nextCursor: page.nextCursor };
      },
    );

    app.get(
      '/gift-cards/:id',
      {
        config: { access: { permission: 'ledgers.read' } },
        schema: { tags: ['gift cards'], summary: 'One gift card with its entries', params: z.object({ id }) },
      },
      async (request) => {
        const card = await visibleCard(db, requireActor(request), request.params.id);
        const entries = await allAccountEntries(db, card.account_id);
        return { ...toCardDto(card, await balanceOf(db, card), now()), entries: entries.reverse().map(toEntryDto) };
      },
    );

    app.post(
      '/gift-cards/:id/adjustments',
      {
        config: { access: { permission: 'ledgers.adjust' } },
        schema: {
          tags: ['gift cards'],
          summary: 'Manual adjustment with a reason (audited)',
          params: z.object({ id }),
          body: z.strictObject({
            amount: z
              .number()
              .int()
              .min(-100_000_000)
              .max(100_000_000)
              .refine((n) => n !== 0, 'must not be 0'),
            reason: z.string().trim().min(3).max(500),
            storeId: id,
          }),
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        assertStore(actor, request.body.storeId);
        const ctx = auditContext(request, now());
        const out = await withTransaction(db, async ({ tx }) => {
          const card = await visibleCard(tx, actor, request.params.id);
          const status = statusOf(card, ctx.now);
          if (status === 'replaced') throw GiftCardErrors.gift_card_replaced();
          if (status === 'void') throw GiftCardErrors.gift_card_inactive();
          const balance = await adjustCard(tx, card, request.body, ctx);
          return toCardDto(card, balance, ctx.now);
        });
        return reply.status(201).send(out);
      },
    );

    app.post(
      '/gift-cards/:id/replace',
      {
        config: { access: { permission: 'ledgers.adjust' } },
        schema: {
          tags: ['gift cards'],
          summary: 'Replace a lost card: its balance moves to a new card (a scanned blank, or a generated code), with a reason (audited)',
          params: z.object({ id }),
          body: z.strictObject({
            /** The new card's number (scanned from a blank card); omitted: a code is generated and returned once. */
            code: z.string().trim().min(1).max(60).optional(),
            reason: z.string().trim().min(3).max(500),
            storeId: id,
          }),
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        assertStore(actor, request.body.storeId);
        const ctx = auditContext(request, now());
        const code = request.body.code ?? generateCode();
        const out = await withTransaction(db, async ({ tx }) => {
          const card = await visibleCard(tx, actor, request.params.id);
          const replaced = await replaceCard(tx, card, { code, reason: request.body.reason, storeId: request.body.storeId }, ctx);
          const old = (await findCard(tx, card.id))!;
          return {
            replaced: toCardDto(old, 0, ctx.now),
            card: toCardDto(replaced.card, replaced.moved, ctx.now),
            moved: replaced.moved,
            // Shown once, to hand to the client: the code itself is never stored.
            ...(request.body.code ? {} : { code, display: displayCode(code) }),
          };
        });
        return reply.status(201).send(out);
      },
    );

    app.get(
      '/public/gift-cards/brand',
      {
        config: { access: { public: true } },
        schema: { tags: ['gift cards'], summary: 'The business name shown on the public balance page' },
      },
      async () => ({ businessName: await businessName(db) }),
    );

    app.get(
      '/public/gift-cards/:code/balance',
      {
        config: { access: { public: true }, rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          tags: ['gift cards'],
          summary: 'Public balance check (rate-limited; 404 for an unknown code)',
          params: z.object({ code: z.string().max(80) }),
        },
      },
      async (request) => {
        const t = now();
        const key = `gift-card-balance:${request.ip}`;
        const wait = await retryAfter(db, key, PUBLIC_MISSES, t);
        if (wait > 0) throw new AppError('rate_limited', 429, { seconds: wait }, [], { 'retry-after': String(wait) });
        const check = checkCode(request.params.code);
        const hash = check.ok ? hashCode(check.code) : DUMMY_HASH;
        const card = await db.selectFrom('gift_cards').selectAll().where('code_hash', '=', hash).executeTakeFirst();
        // One constant-time comparison whether or not a row came back.
        const match = timingSafeEqualStr(card?.code_hash ?? DUMMY_HASH, hash) && check.ok && card !== undefined;
        if (!match || !card) {
          await hit(db, key, PUBLIC_MISSES, t);
          throw GiftCardErrors.gift_card_not_found();
        }
        // A hit does not reset the miss counter: otherwise one real card would unlock endless guessing.
        const status = statusOf(card, t);
        return {
          businessName: await businessName(db),
          last4: card.code_last4,
          status,
          // A replaced card says so, never which card took its place.
          replaced: status === 'replaced',
          balance: status === 'void' || status === 'replaced' ? 0 : await balanceOf(db, card),
          currency:
            (await db.selectFrom('stores').select('currency').where('id', '=', card.store_id).executeTakeFirst())?.currency ?? 'USD',
          expiresAt: card.expires_at === null ? null : new Date(card.expires_at).toISOString(),
        };
      },
    );

    app.get(
      '/reports/gift-card-liability',
      {
        config: { access: { permission: 'ledgers.read' } },
        schema: {
          tags: ['reports'],
          summary: 'Gift card liability: sold, redeemed, outstanding, by store (?storeId, ?from/?to, ?asOf)',
          querystring: reportQuery,
        },
      },
      async (request) => {
        const scope = reportScope(requireActor(request), request.query);
        return { asOf: request.query.asOf ?? null, ...(await giftCardLiability(db, { ...scope, now: now() })) };
      },
    );
  };
}
