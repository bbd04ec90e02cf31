// Photos of a treatment record: upload (multipart field `file`, or the raw image as the body), view (full
// size or thumbnail), delete. Uploading and deleting: the record's author within its 24-hour window. Viewing:
// roles with clients.health (full-size views are audited); the client herself through the portal.
import { readFile } from 'node:fs/promises';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyError, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { withTransaction } from '../../db/tx.js';
import type { Deps } from '../../deps.js';
import { type Actor, auditContext, requireActor } from '../../http/actor.js';
import { sendProblem } from '../../http/problem.js';
import { writeAudit } from '../../platform/audit.js';
import { PlatformErrors } from '../../platform/errors.js';
import { visibleClient } from '../ledgers/index.js';
import { TreatmentErrors } from './errors.js';
import { MAX_PHOTO_BYTES, type PhotoRow, photoDto, photoPath, processPhoto, removeFiles, storePhoto } from './photos.js';
import { findRecord, isLocked, seesHealth } from './records.js';
import { idParams, photoQuery, photoSize } from './schemas.js';

const tags = ['treatments'];
const MAX_MB = MAX_PHOTO_BYTES / 1024 / 1024;

/** Reads a stored photo for a response; 404 when the file is gone. */
export async function sendPhotoFile(root: string | undefined, row: PhotoRow, size: 'thumb' | 'full') {
  if (!root) throw TreatmentErrors.photo_storage_unavailable();
  try {
    return await readFile(photoPath(root, size === 'thumb' ? row.thumb_file : row.file));
  } catch {
    throw PlatformErrors.not_found();
  }
}

export function treatmentPhotoRoutes(deps: Deps): FastifyPluginAsyncZod {
  const db = deps.database.db;
  const now = () => deps.clock.now();
  const ctx = (request: FastifyRequest) => auditContext(request, now());
  const root = () => deps.settings.photoDir;

  async function authorsOpenRecord(actor: Actor, id: string) {
    const row = await findRecord(db, id);
    if (!row) throw PlatformErrors.not_found();
    await visibleClient(db, actor, row.client_id);
    if (row.author_id !== actor.staffId) throw TreatmentErrors.record_not_author();
    if (isLocked(row, now())) throw TreatmentErrors.record_locked();
    return row;
  }

  return async (app) => {
    await app.register(async (upload) => {
      // Only here: every content type is read as bytes (the image is sniffed, not trusted by its label).
      upload.removeAllContentTypeParsers();
      upload.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_PHOTO_BYTES }, (_req, body, done) => done(null, body));
      await upload.register(fastifyMultipart, { limits: { fileSize: MAX_PHOTO_BYTES, files: 1, fields: 5, parts: 6 } });
      upload.setErrorHandler((err: FastifyError, request, reply) => {
        if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || err.code === 'FST_REQ_FILE_TOO_LARGE' || err.statusCode === 413)
          return sendProblem(reply, request, TreatmentErrors.photo_too_large({ max: MAX_MB }));
        throw err;
      });
      upload.withTypeProvider<ZodTypeProvider>().post(
        '/treatment-records/:id/photos',
        {
          config: { access: { permission: 'treatments.write' } },
          bodyLimit: MAX_PHOTO_BYTES,
          schema: {
            tags,
            summary: `Add a before/after photo (multipart field \`file\` or the raw image; JPEG, PNG, WebP or AVIF, at most ${MAX_MB} MB)`,
            params: idParams,
            querystring: photoQuery,
          },
        },
        async (request, reply) => {
          const actor = requireActor(request);
          const dir = root();
          if (!dir) throw TreatmentErrors.photo_storage_unavailable();
          const record = await authorsOpenRecord(actor, request.params.id);
          let bytes: Buffer;
          if (request.isMultipart()) {
            const part = await request.file();
            if (!part) throw TreatmentErrors.photo_type_unsupported();
            try {
              bytes = await part.toBuffer();
            } catch (err) {
              if ((err as FastifyError).statusCode === 413) throw TreatmentErrors.photo_too_large({ max: MAX_MB });
              throw err;
            }
          } else {
            bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
          }
          const photo = await processPhoto(bytes);
          const c = ctx(request);
          const row = await withTransaction(db, async ({ tx }) => {
            const stored = await storePhoto(tx, dir, {
              recordId: record.id,
              clientId: record.client_id,
              kind: request.query.kind,
              photo,
              actorId: actor.staffId,
              now: c.now,
            });
            await writeAudit(tx, c, {
              action: 'treatment_photo.add',
              entityType: 'treatment_record',
              entityId: record.id,
              storeId: record.store_id,
              after: { photoId: stored.id, kind: stored.kind },
            });
            return stored;
          });
          return reply.status(201).send(photoDto(row));
        },
      );
    });

    app.get(
      '/treatment-photos/:id',
      {
        config: { access: { permission: 'treatments.read' } },
        schema: {
          tags,
          summary: 'A photo (JPEG): full size (audited) or thumbnail; roles that see health content only',
          params: idParams,
          querystring: photoSize,
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        if (!seesHealth(actor)) throw PlatformErrors.forbidden({ permission: 'clients.health' });
        const row = await db.selectFrom('treatment_photos').selectAll().where('id', '=', request.params.id).executeTakeFirst();
        if (!row) throw PlatformErrors.not_found();
        await visibleClient(db, actor, row.client_id);
        const bytes = await sendPhotoFile(root(), row, request.query.size);
        if (request.query.size === 'full')
          await writeAudit(db, ctx(request), {
            action: 'treatment_photo.view',
            entityType: 'treatment_record',
            entityId: row.record_id,
            after: { photoId: row.id },
          });
        return reply
          .type('image/jpeg')
          .header('cache-control', 'private, max-age=3600')
          .header('x-content-type-options', 'nosniff')
          .send(bytes);
      },
    );

    app.delete(
      '/treatment-photos/:id',
      {
        config: { access: { permission: 'treatments.write' } },
        schema: { tags, summary: 'Remove a photo (the record’s author, within 24 hours)', params: idParams },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const row = await db.selectFrom('treatment_photos').selectAll().where('id', '=', request.params.id).executeTakeFirst();
        if (!row) throw PlatformErrors.not_found();
        const record = await authorsOpenRecord(actor, row.record_id);
        await withTransaction(db, async ({ tx }) => {
          await tx.deleteFrom('treatment_photos').where('id', '=', row.id).execute();
          await writeAudit(tx, ctx(request), {
            action: 'treatment_photo.remove',
            entityType: 'treatment_record',
            entityId: record.id,
            storeId: record.store_id,
            before: { photoId: row.id, kind: row.kind },
          });
        });
        const dir = root();
        if (dir) await removeFiles(dir, row);
        return reply.status(204).send();
      },
    );
  };
}
