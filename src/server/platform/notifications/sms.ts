import { UndeliverableMessageError } from './errors.js';
import type { Notifier, OutgoingMessage } from './notifier.js';

export type TwilioOptions = {
  accountSid: string;
  authToken: string;
  /** Sending number in E.164 (+1…) or a messaging service id (MG…). */
  from: string;
  /** Any Twilio-compatible API (Twilio itself, or a provider that mirrors its Messages API). */
  baseUrl?: string;
  /** Injected for tests; the global fetch otherwise. */
  fetch?: typeof fetch;
};

/**
 * SMS through Twilio's Messages API (`POST /2010-04-01/Accounts/{sid}/Messages.json`, form encoded,
 * HTTP basic auth). A 4xx other than 429 means the message itself is wrong (bad number, opted out):
 * it is not retried. 429 and 5xx are retried by the outbox.
 */
export class TwilioSmsNotifier implements Notifier {
  readonly name = 'twilio';
  private readonly fetch: typeof fetch;

  constructor(private readonly opts: TwilioOptions) {
    this.fetch = opts.fetch ?? globalThis.fetch;
  }

  async send(message: OutgoingMessage): Promise<void> {
    if (message.channel !== 'sms') throw new UndeliverableMessageError(`the SMS adapter cannot send ${message.channel}`);
    const base = (this.opts.baseUrl ?? 'https://api.twilio.com').replace(/\/+$/, '');
    const url = `${base}/2010-04-01/Accounts/${encodeURIComponent(this.opts.accountSid)}/Messages.json`;
    const form = new URLSearchParams({ To: message.to, Body: message.text });
    form.set(this.opts.from.startsWith('MG') ? 'MessagingServiceSid' : 'From', this.opts.from);
    const res = await this.fetch(url, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${this.opts.accountSid}:${this.opts.authToken}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: form.toString(),
      signal: AbortSignal.timeout(15_000),
    });
    if (res.ok) return;
    const detail = (await res.text().catch(() => '')).slice(0, 500);
    const text = `SMS provider answered ${res.status}: ${detail}`;
    if (res.status >= 400 && res.status < 500 && res.status !== 429) throw new UndeliverableMessageError(text);
    throw new Error(text);
  }
}
