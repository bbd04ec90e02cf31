// Add-ons ("paraffin +$10, +10 min"): HQ-defined extras attachable to many services.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/tables.js';
import { type Executor, toBool, withTransaction } from '../../db/tx.js';
import { type AuditContext, writeAudit } from '../../platform/audit.js';
import { PlatformErrors } from '../../platform/errors.js';
import type { Language } from '../../platform/i18n.js';
import { newId } from '../../platform/ids.js';
import { cleanTranslations, searchText } from './catalog.js';
import { parseTranslations, toAddOnDto } from './dto.js';
import { CatalogErrors } from './errors.js';
import { type AddOnRow, findAddOn, linksOf, missingIds, replaceLinks } from './repo.js';
import type { AddOnCreate, AddOnUpdate } from './schemas.js';

async function addOnDto(db: Executor, row: AddOnRow, lang: Language) {
  return toAddOnDto(row, lang, (await linksOf(db, 'add_on_id', [row.id])).get(row.id) ?? []);
}

async function assertServices(db: Executor, ids: readonly string[] | undefined) {
  if (ids?.length && (await missingIds(db, 'services', ids)).length) throw CatalogErrors.unknown_service();
}

export async function getAddOn(db: Executor, id: string, lang: Language) {
  const row = await findAddOn(db, id);
  if (!row) throw PlatformErrors.not_found();
  return addOnDto(db, row, lang);
}

export async function createAddOn(db: Kysely<DB>, input: AddOnCreate, ctx: AuditContext, lang: Language) {
  return withTransaction(db, async ({ tx }) => {
    await assertServices(tx, input.serviceIds);
    const row = {
      id: newId(),
      name: input.name,
      name_translations: JSON.stringify(cleanTranslations(input.nameTranslations)),
      search_text: searchText(input.name, cleanTranslations(input.nameTranslations)),
      price: input.price,
      extra_min: input.extraMin,
      tax_class: input.taxClass,
      archived: 0 as const,
      version: 1,
      created_at: ctx.now,
      updated_at: ctx.now,
    };
    await tx.insertInto('add_ons').values(row).execute();
    await replaceLinks(tx, 'add_on_id', row.id, input.serviceIds);
    const dto = await addOnDto(tx, row, lang);
    await writeAudit(tx, ctx, { action: 'catalog.addon.create', entityType: 'add_on', entityId: row.id, after: dto });
    return dto;
  });
}

export async function updateAddOn(db: Kysely<DB>, id: string, input: AddOnUpdate, ctx: AuditContext, lang: Language) {
  return withTransaction(db, async ({ tx }) => {
    const current = await findAddOn(tx, id);
    if (!current) throw PlatformErrors.not_found();
    if (current.version !== input.version) throw PlatformErrors.stale_version();
    await assertServices(tx, input.serviceIds);
    const before = await addOnDto(tx, current, lang);
    const res = await tx
      .updateTable('add_ons')
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.nameTranslations !== undefined ? { name_translations: JSON.stringify(cleanTranslations(input.nameTranslations)) } : {}),
        search_text: searchText(input.name ?? current.name, input.nameTranslations ?? parseTranslations(current.name_translations)),
        ...(input.price !== undefined ? { price: input.price } : {}),
        ...(input.extraMin !== undefined ? { extra_min: input.extraMin } : {}),
        ...(input.taxClass !== undefined ? { tax_class: input.taxClass } : {}),
        ...(input.archived !== undefined ? { archived: toBool(input.archived) } : {}),
        version: input.version + 1,
        updated_at: ctx.now,
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw PlatformErrors.stale_version();
    if (input.serviceIds !== undefined) await replaceLinks(tx, 'add_on_id', id, input.serviceIds);
    const after = await addOnDto(tx, (await findAddOn(tx, id))!, lang);
    await writeAudit(tx, ctx, { action: 'catalog.addon.update', entityType: 'add_on', entityId: id, before, after });
    return after;
  });
}
