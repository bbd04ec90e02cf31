// Treatment records (护理记录): one per service performed, linked to its appointment line and package
// session when any. Health content (template metrics, reaction, notes, aftercare, addenda) is encrypted;
// the author may edit for 24 hours, then only addenda (who, when) are added, like a clinical record.
import type { Selectable } from 'kysely';
import type { TreatmentRecordsTable } from '../../db/tables.js';
import type { Executor } from '../../db/tx.js';
import type { Actor } from '../../http/actor.js';
import { type AuditContext, writeAudit } from '../../platform/audit.js';
import type { FieldCipher } from '../../platform/crypto.js';
import { type FieldError, PlatformErrors } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { parseInstant } from '../../platform/zoned-time.js';
import { parseJson } from '../packages/index.js';
import { TreatmentErrors } from './errors.js';
import { type Metrics, validateMetrics } from './fields.js';
import { fastZonedIso as toZonedIso } from './local-time.js';
import type { RecordCreate, RecordUpdate } from './schemas.js';
import { fieldsOf, templateForService } from './templates.js';

export type RecordRow = Selectable<TreatmentRecordsTable>;
export type Clinical = { metrics: Metrics; reaction: string | null; notes: string | null; aftercare: string | null };

/** How long the author may change a record. */
export const EDIT_WINDOW_MS = 24 * 3_600_000;

const clinicalContext = (id: string) => `treatment_records:${id}:clinical`;
export const addendumContext = (id: string) => `treatment_addenda:${id}`;

export function encryptClinical(cipher: FieldCipher, id: string, c: Clinical): string | null {
  const empty = !Object.keys(c.metrics).length && !c.reaction && !c.notes && !c.aftercare;
  return empty ? null : cipher.encrypt(JSON.stringify(c), clinicalContext(id));
}

export function decryptClinical(cipher: FieldCipher, r: Pick<RecordRow, 'id' | 'clinical'>): Clinical {
  if (!r.clinical) return { metrics: {}, reaction: null, notes: null, aftercare: null };
  return JSON.parse(cipher.decrypt(r.clinical, clinicalContext(r.id))) as Clinical;
}

export const isLocked = (r: Pick<RecordRow, 'created_at'>, now: number) => now >= r.created_at + EDIT_WINDOW_MS;

/** Whether the actor sees health content (metrics, notes, photos): the roles with clients.health. */
export const seesHealth = (actor: Pick<Actor, 'permissions'>) => actor.permissions.has('clients.health');

export const findRecord = (db: Executor, id: string) =>
  db.selectFrom('treatment_records').selectAll().where('id', '=', id).executeTakeFirst();

async function assertStaffAt(db: Executor, storeId: string, staffId: string): Promise<void> {
  const ok = await db
    .selectFrom('staff')
    .leftJoin('staff_stores', (j) => j.onRef('staff_stores.staff_id', '=', 'staff.id').on('staff_stores.store_id', '=', storeId))
    .select('staff.id')
    .where('staff.id', '=', staffId)
    .where('staff.active', '=', 1)
    .where((eb) => eb.or([eb('staff.role', '=', 'owner'), eb('staff_stores.store_id', 'is not', null)]))
    .executeTakeFirst();
  if (!ok)
    throw PlatformErrors.validation_failed({ fields: 'staffId' }, [
      { path: 'staffId', message: 'not an active staff member of this store' },
    ]);
}

async function assertProducts(db: Executor, products: ReadonlyArray<{ productId: string }>): Promise<void> {
  if (!products.length) return;
  const found = new Set(
    (
      await db
        .selectFrom('products')
        .select('id')
        .where(
          'id',
          'in',
          products.map((p) => p.productId),
        )
        .execute()
    ).map((r) => r.id),
  );
  const errors: FieldError[] = products.flatMap((p, i) =>
    found.has(p.productId) ? [] : [{ path: `products.${i}.productId`, message: 'unknown product' }],
  );
  if (errors.length) throw PlatformErrors.validation_failed({ fields: errors.map((e) => e.path).join(', ') }, errors);
}

async function checkedMetrics(db: Executor, templateId: string | null, metrics: Record<string, unknown> | undefined): Promise<Metrics> {
  if (!metrics || !Object.keys(metrics).length) return {};
  if (!templateId)
    throw PlatformErrors.validation_failed({ fields: 'metrics' }, [{ path: 'metrics', message: 'this service has no record template' }]);
  const tpl = await db.selectFrom('treatment_templates').select('fields').where('id', '=', templateId).executeTakeFirstOrThrow();
  const r = validateMetrics(fieldsOf(tpl), metrics);
  if (!r.ok) throw PlatformErrors.validation_failed({ fields: r.errors.map((e) => e.path).join(', ') }, r.errors);
  return r.metrics;
}

function times(startedAt: string | undefined, endedAt: string | null | undefined, fallback: { started: number; ended: number | null }) {
  const started = startedAt ? parseInstant(startedAt) : fallback.started;
  const ended = endedAt === undefined ? fallback.ended : endedAt === null ? null : parseInstant(endedAt);
  if (ended !== null && ended < started)
    throw PlatformErrors.validation_failed({ fields: 'endedAt' }, [{ path: 'endedAt', message: 'before startedAt' }]);
  return { started, ended };
}

/** Writes a record (the caller checked that the actor may see the client and works at the store). */
export async function createRecord(
  tx: Executor,
  actor: Pick<Actor, 'staffId'>,
  input: RecordCreate,
  cipher: FieldCipher,
  ctx: AuditContext,
): Promise<RecordRow> {
  const service = await tx.selectFrom('services').select('id').where('id', '=', input.serviceId).executeTakeFirst();
  if (!service) throw PlatformErrors.validation_failed({ fields: 'serviceId' }, [{ path: 'serviceId', message: 'unknown service' }]);
  const staffId = input.staffId ?? actor.staffId;
  await assertStaffAt(tx, input.storeId, staffId);
  await assertProducts(tx, input.products ?? []);

  let appointmentId: string | null = null;
  if (input.appointmentLineId) {
    const line = await tx
      .selectFrom('appointment_lines as l')
      .innerJoin('appointments as a', 'a.id', 'l.appointment_id')
      .select(['a.id', 'a.client_id', 'a.store_id', 'l.service_id'])
      .where('l.id', '=', input.appointmentLineId)
      .executeTakeFirst();
    if (!line || line.client_id !== input.clientId || line.store_id !== input.storeId || line.service_id !== input.serviceId)
      throw TreatmentErrors.record_link_invalid();
    appointmentId = line.id;
    const taken = await tx
      .selectFrom('treatment_records')
      .select('id')
      .where('appointment_line_id', '=', input.appointmentLineId)
      .executeTakeFirst();
    if (taken) throw TreatmentErrors.record_exists();
  }
  let packageSessionId = input.packageSessionId ?? null;
  if (packageSessionId) {
    const s = await tx
      .selectFrom('package_sessions')
      .select(['client_id', 'service_id', 'status'])
      .where('id', '=', packageSessionId)
      .executeTakeFirst();
    if (!s || s.client_id !== input.clientId || s.service_id !== input.serviceId || s.status !== 'redeemed')
      throw TreatmentErrors.record_link_invalid();
  } else if (input.appointmentLineId) {
    // Redeemed at checkout before the record was written: link it.
    const s = await tx
      .selectFrom('package_sessions')
      .select('id')
      .where('appointment_line_id', '=', input.appointmentLineId)
      .where('status', '=', 'redeemed')
      .executeTakeFirst();
    packageSessionId = s?.id ?? null;
  }
  if (
    packageSessionId &&
    (await tx.selectFrom('treatment_records').select('id').where('package_session_id', '=', packageSessionId).executeTakeFirst())
  )
    throw TreatmentErrors.record_exists();

  let templateId: string | null = null;
  if (input.templateId) {
    const t = await tx.selectFrom('treatment_templates').select(['id', 'archived']).where('id', '=', input.templateId).executeTakeFirst();
    if (!t || t.archived)
      throw PlatformErrors.validation_failed({ fields: 'templateId' }, [{ path: 'templateId', message: 'unknown or archived template' }]);
    templateId = t.id;
  } else if (input.templateId === undefined) {
    templateId = (await templateForService(tx, input.serviceId))?.id ?? null;
  }
  const metrics = await checkedMetrics(tx, templateId, input.metrics);
  const { started, ended } = times(input.startedAt, input.endedAt, { started: ctx.now, ended: null });
  const id = newId();
  const row: RecordRow = {
    id,
    client_id: input.clientId,
    store_id: input.storeId,
    service_id: input.serviceId,
    staff_id: staffId,
    author_id: actor.staffId,
    appointment_id: appointmentId,
    appointment_line_id: input.appointmentLineId ?? null,
    package_session_id: packageSessionId,
    template_id: templateId,
    started_at: started,
    ended_at: ended,
    products: JSON.stringify(input.products ?? []),
    technique: input.technique ?? null,
    settings: JSON.stringify(input.settings ?? {}),
    clinical: encryptClinical(cipher, id, {
      metrics,
      reaction: input.reaction ?? null,
      notes: input.notes ?? null,
      aftercare: input.aftercare ?? null,
    }),
    next_recommended_on: input.nextRecommendedOn ?? null,
    shared_with_client: input.sharedWithClient ? 1 : 0,
    version: 1,
    created_at: ctx.now,
    updated_at: ctx.now,
  };
  await tx.insertInto('treatment_records').values(row).execute();
  await writeAudit(tx, ctx, {
    action: 'treatment_record.create',
    entityType: 'treatment_record',
    entityId: id,
    storeId: input.storeId,
    after: {
      clientId: input.clientId,
      serviceId: input.serviceId,
      staffId,
      packageSessionId,
      appointmentLineId: row.appointment_line_id,
      health: row.clinical ? 'written' : null,
    },
  });
  return row;
}

/** The author's change within 24 hours of writing; after that 409 record_locked (add an addendum). */
export async function updateRecord(
  tx: Executor,
  actor: Pick<Actor, 'staffId'>,
  id: string,
  input: RecordUpdate,
  cipher: FieldCipher,
  ctx: AuditContext,
): Promise<RecordRow> {
  const row = await findRecord(tx, id);
  if (!row) throw PlatformErrors.not_found();
  if (row.author_id !== actor.staffId) throw TreatmentErrors.record_not_author();
  if (isLocked(row, ctx.now)) throw TreatmentErrors.record_locked();
  if (row.version !== input.version) throw PlatformErrors.stale_version();
  if (input.staffId) await assertStaffAt(tx, row.store_id, input.staffId);
  if (input.products) await assertProducts(tx, input.products);
  const before = decryptClinical(cipher, row);
  const clinical: Clinical = {
    metrics: input.metrics !== undefined ? await checkedMetrics(tx, row.template_id, input.metrics) : before.metrics,
    reaction: input.reaction !== undefined ? input.reaction : before.reaction,
    notes: input.notes !== undefined ? input.notes : before.notes,
    aftercare: input.aftercare !== undefined ? input.aftercare : before.aftercare,
  };
  const { started, ended } = times(input.startedAt, input.endedAt, { started: row.started_at, ended: row.ended_at });
  const next: RecordRow = {
    ...row,
    staff_id: input.staffId ?? row.staff_id,
    started_at: started,
    ended_at: ended,
    products: input.products ? JSON.stringify(input.products) : row.products,
    technique: input.technique !== undefined ? input.technique : row.technique,
    settings: input.settings ? JSON.stringify(input.settings) : row.settings,
    clinical: encryptClinical(cipher, id, clinical),
    next_recommended_on: input.nextRecommendedOn !== undefined ? input.nextRecommendedOn : row.next_recommended_on,
    shared_with_client: input.sharedWithClient !== undefined ? (input.sharedWithClient ? 1 : 0) : row.shared_with_client,
    version: row.version + 1,
    updated_at: ctx.now,
  };
  const { id: _id, created_at: _c, author_id: _a, client_id: _cl, store_id: _s, service_id: _sv, ...patch } = next;
  const res = await tx
    .updateTable('treatment_records')
    .set(patch)
    .where('id', '=', id)
    .where('version', '=', row.version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw PlatformErrors.stale_version();
  await writeAudit(tx, ctx, {
    action: 'treatment_record.update',
    entityType: 'treatment_record',
    entityId: id,
    storeId: row.store_id,
    after: { changed: Object.keys(input).filter((k) => k !== 'version') },
  });
  return next;
}

export async function addAddendum(
  tx: Executor,
  actor: Pick<Actor, 'staffId'>,
  id: string,
  body: string,
  cipher: FieldCipher,
  ctx: AuditContext,
) {
  const row = await findRecord(tx, id);
  if (!row) throw PlatformErrors.not_found();
  const addendumId = newId();
  await tx
    .insertInto('treatment_addenda')
    .values({
      id: addendumId,
      record_id: id,
      author_id: actor.staffId,
      body: cipher.encrypt(body, addendumContext(addendumId)),
      created_at: ctx.now,
    })
    .execute();
  await writeAudit(tx, ctx, {
    action: 'treatment_record.addendum',
    entityType: 'treatment_record',
    entityId: id,
    storeId: row.store_id,
    after: { addendumId },
  });
  return addendumId;
}

export type RecordExtras = {
  serviceName?: string;
  staffName?: string;
  photos?: Array<Record<string, unknown>>;
  addenda?: Array<{ id: string; authorId: string; authorName: string; body: string; createdAt: string }>;
};

/** The record as an actor sees it: without health content unless `clinical` is given. */
export function recordDto(
  r: RecordRow,
  tz: string,
  now: number,
  clinical: Clinical | null,
  viewerId: string | null,
  extras: RecordExtras = {},
) {
  return {
    id: r.id,
    clientId: r.client_id,
    storeId: r.store_id,
    serviceId: r.service_id,
    ...(extras.serviceName !== undefined ? { serviceName: extras.serviceName } : {}),
    staffId: r.staff_id,
    ...(extras.staffName !== undefined ? { staffName: extras.staffName } : {}),
    authorId: r.author_id,
    appointmentId: r.appointment_id,
    appointmentLineId: r.appointment_line_id,
    packageSessionId: r.package_session_id,
    templateId: r.template_id,
    startedAt: toZonedIso(r.started_at, tz),
    endedAt: r.ended_at === null ? null : toZonedIso(r.ended_at, tz),
    products: parseJson<Array<{ productId: string; amount: number }>>(r.products, []),
    technique: r.technique,
    settings: parseJson<Record<string, string | number>>(r.settings, {}),
    nextRecommendedOn: r.next_recommended_on,
    sharedWithClient: r.shared_with_client === 1,
    editableUntil: toZonedIso(r.created_at + EDIT_WINDOW_MS, tz),
    locked: isLocked(r, now),
    canEdit: viewerId === r.author_id && !isLocked(r, now),
    ...(clinical ? { health: clinical } : {}),
    ...(extras.photos ? { photos: extras.photos } : {}),
    ...(extras.addenda ? { addenda: extras.addenda } : {}),
    version: r.version,
    createdAt: toZonedIso(r.created_at, tz),
    updatedAt: toZonedIso(r.updated_at, tz),
  };
}
