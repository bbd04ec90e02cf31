// Treatment records over HTTP: templates (HQ), records (write, read, author's edit within 24 h, addenda),
// the due list, and the timelines. Health content (metrics, reaction, notes, aftercare, addenda, photos)
// only for roles with clients.health — the front desk sees the records without it — and every read that
// returns it is audited.
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type Executor, withTransaction } from '../../db/tx.js';
import type { Deps } from '../../deps.js';
import { type Actor, assertStore, auditContext, requireActor } from '../../http/actor.js';
import { type AuditContext, writeAudit } from '../../platform/audit.js';
import { createFieldCipher } from '../../platform/crypto.js';
import { PlatformErrors } from '../../platform/errors.js';
import { decodeCursor, toPage } from '../../platform/pagination.js';
import { visibleClient } from '../ledgers/index.js';
import { findPackage } from '../packages/index.js';
import { dueList } from './due.js';
import { PRESETS } from './fields.js';
import { photoDto, photosOfRecords } from './photos.js';
import {
  addAddendum,
  addendumContext,
  createRecord,
  decryptClinical,
  findRecord,
  type RecordRow,
  recordDto,
  seesHealth,
  updateRecord,
} from './records.js';
import { addendumBody, dueQuery, idParams, recordCreate, recordList, recordUpdate, templateCreate, templateUpdate } from './schemas.js';
import { createTreatmentTemplate, treatmentTemplateDto, updateTreatmentTemplate } from './templates.js';
import { clientTimeline, packageTimeline } from './timeline.js';

const tags = ['treatments'];

/** Health reads are audited once per reader, subject and 10 minutes (a drawer reopened ten times is one read). */
const READ_AUDIT_WINDOW_MS = 10 * 60_000;

export async function auditHealthRead(
  db: Executor,
  ctx: AuditContext,
  entry: { entityType: string; entityId: string; storeId?: string | null; after?: unknown },
) {
  const recent = await db
    .selectFrom('audit_log')
    .select('id')
    .where('entity_type', '=', entry.entityType)
    .where('entity_id', '=', entry.entityId)
    .where('action', '=', 'treatment_record.read')
    .where('actor_id', ctx.actorId === null ? 'is' : '=', ctx.actorId)
    .where('at', '>', ctx.now - READ_AUDIT_WINDOW_MS)
    .limit(1)
    .executeTakeFirst();
  if (!recent) await writeAudit(db, ctx, { action: 'treatment_record.read', ...entry });
}

export function treatmentRoutes(deps: Deps): FastifyPluginAsyncZod {
  const db = deps.database.db;
  const cipher = createFieldCipher(deps.secrets.fieldKey);
  const now = () => deps.clock.now();
  const ctx = (request: FastifyRequest) => auditContext(request, now());
  const zoneOf = async (storeId: string) =>
    (await db.selectFrom('stores').select('time_zone').where('id', '=', storeId).executeTakeFirst())?.time_zone ?? 'UTC';

  /** A record the actor may see (its client is visible to them), or 404. */
  async function visibleRecord(actor: Actor, id: string): Promise<RecordRow> {
    const row = await findRecord(db, id);
    if (!row) throw PlatformErrors.not_found();
    await visibleClient(db, actor, row.client_id);
    return row;
  }

  /** The full record for the actor; health content (and its audit) only with clients.health. */
  async function fullRecord(actor: Actor, row: RecordRow, request: FastifyRequest, audit: boolean) {
    const tz = await zoneOf(row.store_id);
    const [service, staff] = await Promise.all([
      db.selectFrom('services').select('name').where('id', '=', row.service_id).executeTakeFirst(),
      db.selectFrom('staff').select('display_name').where('id', '=', row.staff_id).executeTakeFirst(),
    ]);
    const extras = { serviceName: service?.name ?? '', staffName: staff?.display_name ?? '' };
    if (!seesHealth(actor)) return recordDto(row, tz, now(), null, actor.staffId, extras);
    const [photos, addenda] = await Promise.all([
      photosOfRecords(db, [row.id]),
      db
        .selectFrom('treatment_addenda as a')
        .leftJoin('staff as s', 's.id', 'a.author_id')
        .select(['a.id', 'a.author_id', 'a.body', 'a.created_at', 's.display_name'])
        .where('a.record_id', '=', row.id)
        .orderBy('a.created_at')
        .orderBy('a.id')
        .execute(),
    ]);
    if (audit && (row.clinical || photos.length || addenda.length))
      await auditHealthRead(db, ctx(request), { entityType: 'treatment_record', entityId: row.id, storeId: row.store_id });
    return recordDto(row, tz, now(), decryptClinical(cipher, row), actor.staffId, {
      ...extras,
      photos: photos.map((p) => photoDto(p)),
      addenda: addenda.map((a) => ({
        id: a.id,
        authorId: a.author_id,
        authorName: a.display_name ?? '',
        body: cipher.decrypt(a.body, addendumContext(a.id)),
        createdAt: new Date(a.created_at).toISOString(),
      })),
    });
  }

  return async (app) => {
    app.get(
      '/treatment-templates',
      { config: { access: { permission: 'treatments.read' } }, schema: { tags, summary: 'Record templates per service category' } },
      async () => ({
        data: (await db.selectFrom('treatment_templates').selectAll().orderBy('name').execute()).map(treatmentTemplateDto),
        nextCursor: null,
      }),
    );

    app.get(
      '/treatment-templates/presets',
      {
        config: { access: { permission: 'treatments.read' } },
        schema: { tags, summary: 'Starter templates (facial, massage, lashes) HQ can adopt and edit' },
      },
      async () => ({ data: Object.entries(PRESETS).map(([key, p]) => ({ key, ...p })) }),
    );

    app.post(
      '/treatment-templates',
      {
        config: { access: { permission: 'catalog.write' } },
        schema: { tags, summary: 'Add a record template for service categories (HQ)', body: templateCreate },
      },
      async (request, reply) =>
        reply.status(201).send(await withTransaction(db, ({ tx }) => createTreatmentTemplate(tx, request.body, ctx(request)))),
    );

    app.patch(
      '/treatment-templates/:id',
      {
        config: { access: { permission: 'catalog.write' } },
        schema: { tags, summary: 'Change or archive a record template (send its version)', params: idParams, body: templateUpdate },
      },
      async (request) => withTransaction(db, ({ tx }) => updateTreatmentTemplate(tx, request.params.id, request.body, ctx(request))),
    );

    app.post(
      '/treatment-records',
      {
        config: { access: { permission: 'treatments.write' } },
        schema: { tags, summary: 'Write the record of one service performed', body: recordCreate },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const body = request.body;
        assertStore(actor, body.storeId);
        await visibleClient(db, actor, body.clientId);
        const row = await withTransaction(db, ({ tx }) => createRecord(tx, actor, body, cipher, ctx(request)));
        return reply.status(201).send(await fullRecord(actor, row, request, false));
      },
    );

    app.get(
      '/treatment-records',
      {
        config: { access: { permission: 'treatments.read' } },
        schema: { tags, summary: 'A client’s records, newest first (without health content; read one for it)', querystring: recordList },
      },
      async (request) => {
        const actor = requireActor(request);
        const { clientId, limit, cursor } = request.query;
        await visibleClient(db, actor, clientId);
        const after = decodeCursor(cursor);
        let q = db.selectFrom('treatment_records').selectAll().where('client_id', '=', clientId);
        if (after) {
          const [at, id] = after.split('|');
          q = q.where((eb) => eb.or([eb('started_at', '<', Number(at)), eb.and([eb('started_at', '=', Number(at)), eb('id', '<', id!)])]));
        }
        const rows = await q
          .orderBy('started_at', 'desc')
          .orderBy('id', 'desc')
          .limit(limit + 1)
          .execute();
        const page = toPage(rows, limit, (r) => `${r.started_at}|${r.id}`);
        const t = now();
        const zones = new Map<string, string>();
        const data = [];
        for (const r of page.data) {
          if (!zones.has(r.store_id)) zones.set(r.store_id, await zoneOf(r.store_id));
          data.push(recordDto(r, zones.get(r.store_id)!, t, null, actor.staffId));
        }
        return { data, nextCursor: page.nextCursor };
      },
    );

    app.get(
      '/treatment-records/:id',
      {
        config: { access: { permission: 'treatments.read' } },
        schema: { tags, summary: 'One record (health content for roles that may see it; the read is audited)', params: idParams },
      },
      async (request) => {
        const actor = requireActor(request);
        return fullRecord(actor, await visibleRecord(actor, request.params.id), request, true);
      },
    );

    app.patch(
      '/treatment-records/:id',
      {
        config: { access: { permission: 'treatments.write' } },
        schema: {
          tags,
          summary: 'Change a record: its author, within 24 hours (then 409 record_locked: add an addendum)',
          params: idParams,
          body: recordUpdate,
        },
      },
      async (request) => {
        const actor = requireActor(request);
        await visibleRecord(actor, request.params.id);
        const row = await withTransaction(db, ({ tx }) => updateRecord(tx, actor, request.params.id, request.body, cipher, ctx(request)));
        return fullRecord(actor, row, request, false);
      },
    );

    app.post(
      '/treatment-records/:id/addenda',
      {
        config: { access: { permission: 'treatments.write' } },
        schema: { tags, summary: 'Add an addendum (who and when are recorded; never edited)', params: idParams, body: addendumBody },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        await visibleRecord(actor, request.params.id);
        await withTransaction(db, ({ tx }) => addAddendum(tx, actor, request.params.id, request.body.body, cipher, ctx(request)));
        return reply.status(201).send(await fullRecord(actor, (await findRecord(db, request.params.id))!, request, false));
      },
    );

    app.get(
      '/treatments/due',
      {
        config: { access: { permission: 'treatments.read' } },
        schema: {
          tags,
          summary: 'Clients due back (recommended date near or past, nothing booked), per store and technician',
          querystring: dueQuery,
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const q = request.query;
        assertStore(actor, q.storeId);
        return dueList(db, {
          storeId: q.storeId,
          staffId: q.staffId,
          within: q.within,
          includeBooked: q.includeBooked === 'true',
          now: now(),
        });
      },
    );

    app.get(
      '/clients/:id/timeline',
      {
        config: { access: { permission: 'treatments.read' } },
        schema: {
          tags,
          summary: 'A client’s progress timeline: packages, records, photo pair, metric series, next date',
          params: idParams,
        },
      },
      async (request) => {
        const actor = requireActor(request);
        await visibleClient(db, actor, request.params.id);
        const health = seesHealth(actor);
        const timeline = await clientTimeline(db, request.params.id, { health, portal: false, cipher, now: now(), lang: request.lang });
        if (health && timeline.records.length)
          await auditHealthRead(db, ctx(request), {
            entityType: 'client',
            entityId: request.params.id,
            after: { via: 'timeline', records: timeline.records.length },
          });
        return timeline;
      },
    );

    app.get(
      '/client-packages/:id/timeline',
      {
        config: { access: { permission: 'treatments.read' } },
        schema: {
          tags,
          summary: 'A package’s timeline: sessions done and left, their records, photo pair, metric series',
          params: idParams,
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const pkg = await findPackage(db, request.params.id);
        if (!pkg) throw PlatformErrors.not_found();
        await visibleClient(db, actor, pkg.client_id);
        const health = seesHealth(actor);
        const timeline = await packageTimeline(db, pkg, { health, portal: false, cipher, now: now(), lang: request.lang });
        if (health && timeline.records.length)
          await auditHealthRead(db, ctx(request), {
            entityType: 'client_package',
            entityId: pkg.id,
            after: { via: 'timeline', records: timeline.records.length },
          });
        return timeline;
      },
    );
  };
}
