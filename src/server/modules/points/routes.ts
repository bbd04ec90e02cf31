import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Executor } from '../../db/tx.js';
import { withTransaction } from '../../db/tx.js';
import type { Deps } from '../../deps.js';
import { assertStore, auditContext, requireActor } from '../../http/actor.js';
import { decodeCursor, pageQuery, toPage } from '../../platform/pagination.js';
import { accountEntries, loadLedgerSettings, reportQuery, reportScope, toEntryDto, visibleClient } from '../ledgers/index.js';
import { centsForPoints } from './earn.js';
import { adjustPoints, findPoints } from './points.js';
import { pointsOutstanding } from './report.js';

const id = z.uuid();

export async function pointsSummary(db: Executor, clientId: string) {
  const [account, { settings }] = await Promise.all([findPoints(db, clientId), loadLedgerSettings(db)]);
  const balance = account?.balance ?? 0;
  const { pointsPerDollar, minPoints } = settings.points.redeem;
  return {
    enabled: settings.points.enabled,
    balance,
    worth: centsForPoints(balance, pointsPerDollar),
    pointsPerDollar,
    minPoints,
    accountId: account?.id ?? null,
  };
}

export function pointsRoutes(deps: Deps): FastifyPluginAsyncZod {
  const db = deps.database.db;
  return async (app) => {
    app.get(
      '/clients/:id/points',
      {
        config: { access: { permission: 'ledgers.read' } },
        schema: { tags: ['points'], summary: 'A client’s points and what they are worth', params: z.object({ id }) },
      },
      async (request) => {
        await visibleClient(db, requireActor(request), request.params.id);
        return pointsSummary(db, request.params.id);
      },
    );

    app.get(
      '/clients/:id/points/statement',
      {
        config: { access: { permission: 'ledgers.read' } },
        schema: {
          tags: ['points'],
          summary: 'Points history with the running balance, newest first',
          params: z.object({ id }),
          querystring: z.object(pageQuery),
        },
      },
      async (request) => {
        await visibleClient(db, requireActor(request), request.params.id);
        const account = await findPoints(db, request.params.id);
        if (!account) return { balance: 0, data: [], nextCursor: null };
        const cursor = decodeCursor(request.query.cursor);
        const rows = await accountEntries(db, account.id, request.query.limit, cursor && /^\d+$/.test(cursor) ? Number(cursor) : undefined);
        const page = toPage(rows, request.query.limit, (e) => String(e.seq));
        return { balance: account.balance, data: page.data.map(toEntryDto), nextCursor: page.nextCursor };
      },
    );

    app.post(
      '/clients/:id/points/adjustments',
      {
        config: { access: { permission: 'ledgers.adjust' } },
        schema: {
          tags: ['points'],
          summary: 'Manual points adjustment with a reason (audited)',
          params: z.object({ id }),
          body: z.strictObject({
            amount: z
              .number()
              .int()
              .min(-10_000_000)
              .max(10_000_000)
              .refine((n) => n !== 0, 'must not be 0'),
            reason: z.string().trim().min(3).max(500),
            storeId: id,
          }),
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        assertStore(actor, request.body.storeId);
        await visibleClient(db, actor, request.params.id);
        const ctx = auditContext(request, deps.clock.now());
        const out = await withTransaction(db, ({ tx }) => adjustPoints(tx, { clientId: request.params.id, ...request.body }, ctx));
        return reply.status(201).send(out);
      },
    );

    app.get(
      '/reports/points-outstanding',
      {
        config: { access: { permission: 'ledgers.read' } },
        schema: {
          tags: ['reports'],
          summary: 'Points outstanding and what they are worth, by the clients’ home store (?storeId, ?asOf)',
          querystring: reportQuery,
        },
      },
      async (request) => {
        const scope = reportScope(requireActor(request), request.query);
        const { settings } = await loadLedgerSettings(db);
        const report = await pointsOutstanding(db, { ...scope, pointsPerDollar: settings.points.redeem.pointsPerDollar });
        return { asOf: request.query.asOf ?? null, ...report };
      },
    );
  };
}
