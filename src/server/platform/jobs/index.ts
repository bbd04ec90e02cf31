export { type BackoffPolicy, backoffDelay, DEFAULT_BACKOFF } from './backoff.js';
export {
  DEFAULT_MAX_ATTEMPTS,
  enqueue,
  enqueueAll,
  insertJobRows,
  JOB_COLUMNS,
  type JobSpec,
  jobRows,
  onWake,
  wakeWorkers,
} from './enqueue.js';
export {
  HOUSEKEEPING_CRON,
  HOUSEKEEPING_KIND,
  type HousekeepingReport,
  housekeepingHandler,
  RETENTION,
  runHousekeeping,
} from './housekeeping.js';
export type { JobRow } from './lease.js';
export { createPlatformWorker, type PlatformWorkerOptions, startPlatformWorkers } from './platform-worker.js';
export {
  type JobContext,
  type JobHandler,
  type JobLogger,
  JobWorker,
  type JobWorkerOptions,
  PermanentJobError,
  type RunReport,
} from './worker.js';
