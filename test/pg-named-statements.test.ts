import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openPostgres } from '../src/server/db/database.js';
import { createEmptyPostgresDatabase } from './support/db.js';

// PostgreSQL statements with parameters run as named prepared statements (parsed and planned once per
// connection). When another server changes a table under a cached `select *`, the statement fails once
// on that connection and then runs unnamed: the connection must not keep failing.
describe('PostgreSQL named statements', () => {
  let target: Awaited<ReturnType<typeof createEmptyPostgresDatabase>>;
  let database: Database;
  let other: Database;
  beforeAll(async () => {
    target = await createEmptyPostgresDatabase('orchid_named');
    database = openPostgres(target.url, { max: 1 });
    other = openPostgres(target.url, { max: 1 });
  });
  afterAll(async () => {
    await database.close();
    await other.close();
    await target.drop();
  });

  it('survive a column added by another connection: one failure, then the same statement works', async () => {
    await sql`create table t (id integer primary key, v text not null)`.execute(other.db);
    await sql`insert into t (id, v) values (1, 'a')`.execute(other.db);
    const read = () => sql<{ id: number; v: string }>`select * from t where id = ${1}`.execute(database.db);
    expect((await read()).rows).toEqual([{ id: 1, v: 'a' }]);
    expect((await read()).rows).toEqual([{ id: 1, v: 'a' }]);

    await sql`alter table t add column w text not null default 'new'`.execute(other.db);
    await expect(read()).rejects.toMatchObject({ code: '0A000' });
    expect((await read()).rows).toEqual([{ id: 1, v: 'a', w: 'new' }]);
    expect((await read()).rows).toEqual([{ id: 1, v: 'a', w: 'new' }]);
  });
});
