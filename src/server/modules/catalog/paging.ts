import { type SqlBool, sql } from 'kysely';
import { PlatformErrors } from '../../platform/errors.js';
import { decodeCursor, encodeCursor } from '../../platform/pagination.js';

/** Keyset position: the sort column's value and the id that breaks ties. */
export type Cursor = [string | number, string];

/** Reads an opaque cursor made by `toKeysetPage`; a forged or foreign one is a 400, never a 500. */
export function readCursor(cursor: string | undefined, kind: 'text' | 'int'): Cursor | undefined {
  if (!cursor) return undefined;
  try {
    const v = JSON.parse(decodeCursor(cursor) ?? '') as unknown;
    if (Array.isArray(v) && v.length === 2 && typeof v[1] === 'string') {
      if (kind === 'text' && typeof v[0] === 'string') return [v[0], v[1]];
      if (kind === 'int' && Number.isSafeInteger(v[0])) return [v[0] as number, v[1]];
    }
  } catch {
    // fall through
  }
  throw PlatformErrors.validation_failed({ fields: 'cursor' }, [{ path: 'cursor', message: 'not a cursor from this list' }]);
}

/** `(col, id) > (value, id)` written so both engines use the same comparison as their ORDER BY. */
export function afterCursor(col: string, idCol: string, c: Cursor) {
  return sql<SqlBool>`(${sql.ref(col)} > ${c[0]} or (${sql.ref(col)} = ${c[0]} and ${sql.ref(idCol)} > ${c[1]}))`;
}

/** Fetch limit+1 rows ordered by (col, id); return `limit` and a cursor when there was one more. */
export function toKeysetPage<T>(rows: T[], limit: number, keyOf: (row: T) => Cursor): { data: T[]; nextCursor: string | null } {
  const data = rows.slice(0, limit);
  const last = data.at(-1);
  return { data, nextCursor: rows.length > limit && last ? encodeCursor(JSON.stringify(keyOf(last))) : null };
}
