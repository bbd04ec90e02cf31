// Pieces every HQ catalog write shares (categories, services, products, add-ons): the columns of a new row,
// the name columns and their search text, and optimistic versioning (send the version you read; a stale
// one is 409 stale_version).
import type { UpdateObject } from 'kysely';
import type { DB } from '../../db/tables.js';
import { type Executor, type Tx, toBool } from '../../db/tx.js';
import { PlatformErrors } from '../../platform/errors.js';
import { cleanTranslations, searchText, type Translations } from './catalog.js';
import { parseTranslations } from './dto.js';

type SearchPart = string | null | undefined;

/** A new row: live, version 1. */
export const newRowStamps = (now: number) => ({ archived: 0 as const, version: 1, created_at: now, updated_at: now });

/** The name columns of a new row; `extra` joins the search text (SKU, barcode, brand). */
export function nameColumns(name: string, translations: Translations | undefined, ...extra: SearchPart[]) {
  const clean = cleanTranslations(translations);
  return { name, name_translations: JSON.stringify(clean), search_text: searchText(name, clean, ...extra) };
}

/** The name columns an edit sets: what it sends, and the search text rebuilt from the name as it will be. */
export function nameChanges(
  input: { name?: string; nameTranslations?: Translations },
  current: { name: string; name_translations: string },
  ...extra: SearchPart[]
) {
  return {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.nameTranslations !== undefined ? { name_translations: JSON.stringify(cleanTranslations(input.nameTranslations)) } : {}),
    search_text: searchText(input.name ?? current.name, input.nameTranslations ?? parseTranslations(current.name_translations), ...extra),
  };
}

/** The row an edit starts from: 404 when gone, 409 stale_version when someone saved since it was read. */
export async function rowAtVersion<Row extends { version: number }>(
  find: (db: Executor, id: string) => Promise<Row | undefined>,
  db: Executor,
  id: string,
  version: number,
): Promise<Row> {
  const row = await find(db, id);
  if (!row) throw PlatformErrors.not_found();
  if (row.version !== version) throw PlatformErrors.stale_version();
  return row;
}

type VersionedTable = 'service_categories' | 'services' | 'products' | 'add_ons';

/**
 * Saves an edit of the row `id` read at `edit.version`: its changes, archived when the edit says so, the next
 * version. Someone saved since: nothing changes and it is 409 stale_version.
 */
export async function updateAtVersion<T extends VersionedTable>(
  tx: Tx,
  table: T,
  id: string,
  edit: { version: number; archived?: boolean },
  now: number,
  changes: UpdateObject<DB, T, T>,
): Promise<void> {
  const res = await tx
    .updateTable(table as VersionedTable)
    .set({
      ...(changes as UpdateObject<DB, VersionedTable, VersionedTable>),
      ...(edit.archived !== undefined ? { archived: toBool(edit.archived) } : {}),
      version: edit.version + 1,
      updated_at: now,
    })
    .where('id', '=', id)
    .where('version', '=', edit.version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw PlatformErrors.stale_version();
}
