// A merge must move everything that points at the merged card. This reads the migrated schema (whatever
// tables later migrations add) and checks that every column holding a client id is moved by the merge
// itself or by a hook some module registered. A new table with a client_id fails here until its module
// calls registerMergeTable / registerMergeHook({ columns }) or it is added, with a reason, to NOT_MOVED.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MERGE_CORE_COLUMNS, mergeCoverage } from '../src/server/modules/clients/index.js';
import { createTestApp, type TestApp } from './support/app.js';
import { engine } from './support/db.js';

// Columns that hold a client id but must stay on the merged card. Keep this short, one reason each.
const NOT_MOVED: ReadonlyMap<string, string> = new Map([
  // (none today: every client reference moves; e.g. clients.merged_into_id is re-pointed by the merge itself)
]);

/** Every 'table.column' of the live schema named client_id / *_client_id or with a foreign key to clients. */
async function clientColumns(t: TestApp): Promise<string[]> {
  const rows =
    engine() === 'sqlite'
      ? await sql<{ tbl: string; col: string }>`
          select m.name as tbl, p.name as col
          from sqlite_master m join pragma_table_info(m.name) p
          where m.type = 'table' and m.name not like 'sqlite%' and p.name like '%client_id'
          union
          select m.name, f."from"
          from sqlite_master m join pragma_foreign_key_list(m.name) f
          where m.type = 'table' and f."table" = 'clients'`.execute(t.db.db)
      : await sql<{ tbl: string; col: string }>`
          select c.table_name as tbl, c.column_name as col
          from information_schema.columns c
          join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
          where c.table_schema = current_schema() and t.table_type = 'BASE TABLE' and c.column_name like '%client_id'
          union
          select cl.relname, a.attname
          from pg_constraint k
          join pg_class cl on cl.oid = k.conrelid
          join pg_attribute a on a.attrelid = k.conrelid and a.attnum = any (k.conkey)
          where k.contype = 'f' and k.confrelid = 'clients'::regclass`.execute(t.db.db);
  return [...new Set(rows.rows.map((r) => `${r.tbl}.${r.col}`))].sort();
}

describe('client merge coverage', () => {
  let t: TestApp;
  let columns: string[];

  beforeAll(async () => {
    // Building the app imports every module, and each registers its merge hooks at import time.
    t = await createTestApp();
    columns = await clientColumns(t);
  });
  afterAll(() => t.close());

  it('finds the client references in the migrated schema (the query itself works)', () => {
    expect(columns).toEqual(
      expect.arrayContaining([
        'clients.merged_into_id',
        'client_notes.client_id',
        'appointments.client_id',
        'client_message_log.client_id',
        'wallet_store_limits.client_id',
        'coupon_redemptions.client_id', // no foreign key: found by its name
      ]),
    );
  });

  it('every column that references a client is moved by a merge or explicitly left alone', () => {
    const covered = mergeCoverage();
    const missing = columns.filter((c) => !covered.has(c) && !NOT_MOVED.has(c));
    expect(missing, 'register these with registerMergeTable / registerMergeHook({ columns }) in their module').toEqual([]);
    const both = [...NOT_MOVED.keys()].filter((c) => covered.has(c));
    expect(both, 'a column cannot be both moved and left alone').toEqual([]);
  });

  it('every declared column exists (no stale or misspelt registrations)', () => {
    const live = new Set(columns);
    const declared = [...mergeCoverage(), ...NOT_MOVED.keys()];
    expect(declared.filter((c) => !live.has(c))).toEqual([]);
    expect(MERGE_CORE_COLUMNS.length).toBeGreaterThan(0);
  });
});
