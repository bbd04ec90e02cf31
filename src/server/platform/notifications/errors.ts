/**
 * A message that can never be delivered as it is (an SMS to an invalid number, a channel the adapter
 * does not serve). The outbox marks its job failed at once instead of retrying.
 */
export class UndeliverableMessageError extends Error {
  override name = 'UndeliverableMessageError';
}

/** The part of a pino/Fastify logger the adapters use. */
export type NotifierLogger = { info(obj: object, msg?: string): void };

/** Adapters that write to the server log accept the server's logger once it exists. */
export interface LoggingNotifier {
  attachLogger(log: NotifierLogger): void;
}
