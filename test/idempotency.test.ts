import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlatformErrors } from '../src/server/platform/errors.js';
import { runIdempotent } from '../src/server/platform/idempotency.js';
import { newId } from '../src/server/platform/ids.js';
import { createTestDatabase, type TestDatabase } from './support/db.js';

describe('idempotent writes', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.destroy());

  // A write with a visible effect: one rate_limits row per call, so we can count how often it ran.
  const write =
    (marker: string) =>
    async ({ tx }: { tx: import('../src/server/db/tx.js').Tx }) => {
      await tx
        .insertInto('rate_limits')
        .values({ key: `${marker}:${newId()}`, count: 1, reset_at: 0 })
        .execute();
      return { status: 201, body: { marker } };
    };
  const effects = async (marker: string) =>
    (await db.db.selectFrom('rate_limits').select('key').where('key', 'like', `${marker}:%`).execute()).length;

  it('runs once per key and replays the first response', async () => {
    const opts = { scope: 'test', key: 'key-00000001', request: { a: 1, b: [1, 2] }, now: 1 };
    const first = await runIdempotent(db.db, opts, write('once'));
    const second = await runIdempotent(db.db, { ...opts, request: { b: [1, 2], a: 1 } }, write('once'));
    expect(first).toEqual({ status: 201, body: { marker: 'once' }, replayed: false, json: '{"marker":"once"}' });
    expect(second).toEqual({ status: 201, body: { marker: 'once' }, replayed: true, json: '{"marker":"once"}' });
    expect(await effects('once')).toBe(1);
  });

  it('refuses the same key with a different body', async () => {
    const opts = { scope: 'test', key: 'key-00000002', request: { amount: 100 }, now: 1 };
    await runIdempotent(db.db, opts, write('diff'));
    await expect(runIdempotent(db.db, { ...opts, request: { amount: 200 } }, write('diff'))).rejects.toMatchObject({
      code: 'idempotency_key_reused',
      status: 409,
    });
    expect(await effects('diff')).toBe(1);
  });

  it('lets concurrent retries with one key write exactly once', async () => {
    const opts = { scope: 'test', key: 'key-00000003', request: { x: 1 }, now: 1 };
    const results = await Promise.all(Array.from({ length: 8 }, () => runIdempotent(db.db, opts, write('race'))));
    expect(await effects('race')).toBe(1);
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
  });

  it('keeps nothing when the write fails, so a retry can succeed', async () => {
    const opts = { scope: 'test', key: 'key-00000004', request: {}, now: 1 };
    await expect(
      runIdempotent(db.db, opts, async (ctx) => {
        await write('fail')(ctx);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await effects('fail')).toBe(0);
    expect((await runIdempotent(db.db, opts, write('fail'))).replayed).toBe(false);
  });

  it('without the look-up first (lookFirst: false), replays after the write refuses and the key stops a second write', async () => {
    const opts = { scope: 'test', key: 'key-00000005', lookFirst: false, request: { n: 1 }, now: 1 };
    // Refuses once its effect exists, like completing a completed sale.
    const refusing = async (ctx: { tx: import('../src/server/db/tx.js').Tx }) => {
      const done = await ctx.tx.selectFrom('rate_limits').select('key').where('key', 'like', 'late:%').executeTakeFirst();
      if (done) throw PlatformErrors.stale_version();
      return write('late')(ctx);
    };
    expect((await runIdempotent(db.db, opts, refusing)).replayed).toBe(false);
    const retry = await runIdempotent(db.db, opts, refusing);
    expect(retry).toMatchObject({ status: 201, body: { marker: 'late' }, replayed: true });
    await expect(runIdempotent(db.db, { ...opts, request: { n: 2 } }, refusing)).rejects.toMatchObject({ code: 'idempotency_key_reused' });
    // A write that would run again is rolled back by the primary key on the key, and refused as a reuse.
    await expect(runIdempotent(db.db, { ...opts, request: { n: 3 } }, write('late'))).rejects.toMatchObject({
      code: 'idempotency_key_reused',
    });
    expect(await effects('late')).toBe(1);
  });

  it('requires a key when told to', async () => {
    await expect(
      runIdempotent(db.db, { scope: 'test', key: undefined, required: true, request: {}, now: 1 }, write('req')),
    ).rejects.toMatchObject({
      code: 'idempotency_key_required',
    });
  });
});
