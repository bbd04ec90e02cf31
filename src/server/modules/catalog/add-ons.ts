// Add-ons ("paraffin +$10, +10 min"): HQ-defined extras attachable to many services.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/tables.js';
import { type Executor, withTransaction } from '../../db/tx.js';
import { type AuditContext, writeAudit } from '../../platform/audit.js';
import { PlatformErrors } from '../../platform/errors.js';
import type { Language } from '../../platform/i18n.js';
import { newId } from '../../platform/ids.js';
import { toAddOnDto } from './dto.js';
import { CatalogErrors } from './errors.js';
import { type AddOnRow, findAddOn, linksOf, missingIds, replaceLinks } from './repo.js';
import type { AddOnCreate, AddOnUpdate } from './schemas.js';
import { nameChanges, nameColumns, newRowStamps, rowAtVersion, updateAtVersion } from './writes.js';

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
      ...nameColumns(input.name, input.nameTranslations),
      price: input.price,
      extra_min: input.extraMin,
      tax_class: input.taxClass,
      ...newRowStamps(ctx.now),
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
    const current = await rowAtVersion(findAddOn, tx, id, input.version);
    await assertServices(tx, input.serviceIds);
    const before = await addOnDto(tx, current, lang);
    await updateAtVersion(tx, 'add_ons', id, input, ctx.now, {
      ...nameChanges(input, current),
      ...(input.price !== undefined ? { price: input.price } : {}),
      ...(input.extraMin !== undefined ? { extra_min: input.extraMin } : {}),
      ...(input.taxClass !== undefined ? { tax_class: input.taxClass } : {}),
    });
    if (input.serviceIds !== undefined) await replaceLinks(tx, 'add_on_id', id, input.serviceIds);
    const after = await addOnDto(tx, (await findAddOn(tx, id))!, lang);
    await writeAudit(tx, ctx, { action: 'catalog.addon.update', entityType: 'add_on', entityId: id, before, after });
    return after;
  });
}
