import type { Deps } from '../../deps.js';
import { attachNotifierLogger, NOTIFY_KIND, notifyHandler } from '../notifications/index.js';
import { HOUSEKEEPING_CRON, HOUSEKEEPING_KIND, housekeepingHandler } from './housekeeping.js';
import { type JobHandler, type JobLogger, JobWorker, type JobWorkerOptions } from './worker.js';

export type PlatformWorkerOptions = {
  /** Handlers of other modules (reminders, webhooks, …), by job kind. */
  handlers?: Record<string, JobHandler>;
  /** Extra recurring jobs: a cron pattern (UTC unless `timezone`) and the kind to enqueue. */
  schedules?: Array<{ cron: string; kind: string; timezone?: string }>;
  worker?: Partial<Omit<JobWorkerOptions, 'database' | 'clock' | 'log'>>;
};

/** A worker with the platform's jobs: message delivery (`notify.send`) and hourly housekeeping. */
export function createPlatformWorker(
  deps: Pick<Deps, 'database' | 'clock' | 'notifier'>,
  log?: JobLogger,
  opts: PlatformWorkerOptions = {},
): JobWorker {
  const worker = new JobWorker({ ...opts.worker, database: deps.database, clock: deps.clock, ...(log ? { log } : {}) });
  worker.register(NOTIFY_KIND, notifyHandler(deps.notifier));
  worker.register(HOUSEKEEPING_KIND, housekeepingHandler(deps.database.db, log));
  worker.schedule(HOUSEKEEPING_CRON, HOUSEKEEPING_KIND);
  for (const [kind, handler] of Object.entries(opts.handlers ?? {})) worker.register(kind, handler);
  for (const s of opts.schedules ?? []) worker.schedule(s.cron, s.kind, s.timezone ? { timezone: s.timezone } : {});
  return worker;
}

/** Starts the platform worker beside the HTTP server; resolves to a stop function for shutdown. */
export async function startPlatformWorkers(
  deps: Pick<Deps, 'database' | 'clock' | 'notifier'>,
  log: JobLogger,
  opts: PlatformWorkerOptions = {},
): Promise<() => Promise<void>> {
  attachNotifierLogger(deps.notifier, log);
  const worker = createPlatformWorker(deps, log, opts);
  worker.start();
  log.info({ worker: worker.id }, 'job worker started');
  return () => worker.stop();
}
