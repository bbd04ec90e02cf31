import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../src/server/db/tx.js';
import { cachedForStore, cachedStoreRow, insertStore } from '../src/server/modules/stores/index.js';
import { createTestDatabase, type TestDatabase } from './support/db.js';

// The per-store cache of set-up rows (modules/stores/cache.ts) and the write watch that expires it
// (db/write-watch.ts): a value is reused until a table of its group is written, however the write happens.
describe('store set-up cache', () => {
  let db: TestDatabase;
  let storeId: string;
  const audit = () => ({ actorId: null, ip: null, requestId: null, now: Date.now() });
  const rename = (name: string) => db.db.updateTable('stores').set({ name }).where('id', '=', storeId).execute();

  beforeAll(async () => {
    db = await createTestDatabase();
    const store = await withTransaction(db.db, ({ tx }) =>
      insertStore(tx, { name: 'Cache Street', timeZone: 'America/Toronto' }, 'CAD', audit()),
    );
    storeId = store.id;
  });
  afterAll(() => db.destroy());

  it('reads once, then answers from memory until the store row is written', async () => {
    let reads = 0;
    const load = () => {
      reads++;
      return db.db.selectFrom('stores').select('name').where('id', '=', storeId).executeTakeFirstOrThrow();
    };
    expect((await cachedForStore(db.db, 'test.name', storeId, load)).name).toBe('Cache Street');
    expect((await cachedForStore(db.db, 'test.name', storeId, load)).name).toBe('Cache Street');
    expect(reads).toBe(1);

    await rename('Cache Avenue');
    expect((await cachedForStore(db.db, 'test.name', storeId, load)).name).toBe('Cache Avenue');
    expect(reads).toBe(2);
  });

  it('a booking-side write (busy time) leaves set-up entries alone, and the other way round', async () => {
    let setupReads = 0;
    let busyReads = 0;
    const setup = () => cachedForStore(db.db, 'test.setup', storeId, async () => ++setupReads);
    const busy = () => cachedForStore(db.db, 'test.busy', storeId, async () => ++busyReads, 'busy');
    await Promise.all([setup(), busy()]);
    await db.db.deleteFrom('staff_occupancy').where('appointment_id', '=', 'no-such-appointment').execute();
    expect([await setup(), await busy()]).toEqual([1, 2]);
    await rename('Cache Lane');
    expect([await setup(), await busy()]).toEqual([2, 2]);
  });

  it('never keeps what a transaction wrote and then rolled back', async () => {
    await rename('Cache Road');
    const failed = withTransaction(db.db, async ({ tx }) => {
      await tx.updateTable('stores').set({ name: 'Never Committed' }).where('id', '=', storeId).execute();
      // Read inside the transaction: it sees its own write, but that must not be cached for others.
      expect((await cachedStoreRow(tx, storeId))?.name).toBe('Never Committed');
      throw new Error('roll back');
    });
    await expect(failed).rejects.toThrow('roll back');
    expect((await cachedStoreRow(db.db, storeId))?.name).toBe('Cache Road');
  });

  it('drops a value read while a transaction was changing the row, once that transaction commits', async () => {
    await rename('Before');
    expect((await cachedStoreRow(db.db, storeId))?.name).toBe('Before');
    await withTransaction(db.db, async ({ tx }) => {
      await tx.updateTable('stores').set({ name: 'After' }).where('id', '=', storeId).execute();
    });
    expect((await cachedStoreRow(db.db, storeId))?.name).toBe('After');
  });
});
