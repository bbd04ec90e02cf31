import { Socket } from 'node:net';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { precompiled } from '../src/server/db/compiled.js';
import { type Database, openPostgres } from '../src/server/db/database.js';
import { withTransaction } from '../src/server/db/tx.js';
import { createEmptyPostgresDatabase } from './support/db.js';

// PostgreSQL connections send `begin` with a transaction's first statement and a statement marked `atCommit`
// with its COMMIT (src/server/db/pg-round-trips.ts). Fewer network writes, and the same outcomes as one
// statement at a time: what fails rolls back, what commits is all there.
describe('PostgreSQL round trips', () => {
  let target: Awaited<ReturnType<typeof createEmptyPostgresDatabase>>;
  let database: Database;
  const socketWrites = { n: 0 };
  const original = { write: Socket.prototype._write, writev: Socket.prototype._writev };

  beforeAll(async () => {
    target = await createEmptyPostgresDatabase('orchid_trips');
    database = openPostgres(target.url, { max: 1 });
    await sql`create table t (id integer primary key, v text not null)`.execute(database.db);
    // Every network write of this process (only this file's one PostgreSQL connection writes).
    Socket.prototype._write = function (...args: Parameters<Socket['_write']>) {
      socketWrites.n++;
      return original.write.apply(this, args);
    };
    Socket.prototype._writev = function (...args: Parameters<NonNullable<Socket['_writev']>>) {
      socketWrites.n++;
      return original.writev!.apply(this, args);
    };
  });
  afterAll(async () => {
    Socket.prototype._write = original.write;
    Socket.prototype._writev = original.writev;
    await database.close();
    await target.drop();
  });
  afterEach(async () => {
    await sql`delete from t`.execute(database.db);
  });

  const insert = precompiled(['id', 'v'], (db, p) => db.insertInto('t' as never).values({ id: p.id, v: p.v } as never));
  const rows = async () => (await sql<{ id: number; v: string }>`select id, v from t order by id`.execute(database.db)).rows;
  const writesDuring = async (fn: () => Promise<unknown>) => {
    const before = socketWrites.n;
    await fn();
    return socketWrites.n - before;
  };

  it('a transaction of one statement and a held-back one is two network writes, and commits both', async () => {
    await rows(); // the connection is open and its statements prepared before counting
    const writes = await writesDuring(() =>
      withTransaction(database.db, async ({ tx }) => {
        await insert(tx, { id: 1, v: 'first' });
        await insert(tx, { id: 2, v: 'at commit' }, '', { atCommit: true });
      }),
    );
    expect(writes).toBe(2);
    expect(await rows()).toEqual([
      { id: 1, v: 'first' },
      { id: 2, v: 'at commit' },
    ]);
  });

  it('a held-back statement that fails fails the commit, and nothing of the transaction stays', async () => {
    await insert(database.db, { id: 7, v: 'already there' });
    const attempt = withTransaction(database.db, async ({ tx }) => {
      await insert(tx, { id: 1, v: 'in the transaction' });
      await insert(tx, { id: 7, v: 'duplicate' }, '', { atCommit: true });
      return 'returned before the commit';
    });
    await expect(attempt).rejects.toMatchObject({ code: '23505' });
    expect(await rows()).toEqual([{ id: 7, v: 'already there' }]);
    // The connection is usable afterwards, in and out of transactions.
    await withTransaction(database.db, async ({ tx }) => insert(tx, { id: 2, v: 'next' }));
    expect((await rows()).map((r) => r.id)).toEqual([2, 7]);
  });

  it('a failing first statement (sent with begin) rolls the transaction back', async () => {
    await insert(database.db, { id: 1, v: 'there' });
    await expect(
      withTransaction(database.db, async ({ tx }) => {
        await insert(tx, { id: 1, v: 'duplicate' });
      }),
    ).rejects.toMatchObject({ code: '23505' });
    await expect(
      withTransaction(database.db, async ({ tx }) => {
        await insert(tx, { id: 2, v: 'written' });
        throw new Error('refused after a write');
      }),
    ).rejects.toThrow('refused after a write');
    expect(await rows()).toEqual([{ id: 1, v: 'there' }]);
  });

  it('a held-back statement outside a transaction runs at once; one in a rolled-back transaction never runs', async () => {
    await insert(database.db, { id: 3, v: 'autocommit' }, '', { atCommit: true });
    expect(await rows()).toEqual([{ id: 3, v: 'autocommit' }]);
    await expect(
      withTransaction(database.db, async ({ tx }) => {
        await insert(tx, { id: 4, v: 'held back' }, '', { atCommit: true });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await rows()).toEqual([{ id: 3, v: 'autocommit' }]);
  });

  const insertReturning = precompiled(['id', 'v'], (db, p) =>
    db
      .insertInto('t' as never)
      .values({ id: p.id, v: p.v } as never)
      .returning(sql<string>`v || '!'`.as('shout')),
  );

  it('a held-back statement gives its rows to its callback once the commit went through, in the same network write', async () => {
    await rows();
    const seen: unknown[][] = [];
    let inside: number | undefined;
    const writes = await writesDuring(() =>
      withTransaction(database.db, async ({ tx }) => {
        await insert(tx, { id: 1, v: 'first' });
        await insertReturning(tx, { id: 2, v: 'last' }, '', { atCommit: (r) => seen.push(r) });
        inside = seen.length;
      }),
    );
    expect(inside).toBe(0);
    expect(seen).toEqual([[{ shout: 'last!' }]]);
    expect(writes).toBe(2);
  });

  it('a held-back statement followed by another goes out with it, so the later one sees its write', async () => {
    await rows();
    const seen: unknown[][] = [];
    let read: Array<{ id: number; v: string }> = [];
    const writes = await writesDuring(() =>
      withTransaction(database.db, async ({ tx }) => {
        await insert(tx, { id: 1, v: 'first' });
        await insertReturning(tx, { id: 2, v: 'held' }, '', { atCommit: (r) => seen.push(r) });
        read = (await sql<{ id: number; v: string }>`select id, v from t order by id`.execute(tx)).rows;
        expect(seen).toEqual([[{ shout: 'held!' }]]);
      }),
    );
    expect(read.map((r) => r.v)).toEqual(['first', 'held']);
    // begin + first; held + select; commit.
    expect(writes).toBe(3);
  });

  it('a rolled-back transaction never calls a held-back statement back', async () => {
    const seen: unknown[][] = [];
    await expect(
      withTransaction(database.db, async ({ tx }) => {
        await insertReturning(tx, { id: 5, v: 'held back' }, '', { atCommit: (r) => seen.push(r) });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await insert(database.db, { id: 1, v: 'taken' });
    await expect(
      withTransaction(database.db, async ({ tx }) => {
        await insertReturning(tx, { id: 1, v: 'duplicate' }, '', { atCommit: (r) => seen.push(r) });
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect(seen).toEqual([]);
    expect(await rows()).toEqual([{ id: 1, v: 'taken' }]);
  });

  it('an empty transaction sends nothing', async () => {
    await rows();
    expect(await writesDuring(() => withTransaction(database.db, async () => 'nothing to do'))).toBe(0);
  });
});
