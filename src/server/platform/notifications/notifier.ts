/** A message to a person. Domain code builds these; an adapter delivers them. */
export type OutgoingMessage = {
  channel: 'email' | 'sms';
  to: string;
  subject?: string;
  text: string;
  html?: string;
};

/** Delivery adapter (log, SMTP, an SMS provider): swapped by configuration, never by domain code. */
export interface Notifier {
  readonly name: string;
  send(message: OutgoingMessage): Promise<void>;
}
