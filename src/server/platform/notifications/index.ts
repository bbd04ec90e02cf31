import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { DB } from '../../db/tables.js';
import type { Notifier } from './notifier.js';

export type { Notifier, OutgoingMessage } from './notifier.js';

/** Placeholder until the adapters land: records nothing. Replaced by the log/SMTP adapters. */
export function createNotifier(_config: Config, _db: Kysely<DB>): Notifier {
  return { name: 'none', send: async () => {} };
}
