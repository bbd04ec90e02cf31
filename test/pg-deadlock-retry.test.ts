import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openPostgres } from '../src/server/db/database.js';
import { runIdempotent } from '../src/server/platform/idempotency.js';
import { createEmptyPostgresDatabase } from './support/db.js';

// Two money writes that lock the same rows in opposite orders (a checkout: ledger accounts in its hooks,
// then the receipt counter with its COMMIT; a refund: the counter, then the accounts) deadlock on
// PostgreSQL, which aborts one of them (40P01). The aborted write rolled back whole and runs again, so
// both succeed instead of one answering 500. (PostgreSQL's own behaviour: a database of its own.)
describe('money and booking writes after a PostgreSQL deadlock', () => {
  let target: Awaited<ReturnType<typeof createEmptyPostgresDatabase>>;
  let database: Database;

  beforeAll(async () => {
    target = await createEmptyPostgresDatabase('orchid_deadlock');
    database = openPostgres(target.url, { max: 4 });
    await sql`create table accounts (id integer primary key, balance integer not null)`.execute(database.db);
    await sql`insert into accounts values (1, 0), (2, 0)`.execute(database.db);
  });
  afterAll(async () => {
    await database.close();
    await target.drop();
  });

  it('runs the write the deadlock aborted again; both commit, each exactly once', async () => {
    let firstLocks = 0;
    let releaseBoth!: () => void;
    const bothLocked = new Promise<void>((resolve) => {
      releaseBoth = resolve;
    });
    let runs = 0;
    const write = (first: number, second: number) =>
      runIdempotent(database.db, { scope: 'test', key: undefined, request: {}, now: 0 }, async ({ tx }) => {
        runs++;
        await sql`update accounts set balance = balance + 1 where id = ${first}`.execute(tx);
        if (++firstLocks === 2) releaseBoth();
        await bothLocked;
        await sql`update accounts set balance = balance + 10 where id = ${second}`.execute(tx);
        return { status: 200, body: { first } };
      });
    const results = await Promise.allSettled([write(1, 2), write(2, 1)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(runs).toBe(3);
    const rows = (await sql<{ id: number; balance: number }>`select id, balance from accounts order by id`.execute(database.db)).rows;
    expect(rows).toEqual([
      { id: 1, balance: 11 },
      { id: 2, balance: 11 },
    ]);
  });
});
