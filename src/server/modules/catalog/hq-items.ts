// What services and products share as HQ catalog items: archive instead of delete, hard delete only while
// unused, and a store's override (HQ locks win) replaced in one audited transaction. Each kind says where
// its rows live and how it is shown; the rules and audit rows are the same for both.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/tables.js';
import { type Executor, type Tx, toBool, withTransaction } from '../../db/tx.js';
import { type AuditContext, writeAudit } from '../../platform/audit.js';
import { PlatformErrors } from '../../platform/errors.js';
import type { Language } from '../../platform/i18n.js';
import { isEmptyOverride, lockedFieldsTouched, type ProductOverride, type ServiceOverride } from './catalog.js';
import { CatalogErrors, fieldLocked } from './errors.js';
import { findStore } from './repo.js';
import { findUsage } from './usage.js';

type Versioned = { archived: number; version: number };
type AnyOverride = ServiceOverride | ProductOverride;

/** The override columns every kind stores (services add a duration). */
export function overrideColumns(override: AnyOverride, ctx: AuditContext) {
  return {
    price: override.price,
    available: override.available === null ? null : toBool(override.available),
    updated_by: ctx.actorId,
    updated_at: ctx.now,
  };
}

export type HqItemKind<Row extends Versioned, Dto, O extends AnyOverride, StoreDto = unknown> = {
  entityType: 'service' | 'product';
  table: 'services' | 'products';
  find(db: Executor, id: string): Promise<Row | undefined>;
  toDto(db: Executor, row: Row, lang: Language): Dto | Promise<Dto>;
  /** The item with its related rows (staff, links, overrides) gone. */
  deleteRows(db: Executor, id: string): Promise<void>;
  /** Fields HQ locked on this row. */
  locks(row: Row, lang: Language): readonly string[];
  /** Bad input the override makes for this row (throws), beyond locks. */
  checkOverride?(row: Row, override: O): void;
  /** This store's override now, null where none. */
  overrideOf(db: Executor, id: string, storeId: string): Promise<O | null>;
  deleteOverride(tx: Tx, id: string, storeId: string): Promise<void>;
  insertOverride(tx: Tx, id: string, storeId: string, override: O, ctx: AuditContext): Promise<void>;
  /** The item as that store sells it. */
  toStoreDto(db: Executor, row: Row, lang: Language, storeId: string): Promise<StoreDto>;
};

async function mustFind<Row>(find: (db: Executor, id: string) => Promise<Row | undefined>, db: Executor, id: string): Promise<Row> {
  const row = await find(db, id);
  if (!row) throw PlatformErrors.not_found();
  return row;
}

/** Archiving always works: the item leaves menus and sale, and stays in history. Archiving twice is a no-op. */
export async function archiveHqItem<Row extends Versioned, Dto, O extends AnyOverride>(
  db: Kysely<DB>,
  kind: HqItemKind<Row, Dto, O, unknown>,
  id: string,
  ctx: AuditContext,
  lang: Language,
): Promise<Dto> {
  return withTransaction(db, async ({ tx }) => {
    const current = await mustFind(kind.find, tx, id);
    if (current.archived === 1) return kind.toDto(tx, current, lang);
    await tx
      .updateTable(kind.table)
      .set({ archived: 1, version: current.version + 1, updated_at: ctx.now })
      .where('id', '=', id)
      .execute();
    const after = await kind.toDto(tx, await mustFind(kind.find, tx, id), lang);
    await writeAudit(tx, ctx, {
      action: `catalog.${kind.entityType}.archive`,
      entityType: kind.entityType,
      entityId: id,
      before: { archived: false },
      after: { archived: true },
    });
    return after;
  });
}

/** Hard delete, only while nothing was booked, sold or used with it (other modules report uses): else 409 in_use. */
export async function deleteUnusedHqItem<Row extends Versioned, Dto, O extends AnyOverride>(
  db: Kysely<DB>,
  kind: HqItemKind<Row, Dto, O, unknown>,
  id: string,
  ctx: AuditContext,
  lang: Language,
): Promise<void> {
  await withTransaction(db, async ({ tx }) => {
    const current = await mustFind(kind.find, tx, id);
    if (await findUsage(tx, { type: kind.entityType, id })) throw CatalogErrors.in_use();
    const before = await kind.toDto(tx, current, lang);
    await kind.deleteRows(tx, id);
    await writeAudit(tx, ctx, { action: `catalog.${kind.entityType}.delete`, entityType: kind.entityType, entityId: id, before });
  });
}

/**
 * A store's own values for an item (PUT replaces; null or absent follows HQ; an empty override removes the row).
 * A field HQ locked is refused with 422 field_locked. Store scope is checked by the route.
 */
export async function setHqItemOverride<Row extends Versioned, Dto, O extends AnyOverride, StoreDto>(
  db: Kysely<DB>,
  kind: HqItemKind<Row, Dto, O, StoreDto>,
  id: string,
  storeId: string,
  override: O,
  ctx: AuditContext,
  lang: Language,
): Promise<StoreDto> {
  return withTransaction(db, async ({ tx }) => {
    if (!(await findStore(tx, storeId))) throw PlatformErrors.not_found();
    const item = await mustFind(kind.find, tx, id);
    const locked = lockedFieldsTouched(kind.locks(item, lang), override);
    if (locked.length) throw fieldLocked(locked, lang);
    kind.checkOverride?.(item, override);
    const before = await kind.overrideOf(tx, id, storeId);
    await kind.deleteOverride(tx, id, storeId);
    if (!isEmptyOverride(override)) await kind.insertOverride(tx, id, storeId, override, ctx);
    await writeAudit(tx, ctx, {
      action: 'catalog.override.set',
      entityType: kind.entityType,
      entityId: id,
      storeId,
      before,
      after: isEmptyOverride(override) ? null : override,
    });
    return kind.toStoreDto(tx, item, lang, storeId);
  });
}
