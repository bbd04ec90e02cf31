import fastifyMultipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../deps.js';
import { auditContext, requireActor } from '../../../http/actor.js';
import { decodeCursor, pageQuery, toPage } from '../../../platform/pagination.js';
import { unreadable } from './errors.js';
import { reportCsv } from './report.js';
import { importParams, MAX_IMPORT_BYTES, mappingBody, uploadQuery } from './schemas.js';
import { createImport, dryRun, getImport, setMapping, startRun, toImportDto } from './service.js';

const access = { access: { permission: 'clients.import' as const } };
const tags = ['clients import'];

/**
 * Client CSV import: upload → mapping → dry run → run (background job) → progress → report.
 * The upload takes the file either as `multipart/form-data` (field `file`) or as the raw request body
 * (any content type, e.g. `text/csv`), at most 20 MB.
 */
export function clientImportRoutes(deps: Deps): FastifyPluginAsyncZod {
  const db = deps.database.db;
  const ctx = (request: FastifyRequest) => auditContext(request, deps.clock.now());
  return async (app) => {
    // The upload lives in its own scope: every content type is read as bytes (the file is sniffed, not
    // trusted by its label), and multipart is parsed only here.
    await app.register(async (upload) => {
      upload.removeAllContentTypeParsers();
      upload.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES }, (_req, body, done) => done(null, body));
      await upload.register(fastifyMultipart, { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 10, parts: 12 } });
      upload.withTypeProvider<import('fastify-type-provider-zod').ZodTypeProvider>().post(
        '/clients/import',
        {
          config: access,
          bodyLimit: MAX_IMPORT_BYTES + 64 * 1024,
          schema: {
            tags,
            summary: 'Upload a client CSV (multipart field `file`, or the raw body): detects encoding, delimiter and preset',
            querystring: uploadQuery,
          },
        },
        async (request, reply) => {
          const actor = requireActor(request);
          let bytes: Buffer;
          let fileName = request.query.fileName ?? null;
          if (request.isMultipart()) {
            const part = await request.file();
            if (!part) throw unreadable('empty');
            bytes = await part.toBuffer();
            fileName = part.filename || fileName;
          } else {
            bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
          }
          return reply.status(201).send(await createImport(deps, actor, { storeId: request.query.storeId, fileName, bytes }, ctx(request)));
        },
      );
    });

    app.get(
      '/clients/import',
      {
        config: access,
        schema: { tags, summary: 'Recent imports of my stores', querystring: z.object({ storeId: z.uuid().optional(), ...pageQuery }) },
      },
      async (request) => {
        const actor = requireActor(request);
        const { storeId, limit, cursor } = request.query;
        const after = decodeCursor(cursor);
        let q = db
          .selectFrom('client_imports')
          .selectAll()
          .orderBy('id', 'desc')
          .limit(limit + 1);
        if (storeId) q = q.where('store_id', '=', storeId);
        if (!actor.allStores) q = q.where('store_id', 'in', actor.storeIds.length ? actor.storeIds : ['-']);
        if (after) q = q.where('id', '<', after);
        const page = toPage(await q.execute(), limit, (r) => r.id);
        return { data: page.data.map(toImportDto), nextCursor: page.nextCursor };
      },
    );

    app.get(
      '/clients/import/:id',
      { config: access, schema: { tags, summary: 'An import: status and progress', params: importParams } },
      async (request) => getImport(deps, requireActor(request), request.params.id),
    );

    app.put(
      '/clients/import/:id/mapping',
      {
        config: access,
        schema: {
          tags,
          summary: 'Set the column mapping, date format, name order, duplicate policy, encoding',
          params: importParams,
          body: mappingBody,
        },
      },
      async (request) => setMapping(deps, requireActor(request), request.params.id, request.body, ctx(request)),
    );

    app.post(
      '/clients/import/:id/dry-run',
      { config: access, schema: { tags, summary: 'What a run would do, row by row, without writing anything', params: importParams } },
      async (request) => dryRun(deps, requireActor(request), request.params.id, request.lang),
    );

    app.post(
      '/clients/import/:id/run',
      { config: access, schema: { tags, summary: 'Run the import as a background job (poll GET for progress)', params: importParams } },
      async (request, reply) => reply.status(202).send(await startRun(deps, requireActor(request), request.params.id, ctx(request))),
    );

    app.get(
      '/clients/import/:id/report.csv',
      { config: access, schema: { tags, summary: 'Every row not imported and why (CSV)', params: importParams } },
      async (request, reply) => {
        const { fileName, csv } = await reportCsv(deps, requireActor(request), request.params.id, request.lang, ctx(request));
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header(
            'content-disposition',
            `attachment; filename="${fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
          )
          .send(csv);
      },
    );
  };
}
