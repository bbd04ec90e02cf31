import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { appointmentJobHandlers } from '../src/server/modules/appointments/index.js';
import { createPlatformWorker } from '../src/server/platform/jobs/index.js';
import { createTestApp, OWNER_PASSWORD, type TestApp } from './support/app.js';
import { bookingWorld, createClient, oneService, type World } from './support/appointments.js';

let t: TestApp;
let w: World;
const START = Date.UTC(2026, 10, 27, 15); // Fri 2026-11-27 10:00 New York

beforeAll(async () => {
  t = await createTestApp({ now: START });
  w = await bookingWorld(t);
});
afterAll(async () => t.close());

beforeEach(async () => {
  // Each test starts at the same moment, signed in, with an empty outbox and notifier.
  t.clock.set(START);
  await t.db.db.deleteFrom('jobs').execute();
  t.notifier.sent.length = 0;
  await w.owner.login('owner@lotus.test', OWNER_PASSWORD);
  await w.frontDesk.login('desk@lotus.test', 'staff-password-1234');
});

/** Runs the worker (a fresh one each time, as after a restart) until nothing is due; returns what was sent. */
async function drain() {
  const worker = createPlatformWorker(t.deps, undefined, { handlers: appointmentJobHandlers(t.deps) });
  for (let i = 0; i < 10; i++) if ((await worker.runOnce()).leased === 0) break;
  const sent = [...t.notifier.sent];
  t.notifier.sent.length = 0;
  return sent;
}

let clientSeq = 1000;
async function client(language: string, extra: Record<string, unknown> = {}) {
  // A counter, not a random number: two clients with one phone would be refused as duplicates.
  const n = clientSeq++;
  return createClient(w.owner, w.storeId, {
    firstName: 'Mei',
    lastName: 'Wong',
    language,
    phone: `+1212555${n}`,
    email: `mei${n}@example.com`,
    ...extra,
  });
}

async function book(clientId: string, date: string, time: string) {
  const res = await w.frontDesk.post('/api/v1/appointments', { ...oneService(w, w.services.mani, date, time), clientId });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('booking messages and reminders', () => {
  it('sends the confirmation at once by email and SMS in the client’s language, and the reminder 24 h before', async () => {
    const c = await client('zh-CN');
    await book(c, '2026-11-30', '10:00');
    const confirmation = await drain();
    expect(confirmation.map((m) => m.channel).sort()).toEqual(['email', 'sms']);
    const email = confirmation.find((m) => m.channel === 'email')!;
    expect(email.subject).toContain('预约已确认');
    expect(email.text).toContain('美甲');
    expect(confirmation.find((m) => m.channel === 'sms')!.text).toMatch(/^【Flushing】您已预约/);

    t.clock.set(Date.UTC(2026, 10, 29, 14, 59)); // 09:59 on Sunday, 24 h + 1 min before
    expect(await drain()).toEqual([]);
    t.clock.set(Date.UTC(2026, 10, 29, 15, 0));
    const reminder = await drain();
    expect(reminder.map((m) => m.channel).sort()).toEqual(['email', 'sms']);
    expect(reminder.find((m) => m.channel === 'email')!.subject).toBe('预约提醒：Flushing');
    expect(await drain()).toEqual([]); // sent once
  });

  it('writes in Traditional Chinese and English too', async () => {
    await book(await client('zh-TW'), '2026-11-30', '11:00');
    const tw = await drain();
    expect(tw.find((m) => m.channel === 'email')!.subject).toBe('您在Flushing的預約已確認');
    await book(await client('en'), '2026-11-30', '12:00');
    const en = await drain();
    expect(en.find((m) => m.channel === 'email')!.text).toContain('Manicure');
    expect(en.find((m) => m.channel === 'sms')!.text).toMatch(/^Flushing: you're booked for Mon, Nov 30, 2026/);
  });

  it('never sends the reminder of a cancelled appointment, and tells the client it was cancelled', async () => {
    const a = await book(await client('en'), '2026-12-01', '10:00');
    await drain();
    expect((await w.frontDesk.post(`/api/v1/appointments/${a.id}/cancel`, { reason: 'client asked' })).statusCode).toBe(200);
    const cancelled = await drain();
    expect(cancelled.find((m) => m.channel === 'email')!.subject).toContain('is cancelled');
    t.clock.set(Date.UTC(2026, 10, 30, 15));
    expect(await drain()).toEqual([]);
    const jobs = await t.db.db.selectFrom('jobs').select(['kind', 'status']).where('kind', '=', 'appointments.message').execute();
    expect(jobs.every((j) => j.status === 'done')).toBe(true);
  });

  it('a moved appointment sends a change notice and reminds for the new time only', async () => {
    const a = await book(await client('en'), '2026-12-01', '14:00');
    await drain();
    const moved = await w.frontDesk.post(`/api/v1/appointments/${a.id}/reschedule`, {
      lines: [{ serviceId: w.services.mani, date: '2026-12-02', startLocal: '14:00' }],
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const change = await drain();
    expect(change.find((m) => m.channel === 'email')!.subject).toContain('has moved');
    t.clock.set(Date.UTC(2026, 10, 30, 19)); // 24 h before the old time
    expect(await drain()).toEqual([]);
    t.clock.set(Date.UTC(2026, 11, 1, 19)); // 24 h before the new time
    expect((await drain()).map((m) => m.channel).sort()).toEqual(['email', 'sms']);
  });

  it('holds an SMS due in quiet hours until 08:00 store time; email goes at once', async () => {
    const put = await w.owner.put('/api/v1/booking-settings', { storeId: w.storeId, version: 0, reminderHoursBefore: 12 });
    expect(put.statusCode, put.body).toBe(200);
    await book(await client('en'), '2026-12-04', '10:00'); // reminder due 22:00 the night before
    await drain();
    t.clock.set(Date.UTC(2026, 11, 4, 3)); // 22:00 New York
    const night = await drain();
    expect(night.map((m) => m.channel)).toEqual(['email']);
    t.clock.set(Date.UTC(2026, 11, 4, 12, 59)); // 07:59
    expect(await drain()).toEqual([]);
    t.clock.set(Date.UTC(2026, 11, 4, 13)); // 08:00
    const morning = await drain();
    expect(morning.map((m) => m.channel)).toEqual(['sms']);
    expect(morning[0]!.text).toContain('reminder');
    await w.owner.put('/api/v1/booking-settings', { storeId: w.storeId, version: 1, reminderHoursBefore: 24 });
  });

  it('an SMS opt-out stops texts; email still goes', async () => {
    const c = await client('en');
    expect((await w.frontDesk.post(`/api/v1/clients/${c}/consent`, { channel: 'sms', granted: false })).statusCode).toBe(201);
    await book(c, '2026-12-05', '10:00');
    expect((await drain()).map((m) => m.channel)).toEqual(['email']);
  });

  it('a refused booking enqueues nothing', async () => {
    const c = await client('en');
    await book(c, '2026-12-06', '10:00');
    await book(c, '2026-12-06', '10:00');
    const before = await t.db.db.selectFrom('jobs').select('id').execute();
    const third = await w.frontDesk.post('/api/v1/appointments', { ...oneService(w, w.services.mani, '2026-12-06', '10:00'), clientId: c });
    expect(third.statusCode).toBe(409);
    expect(await t.db.db.selectFrom('jobs').select('id').execute()).toHaveLength(before.length);
  });
});
