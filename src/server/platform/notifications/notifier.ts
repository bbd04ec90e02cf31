/** A text file sent with an email (an iCalendar event, say). SMS adapters ignore attachments. */
export type MessageAttachment = {
  filename: string;
  /** MIME type with parameters, e.g. `text/calendar; charset=utf-8; method=REQUEST`. */
  contentType: string;
  content: string;
};

/** A message to a person. Domain code builds these; an adapter delivers them. */
export type OutgoingMessage = {
  channel: 'email' | 'sms';
  to: string;
  subject?: string;
  text: string;
  html?: string;
  attachments?: MessageAttachment[];
};

/** Delivery adapter (log, SMTP, an SMS provider): swapped by configuration, never by domain code. */
export interface Notifier {
  readonly name: string;
  send(message: OutgoingMessage): Promise<void>;
}
