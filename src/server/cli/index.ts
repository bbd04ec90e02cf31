import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';
import type { Deps } from '../deps.js';
import { appointmentJobHandlers } from '../modules/appointments/index.js';
import { IMPORT_JOB_KIND, importJobHandler } from '../modules/clients/import/index.js';
import { ledgerJobHandlers, reconcileCommand } from '../modules/ledgers/index.js';
import { PACKAGE_EXPIRE_CRON, PACKAGE_EXPIRE_JOB_KIND, packageJobHandlers } from '../modules/packages/index.js';
import { EXPIRE_CRON, EXPIRE_JOB_KIND, pointsJobHandlers } from '../modules/points/index.js';
import { BIRTHDAY_CRON, BIRTHDAY_JOB_KIND, EVALUATE_CRON, EVALUATE_JOB_KIND, tierJobHandlers } from '../modules/tiers/index.js';
import { NEXT_SESSION_CRON, NEXT_SESSION_JOB_KIND, treatmentJobHandlers } from '../modules/treatments/index.js';
import { type JobHandler, startPlatformWorkers } from '../platform/jobs/index.js';
import { backup, restore } from './backup.js';
import { demo } from './demo.js';

/** A CLI sub-command: gets config, its arguments and a way to open the runtime; returns an exit code. */
export type CliCommand = (config: Config, args: string[], openRuntime: (c: Config) => Promise<Deps>) => Promise<number>;

// Job handlers of modules, by kind: the worker started beside the server runs them (one line per module).
export const jobHandlers: Array<(deps: Deps) => Record<string, JobHandler>> = [
  appointmentJobHandlers,
  (deps) => ({ [IMPORT_JOB_KIND]: importJobHandler(deps) }),
  (deps) => ({ ...ledgerJobHandlers(deps), ...pointsJobHandlers(deps), ...tierJobHandlers(deps) }),
  (deps) => ({ ...packageJobHandlers(deps), ...treatmentJobHandlers(deps) }),
];

// Recurring jobs of modules: a cron pattern (UTC) and the job kind it enqueues.
export const jobSchedules: Array<{ cron: string; kind: string }> = [
  { cron: EXPIRE_CRON, kind: EXPIRE_JOB_KIND },
  { cron: EVALUATE_CRON, kind: EVALUATE_JOB_KIND },
  { cron: PACKAGE_EXPIRE_CRON, kind: PACKAGE_EXPIRE_JOB_KIND },
  { cron: NEXT_SESSION_CRON, kind: NEXT_SESSION_JOB_KIND },
  { cron: BIRTHDAY_CRON, kind: BIRTHDAY_JOB_KIND },
];

// Commands beyond start/migrate register here (demo, backup, restore, reconcile, …).
export const commands: {
  cli: Record<string, CliCommand>;
  startWorkers: (deps: Deps, log: FastifyBaseLogger) => Promise<() => Promise<void>>;
} = {
  cli: { demo, backup, restore, reconcile: reconcileCommand },
  startWorkers: (deps, log) =>
    startPlatformWorkers(deps, log, { handlers: Object.assign({}, ...jobHandlers.map((h) => h(deps))), schedules: jobSchedules }),
};
