import type { Executor } from '../../db/tx.js';
import { type AuditContext, writeAudit } from '../../platform/audit.js';
import { PlatformErrors } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { CustomFieldCreate, CustomFieldDef, CustomFieldUpdate } from './custom-fields.js';
import { ClientErrors } from './errors.js';
import { loadFieldDefs, toFieldDef } from './repo.js';

// Custom field definitions are HQ's (owner: clients.fields); everyone who reads clients reads them.

export async function listFields(db: Executor, includeArchived: boolean): Promise<CustomFieldDef[]> {
  return (await loadFieldDefs(db)).filter((f) => includeArchived || !f.archived);
}

export async function createField(tx: Executor, input: CustomFieldCreate, ctx: AuditContext): Promise<CustomFieldDef> {
  const taken = await tx.selectFrom('custom_fields').select('id').where('key', '=', input.key).executeTakeFirst();
  if (taken) throw ClientErrors.custom_field_key_taken({}, [{ path: 'key', message: 'already used' }]);
  const row = {
    id: newId(),
    key: input.key,
    type: input.type,
    required: input.required ? (1 as const) : (0 as const),
    labels: JSON.stringify(input.labels),
    options: JSON.stringify(input.options),
    sort_order: input.sortOrder,
    archived: 0 as const,
    version: 1,
    created_at: ctx.now,
    updated_at: ctx.now,
  };
  await tx.insertInto('custom_fields').values(row).execute();
  const def = toFieldDef(row);
  await writeAudit(tx, ctx, { action: 'custom_field.create', entityType: 'custom_field', entityId: row.id, after: def });
  return def;
}

export async function updateField(tx: Executor, id: string, input: CustomFieldUpdate, ctx: AuditContext): Promise<CustomFieldDef> {
  const row = await tx.selectFrom('custom_fields').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw PlatformErrors.not_found();
  const before = toFieldDef(row);
  if (input.version !== before.version) throw PlatformErrors.stale_version();
  if (input.type !== undefined && input.type !== before.type)
    throw ClientErrors.custom_field_type_fixed({}, [{ path: 'type', message: 'cannot change' }]);
  const isChoice = before.type === 'choice' || before.type === 'multi_choice';
  if (input.options !== undefined && !isChoice && input.options.length > 0) {
    throw PlatformErrors.validation_failed({ fields: 'options' }, [{ path: 'options', message: 'only choice fields have options' }]);
  }
  if (input.options !== undefined && isChoice && input.options.length === 0) {
    throw PlatformErrors.validation_failed({ fields: 'options' }, [{ path: 'options', message: 'a choice field needs options' }]);
  }
  const res = await tx
    .updateTable('custom_fields')
    .set({
      ...(input.required !== undefined ? { required: input.required ? 1 : 0 } : {}),
      ...(input.labels !== undefined ? { labels: JSON.stringify(input.labels) } : {}),
      ...(input.options !== undefined ? { options: JSON.stringify(input.options) } : {}),
      ...(input.sortOrder !== undefined ? { sort_order: input.sortOrder } : {}),
      ...(input.archived !== undefined ? { archived: input.archived ? 1 : 0 } : {}),
      version: before.version + 1,
      updated_at: ctx.now,
    })
    .where('id', '=', id)
    .where('version', '=', before.version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw PlatformErrors.stale_version();
  const after = toFieldDef(await tx.selectFrom('custom_fields').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
  await writeAudit(tx, ctx, { action: 'custom_field.update', entityType: 'custom_field', entityId: id, before, after });
  return after;
}
