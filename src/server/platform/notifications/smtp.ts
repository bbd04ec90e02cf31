import nodemailer from 'nodemailer';
import { UndeliverableMessageError } from './errors.js';
import type { Notifier, OutgoingMessage } from './notifier.js';

export type SmtpOptions = {
  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://user:pass@host:465` (TLS). */
  url: string;
  /** Sender, e.g. `Lotus Nail & Spa <hello@lotus.example>`. */
  from: string;
};

/** Delivers email through an SMTP server with nodemailer. Handles the email channel only. */
export class SmtpNotifier implements Notifier {
  readonly name = 'smtp';
  private readonly transport: ReturnType<typeof nodemailer.createTransport>;

  constructor(private readonly opts: SmtpOptions) {
    this.transport = nodemailer.createTransport(opts.url);
  }

  async send(message: OutgoingMessage): Promise<void> {
    if (message.channel !== 'email') throw new UndeliverableMessageError(`the SMTP adapter cannot send ${message.channel}`);
    const info = await this.transport
      .sendMail({
        from: this.opts.from,
        to: message.to,
        subject: message.subject ?? '',
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
        ...(message.attachments?.length
          ? { attachments: message.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })) }
          : {}),
      })
      .catch((err: unknown) => {
        // A 5xx answer to RCPT TO (no such mailbox) will not change on retry; connection trouble and
        // 4xx answers (greylisting, mailbox full) will, so those stay ordinary errors and are retried.
        const e = err as { code?: string; responseCode?: number; message?: string };
        if (e.code === 'EENVELOPE' && (e.responseCode ?? 0) >= 500) throw new UndeliverableMessageError(e.message ?? 'recipient rejected');
        throw err;
      });
    const rejected = ((info.rejected ?? []) as Array<string | { address: string }>).map((a) => (typeof a === 'string' ? a : a.address));
    if (rejected.length > 0) throw new UndeliverableMessageError(`recipient rejected: ${rejected.join(', ')}`);
  }

  close(): void {
    this.transport.close();
  }
}
