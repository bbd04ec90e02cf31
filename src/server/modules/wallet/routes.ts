import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTransaction } from '../../db/tx.js';
import type { Deps } from '../../deps.js';
import { assertStore, auditContext, requireActor } from '../../http/actor.js';
import { sendHtmlPage } from '../../http/security-headers.js';
import { writeAudit } from '../../platform/audit.js';
import { isLanguage, LANGUAGES } from '../../platform/i18n.js';
import { runIdempotent } from '../../platform/idempotency.js';
import { isCurrency } from '../../platform/money.js';
import { decodeCursor, pageQuery } from '../../platform/pagination.js';
import { localDate, toZonedIso } from '../../platform/zoned-time.js';
import { clientRowName } from '../clients/index.js';
import { lastReminderDecision, loadLedgerSettings, reportQuery, reportScope, visibleClient } from '../ledgers/index.js';
import { storedValueLiability } from './liability.js';
import { setWalletStoreLimit, usableStores, walletStoreLimit } from './limits.js';
import { requestConfirmation, verifyConfirmation } from './otp.js';
import { activeRules, findWallet, lastTopUp, listRules, storeZone } from './repo.js';
import { createRule, toRuleDto, updateRule } from './rules.js';
import { adjustmentBody, otpRequest, otpVerify, ruleCreate, ruleUpdate } from './schemas.js';
import { topUpOffer } from './split.js';
import { fullStatement, statementCsv, statementHtml, walletStatement } from './statement.js';
import { adjustWallet, previewBonus } from './wallet.js';

const id = z.uuid();
const clientParams = z.object({ id });

export async function walletSummary(db: Parameters<typeof findWallet>[0], clientId: string) {
  const [wallet, last, { settings }, limit, reminder] = await Promise.all([
    findWallet(db, clientId),
    lastTopUp(db, clientId),
    loadLedgerSettings(db),
    walletStoreLimit(db, clientId),
    lastReminderDecision(db, clientId, { subject: 'wallet', subjectId: '' }),
  ]);
  const principal = wallet?.principal.balance ?? 0;
  const bonus = wallet?.bonus.balance ?? 0;
  return {
    principal,
    bonus,
    total: principal + bonus,
    lastTopUp: last
      ? { amount: last.principal, bonus: last.bonus, storeId: last.store_id, at: new Date(last.created_at).toISOString() }
      : null,
    /** Where this wallet can pay (null: every store): HQ's business-wide list and this wallet's own limit. */
    usableAtStoreIds: usableStores(settings.wallet.storeIds, limit?.storeIds ?? null),
    storeLimit: limit,
    spendOrder: settings.wallet.spendOrder,
    confirmation: settings.wallet.confirmation,
    /** The latest balance reminder decision: sent (channels) or not (skipped: why). */
    lastReminder: reminder,
  };
}

export function walletRoutes(deps: Deps): FastifyPluginAsyncZod {
  const db = deps.database.db;
  const now = () => deps.clock.now();
  return async (app) => {
    app.get(
      '/clients/:id/wallet',
      {
        config: { access: { permission: 'ledgers.read' } },
        schema: { tags: ['stored value'], summary: 'A client’s stored value: principal, bonus, last top-up', params: clientParams },
      },
      async (request) => {
        await visibleClient(db, requireActor(request), request.params.id);
        return walletSummary(db, request.params.id);
      },
    );

    app.get(
      '/clients/:id/wallet/statement',
      {
        config: { access: { permission: 'ledgers.read' } },
        schema: {
          tags: ['stored value'],
          summary: 'Statement: every posting with the running balance, newest first',
          params: clientParams,
          querystring: z.object(pageQuery),
        },
      },
      async (request) => {
        await visibleClient(db, requireActor(request), request.params.id);
        const cursor = decodeCursor(request.query.cursor);
        return walletStatement(db, request.params.id, request.query.limit, cursor && /^\d+$/.test(cursor) ? Number(cursor) : undefined);
      },
    );

    app.get(
      '/clients/:id/wallet/statement.csv',
      {
        config: { access: { permission: 'ledgers.read' } },
        schema: { tags: ['stored value'], summary: 'The whole statement as CSV', params: clientParams },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        await visibleClient(db, actor, request.params.id);
        const [rows, stores] = await Promise.all([
          fullStatement(db, request.params.id),
          db.selectFrom('stores').select(['id', 'name']).execute(),
        ]);
        await writeAudit(db, auditContext(request, now()), {
          action: 'wallet.statement.export',
          entityType: 'client',
          entityId: request.params.id,
          after: { rows: rows.length },
        });
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="stored-value-${request.params.id}.csv"`)
          .send(statementCsv(rows, new Map(stores.map((s) => [s.id, s.name]))));
      },
    );

    app.get(
      '/clients/:id/wallet/statement.html',
      {
        config: { access: { permission: 'ledgers.read' } },
        schema: {
          tags: ['stored value'],
          summary: 'The whole statement as a printable page (in ?lang=, else Accept-Language; dates in each store’s time zone)',
          params: clientParams,
          querystring: z.object({ lang: z.enum(LANGUAGES).optional() }),
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const client = await visibleClient(db, actor, request.params.id);
        const [rows, stores, business] = await Promise.all([
          fullStatement(db, request.params.id),
          db.selectFrom('stores').select(['id', 'name', 'time_zone']).execute(),
          db.selectFrom('business').select(['name', 'currency']).executeTakeFirst(),
        ]);
        const lang = request.query.lang ?? (isLanguage(request.lang) ? request.lang : 'en');
        const tz = stores.find((s) => s.id === client.home_store_id)?.time_zone ?? 'UTC';
        const html = statementHtml(rows, {
          timeZones: new Map(stores.map((s) => [s.id, s.time_zone])),
          homeTimeZone: tz,
          clientName: clientRowName(client),
          businessName: business?.name ?? '',
          currency: business && isCurrency(business.currency) ? business.currency : 'USD',
          lang,
          storeNames: new Map(stores.map((s) => [s.id, s.name])),
          printedAt: toZonedIso(now(), tz).slice(0, 16).replace('T', ' '),
        });
        return sendHtmlPage(reply, html);
      },
    );

    app.put(
      '/clients/:id/wallet/stores',
      {
        config: { access: { permission: 'ledgers.rules' } },
        schema: {
          tags: ['stored value'],
          summary: 'HQ limits this client’s stored value to some stores (null lifts it); reason required, audited',
          params: clientParams,
          body: z.strictObject({
            storeIds: z.array(id).min(1).max(500).nullable(),
            reason: z.string().trim().min(3).max(500),
            /** The limit's version (0 when there is none yet). */
            version: z.number().int().min(0),
          }),
        },
      },
      async (request) => {
        await visibleClient(db, requireActor(request), request.params.id);
        await withTransaction(db, ({ tx }) => setWalletStoreLimit(tx, request.params.id, request.body, auditContext(request, now())));
        return walletSummary(db, request.params.id);
      },
    );

    app.post(
      '/clients/:id/wallet/adjustments',
      {
        config: { access: { permission: 'ledgers.adjust' } },
        schema: {
          tags: ['stored value'],
          summary: 'Manual adjustment of principal or bonus, with a reason (audited; Idempotency-Key accepted)',
          params: clientParams,
          body: adjustmentBody,
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        assertStore(actor, request.body.storeId);
        await visibleClient(db, actor, request.params.id);
        const ctx = auditContext(request, now());
        const key = request.headers['idempotency-key'];
        const res = await runIdempotent(
          db,
          {
            scope: `wallet.adjust:${actor.staffId}`,
            key: typeof key === 'string' ? key : undefined,
            request: { clientId: request.params.id, ...request.body },
            now: ctx.now,
          },
          async ({ tx }) => ({ status: 201, body: await adjustWallet(tx, { clientId: request.params.id, ...request.body }, ctx) }),
        );
        return reply.status(res.status).send(res.body);
      },
    );

    app.post(
      '/clients/:id/wallet/confirmations',
      {
        config: { access: { permission: 'ledgers.read' } },
        schema: {
          tags: ['stored value'],
          summary: 'Send the client a one-time code to confirm a stored-value payment',
          params: clientParams,
          body: otpRequest,
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        assertStore(actor, request.body.storeId);
        await visibleClient(db, actor, request.params.id);
        const t = now();
        const out = await withTransaction(db, ({ tx, afterCommit }) =>
          requestConfirmation(tx, { clientId: request.params.id, ...request.body, actorId: actor.staffId, now: t }, afterCommit),
        );
        return reply.status(201).send(out);
      },
    );

    app.post(
      '/clients/:id/wallet/confirmations/:confirmationId/verify',
      {
        config: { access: { permission: 'ledgers.read' } },
        schema: {
          tags: ['stored value'],
          summary: 'Check the code the client read out',
          params: z.object({ id, confirmationId: id }),
          body: otpVerify,
        },
      },
      async (request) => {
        await visibleClient(db, requireActor(request), request.params.id);
        const out = await withTransaction(db, ({ tx }) =>
          verifyConfirmation(tx, {
            clientId: request.params.id,
            confirmationId: request.params.confirmationId,
            code: request.body.code,
            now: now(),
          }),
        );
        return out;
      },
    );

    app.get(
      '/clients/:id/wallet/offer',
      {
        config: { access: { permission: 'ledgers.read' } },
        schema: {
          tags: ['stored value'],
          summary: 'Can stored value pay this amount? If not, the top-up to offer with its bonus',
          params: clientParams,
          querystring: z.object({ storeId: id, amount: z.coerce.number().int().min(1).max(100_000_000) }),
        },
      },
      async (request) => {
        const actor = requireActor(request);
        assertStore(actor, request.query.storeId);
        await visibleClient(db, actor, request.params.id);
        const [summary, { settings }, rules, store] = await Promise.all([
          walletSummary(db, request.params.id),
          loadLedgerSettings(db),
          activeRules(db),
          storeZone(db, request.query.storeId),
        ]);
        const stores = usableStores(settings.wallet.storeIds, summary.storeLimit?.storeIds ?? null);
        const usable = !stores || stores.includes(request.query.storeId);
        const available = usable ? summary.total : 0;
        const shortfall = Math.max(0, request.query.amount - available);
        const ctx = {
          storeId: request.query.storeId,
          localDate: localDate(now(), store?.time_zone ?? 'UTC'),
          isFirstTopUp: summary.lastTopUp === null,
          cap: settings.wallet.storeRuleCap,
        };
        const offer = shortfall > 0 ? topUpOffer(Math.max(shortfall, settings.wallet.minTopUp), rules, ctx) : null;
        return { usable, available, amount: request.query.amount, covers: shortfall === 0, shortfall, offer };
      },
    );

    app.get(
      '/wallet/bonus-rules',
      { config: { access: { permission: 'ledgers.read' } }, schema: { tags: ['stored value'], summary: 'Top-up bonus rules' } },
      async () => ({ data: (await listRules(db)).map(toRuleDto), nextCursor: null }),
    );

    app.post(
      '/wallet/bonus-rules',
      {
        config: { access: { signedIn: true } },
        schema: {
          tags: ['stored value'],
          summary: 'Add a top-up bonus rule (HQ: ledgers.rules; a manager: own stores, under HQ’s cap)',
          body: ruleCreate,
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const out = await withTransaction(db, ({ tx }) => createRule(tx, actor, request.body, auditContext(request, now())));
        return reply.status(201).send(out);
      },
    );

    app.patch(
      '/wallet/bonus-rules/:id',
      {
        config: { access: { signedIn: true } },
        schema: {
          tags: ['stored value'],
          summary: 'Change a top-up bonus rule (send its version)',
          params: z.object({ id }),
          body: ruleUpdate,
        },
      },
      async (request) => {
        const actor = requireActor(request);
        return withTransaction(db, ({ tx }) => updateRule(tx, actor, request.params.id, request.body, auditContext(request, now())));
      },
    );

    app.get(
      '/wallet/bonus-preview',
      {
        config: { access: { permission: 'ledgers.read' } },
        schema: {
          tags: ['stored value'],
          summary: 'The bonus a top-up would get now',
          querystring: z.object({ storeId: id, amount: z.coerce.number().int().min(1).max(100_000_000), clientId: id.optional() }),
        },
      },
      async (request) => {
        const actor = requireActor(request);
        assertStore(actor, request.query.storeId);
        if (request.query.clientId) await visibleClient(db, actor, request.query.clientId);
        const { settings } = await loadLedgerSettings(db);
        const found = await previewBonus(
          db,
          { clientId: request.query.clientId ?? null, storeId: request.query.storeId, amount: request.query.amount, now: now() },
          settings.wallet,
        );
        return { amount: request.query.amount, bonus: found?.bonus ?? 0, ruleId: found?.ruleId ?? null, ruleName: found?.ruleName ?? null };
      },
    );

    app.get(
      '/reports/stored-value-liability',
      {
        config: { access: { permission: 'ledgers.read' } },
        schema: {
          tags: ['reports'],
          summary: 'Stored-value liability: principal vs bonus, by the store that sold it (?storeId, ?asOf, ?from/?to)',
          querystring: reportQuery,
        },
      },
      async (request) => {
        const scope = reportScope(requireActor(request), request.query);
        return { asOf: request.query.asOf ?? null, ...(await storedValueLiability(db, scope.storeIds, scope)) };
      },
    );
  };
}
