import { hostname } from 'node:os';
import { Cron } from 'croner';
import type { Database } from '../../db/database.js';
import type { Clock } from '../clock.js';
import { newId } from '../ids.js';
import { type BackoffPolicy, backoffDelay, DEFAULT_BACKOFF } from './backoff.js';
import { enqueue, onWake } from './enqueue.js';
import { type JobRow, leaseDueJobs, markDone, markFailed, markRetry } from './lease.js';

/** What a handler learns about the job it runs. `attempt` starts at 1. */
export type JobContext = { id: string; kind: string; attempt: number; maxAttempts: number; now: number };

/**
 * Runs one job. Resolve = done; throw = retry with backoff (or failed after the last attempt);
 * throw a PermanentJobError to fail at once (bad payload, a recipient that can never work).
 * Delivery is at-least-once: a handler whose worker crashed after the side effect runs again, so
 * handlers should be idempotent where repeating matters. They must finish well within the lease.
 */
export type JobHandler = (payload: unknown, ctx: JobContext) => Promise<void>;

/** A failure that retrying cannot fix: the job is marked failed without further attempts. */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}

/** The part of a pino/Fastify logger the worker uses. */
export type JobLogger = {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
};

const silent: JobLogger = { info() {}, warn() {}, error() {} };

export type JobWorkerOptions = {
  database: Pick<Database, 'db' | 'dialect'>;
  clock: Clock;
  /** Unique per worker; shows in `jobs.locked_by`. Default: host:pid:random. */
  workerId?: string;
  /** Jitter source for backoff, injectable for exact tests. */
  random?: () => number;
  backoff?: BackoffPolicy;
  /** How long a lease lasts; a crashed worker's jobs are taken over after it (default 5 min). */
  leaseMs?: number;
  /** Jobs leased per poll, run concurrently (default 10). */
  batchSize?: number;
  /** Poll interval of the start() loop (default 1 s); wake() polls earlier. */
  pollMs?: number;
  log?: JobLogger;
};

export type RunReport = { scheduled: number; leased: number; done: number; retried: number; failed: number; lost: number };

type Schedule = { pattern: string; cron: Cron; kind: string; payload: unknown; maxAttempts?: number; next: number | null };

/**
 * Leases due jobs from the jobs table and runs their handlers. Several workers (in one process or on
 * several app servers) can share a database: a job is leased by exactly one of them at a time.
 */
export class JobWorker {
  readonly id: string;
  private readonly handlers = new Map<string, JobHandler>();
  private readonly schedules: Schedule[] = [];
  private readonly random: () => number;
  private readonly backoff: BackoffPolicy;
  private readonly leaseMs: number;
  private readonly batchSize: number;
  private readonly pollMs: number;
  private readonly log: JobLogger;
  private running = false;
  private loop: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private sleeper: (() => void) | undefined;
  private wakeRequested = false;
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly opts: JobWorkerOptions) {
    this.id = opts.workerId ?? `${hostname()}:${process.pid}:${newId().slice(-12)}`;
    this.random = opts.random ?? Math.random;
    this.backoff = opts.backoff ?? DEFAULT_BACKOFF;
    this.leaseMs = opts.leaseMs ?? 5 * 60_000;
    this.batchSize = opts.batchSize ?? 10;
    this.pollMs = opts.pollMs ?? 1_000;
    this.log = opts.log ?? silent;
  }

  /** Registers the handler for a job kind; only kinds with a handler are leased by this worker. */
  register(kind: string, handler: JobHandler): this {
    if (this.handlers.has(kind)) throw new Error(`job kind registered twice: ${kind}`);
    this.handlers.set(kind, handler);
    return this;
  }

  /**
   * Enqueues a `kind` job at every tick of a cron pattern (croner syntax, evaluated against the injected
   * clock on each poll). Ticks missed while no server ran collapse into one job. Each tick's job has a
   * fixed id, so several app servers with the same schedule enqueue it once.
   */
  schedule(pattern: string, kind: string, opts: { payload?: unknown; timezone?: string; maxAttempts?: number } = {}): this {
    const cron = new Cron(pattern, { timezone: opts.timezone ?? 'UTC', paused: true });
    const next = cron.nextRun(new Date(this.opts.clock.now()))?.getTime() ?? null;
    this.schedules.push({ pattern, cron, kind, payload: opts.payload ?? null, maxAttempts: opts.maxAttempts, next });
    return this;
  }

  /** One poll: enqueue due schedule ticks, lease a batch of due jobs, run them. Tests call this directly. */
  async runOnce(): Promise<RunReport> {
    const report: RunReport = { scheduled: await this.enqueueDueTicks(), leased: 0, done: 0, retried: 0, failed: 0, lost: 0 };
    const jobs = await leaseDueJobs(this.opts.database.db, this.opts.database.dialect, {
      workerId: this.id,
      kinds: [...this.handlers.keys()],
      limit: this.batchSize,
      now: this.opts.clock.now(),
      leaseMs: this.leaseMs,
    });
    report.leased = jobs.length;
    const outcomes = await Promise.all(jobs.map((job) => this.runJob(job)));
    for (const o of outcomes) report[o] += 1;
    return report;
  }

  /** Starts polling every `pollMs` (and at once on wake()). Idempotent. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.unsubscribe = onWake(() => this.wake());
    this.loop = this.runLoop();
  }

  /**
   * Stops polling and waits for the jobs in flight, at most `graceMs` (default 10 s): a job still
   * running then is abandoned and runs again elsewhere once its lease expires.
   */
  async stop(graceMs = 10_000): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.unsubscribe?.();
    this.wake();
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), graceMs);
    });
    const outcome = await Promise.race([this.loop, grace]);
    clearTimeout(timer);
    if (outcome === 'timeout') this.log.warn({ worker: this.id, graceMs }, 'job worker stopped with jobs still running');
  }

  /** Polls now instead of at the next tick (called after a commit that enqueued work). */
  wake(): void {
    this.wakeRequested = true;
    if (this.timer) clearTimeout(this.timer);
    const sleeper = this.sleeper;
    this.sleeper = undefined;
    sleeper?.();
  }

  private async runLoop(): Promise<void> {
    while (this.running) {
      this.wakeRequested = false;
      let full = false;
      try {
        full = (await this.runOnce()).leased >= this.batchSize;
      } catch (err) {
        // The database may be restarting: log and try again on the next tick.
        this.log.error({ err, worker: this.id }, 'job poll failed');
      }
      if (!this.running) break;
      if (full || this.wakeRequested) {
        // Yield to the event loop between batches: on SQLite every query answers synchronously, so a
        // long queue would otherwise keep HTTP requests waiting until it is empty.
        await new Promise((resolve) => setImmediate(resolve));
        continue;
      }
      await new Promise<void>((resolve) => {
        this.sleeper = resolve;
        this.timer = setTimeout(resolve, this.pollMs);
        this.timer.unref();
      });
      this.sleeper = undefined;
      this.timer = undefined;
    }
  }

  private async enqueueDueTicks(): Promise<number> {
    const now = this.opts.clock.now();
    let count = 0;
    for (const s of this.schedules) {
      if (s.next === null || s.next > now) continue;
      // The latest tick at or before now: earlier missed ticks are not replayed one by one.
      let tick = s.next;
      for (let i = 0; i < 10_000; i++) {
        const following = s.cron.nextRun(new Date(tick))?.getTime() ?? null;
        if (following === null || following > now) break;
        tick = following;
      }
      await enqueue(
        this.opts.database.db,
        {
          id: `schedule:${s.kind}:${s.pattern}:${new Date(tick).toISOString()}`,
          kind: s.kind,
          payload: s.payload,
          runAt: tick,
          maxAttempts: s.maxAttempts,
        },
        now,
      );
      s.next = s.cron.nextRun(new Date(tick))?.getTime() ?? null;
      count += 1;
    }
    return count;
  }

  private async runJob(job: JobRow): Promise<'done' | 'retried' | 'failed' | 'lost'> {
    const db = this.opts.database.db;
    const ctx: JobContext = {
      id: job.id,
      kind: job.kind,
      attempt: job.attempts,
      maxAttempts: job.max_attempts,
      now: this.opts.clock.now(),
    };
    const meta = { jobId: job.id, kind: job.kind, attempt: job.attempts, worker: this.id };
    if (job.attempts > job.max_attempts) {
      // Leased more often than allowed: earlier workers died mid-run (a poison job). Stop here.
      const error = `gave up after ${job.max_attempts} attempts whose workers did not finish (lease expired)`;
      this.log.error({ ...meta, error }, 'job failed');
      return (await markFailed(db, job.id, this.id, this.opts.clock.now(), error)) ? 'failed' : 'lost';
    }
    const handler = this.handlers.get(job.kind);
    try {
      if (!handler) throw new PermanentJobError(`no handler for job kind ${job.kind}`);
      await handler(JSON.parse(job.payload) as unknown, ctx);
    } catch (err) {
      const error = describe(err);
      const now = this.opts.clock.now();
      if (err instanceof PermanentJobError || job.attempts >= job.max_attempts) {
        this.log.error({ ...meta, error }, 'job failed');
        return (await markFailed(db, job.id, this.id, now, error)) ? 'failed' : this.lost(meta);
      }
      const runAt = now + backoffDelay(job.attempts, this.random, this.backoff);
      this.log.warn({ ...meta, error, retryAt: new Date(runAt).toISOString() }, 'job failed, will retry');
      return (await markRetry(db, job.id, this.id, runAt, error)) ? 'retried' : this.lost(meta);
    }
    return (await markDone(db, job.id, this.id, this.opts.clock.now())) ? 'done' : this.lost(meta);
  }

  private lost(meta: object): 'lost' {
    // Our lease expired and another worker took the job over: its outcome stands, not ours.
    this.log.warn(meta, 'job lease lost before the job finished');
    return 'lost';
  }
}

function describe(err: unknown): string {
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return text.slice(0, 2_000);
}
