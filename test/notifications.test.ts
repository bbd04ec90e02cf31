import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/server/config.js';
import { withTransaction } from '../src/server/db/tx.js';
import { createPlatformWorker } from '../src/server/platform/jobs/index.js';
import { createNotifier, enqueueMessage, LogNotifier, SmtpNotifier } from '../src/server/platform/notifications/index.js';
import { addStaff, createTestApp, Session, setUpBusiness, type TestApp } from './support/app.js';

describe('notifications: log adapter, dev mailbox, SMTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const db = () => t.deps.database.db;

  it('delivers outbox messages through the log adapter into the log and the dev mailbox', async () => {
    const { owner, storeId } = await setUpBusiness(t);
    const logged: Array<{ obj: Record<string, unknown>; msg?: string }> = [];
    const notifier = new LogNotifier(db(), {
      clock: t.clock,
      log: { info: (obj, msg) => void logged.push({ obj: obj as Record<string, unknown>, msg }) },
    });
    const worker = createPlatformWorker({ ...t.deps, notifier });

    // A rolled-back change sends nothing.
    await expect(
      withTransaction(db(), async ({ tx }) => {
        await enqueueMessage(tx, { channel: 'email', to: 'ghost@example.com', subject: 'Never', text: 'never sent' }, t.clock.now());
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');

    await withTransaction(db(), ({ tx, afterCommit }) =>
      enqueueMessage(
        tx,
        { channel: 'email', to: 'amy@example.com', subject: 'Your appointment', text: 'See you Friday at 10:00.', html: '<p>See you</p>' },
        t.clock.now(),
        afterCommit,
      ),
    );
    expect(await worker.runOnce()).toMatchObject({ done: 1 });
    t.clock.advance(1_000);
    await enqueueMessage(db(), { channel: 'sms', to: '+17185550123', text: '王小姐,明天上午10点见。' }, t.clock.now());
    expect(await worker.runOnce()).toMatchObject({ done: 1 });

    expect(logged.map((l) => l.obj.to)).toEqual(['amy@example.com', '+17185550123']);
    expect(logged[0]!.obj).toMatchObject({ channel: 'email', subject: 'Your appointment', text: 'See you Friday at 10:00.' });
    const rows = await db().selectFrom('messages').selectAll().orderBy('id').execute();
    expect(rows.map((r) => [r.channel, r.recipient, r.adapter])).toEqual([
      ['email', 'amy@example.com', 'log'],
      ['sms', '+17185550123', 'log'],
    ]);

    const res = await owner.get('/api/v1/dev/mailbox');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.nextCursor).toBeNull();
    expect(body.data).toEqual([
      {
        id: rows[1]!.id,
        channel: 'sms',
        to: '+17185550123',
        subject: null,
        body: '王小姐,明天上午10点见。',
        attachments: [],
        at: new Date(t.clock.now()).toISOString(),
      },
      {
        id: rows[0]!.id,
        channel: 'email',
        to: 'amy@example.com',
        subject: 'Your appointment',
        body: 'See you Friday at 10:00.',
        attachments: [],
        at: new Date(t.clock.now() - 1_000).toISOString(),
      },
    ]);

    // Cursor pagination, newest first.
    const first = (await owner.get('/api/v1/dev/mailbox?limit=1')).json();
    expect(first.data.map((m: { to: string }) => m.to)).toEqual(['+17185550123']);
    expect(typeof first.nextCursor).toBe('string');
    const next = (await owner.get(`/api/v1/dev/mailbox?limit=1&cursor=${first.nextCursor}`)).json();
    expect(next.data.map((m: { to: string }) => m.to)).toEqual(['amy@example.com']);
    expect(next.nextCursor).toBeNull();

    // Owner only.
    const { session: frontDesk } = await addStaff(t, owner, { role: 'front_desk', storeIds: [storeId], email: 'desk@lotus.test' });
    const refused = await frontDesk.get('/api/v1/dev/mailbox');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('forbidden');
    const { session: manager } = await addStaff(t, owner, { role: 'manager', storeIds: [storeId], email: 'manager@lotus.test' });
    expect((await manager.get('/api/v1/dev/mailbox')).statusCode).toBe(403);
    expect((await new Session(t.app).get('/api/v1/dev/mailbox')).statusCode).toBe(401);
    expect((await owner.get('/api/v1/dev/mailbox?limit=0')).statusCode).toBe(400);
  });

  it('keeps attachments in the dev mailbox for download, names them in the log, and refuses unsafe ones', async () => {
    const owner = new Session(t.app);
    expect((await owner.login('owner@lotus.test', 'correct-horse-battery')).statusCode).toBe(200);
    const logged: Array<Record<string, unknown>> = [];
    const notifier = new LogNotifier(db(), { clock: t.clock, log: { info: (obj) => void logged.push(obj as Record<string, unknown>) } });
    const worker = createPlatformWorker({ ...t.deps, notifier });
    const ics = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n';
    await enqueueMessage(
      db(),
      {
        channel: 'email',
        to: 'ics@example.com',
        subject: 'Invite',
        text: 'See attached.',
        attachments: [{ filename: 'invite.ics', contentType: 'text/calendar; charset=utf-8; method=REQUEST', content: ics }],
      },
      t.clock.now(),
    );
    expect(await worker.runOnce()).toMatchObject({ done: 1 });
    expect(logged.at(-1)).toMatchObject({ to: 'ics@example.com', attachments: ['invite.ics'] });
    expect(JSON.stringify(logged.at(-1))).not.toContain('BEGIN:VCALENDAR');

    const listed = (await owner.get('/api/v1/dev/mailbox?limit=1')).json().data[0];
    expect(listed.attachments).toEqual([
      {
        filename: 'invite.ics',
        contentType: 'text/calendar; charset=utf-8; method=REQUEST',
        size: Buffer.byteLength(ics),
        url: `/api/v1/dev/mailbox/${listed.id}/attachments/0`,
      },
    ]);
    const file = await owner.get(listed.attachments[0].url);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('text/calendar; charset=utf-8; method=REQUEST');
    expect(file.headers['content-disposition']).toBe('attachment; filename="invite.ics"');
    expect(file.body).toBe(ics);
    expect((await owner.get(`/api/v1/dev/mailbox/${listed.id}/attachments/1`)).statusCode).toBe(404);
    expect((await new Session(t.app).get(listed.attachments[0].url)).statusCode).toBe(401);

    // A path or a header-breaking type never makes it into the outbox.
    for (const bad of [
      { filename: '../evil.ics', contentType: 'text/calendar', content: 'x' },
      { filename: 'ok.ics', contentType: 'text/calendar\r\nBcc: x@y.z', content: 'x' },
    ]) {
      await expect(
        enqueueMessage(db(), { channel: 'email', to: 'a@b.test', text: 'x', attachments: [bad] }, t.clock.now()),
      ).rejects.toThrow();
    }
  });

  it('picks adapters from configuration', () => {
    expect(createNotifier(loadConfig({}), db()).name).toBe('log');
    const smtp = createNotifier(loadConfig({ NOTIFY_ADAPTER: 'smtp', SMTP_URL: 'smtp://127.0.0.1:2525' }), db());
    expect(smtp.name).toBe('email:smtp,sms:log');
  });

  describe('SMTP adapter against a local smtp-server', () => {
    type Received = { from: string; to: string[]; user?: string; raw: string };
    const received: Received[] = [];
    let server: SMTPServer;
    let port: number;

    beforeAll(async () => {
      server = new SMTPServer({
        authOptional: true,
        allowInsecureAuth: true,
        disabledCommands: ['STARTTLS'],
        logger: false,
        onAuth(auth, _session, cb) {
          if (auth.username === 'orchid' && auth.password === 's3cret') cb(null, { user: auth.username });
          else cb(new Error('bad credentials'));
        },
        onRcptTo(address, _session, cb) {
          if (address.address.startsWith('nobody@')) {
            const err = Object.assign(new Error('mailbox unavailable'), { responseCode: 550 });
            return cb(err);
          }
          cb();
        },
        onData(stream, session, cb) {
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            received.push({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
              user: session.user as string | undefined,
              raw: Buffer.concat(chunks).toString('utf8'),
            });
            cb();
          });
        },
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.server.address() as AddressInfo).port;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('delivers a queued email with subject, recipient and body', async () => {
      const smtp = new SmtpNotifier({ url: `smtp://orchid:s3cret@127.0.0.1:${port}`, from: 'Lotus Nail & Spa <hello@lotus.test>' });
      try {
        const worker = createPlatformWorker({ ...t.deps, notifier: smtp });
        await withTransaction(db(), ({ tx, afterCommit }) =>
          enqueueMessage(
            tx,
            {
              channel: 'email',
              to: 'amy@example.com',
              subject: 'Your receipt R-1042',
              text: 'Thank you for visiting Lotus.',
              html: '<p>Thank you</p>',
              attachments: [
                {
                  filename: 'invite.ics',
                  contentType: 'text/calendar; charset=utf-8; method=REQUEST',
                  content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n',
                },
              ],
            },
            t.clock.now(),
            afterCommit,
          ),
        );
        expect(await worker.runOnce()).toMatchObject({ done: 1 });
        expect(received).toHaveLength(1);
        const mail = received[0]!;
        expect(mail.user).toBe('orchid');
        expect(mail.from).toBe('hello@lotus.test');
        expect(mail.to).toEqual(['amy@example.com']);
        expect(mail.raw).toMatch(/^Subject: Your receipt R-1042\r?$/m);
        expect(mail.raw).toMatch(/^To: amy@example\.com\r?$/m);
        expect(mail.raw).toMatch(/^From: "Lotus Nail & Spa" <hello@lotus\.test>\r?$/m);
        expect(mail.raw).toContain('Thank you for visiting Lotus.');
        expect(mail.raw).toContain('<p>Thank you</p>');
        expect(mail.raw).toMatch(/^Content-Type: text\/calendar; charset=utf-8; method=REQUEST; name=invite\.ics\r?$/m);
        expect(mail.raw).toMatch(/^Content-Disposition: attachment; filename=invite\.ics\r?$/m);

        // A mailbox the server refuses for good: failed at once, not retried for an hour.
        const id = await enqueueMessage(db(), { channel: 'email', to: 'nobody@example.com', subject: 'x', text: 'y' }, t.clock.now());
        expect(await worker.runOnce()).toMatchObject({ failed: 1 });
        const job = await db().selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
        expect(job).toMatchObject({ status: 'failed', attempts: 1 });
        expect(job.last_error).toMatch(/550/);
        expect(received).toHaveLength(1);
      } finally {
        smtp.close();
      }
    });
  });
});
