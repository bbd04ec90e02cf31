import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { DB } from '../../db/tables.js';
import type { Clock } from '../clock.js';
import type { NotifierLogger } from './errors.js';
import { LogNotifier } from './log.js';
import type { Notifier } from './notifier.js';
import { ChannelNotifier } from './router.js';
import { SmtpNotifier } from './smtp.js';

export { countSent, logSent, quietUntil, type SentMessage, sentAbout } from './client-messages.js';
export { type LoggingNotifier, type NotifierLogger, UndeliverableMessageError } from './errors.js';
export { LogNotifier } from './log.js';
export type { MessageAttachment, Notifier, OutgoingMessage } from './notifier.js';
export { enqueueMessage, NOTIFY_KIND, notifyHandler, outgoingMessageSchema } from './outbox.js';
export { attachNotifierLogger, ChannelNotifier } from './router.js';
export { type TwilioOptions, TwilioSmsNotifier } from './sms.js';
export { SmtpNotifier, type SmtpOptions } from './smtp.js';

/**
 * The notifier the configuration asks for. Email: SMTP when NOTIFY_ADAPTER=smtp, else the log adapter.
 * SMS: the log adapter (TwilioSmsNotifier is ready for when configuration names a provider).
 * The log adapter writes to stdout until the server attaches its logger (attachNotifierLogger).
 */
export function createNotifier(config: Config, db: Kysely<DB>, opts: { clock?: Clock; log?: NotifierLogger } = {}): Notifier {
  const log = new LogNotifier(db, opts);
  const { adapter, smtpUrl, from } = config.notify;
  const email = adapter === 'smtp' && smtpUrl ? new SmtpNotifier({ url: smtpUrl, from }) : log;
  return new ChannelNotifier({ email, sms: log });
}
