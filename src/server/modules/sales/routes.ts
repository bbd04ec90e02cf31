import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTransaction } from '../../db/tx.js';
import type { Deps } from '../../deps.js';
import { assertStore, auditContext, requireActor } from '../../http/actor.js';
import { sendHtmlPage } from '../../http/security-headers.js';
import { PlatformErrors } from '../../platform/errors.js';
import { LANGUAGES } from '../../platform/i18n.js';
import { enqueueMessage } from '../../platform/notifications/index.js';
import { kindsDto } from './kinds-dto.js';
import { loadReceipt, receiptEmail, renderReceiptHtml, renderReceiptText } from './receipt.js';
import { findSale } from './repo.js';
import { settingsRoutes } from './routes-settings.js';
import {
  idParams,
  lineAdd,
  receiptQuery,
  refundCreate,
  saleComplete,
  saleCreate,
  saleListQuery,
  saleUpdate,
  voidCreate,
} from './schemas.js';
import { completeWithKey, listSales, loadSaleDto, refundWithKey, voidWithKey } from './service.js';
import { addLine, createTicket, discardTicket, loadStoreContext, removeLine, type SalesCtx, storeOfSale, updateTicket } from './ticket.js';

const tags = ['sales'];
const versionQuery = z.strictObject({ version: z.coerce.number().int().min(1) });
const idemKey = (request: FastifyRequest) => {
  const key = request.headers['idempotency-key'];
  return typeof key === 'string' ? key : undefined;
};

export function salesRoutes(deps: Deps): FastifyPluginAsyncZod {
  const db = deps.database.db;
  const now = () => deps.clock.now();
  const ctxOf = (request: FastifyRequest): SalesCtx => ({ ...auditContext(request, now()), actor: requireActor(request) });
  /** The sale's store, checked against the actor's stores before any work. */
  const saleStore = async (request: FastifyRequest, id: string) => {
    const storeId = await storeOfSale(db, id);
    assertStore(requireActor(request), storeId);
    return storeId;
  };

  return async (app) => {
    await app.register(settingsRoutes(deps));

    app.post(
      '/sales',
      {
        config: { access: { permission: 'sales.write' }, keepsIdentity: true },
        schema: { tags, summary: 'Open a ticket (walk-in, or from an appointment)', body: saleCreate },
      },
      async (request, reply) => {
        assertStore(requireActor(request), request.body.storeId);
        const id = await createTicket(db, request.body, ctxOf(request));
        return reply.status(201).send(await loadSaleDto(db, id, request.lang));
      },
    );

    app.get(
      '/sales',
      {
        config: { access: { permission: 'sales.read' } },
        schema: { tags, summary: 'Tickets and sales of a store (open ones are the parked tickets)', querystring: saleListQuery },
      },
      async (request) => {
        assertStore(requireActor(request), request.query.storeId);
        return listSales(db, request.query);
      },
    );

    app.get(
      '/sales/kinds',
      {
        config: { access: { permission: 'sales.read' } },
        schema: {
          tags,
          summary: 'Line kinds and tenders checkout offers at a store: labels, on or off, and the fields each needs',
          querystring: z.strictObject({ storeId: z.uuid() }),
        },
      },
      async (request) => {
        assertStore(requireActor(request), request.query.storeId);
        return kindsDto(db, request.query.storeId, request.lang);
      },
    );

    app.get(
      '/sales/:id',
      { config: { access: { permission: 'sales.read' } }, schema: { tags, summary: 'One ticket or sale', params: idParams } },
      async (request) => {
        await saleStore(request, request.params.id);
        return loadSaleDto(db, request.params.id, request.lang);
      },
    );

    app.patch(
      '/sales/:id',
      {
        config: { access: { permission: 'sales.write' }, keepsIdentity: true },
        schema: { tags, summary: 'Change an open ticket (send its version; lines replace all lines)', params: idParams, body: saleUpdate },
      },
      async (request) => {
        const storeId = await saleStore(request, request.params.id);
        await updateTicket(db, request.params.id, storeId, request.body, ctxOf(request));
        return loadSaleDto(db, request.params.id, request.lang);
      },
    );

    app.post(
      '/sales/:id/lines',
      {
        config: { access: { permission: 'sales.write' }, keepsIdentity: true },
        schema: { tags, summary: 'Add one line to an open ticket', params: idParams, body: lineAdd },
      },
      async (request, reply) => {
        const storeId = await saleStore(request, request.params.id);
        await addLine(db, request.params.id, storeId, request.body, ctxOf(request));
        return reply.status(201).send(await loadSaleDto(db, request.params.id, request.lang));
      },
    );

    app.delete(
      '/sales/:id/lines/:lineId',
      {
        config: { access: { permission: 'sales.write' }, keepsIdentity: true },
        schema: {
          tags,
          summary: 'Remove a line from an open ticket',
          params: z.object({ id: z.uuid(), lineId: z.uuid() }),
          querystring: versionQuery,
        },
      },
      async (request) => {
        await saleStore(request, request.params.id);
        await removeLine(db, request.params.id, request.params.lineId, request.query.version, ctxOf(request));
        return loadSaleDto(db, request.params.id, request.lang);
      },
    );

    app.delete(
      '/sales/:id',
      {
        config: { access: { permission: 'sales.write' }, keepsIdentity: true },
        schema: { tags, summary: 'Discard an open ticket', params: idParams, querystring: versionQuery },
      },
      async (request, reply) => {
        await saleStore(request, request.params.id);
        await discardTicket(db, request.params.id, request.query.version, ctxOf(request));
        return reply.status(204).send();
      },
    );

    app.post(
      '/sales/:id/complete',
      {
        config: { access: { permission: 'sales.write' }, keepsIdentity: true },
        schema: {
          tags,
          summary:
            'Take payment and complete the sale (Idempotency-Key required: a retry returns the first response and charges nothing twice)',
          params: idParams,
          body: saleComplete,
        },
      },
      async (request, reply) => {
        // The store is checked inside the transaction, on the locked sale (one query less at the peak).
        const res = await completeWithKey(db, request.params.id, request.body, ctxOf(request), {
          key: idemKey(request),
          lang: request.lang,
        });
        if (res.replayed) reply.header('idempotent-replayed', 'true');
        // The JSON already made for the idempotency record: not serialised a second time.
        return reply.status(res.status).type('application/json; charset=utf-8').send(res.json);
      },
    );

    app.post(
      '/sales/:id/refunds',
      {
        config: { access: { permission: 'sales.write' }, keepsIdentity: true },
        schema: {
          tags,
          summary: 'Refund lines, an amount, or everything left, to the original tenders (Idempotency-Key accepted)',
          params: idParams,
          body: refundCreate,
        },
      },
      async (request, reply) => {
        const storeId = await saleStore(request, request.params.id);
        const res = await refundWithKey(db, request.params.id, storeId, request.body, ctxOf(request), {
          key: idemKey(request),
          lang: request.lang,
        });
        if (res.replayed) reply.header('idempotent-replayed', 'true');
        return reply.status(res.status).send(res.body);
      },
    );

    app.post(
      '/sales/:id/void',
      {
        config: { access: { permission: 'sales.write' }, keepsIdentity: true },
        schema: {
          tags,
          summary: 'Void a sale before its shift closes, the day it was made (reverses everything, keeps the record)',
          params: idParams,
          body: voidCreate,
        },
      },
      async (request, reply) => {
        const storeId = await saleStore(request, request.params.id);
        const res = await voidWithKey(db, request.params.id, storeId, request.body, ctxOf(request), {
          key: idemKey(request),
          lang: request.lang,
        });
        if (res.replayed) reply.header('idempotent-replayed', 'true');
        return reply.status(res.status).send(res.body);
      },
    );

    app.get(
      '/sales/:id/receipt',
      {
        config: { access: { permission: 'sales.read' } },
        schema: {
          tags,
          summary: 'The receipt: 80 mm printable HTML, or plain text for ESC/POS printers (a refund’s with refundId)',
          params: idParams,
          querystring: receiptQuery,
        },
      },
      async (request, reply) => {
        await saleStore(request, request.params.id);
        const sale = await findSale(db, request.params.id);
        if (!sale?.receipt_code) throw PlatformErrors.not_found();
        const sc = await loadStoreContext(db, sale.store_id);
        const data = await loadReceipt(db, sale, sc, { lang: request.query.lang, refundId: request.query.refundId });
        if (request.query.format === 'text') return reply.type('text/plain; charset=utf-8').send(renderReceiptText(data));
        return sendHtmlPage(reply, renderReceiptHtml(data));
      },
    );

    app.post(
      '/sales/:id/receipt/email',
      {
        config: { access: { permission: 'sales.write' }, keepsIdentity: true },
        schema: {
          tags,
          summary: 'Email the receipt to the client (again)',
          params: idParams,
          body: z.strictObject({ lang: z.enum(LANGUAGES).optional() }),
        },
      },
      async (request, reply) => {
        await saleStore(request, request.params.id);
        const ctx = ctxOf(request);
        const queued = await withTransaction(db, async ({ tx, afterCommit }) => {
          const sale = await findSale(tx, request.params.id);
          if (!sale?.receipt_code) throw PlatformErrors.not_found();
          const message = await receiptEmail(tx, sale, await loadStoreContext(tx, sale.store_id), request.body.lang);
          if (!message) return false;
          await enqueueMessage(tx, message, ctx.now, afterCommit);
          return true;
        });
        return reply.status(202).send({ queued });
      },
    );
  };
}
