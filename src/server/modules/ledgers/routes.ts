import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTransaction } from '../../db/tx.js';
import type { Deps } from '../../deps.js';
import { assertStore, auditContext, requireActor } from '../../http/actor.js';
import { PlatformErrors } from '../../platform/errors.js';
import { decodeCursor, pageQuery, toPage } from '../../platform/pagination.js';
import { clientBalances, visibleClient } from './balances.js';
import { reconcile } from './reconcile.js';
import { accountEntries, findAccountById, type LedgerEntry } from './repo.js';
import { ledgerSettings, loadLedgerSettings, saveLedgerSettings } from './settings.js';

const id = z.uuid();

/** An entry as the API shows it. */
export function toEntryDto(e: LedgerEntry) {
  return {
    id: e.id,
    seq: e.seq,
    kind: e.kind,
    amount: e.amount,
    balanceAfter: e.balance_after,
    refType: e.ref_type,
    refId: e.ref_id,
    groupId: e.group_id,
    storeId: e.store_id,
    actorId: e.actor_id,
    reason: e.reason,
    meta: e.meta ? (JSON.parse(e.meta) as unknown) : null,
    at: new Date(e.created_at).toISOString(),
  };
}

export function ledgerRoutes(deps: Deps): FastifyPluginAsyncZod {
  const db = deps.database.db;
  return async (app) => {
    app.get(
      '/ledgers/settings',
      {
        config: { access: { permission: 'ledgers.read' } },
        schema: { tags: ['ledgers'], summary: 'Stored value, gift card, points, tier and reminder settings' },
      },
      async () => loadLedgerSettings(db),
    );

    app.put(
      '/ledgers/settings',
      {
        config: { access: { permission: 'ledgers.rules' } },
        schema: {
          tags: ['ledgers'],
          summary: 'Replace the settings (send the version you read; 0 when none were saved)',
          body: z.strictObject({ version: z.number().int().min(0), settings: ledgerSettings }),
        },
      },
      async (request) =>
        withTransaction(db, ({ tx }) =>
          saveLedgerSettings(tx, request.body.settings, request.body.version, auditContext(request, deps.clock.now())),
        ),
    );

    app.get(
      '/ledgers/reconcile',
      {
        config: { access: { permission: 'ledgers.read' } },
        schema: { tags: ['ledgers'], summary: 'Prove that every balance equals the sum of its entries (also `npm run reconcile`)' },
      },
      async () => reconcile(db),
    );

    app.get(
      '/clients/:id/balances',
      {
        config: { access: { permission: 'ledgers.read' } },
        schema: {
          tags: ['ledgers'],
          summary: 'Every balance of a client: stored value, points, gift cards, coupons, tier',
          params: z.object({ id }),
          querystring: z.object({ storeId: id.optional() }),
        },
      },
      async (request) => {
        const actor = requireActor(request);
        if (request.query.storeId) assertStore(actor, request.query.storeId);
        await visibleClient(db, actor, request.params.id);
        return clientBalances(db, request.params.id, { storeId: request.query.storeId ?? null, now: deps.clock.now() });
      },
    );

    app.get(
      '/ledgers/accounts/:id/entries',
      {
        config: { access: { permission: 'ledgers.read' } },
        schema: {
          tags: ['ledgers'],
          summary: 'One account’s entries, newest first, each with the balance it left',
          params: z.object({ id }),
          querystring: z.object(pageQuery),
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const account = await findAccountById(db, request.params.id);
        if (!account) throw PlatformErrors.not_found();
        if (account.owner_type === 'client') await visibleClient(db, actor, account.owner_id);
        const cursor = decodeCursor(request.query.cursor);
        const before = cursor && /^\d+$/.test(cursor) ? Number(cursor) : undefined;
        const rows = await accountEntries(db, account.id, request.query.limit, before);
        const page = toPage(rows, request.query.limit, (e) => String(e.seq));
        return {
          account: { id: account.id, kind: account.kind, unit: account.unit, balance: account.balance },
          data: page.data.map(toEntryDto),
          nextCursor: page.nextCursor,
        };
      },
    );
  };
}
