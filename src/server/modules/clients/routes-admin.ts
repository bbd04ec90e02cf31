import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTransaction } from '../../db/tx.js';
import type { Deps } from '../../deps.js';
import { assertStore, auditContext, requireActor } from '../../http/actor.js';
import type { FieldCipher } from '../../platform/crypto.js';
import { exportBusinessZip } from './business-export.js';
import { clientCard, loadVisibleClient } from './card.js';
import { customFieldCreate, customFieldUpdate } from './custom-fields.js';
import { exportClientsCsv } from './export-csv.js';
import { createField, listFields, updateField } from './fields-service.js';
import { listDuplicatePairs, mergeClients, mergePreview } from './merge.js';
import { idParams, mergeBody } from './schemas.js';

// Custom field definitions (HQ), duplicates and merge, and the exports.

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function adminRoutes(deps: Deps, cipher: FieldCipher): FastifyPluginAsyncZod {
  const db = deps.database.db;
  const ctx = (request: FastifyRequest) => auditContext(request, deps.clock.now());
  return async (app) => {
    app.get(
      '/custom-fields',
      {
        config: { access: { permission: 'clients.read' } },
        schema: {
          tags: ['clients'],
          summary: 'Custom client fields defined by HQ',
          querystring: z.object({ includeArchived: z.enum(['true', 'false']).optional() }),
        },
      },
      async (request) => ({ data: await listFields(db, request.query.includeArchived === 'true'), nextCursor: null }),
    );

    app.post(
      '/custom-fields',
      {
        config: { access: { permission: 'clients.fields' } },
        schema: { tags: ['clients'], summary: 'Define a custom client field', body: customFieldCreate },
      },
      async (request, reply) => reply.status(201).send(await withTransaction(db, ({ tx }) => createField(tx, request.body, ctx(request)))),
    );

    app.patch(
      '/custom-fields/:id',
      {
        config: { access: { permission: 'clients.fields' } },
        schema: {
          tags: ['clients'],
          summary: 'Change a custom field (send its version; the type is fixed)',
          params: idParams,
          body: customFieldUpdate,
        },
      },
      async (request) => withTransaction(db, ({ tx }) => updateField(tx, request.params.id, request.body, ctx(request))),
    );

    app.get(
      '/clients/duplicates',
      {
        config: { access: { permission: 'clients.merge' } },
        schema: {
          tags: ['clients'],
          summary: 'Likely duplicate pairs: same phone, same email, same name and birthday',
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
        },
      },
      async (request) => listDuplicatePairs(db, requireActor(request), request.query.limit),
    );

    app.get(
      '/clients/merge/preview',
      {
        config: { access: { permission: 'clients.merge' } },
        schema: {
          tags: ['clients'],
          summary: 'What merging two clients would move, before confirming',
          querystring: z.object({ keepId: z.uuid(), mergeId: z.uuid() }),
        },
      },
      async (request) => mergePreview(db, requireActor(request), request.query.keepId, request.query.mergeId),
    );

    app.post(
      '/clients/merge',
      {
        config: { access: { permission: 'clients.merge' } },
        schema: { tags: ['clients'], summary: 'Merge mergeId into keepId (send both versions)', body: mergeBody },
      },
      async (request) => {
        const actor = requireActor(request);
        const c = ctx(request);
        return withTransaction(db, async ({ tx }) => {
          const result = await mergeClients(tx, actor, request.body, cipher, c);
          const card = await clientCard(tx, actor, await loadVisibleClient(tx, actor, result.keepId), cipher, c, {
            auditHealthRead: false,
          });
          return { client: card, moved: result.moved, filled: result.filled };
        });
      },
    );

    app.get(
      '/clients/export.csv',
      {
        config: { access: { permission: 'clients.export' } },
        schema: {
          tags: ['clients'],
          summary: "Clients as CSV in Orchid's import template columns",
          querystring: z.object({ storeId: z.uuid().optional() }),
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        if (request.query.storeId) assertStore(actor, request.query.storeId);
        const c = ctx(request);
        const { csv } = await withTransaction(db, ({ tx }) => exportClientsCsv(tx, actor, { storeId: request.query.storeId }, c));
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="clients-${day(c.now)}.csv"`)
          .header('cache-control', 'no-store')
          .send(csv);
      },
    );

    app.get(
      '/export/business.zip',
      {
        config: { access: { permission: 'data.export' } },
        schema: { tags: ['export'], summary: 'Everything the business owns, one CSV per table, in a zip (owner)' },
      },
      async (request, reply) => {
        const c = ctx(request);
        const { zip } = await withTransaction(db, ({ tx }) => exportBusinessZip(tx, deps.database.dialect, c));
        return reply
          .type('application/zip')
          .header('content-disposition', `attachment; filename="orchid-export-${day(c.now)}.zip"`)
          .header('cache-control', 'no-store')
          .send(Buffer.from(zip));
      },
    );
  };
}
