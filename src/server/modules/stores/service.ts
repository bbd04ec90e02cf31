import type { Kysely } from 'kysely';
import type { DB } from '../../db/tables.js';
import { type Executor, withTransaction } from '../../db/tx.js';
import { type AuditContext, writeAudit } from '../../platform/audit.js';
import { PlatformErrors } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { findStoreById } from './repo.js';
import { DEFAULT_HOURS, type StoreCreate, type StoreUpdate } from './schemas.js';
import { slugify, toStoreDto } from './stores.js';

async function uniqueSlug(db: Executor, name: string, exceptId?: string): Promise<string> {
  const base = slugify(name);
  const taken = new Set(
    (await db.selectFrom('stores').select(['id', 'slug']).where('slug', 'like', `${base}%`).execute())
      .filter((r) => r.id !== exceptId)
      .map((r) => r.slug),
  );
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

/** Creates a store inside the caller's transaction (setup, demo and the stores screen share this). */
export async function insertStore(tx: Executor, input: StoreCreate, defaultCurrency: string, ctx: AuditContext) {
  const row = {
    id: newId(),
    name: input.name,
    slug: await uniqueSlug(tx, input.name),
    address: input.address ?? null,
    phone: input.phone ?? null,
    time_zone: input.timeZone,
    currency: input.currency ?? defaultCurrency,
    hours: JSON.stringify(input.hours ?? DEFAULT_HOURS),
    special_dates: JSON.stringify(input.specialDates ?? []),
    tax_settings: '{}',
    archived: 0 as const,
    version: 1,
    created_at: ctx.now,
    updated_at: ctx.now,
  };
  await tx.insertInto('stores').values(row).execute();
  const dto = toStoreDto(row);
  await writeAudit(tx, ctx, { action: 'store.create', entityType: 'store', entityId: row.id, storeId: row.id, after: dto });
  return dto;
}

export async function createStore(db: Kysely<DB>, input: StoreCreate, ctx: AuditContext) {
  return withTransaction(db, async ({ tx }) => {
    const business = await tx.selectFrom('business').select('currency').executeTakeFirstOrThrow();
    return insertStore(tx, input, business.currency, ctx);
  });
}

/** Optimistic update: the caller's version must be the current one, or 409 stale_version. */
export async function updateStore(db: Kysely<DB>, id: string, input: StoreUpdate, ctx: AuditContext) {
  return withTransaction(db, async ({ tx }) => {
    const current = await findStoreById(tx, id);
    if (!current) throw PlatformErrors.not_found();
    const { version, ...changes } = input;
    const patch = {
      ...(changes.name !== undefined ? { name: changes.name, slug: await uniqueSlug(tx, changes.name, id) } : {}),
      ...(changes.timeZone !== undefined ? { time_zone: changes.timeZone } : {}),
      ...(changes.currency !== undefined ? { currency: changes.currency } : {}),
      ...(changes.address !== undefined ? { address: changes.address || null } : {}),
      ...(changes.phone !== undefined ? { phone: changes.phone || null } : {}),
      ...(changes.hours !== undefined ? { hours: JSON.stringify(changes.hours) } : {}),
      ...(changes.specialDates !== undefined ? { special_dates: JSON.stringify(changes.specialDates) } : {}),
    };
    const res = await tx
      .updateTable('stores')
      .set({ ...patch, version: version + 1, updated_at: ctx.now })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw PlatformErrors.stale_version();
    const updated = toStoreDto((await findStoreById(tx, id))!);
    await writeAudit(tx, ctx, {
      action: 'store.update',
      entityType: 'store',
      entityId: id,
      storeId: id,
      before: toStoreDto(current),
      after: updated,
    });
    return updated;
  });
}
