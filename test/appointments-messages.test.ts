// Appointment messages beyond the basics (test/reminders.test.ts): the iCalendar part of emails, the manage
// link (only with PUBLIC_URL), the reminder and SMS frequency caps, and staff calendar feeds.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { appointmentJobHandlers } from '../src/server/modules/appointments/index.js';
import { createPlatformWorker } from '../src/server/platform/jobs/index.js';
import type { OutgoingMessage } from '../src/server/platform/notifications/index.js';
import { addStaff, createTestApp, expectProblem, OWNER_PASSWORD, Session, type TestApp } from './support/app.js';
import { bookingWorld, createClient, oneService, type World } from './support/appointments.js';

let t: TestApp;
let w: World;
const START = Date.UTC(2026, 10, 27, 15); // Fri 2026-11-27 10:00 New York
const PUBLIC_URL = 'https://book.lotus.test';
const HOUR = 3_600_000;

beforeAll(async () => {
  t = await createTestApp({ now: START });
  w = await bookingWorld(t);
});
afterAll(async () => t.close());

beforeEach(async () => {
  t.clock.set(START);
  await t.db.db.deleteFrom('jobs').execute();
  t.notifier.sent.length = 0;
  t.deps.settings.publicUrl = PUBLIC_URL;
  t.deps.settings.mailFrom = 'Orchid <hello@lotus.test>';
  await w.owner.login('owner@lotus.test', OWNER_PASSWORD);
  await w.frontDesk.login('desk@lotus.test', 'staff-password-1234');
});

/** Runs a fresh worker (as after a restart) until nothing is due; returns what was sent. */
async function drain() {
  const worker = createPlatformWorker(t.deps, undefined, { handlers: appointmentJobHandlers(t.deps) });
  for (let i = 0; i < 10; i++) if ((await worker.runOnce()).leased === 0) break;
  const sent = [...t.notifier.sent];
  t.notifier.sent.length = 0;
  return sent;
}

/** Moves the clock and signs the desk in again (a jump of days ends idle sessions); the owner too when asked. */
async function at(ms: number, opts: { owner?: boolean } = {}) {
  t.clock.set(ms);
  await w.frontDesk.login('desk@lotus.test', 'staff-password-1234');
  if (opts.owner) await w.owner.login('owner@lotus.test', OWNER_PASSWORD);
}

let phones = 1000;
const contacts = new Map<string, { email: string; phone: string }>();
async function client(language = 'en') {
  const n = phones++;
  const contact = { phone: `+1212556${n}`, email: `mei${n}@example.com` };
  const id = await createClient(w.owner, w.storeId, { firstName: 'Mei', lastName: 'Wongsworth', language, ...contact });
  contacts.set(id, contact);
  return id;
}

/** What went to this client (by her address or number). */
function to(clientId: string, sent: OutgoingMessage[]) {
  const c = contacts.get(clientId)!;
  return sent.filter((m) => m.to === c.email || m.to === c.phone);
}

async function book(clientId: string, date: string, time: string, staffId = 'any') {
  const res = await w.frontDesk.post('/api/v1/appointments', { ...oneService(w, w.services.mani, date, time, staffId), clientId });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number };
}

async function settings(patch: Record<string, unknown>) {
  const current = await w.owner.get(`/api/v1/booking-settings?storeId=${w.storeId}`);
  expect(current.statusCode, current.body).toBe(200);
  const res = await w.owner.put('/api/v1/booking-settings', { storeId: w.storeId, version: current.json().version, ...patch });
  expect(res.statusCode, res.body).toBe(200);
}

/** The properties of the single VEVENT of a calendar (lines unfolded), and the calendar's METHOD. */
function calendarOf(m: OutgoingMessage) {
  expect(m.attachments).toHaveLength(1);
  const a = m.attachments![0]!;
  const lines = a.content.replace(/\r\n /g, '').split('\r\n');
  const prop = (name: string) =>
    lines
      .find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`))
      ?.split(':')
      .slice(1)
      .join(':');
  return { attachment: a, method: prop('METHOD'), uid: prop('UID'), sequence: Number(prop('SEQUENCE')), prop, raw: a.content };
}

const byChannel = (sent: OutgoingMessage[], channel: 'email' | 'sms') => sent.filter((m) => m.channel === channel);
const only = (sent: OutgoingMessage[], channel: 'email' | 'sms') => {
  const found = byChannel(sent, channel);
  expect(found, JSON.stringify(sent)).toHaveLength(1);
  return found[0]!;
};
const linkIn = (text: string) => text.match(/https:\/\/book\.lotus\.test\/book\/manage\/(\S+)/)?.[1];

describe('iCalendar in emails and the manage link', () => {
  it('confirmation, change and reminder carry a REQUEST and the link; the cancellation a CANCEL with the same UID and a higher SEQUENCE', async () => {
    const c = await client('zh-CN');
    const a = await book(c, '2026-11-30', '10:00');

    const booked = await drain();
    const email = only(booked, 'email');
    const ics = calendarOf(email);
    expect(ics.attachment.filename).toBe('invite.ics');
    expect(ics.attachment.contentType).toBe('text/calendar; charset=utf-8; method=REQUEST');
    expect(ics.method).toBe('REQUEST');
    expect(ics.uid).toBe(`${a.id}@orchid`);
    expect(ics.prop('DTSTART')).toBe('20261130T150000Z');
    expect(ics.prop('ORGANIZER')).toBe('mailto:hello@lotus.test');
    expect(ics.prop('ATTENDEE')).toBe(`MAILTO:${email.to}`);
    expect(ics.prop('SUMMARY')).toContain('美甲');

    // The link is the signed manage token the booking page opens.
    const token = linkIn(email.text);
    expect(token).toBeTruthy();
    expect(linkIn(only(booked, 'sms').text)).toBe(token);
    const view = await new Session(t.app).get(`/api/v1/public/bookings/${decodeURIComponent(token!)}`);
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json().status).toBe('booked');
    expect(ics.prop('URL')).toBe(`${PUBLIC_URL}/book/manage/${token}`);

    const moved = await w.frontDesk.post(`/api/v1/appointments/${a.id}/reschedule`, {
      lines: [{ serviceId: w.services.mani, date: '2026-12-01', startLocal: '10:00' }],
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const changed = await drain();
    const changedIcs = calendarOf(only(changed, 'email'));
    expect(changedIcs.method).toBe('REQUEST');
    expect(changedIcs.uid).toBe(ics.uid);
    expect(changedIcs.prop('DTSTART')).toBe('20261201T150000Z');
    expect(changedIcs.sequence).toBeGreaterThan(ics.sequence);
    expect(linkIn(only(changed, 'email').text)).toBeTruthy();
    expect(linkIn(only(changed, 'sms').text)).toBeTruthy();

    await at(Date.UTC(2026, 10, 30, 15)); // 24 h before the new time
    const reminder = await drain();
    const reminderIcs = calendarOf(only(reminder, 'email'));
    expect(reminderIcs.method).toBe('REQUEST');
    expect(reminderIcs.uid).toBe(ics.uid);
    expect(linkIn(only(reminder, 'email').text)).toBeTruthy();
    expect(linkIn(only(reminder, 'sms').text)).toBeTruthy();

    expect((await w.frontDesk.post(`/api/v1/appointments/${a.id}/cancel`, { reason: 'client asked' })).statusCode).toBe(200);
    const cancelled = await drain();
    const cancelEmail = only(cancelled, 'email');
    const cancelIcs = calendarOf(cancelEmail);
    expect(cancelIcs.attachment.filename).toBe('cancel.ics');
    expect(cancelIcs.attachment.contentType).toBe('text/calendar; charset=utf-8; method=CANCEL');
    expect(cancelIcs.method).toBe('CANCEL');
    expect(cancelIcs.uid).toBe(ics.uid);
    expect(cancelIcs.prop('STATUS')).toBe('CANCELLED');
    expect(cancelIcs.sequence).toBeGreaterThan(Math.max(changedIcs.sequence, reminderIcs.sequence));
    // Nothing left to manage.
    expect(cancelEmail.text).not.toContain('/book/manage/');
    expect(only(cancelled, 'sms').text).not.toContain('/book/manage/');
  });

  it('without PUBLIC_URL, messages carry no link at all rather than a guessed host', async () => {
    delete t.deps.settings.publicUrl;
    await book(await client(), '2026-12-02', '11:00');
    const sent = await drain();
    expect(sent).toHaveLength(2);
    for (const m of sent) {
      expect(m.text).not.toMatch(/https?:\/\//);
      expect(m.text).not.toContain('/book/manage/');
    }
    const ics = calendarOf(only(sent, 'email'));
    expect(ics.prop('URL')).toBeUndefined();
    expect(ics.method).toBe('REQUEST');
  });
});

describe('frequency caps', () => {
  it('one reminder per client and store-local day, naming the day’s first appointment', async () => {
    const c = await client();
    // The later visit is booked with a 24 h reminder, the earlier one with a 2 h reminder: the later
    // visit's reminder fires first and must name the earlier visit; the earlier one's then stays silent.
    await settings({ reminderHoursBefore: 24 });
    await book(c, '2026-12-03', '15:00');
    await settings({ reminderHoursBefore: 2 });
    await book(c, '2026-12-03', '10:00');
    await settings({ reminderHoursBefore: 24 });
    // Another client's visit the same day is no one else's business.
    await book(await client(), '2026-12-03', '12:00');
    await drain();

    await at(Date.UTC(2026, 11, 2, 20)); // 24 h before 15:00
    const first = to(c, await drain());
    expect(first.map((m) => m.channel).sort()).toEqual(['email', 'sms']);
    expect(only(first, 'email').text).toContain('10:00 AM');
    expect(only(first, 'email').text).not.toContain('3:00 PM');
    expect(only(first, 'sms').text).toContain('10:00 AM');

    await at(Date.UTC(2026, 11, 3, 13)); // 08:00, 2 h before 10:00
    expect(to(c, await drain())).toEqual([]);
    const jobs = await t.db.db.selectFrom('jobs').select('status').where('kind', '=', 'appointments.message').execute();
    expect(jobs.every((j) => j.status === 'done')).toBe(true);
  });

  it('a reminder naming a visit that was cancelled since does not use up the day', async () => {
    const c = await client();
    const early = await book(c, '2026-12-08', '10:00');
    await book(c, '2026-12-08', '16:00');
    await drain();
    await at(Date.UTC(2026, 11, 7, 15)); // 24 h before 10:00
    expect(only(to(c, await drain()), 'email').text).toContain('10:00 AM');
    expect((await w.frontDesk.post(`/api/v1/appointments/${early.id}/cancel`, { reason: 'sick' })).statusCode).toBe(200);
    await drain();
    await at(Date.UTC(2026, 11, 7, 21)); // 24 h before 16:00
    const later = to(c, await drain());
    expect(only(later, 'email').text).toContain('4:00 PM');
  });

  it('caps confirmation, change and reminder texts per client in any 24 h; emails and cancellations always go', async () => {
    await settings({ smsPerClientPerDay: 2 });
    try {
      const c = await client();
      await book(c, '2026-12-10', '10:00');
      expect((await drain()).map((m) => m.channel).sort()).toEqual(['email', 'sms']);
      await at(START + HOUR);
      await book(c, '2026-12-11', '10:00');
      expect((await drain()).map((m) => m.channel).sort()).toEqual(['email', 'sms']);
      await at(START + 2 * HOUR);
      const third = await book(c, '2026-12-12', '10:00');
      expect((await drain()).map((m) => m.channel)).toEqual(['email']); // capped
      expect((await w.frontDesk.post(`/api/v1/appointments/${third.id}/cancel`, { reason: 'double' })).statusCode).toBe(200);
      expect((await drain()).map((m) => m.channel).sort()).toEqual(['email', 'sms']); // cancellations go

      // Rolling: 24 h after the first text there is room for one more, not two.
      await at(START + 24 * HOUR + 60_000, { owner: true });
      await book(c, '2026-12-13', '10:00');
      expect((await drain()).map((m) => m.channel).sort()).toEqual(['email', 'sms']);
      await book(c, '2026-12-14', '10:00');
      expect((await drain()).map((m) => m.channel)).toEqual(['email']);

      // Another client is not affected; the log the cap reads is in the database (fresh workers above).
      await book(await client(), '2026-12-14', '11:00');
      expect((await drain()).map((m) => m.channel).sort()).toEqual(['email', 'sms']);
      const logged = await t.db.db
        .selectFrom('client_message_log')
        .select(['kind', 'channel'])
        .where('client_id', '=', c)
        .orderBy('created_at')
        .execute();
      expect(logged.filter((r) => r.channel === 'sms').map((r) => r.kind)).toEqual([
        'appointment.booked',
        'appointment.booked',
        'appointment.cancelled',
        'appointment.booked',
      ]);
    } finally {
      await at(START, { owner: true });
      await settings({ smsPerClientPerDay: 3 });
    }
  });

  it('refuses a cap outside 0–50', async () => {
    const current = (await w.owner.get(`/api/v1/booking-settings?storeId=${w.storeId}`)).json();
    const res = await w.owner.put('/api/v1/booking-settings', { storeId: w.storeId, version: current.version, smsPerClientPerDay: -1 });
    expectProblem(res, 400, 'validation_failed');
    expect(current.smsPerClientPerDay).toBe(3); // the default
  });
});

describe('staff calendar feeds', () => {
  const feedOf = (session: Session, staffId: string) => session.get(`/api/v1/staff/${staffId}/calendar-feed`);
  const rotate = (session: Session, staffId: string) => session.post(`/api/v1/staff/${staffId}/calendar-feed/rotate`);
  const anonymous = () => new Session(t.app);

  it('lists her own appointments 30 days back to 90 ahead, cancelled ones left out, with first names only', async () => {
    const [tech, other] = w.techs;
    const c = await client();
    const mine = await book(c, '2026-12-15', '10:00', tech!.id);
    const cancelled = await book(c, '2026-12-15', '13:00', tech!.id);
    expect((await w.frontDesk.post(`/api/v1/appointments/${cancelled.id}/cancel`, { reason: 'x' })).statusCode).toBe(200);
    const theirs = await book(c, '2026-12-15', '10:00', other!.id);

    const res = await feedOf(tech!.session, tech!.id);
    expect(res.statusCode, res.body).toBe(200);
    const feed = res.json();
    expect(feed.path).toMatch(new RegExp(`^/api/v1/public/staff-calendar/${tech!.id}\\.[\\w-]+\\.ics$`));
    expect(feed.url).toBe(`${PUBLIC_URL}${feed.path}`);
    expect((await feedOf(tech!.session, tech!.id)).json().path).toBe(feed.path); // stable until rotated

    const ics = await anonymous().get(feed.path);
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const body = ics.body.replace(/\r\n /g, '');
    expect(body).toContain(`UID:${mine.id}@orchid`);
    expect(body).not.toContain(cancelled.id);
    expect(body).not.toContain(theirs.id);
    expect(body).toContain('SUMMARY:Manicure · Mei');
    expect(body).toContain('DTSTART:20261215T150000Z');
    expect(body).not.toMatch(/Wongsworth|example\.com|\+1212/);
    expect(body).not.toContain('METHOD:');

    t.clock.set(Date.UTC(2027, 0, 13, 15)); // 29 days after: still in
    expect((await anonymous().get(feed.path)).body).toContain(mine.id);
    t.clock.set(Date.UTC(2027, 0, 15, 15)); // 31 days after: gone
    expect((await anonymous().get(feed.path)).body).not.toContain(mine.id);
    t.clock.set(Date.UTC(2026, 8, 15, 15)); // 91 days before: not yet
    expect((await anonymous().get(feed.path)).body).not.toContain(mine.id);
    t.clock.set(Date.UTC(2026, 8, 17, 15)); // 89 days before: in
    expect((await anonymous().get(feed.path)).body).toContain(mine.id);

    delete t.deps.settings.publicUrl;
    expect((await feedOf(tech!.session, tech!.id)).json().url).toBeNull();
  });

  it('rotating kills the old URL at once and is audited; wrong and unknown tokens are 404', async () => {
    const tech = w.techs[0]!;
    const old = (await feedOf(tech.session, tech.id)).json().path as string;
    const res = await rotate(tech.session, tech.id);
    expect(res.statusCode, res.body).toBe(200);
    const fresh = res.json();
    expect(fresh.path).not.toBe(old);
    expect(fresh.rotatedAt).toBe(new Date(START).toISOString());
    expectProblem(await anonymous().get(old), 404, 'not_found');
    expect((await anonymous().get(fresh.path)).statusCode).toBe(200);
    const audit = await t.db.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'staff.calendar_feed_rotate')
      .where('entity_id', '=', tech.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_id).toBe(tech.id);
    expect(JSON.stringify(audit[0])).not.toContain(fresh.path.split('.')[1]);

    const signature = fresh.path.split('/').at(-1)!.split('.')[1]!;
    for (const token of [
      `${tech.id}.${'A'.repeat(signature.length)}`,
      `${w.techs[1]!.id}.${signature}`,
      'not-a-token-at-all',
      `${tech.id}`,
    ]) {
      expectProblem(await anonymous().get(`/api/v1/public/staff-calendar/${token}.ics`), 404, 'not_found');
    }
  });

  it('a manager reaches staff of her stores but not an owner; others only their own', async () => {
    const [tech, other] = w.techs;
    const { session: manager, staff: managerStaff } = await addStaff(t, w.owner, {
      role: 'manager',
      storeIds: [w.storeId],
      email: `manager${phones++}@lotus.test`,
    });
    const ownerId = (await w.owner.get('/api/v1/me')).json().staff.id as string;

    expect((await feedOf(manager, tech!.id)).statusCode).toBe(200);
    const rotated = await rotate(manager, tech!.id);
    expect(rotated.statusCode, rotated.body).toBe(200);
    const audit = await t.db.db
      .selectFrom('audit_log')
      .select(['actor_id', 'store_id'])
      .where('action', '=', 'staff.calendar_feed_rotate')
      .where('actor_id', '=', managerStaff.id)
      .executeTakeFirstOrThrow();
    expect(audit.store_id).toBe(w.storeId);
    expectProblem(await feedOf(manager, ownerId), 403, 'forbidden');
    expectProblem(await rotate(manager, ownerId), 403, 'forbidden');

    expectProblem(await feedOf(tech!.session, other!.id), 403, 'forbidden');
    expectProblem(await rotate(tech!.session, other!.id), 403, 'forbidden');
    expectProblem(await feedOf(w.frontDesk, tech!.id), 403, 'forbidden');
    expect((await feedOf(w.owner, tech!.id)).statusCode).toBe(200);
    expect((await feedOf(w.owner, ownerId)).statusCode).toBe(200);
    expect((await feedOf(anonymous(), tech!.id)).statusCode).toBe(401);
    expectProblem(await feedOf(w.owner, '01900000-0000-7000-8000-000000000000'), 404, 'not_found');
  });
});
