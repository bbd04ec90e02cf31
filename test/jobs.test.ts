import { join } from 'node:path';
import { Cron } from 'croner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openPostgres, openSqlite } from '../src/server/db/database.js';
import { withTransaction } from '../src/server/db/tx.js';
import {
  enqueue,
  HOUSEKEEPING_CRON,
  HOUSEKEEPING_KIND,
  housekeepingHandler,
  type JobHandler,
  JobWorker,
  type JobWorkerOptions,
  onWake,
  PermanentJobError,
  wakeWorkers,
} from '../src/server/platform/jobs/index.js';
import { createTestApp, type TestApp } from './support/app.js';
import { ADMIN_URL, engine } from './support/db.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('jobs: outbox, leases, retries, housekeeping', () => {
  let t: TestApp;
  let second: Database;
  beforeAll(async () => {
    t = await createTestApp();
    // A second connection to the same database, as a second app server would have.
    if (engine() === 'postgres') {
      const url = new URL(ADMIN_URL);
      url.pathname = `/${t.db.name}`;
      second = openPostgres(url.toString(), { max: 5 });
    } else {
      second = openSqlite(join(t.db.name, 'test.sqlite'));
    }
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  const db = () => t.deps.database.db;
  const job = (id: string) => db().selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const worker = (handlers: Record<string, JobHandler>, opts: Partial<JobWorkerOptions> = {}) => {
    const w = new JobWorker({ database: t.deps.database, clock: t.clock, random: () => 0, ...opts });
    for (const [kind, handler] of Object.entries(handlers)) w.register(kind, handler);
    return w;
  };
  const deferred = () => {
    let resolve!: () => void;
    const promise = new Promise<void>((r) => {
      resolve = r;
    });
    return { promise, resolve };
  };

  it('writes nothing for a rolled-back transaction and wakes workers only after a commit', async () => {
    let wakes = 0;
    const unsubscribe = onWake(() => {
      wakes += 1;
    });
    try {
      await expect(
        withTransaction(db(), async ({ tx, afterCommit }) => {
          await enqueue(tx, { kind: 'test.outbox', payload: { n: 1 } }, t.clock.now(), afterCommit);
          throw new Error('the write failed');
        }),
      ).rejects.toThrow('the write failed');
      expect(await db().selectFrom('jobs').select('id').where('kind', '=', 'test.outbox').execute()).toEqual([]);
      expect(wakes).toBe(0);

      const id = await withTransaction(db(), ({ tx, afterCommit }) =>
        enqueue(tx, { kind: 'test.outbox', payload: { n: 2 } }, t.clock.now(), afterCommit),
      );
      expect(wakes).toBe(1);
      expect(await job(id)).toMatchObject({
        kind: 'test.outbox',
        payload: '{"n":2}',
        status: 'pending',
        attempts: 0,
        run_at: t.clock.now(),
      });

      const seen: unknown[] = [];
      const report = await worker({ 'test.outbox': async (payload) => void seen.push(payload) }).runOnce();
      expect(report).toMatchObject({ leased: 1, done: 1 });
      expect(seen).toEqual([{ n: 2 }]);
      expect(await job(id)).toMatchObject({ status: 'done', attempts: 1, done_at: t.clock.now(), locked_by: null });
    } finally {
      unsubscribe();
    }
  });

  it('leases only kinds it handles and only jobs that are due', async () => {
    const unknown = await enqueue(db(), { kind: 'test.nobody-handles-this' }, t.clock.now());
    const later = await enqueue(db(), { kind: 'test.later', runAt: t.clock.now() + 10 * MINUTE }, t.clock.now());
    const w = worker({ 'test.later': async () => {} });
    expect((await w.runOnce()).leased).toBe(0);
    expect(await job(unknown)).toMatchObject({ status: 'pending', attempts: 0 });
    t.clock.advance(10 * MINUTE);
    expect(await w.runOnce()).toMatchObject({ leased: 1, done: 1 });
    expect((await job(later)).status).toBe('done');
  });

  it('retries a failing handler with exponential backoff plus jitter, then marks it failed', async () => {
    let calls = 0;
    const w = worker(
      {
        'test.flaky': async () => {
          calls += 1;
          throw new Error('SMTP server unavailable');
        },
      },
      { random: () => 0.5 },
    );
    const id = await enqueue(db(), { kind: 'test.flaky', maxAttempts: 3 }, t.clock.now());

    expect(await w.runOnce()).toMatchObject({ leased: 1, retried: 1 });
    // attempt 1 failed: 30 s, +25 % × 0.5 jitter
    expect(await job(id)).toMatchObject({
      status: 'pending',
      attempts: 1,
      run_at: t.clock.now() + 30_000 + 3_750,
      last_error: 'Error: SMTP server unavailable',
      locked_by: null,
      locked_until: null,
    });
    t.clock.advance(33_749);
    expect((await w.runOnce()).leased).toBe(0);
    t.clock.advance(1);
    expect(await w.runOnce()).toMatchObject({ leased: 1, retried: 1 });
    expect(await job(id)).toMatchObject({ status: 'pending', attempts: 2, run_at: t.clock.now() + 60_000 + 7_500 });

    t.clock.advance(67_500);
    expect(await w.runOnce()).toMatchObject({ leased: 1, failed: 1 });
    expect(await job(id)).toMatchObject({
      status: 'failed',
      attempts: 3,
      last_error: 'Error: SMTP server unavailable',
      done_at: t.clock.now(),
    });
    t.clock.advance(DAY);
    expect((await w.runOnce()).leased).toBe(0);
    expect(calls).toBe(3);
  });

  it('succeeds on a later attempt and clears the error', async () => {
    let calls = 0;
    const w = worker({
      'test.second-time': async () => {
        calls += 1;
        if (calls === 1) throw new Error('timeout');
      },
    });
    const id = await enqueue(db(), { kind: 'test.second-time' }, t.clock.now());
    await w.runOnce();
    expect((await job(id)).last_error).toBe('Error: timeout');
    t.clock.advance(30_000);
    expect(await w.runOnce()).toMatchObject({ done: 1 });
    expect(await job(id)).toMatchObject({ status: 'done', attempts: 2, last_error: null });
  });

  it('fails at once on a PermanentJobError', async () => {
    const w = worker({
      'test.hopeless': async () => {
        throw new PermanentJobError('no such phone number');
      },
    });
    const id = await enqueue(db(), { kind: 'test.hopeless', maxAttempts: 8 }, t.clock.now());
    expect(await w.runOnce()).toMatchObject({ failed: 1 });
    expect(await job(id)).toMatchObject({ status: 'failed', attempts: 1, last_error: 'PermanentJobError: no such phone number' });
  });

  it('re-runs a job whose lease expired (crashed worker) and ignores the stale worker finishing late', async () => {
    const entered = deferred();
    const gate = deferred();
    const runs: string[] = [];
    const a = worker(
      {
        'test.lease': async () => {
          runs.push('A');
          entered.resolve();
          await gate.promise; // A "hangs" as if its process died mid-job
        },
      },
      { workerId: 'worker-A', leaseMs: 5 * MINUTE },
    );
    const b = worker({ 'test.lease': async () => void runs.push('B') }, { workerId: 'worker-B', database: second, leaseMs: 5 * MINUTE });
    const id = await enqueue(db(), { kind: 'test.lease' }, t.clock.now());

    const aRun = a.runOnce();
    await entered.promise;
    expect(await job(id)).toMatchObject({ locked_by: 'worker-A', locked_until: t.clock.now() + 5 * MINUTE, attempts: 1 });
    expect((await b.runOnce()).leased).toBe(0); // the lease still holds

    t.clock.advance(5 * MINUTE + 1);
    expect(await b.runOnce()).toMatchObject({ leased: 1, done: 1 });
    expect(await job(id)).toMatchObject({ status: 'done', attempts: 2, locked_by: null });

    gate.resolve();
    expect(await aRun).toMatchObject({ leased: 1, done: 0, lost: 1 });
    expect(runs).toEqual(['A', 'B']);
    expect((await job(id)).status).toBe('done');
  });

  it('fails a job whose workers keep dying once its attempts are used up', async () => {
    const entered = deferred();
    const never = new Promise<void>(() => {});
    const a = worker(
      {
        'test.poison': async () => {
          entered.resolve();
          await never;
        },
      },
      { workerId: 'worker-poisoned', leaseMs: MINUTE },
    );
    const b = worker({ 'test.poison': async () => {} }, { workerId: 'worker-next', database: second, leaseMs: MINUTE });
    const id = await enqueue(db(), { kind: 'test.poison', maxAttempts: 1 }, t.clock.now());
    void a.runOnce();
    await entered.promise;
    t.clock.advance(MINUTE + 1);
    expect(await b.runOnce()).toMatchObject({ leased: 1, failed: 1 });
    expect(await job(id)).toMatchObject({ status: 'failed', attempts: 2 });
    expect((await job(id)).last_error).toMatch(/lease expired/);
  });

  it('never runs a job twice when two workers on two connections poll at the same time', async () => {
    const N = 40;
    const ids = new Set<string>();
    for (let i = 0; i < N; i++) ids.add(await enqueue(db(), { kind: 'test.race', payload: { i } }, t.clock.now()));
    const runs: Array<{ worker: string; i: number }> = [];
    const handler =
      (name: string): JobHandler =>
      async (payload) => {
        runs.push({ worker: name, i: (payload as { i: number }).i });
        await new Promise((r) => setImmediate(r)); // let the other worker get in between
      };
    const a = worker({ 'test.race': handler('A') }, { workerId: 'race-A', batchSize: 3 });
    const b = worker({ 'test.race': handler('B') }, { workerId: 'race-B', batchSize: 3, database: second });
    const pending = async () =>
      (await db().selectFrom('jobs').select('id').where('kind', '=', 'test.race').where('status', '=', 'pending').execute()).length;
    let lost = 0;
    const drain = async (w: JobWorker) => {
      for (let round = 0; round < 2_000; round++) {
        const r = await w.runOnce();
        lost += r.lost;
        if (r.leased === 0 && (await pending()) === 0) return;
        // SQLite answers synchronously: yield so the other worker's handlers (macrotasks) get to finish.
        if (r.leased === 0) await new Promise((r) => setImmediate(r));
      }
      throw new Error('did not drain');
    };
    await Promise.all([drain(a), drain(b)]);

    expect(runs).toHaveLength(N);
    expect(new Set(runs.map((r) => r.i)).size).toBe(N);
    expect(lost).toBe(0);
    const rows = await db().selectFrom('jobs').select(['id', 'status', 'attempts']).where('kind', '=', 'test.race').execute();
    expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(rows.every((r) => r.status === 'done' && r.attempts === 1)).toBe(true);
  });

  it('housekeeping runs on its schedule once across servers and deletes what is past retention', async () => {
    const tick = new Cron(HOUSEKEEPING_CRON, { timezone: 'UTC' }).nextRun(new Date(t.clock.now()))!.getTime();
    const now = () => tick;
    await db()
      .insertInto('idempotency_keys')
      .values([
        { scope: 'test', key: 'old', request_hash: 'h', status_code: 201, response: '{}', created_at: now() - 25 * HOUR },
        { scope: 'test', key: 'fresh', request_hash: 'h', status_code: 201, response: '{}', created_at: now() - HOUR },
      ])
      .execute();
    await db()
      .insertInto('rate_limits')
      .values([
        { key: 'test:ended', count: 5, reset_at: now() - MINUTE },
        { key: 'test:active', count: 5, reset_at: now() + 10 * MINUTE },
      ])
      .execute();
    const doneJob = (id: string, status: string, doneAt: number) => ({
      id,
      kind: 'test.history',
      payload: 'null',
      status,
      run_at: doneAt,
      attempts: 1,
      max_attempts: 8,
      locked_by: null,
      locked_until: null,
      last_error: null,
      created_at: doneAt,
      done_at: doneAt,
    });
    await db()
      .insertInto('jobs')
      .values([
        doneJob('history-done-old', 'done', now() - 31 * DAY),
        doneJob('history-done-recent', 'done', now() - DAY),
        doneJob('history-failed-old', 'failed', now() - 40 * DAY),
      ])
      .execute();

    const server = (database: Database) =>
      new JobWorker({ database, clock: t.clock })
        .register(HOUSEKEEPING_KIND, housekeepingHandler(database.db))
        .schedule(HOUSEKEEPING_CRON, HOUSEKEEPING_KIND);
    const one = server(t.deps.database);
    const two = server(second);
    expect(await one.runOnce()).toMatchObject({ scheduled: 0, leased: 0 });

    t.clock.set(tick + 500);
    const [r1, r2] = await Promise.all([one.runOnce(), two.runOnce()]);
    expect(r1.scheduled + r2.scheduled).toBe(2);
    expect(r1.done + r2.done).toBe(1);
    const runs = await db().selectFrom('jobs').selectAll().where('kind', '=', HOUSEKEEPING_KIND).execute();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'done', run_at: tick });

    const keys = await db().selectFrom('idempotency_keys').select('key').where('scope', '=', 'test').execute();
    expect(keys.map((k) => k.key)).toEqual(['fresh']);
    const limits = await db().selectFrom('rate_limits').select('key').where('key', 'like', 'test:%').execute();
    expect(limits.map((l) => l.key)).toEqual(['test:active']);
    const history = await db().selectFrom('jobs').select('id').where('kind', '=', 'test.history').orderBy('id').execute();
    expect(history.map((h) => h.id)).toEqual(['history-done-recent', 'history-failed-old']);

    // The next poll in the same hour enqueues nothing new.
    t.clock.advance(MINUTE);
    expect(await one.runOnce()).toMatchObject({ scheduled: 0, leased: 0 });
  });

  it('polls in the background, wakes at once after a commit and stops cleanly', async () => {
    const first = deferred();
    const second_ = deferred();
    const ran: string[] = [];
    const w = worker(
      {
        'test.background': async (payload) => {
          ran.push(String(payload));
          if (payload === 'first') first.resolve();
          else second_.resolve();
        },
      },
      { pollMs: HOUR },
    );
    await enqueue(db(), { kind: 'test.background', payload: 'first' }, t.clock.now());
    w.start();
    await first.promise; // the initial poll ran it; the next timed poll is an hour away (real time)
    await withTransaction(db(), ({ tx, afterCommit }) =>
      enqueue(tx, { kind: 'test.background', payload: 'second' }, t.clock.now(), afterCommit),
    );
    await second_.promise; // only the wake-up can have run it this soon
    await w.stop();

    const id = await enqueue(db(), { kind: 'test.background', payload: 'third' }, t.clock.now());
    wakeWorkers();
    expect(await w.runOnce()).toMatchObject({ done: 1 }); // still usable by hand; the loop is gone
    expect((await job(id)).status).toBe('done');
    expect(ran).toEqual(['first', 'second', 'third']);
  });
});
