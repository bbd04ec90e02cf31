import type { LoggingNotifier, NotifierLogger } from './errors.js';
import type { Notifier, OutgoingMessage } from './notifier.js';

const canLog = (n: Notifier): n is Notifier & LoggingNotifier => typeof (n as Partial<LoggingNotifier>).attachLogger === 'function';

/** One notifier per channel (e.g. email by SMTP, SMS by the log adapter), seen as one. */
export class ChannelNotifier implements Notifier, LoggingNotifier {
  readonly name: string;

  constructor(private readonly adapters: Record<OutgoingMessage['channel'], Notifier>) {
    const { email, sms } = adapters;
    this.name = email.name === sms.name ? email.name : `email:${email.name},sms:${sms.name}`;
  }

  send(message: OutgoingMessage): Promise<void> {
    return this.adapters[message.channel].send(message);
  }

  attachLogger(log: NotifierLogger): void {
    for (const adapter of new Set(Object.values(this.adapters))) if (canLog(adapter)) adapter.attachLogger(log);
  }
}

/** Gives the server's logger to every adapter that writes to the log. */
export function attachNotifierLogger(notifier: Notifier, log: NotifierLogger): void {
  if (canLog(notifier)) notifier.attachLogger(log);
}
