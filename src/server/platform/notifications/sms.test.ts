import { describe, expect, it } from 'vitest';
import { UndeliverableMessageError } from './errors.js';
import { TwilioSmsNotifier } from './sms.js';

type Call = { url: string; init: RequestInit };

function fakeFetch(status: number, body = '{}') {
  const calls: Call[] = [];
  const fn = (async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    return new Response(body, { status });
  }) as typeof fetch;
  return { fn, calls };
}

const sms = { channel: 'sms' as const, to: '+17185550123', text: 'Lotus: see you tomorrow at 10:00 / 明天10点见' };

describe('TwilioSmsNotifier (never calls the network in tests)', () => {
  it('posts the message form-encoded with basic auth to the Messages API', async () => {
    const f = fakeFetch(201);
    const n = new TwilioSmsNotifier({
      accountSid: 'AC123',
      authToken: 'tok',
      from: '+17185550100',
      baseUrl: 'https://sms.test/',
      fetch: f.fn,
    });
    await n.send(sms);
    expect(f.calls).toHaveLength(1);
    const call = f.calls[0]!;
    expect(call.url).toBe('https://sms.test/2010-04-01/Accounts/AC123/Messages.json');
    expect(call.init.method).toBe('POST');
    const headers = call.init.headers as Record<string, string>;
    expect(headers.authorization).toBe(`Basic ${Buffer.from('AC123:tok').toString('base64')}`);
    expect(Object.fromEntries(new URLSearchParams(String(call.init.body)))).toEqual({ To: sms.to, From: '+17185550100', Body: sms.text });
  });

  it('uses a messaging service id when the sender is one', async () => {
    const f = fakeFetch(201);
    await new TwilioSmsNotifier({ accountSid: 'AC1', authToken: 't', from: 'MG42', fetch: f.fn }).send(sms);
    const form = new URLSearchParams(String(f.calls[0]!.init.body));
    expect(form.get('MessagingServiceSid')).toBe('MG42');
    expect(form.has('From')).toBe(false);
  });

  it('treats a 4xx as undeliverable and a 429 or 5xx as worth retrying', async () => {
    const bad = new TwilioSmsNotifier({ accountSid: 'AC1', authToken: 't', from: '+1', fetch: fakeFetch(400, '{"code":21211}').fn });
    await expect(bad.send(sms)).rejects.toBeInstanceOf(UndeliverableMessageError);
    for (const status of [429, 503]) {
      const flaky = new TwilioSmsNotifier({ accountSid: 'AC1', authToken: 't', from: '+1', fetch: fakeFetch(status).fn });
      const err = await flaky.send(sms).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(Error);
      expect(err).not.toBeInstanceOf(UndeliverableMessageError);
    }
  });

  it('refuses email', async () => {
    const f = fakeFetch(201);
    const n = new TwilioSmsNotifier({ accountSid: 'AC1', authToken: 't', from: '+1', fetch: f.fn });
    await expect(n.send({ channel: 'email', to: 'a@b.test', text: 'x' })).rejects.toBeInstanceOf(UndeliverableMessageError);
    expect(f.calls).toHaveLength(0);
  });
});
