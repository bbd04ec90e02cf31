import { describe, expect, it } from 'vitest';
import { PermanentJobError } from '../jobs/worker.js';
import { UndeliverableMessageError } from './errors.js';
import type { Notifier, OutgoingMessage } from './notifier.js';
import { notifyHandler } from './outbox.js';
import { ChannelNotifier } from './router.js';

const ctx = { id: 'j', kind: 'notify.send', attempt: 1, maxAttempts: 8, now: 0 };

function recorder(name: string, fail?: Error): Notifier & { sent: OutgoingMessage[] } {
  const sent: OutgoingMessage[] = [];
  return {
    name,
    sent,
    send: async (m) => {
      if (fail) throw fail;
      sent.push(m);
    },
  };
}

describe('notify.send handler', () => {
  it('hands a valid message to the notifier', async () => {
    const n = recorder('memory');
    await notifyHandler(n)({ channel: 'email', to: 'mei@example.com', subject: 'Hi', text: 'Hello' }, ctx);
    expect(n.sent).toEqual([{ channel: 'email', to: 'mei@example.com', subject: 'Hi', text: 'Hello' }]);
  });

  it('fails for good on a malformed payload or an undeliverable message, retries other errors', async () => {
    await expect(notifyHandler(recorder('m'))({ channel: 'fax', to: 'x', text: 'y' }, ctx)).rejects.toBeInstanceOf(PermanentJobError);
    const undeliverable = recorder('m', new UndeliverableMessageError('no such mailbox'));
    await expect(notifyHandler(undeliverable)({ channel: 'email', to: 'a@b.test', text: 'y' }, ctx)).rejects.toBeInstanceOf(
      PermanentJobError,
    );
    const down = recorder('m', new Error('ECONNREFUSED'));
    const err = await notifyHandler(down)({ channel: 'email', to: 'a@b.test', text: 'y' }, ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(PermanentJobError);
  });
});

describe('ChannelNotifier', () => {
  it('routes each channel to its adapter and names the mix', async () => {
    const email = recorder('smtp');
    const sms = recorder('log');
    const n = new ChannelNotifier({ email, sms });
    expect(n.name).toBe('email:smtp,sms:log');
    await n.send({ channel: 'sms', to: '+17185550123', text: 'a' });
    await n.send({ channel: 'email', to: 'a@b.test', text: 'b' });
    expect(sms.sent.map((m) => m.text)).toEqual(['a']);
    expect(email.sent.map((m) => m.text)).toEqual(['b']);
    expect(new ChannelNotifier({ email: sms, sms }).name).toBe('log');
  });
});
