// Treatment record templates (HQ): the structured fields a record of a service category carries.
import type { Selectable } from 'kysely';
import type { TreatmentTemplatesTable } from '../../db/tables.js';
import type { Executor } from '../../db/tx.js';
import { type AuditContext, writeAudit } from '../../platform/audit.js';
import { type FieldError, PlatformErrors } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { parseJson, type Translations } from '../packages/index.js';
import { TreatmentErrors } from './errors.js';
import type { FieldDef } from './fields.js';
import type { TreatmentTemplateCreate, TreatmentTemplateUpdate } from './schemas.js';

export type TemplateRow = Selectable<TreatmentTemplatesTable>;

export function treatmentTemplateDto(r: TemplateRow) {
  return {
    id: r.id,
    name: r.name,
    nameTranslations: parseJson<Translations>(r.name_translations, {}),
    categoryIds: parseJson<string[]>(r.category_ids, []),
    fields: parseJson<FieldDef[]>(r.fields, []),
    archived: r.archived === 1,
    version: r.version,
  };
}

export const fieldsOf = (r: Pick<TemplateRow, 'fields'>): FieldDef[] => parseJson<FieldDef[]>(r.fields, []);

async function assertCategories(db: Executor, ids: readonly string[], exceptId: string | null): Promise<void> {
  if (!ids.length) return;
  const found = new Set(
    (
      await db
        .selectFrom('service_categories')
        .select('id')
        .where('id', 'in', [...ids])
        .execute()
    ).map((r) => r.id),
  );
  const errors: FieldError[] = ids.flatMap((id, i) =>
    found.has(id) ? [] : [{ path: `categoryIds.${i}`, message: 'unknown service category' }],
  );
  if (errors.length) throw PlatformErrors.validation_failed({ fields: errors.map((e) => e.path).join(', ') }, errors);
  const others = await db.selectFrom('treatment_templates').select(['id', 'category_ids']).where('archived', '=', 0).execute();
  for (const o of others) {
    if (o.id === exceptId) continue;
    if (parseJson<string[]>(o.category_ids, []).some((c) => ids.includes(c))) throw TreatmentErrors.treatment_template_conflict();
  }
}

export async function createTreatmentTemplate(tx: Executor, input: TreatmentTemplateCreate, ctx: AuditContext) {
  await assertCategories(tx, input.categoryIds, null);
  const row: TemplateRow = {
    id: newId(),
    name: input.name,
    name_translations: JSON.stringify(input.nameTranslations ?? {}),
    category_ids: JSON.stringify(input.categoryIds),
    fields: JSON.stringify(input.fields),
    archived: 0,
    version: 1,
    created_by: ctx.actorId,
    created_at: ctx.now,
    updated_at: ctx.now,
  };
  await tx.insertInto('treatment_templates').values(row).execute();
  await writeAudit(tx, ctx, {
    action: 'treatment_template.create',
    entityType: 'treatment_template',
    entityId: row.id,
    after: treatmentTemplateDto(row),
  });
  return treatmentTemplateDto(row);
}

export async function updateTreatmentTemplate(tx: Executor, id: string, input: TreatmentTemplateUpdate, ctx: AuditContext) {
  const row = await tx.selectFrom('treatment_templates').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw PlatformErrors.not_found();
  if (row.version !== input.version) throw PlatformErrors.stale_version();
  const next: TemplateRow = { ...row, version: row.version + 1, updated_at: ctx.now };
  if (input.name !== undefined) next.name = input.name;
  if (input.nameTranslations !== undefined) next.name_translations = JSON.stringify(input.nameTranslations);
  if (input.categoryIds !== undefined) next.category_ids = JSON.stringify(input.categoryIds);
  if (input.fields !== undefined) next.fields = JSON.stringify(input.fields);
  if (input.archived !== undefined) next.archived = input.archived ? 1 : 0;
  if (next.archived === 0) await assertCategories(tx, parseJson<string[]>(next.category_ids, []), id);
  const { id: _id, created_at: _c, created_by: _b, ...patch } = next;
  const res = await tx
    .updateTable('treatment_templates')
    .set(patch)
    .where('id', '=', id)
    .where('version', '=', row.version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw PlatformErrors.stale_version();
  await writeAudit(tx, ctx, {
    action: 'treatment_template.update',
    entityType: 'treatment_template',
    entityId: id,
    before: treatmentTemplateDto(row),
    after: treatmentTemplateDto(next),
  });
  return treatmentTemplateDto(next);
}

/** The active template for a service (through its category), if any. */
export async function templateForService(db: Executor, serviceId: string): Promise<TemplateRow | undefined> {
  const svc = await db.selectFrom('services').select('category_id').where('id', '=', serviceId).executeTakeFirst();
  if (!svc?.category_id) return undefined;
  const rows = await db.selectFrom('treatment_templates').selectAll().where('archived', '=', 0).execute();
  return rows.find((r) => parseJson<string[]>(r.category_ids, []).includes(svc.category_id!));
}
