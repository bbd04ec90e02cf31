import type { Kysely } from 'kysely';
import type { DB } from '../../db/tables.js';
import { type Clock, systemClock } from '../clock.js';
import { newId } from '../ids.js';
import type { LoggingNotifier, NotifierLogger } from './errors.js';
import type { Notifier, OutgoingMessage } from './notifier.js';

// Until the server attaches its logger (start-up), write plain lines to stdout.
const consoleLogger: NotifierLogger = {
  info: (obj, msg) => console.info(`${msg ?? 'message'} ${JSON.stringify(obj)}`),
};

/**
 * The default adapter: nothing leaves the machine. Each message is written to the server log and kept
 * in the `messages` table, where the owner reads it on the dev mailbox page.
 */
export class LogNotifier implements Notifier, LoggingNotifier {
  readonly name = 'log';
  private log: NotifierLogger;
  private readonly clock: Clock;

  constructor(
    private readonly db: Kysely<DB>,
    opts: { clock?: Clock; log?: NotifierLogger } = {},
  ) {
    this.clock = opts.clock ?? systemClock;
    this.log = opts.log ?? consoleLogger;
  }

  attachLogger(log: NotifierLogger): void {
    this.log = log;
  }

  async send(message: OutgoingMessage): Promise<void> {
    const id = newId();
    await this.db
      .insertInto('messages')
      .values({
        id,
        channel: message.channel,
        recipient: message.to,
        subject: message.subject ?? null,
        body: message.text,
        adapter: this.name,
        attachments: message.attachments?.length ? JSON.stringify(message.attachments) : null,
        created_at: this.clock.now(),
      })
      .execute();
    this.log.info(
      {
        messageId: id,
        channel: message.channel,
        to: message.to,
        subject: message.subject,
        text: message.text,
        // Named, not dumped: the dev mailbox keeps the content.
        ...(message.attachments?.length ? { attachments: message.attachments.map((a) => a.filename) } : {}),
      },
      `${message.channel} message (log adapter, not sent)`,
    );
  }
}
