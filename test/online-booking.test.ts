import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectProblem, type TestApp } from './support/app.js';
import { bookingWorld, createService, nyIso, type World } from './support/appointments.js';

let t: TestApp;
let w: World;
let ipCounter = 1;

beforeAll(async () => {
  t = await createTestApp(); // Fri 2026-11-27 10:00 New York
  w = await bookingWorld(t);
});
afterAll(async () => t.close());

/** A client's browser: no cookies, its own IP (the rate limits are per IP). */
function browser(lang = 'en') {
  const ip = `10.0.0.${ipCounter++}`;
  const call = (method: 'GET' | 'POST', url: string, body?: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method, url, remoteAddress: ip, headers: { 'accept-language': lang, ...headers }, ...(body ? { payload: body } : {}) });
  return {
    get: (url: string) => call('GET', url),
    post: (url: string, body: object, headers?: Record<string, string>) => call('POST', url, body, headers),
  };
}

async function codeSentTo(to: string): Promise<string> {
  const jobs = await t.db.db
    .selectFrom('jobs')
    .select(['payload', 'created_at', 'id'])
    .where('kind', '=', 'notify.send')
    .orderBy('id', 'desc')
    .execute();
  const job = jobs.find((j) => (JSON.parse(j.payload) as { to: string }).to === to);
  const text = (JSON.parse(job!.payload) as { text: string }).text;
  return /\d{6}/.exec(text)![0];
}

const lines = (serviceId: string, date: string, time: string) => [{ serviceId, date, startLocal: time }];

describe('the public booking page', () => {
  it('shows the store, its online services in the client’s language and the technicians, without signing in', async () => {
    const res = await browser('zh-CN').get(`/api/v1/public/stores/${w.slug}`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json();
    expect(page).toMatchObject({
      name: 'Flushing',
      timeZone: 'America/New_York',
      currency: 'USD',
      booking: { newClientsAllowed: true, noticeMin: 60 },
    });
    expect(page.services.map((s: { name: string }) => s.name)).toEqual(expect.arrayContaining(['美甲', '足部护理']));
    expect(page.staff.map((s: { displayName: string }) => s.displayName).sort()).toEqual(['Tech', 'Tech']);
    expect(JSON.stringify(page)).not.toContain('@lotus.test');
    expectProblem(await browser().get('/api/v1/public/stores/no-such-store'), 404, 'online_booking_disabled');
  });

  it('offers store-local times from now + notice, within the horizon', async () => {
    const res = await browser().get(`/api/v1/public/stores/${w.slug}/availability?serviceIds=${w.services.mani}&from=2026-11-27`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().timeZone).toBe('America/New_York');
    expect(res.json().slots[0]).toMatchObject({ startLocal: '11:00', start: '2026-11-27T11:00:00-05:00' });
    const far = await browser().get(
      `/api/v1/public/stores/${w.slug}/availability?serviceIds=${w.services.mani}&from=2027-01-27&to=2027-01-28`,
    );
    expect(far.json().slots).toEqual([]);
  });
});

describe('booking with a one-time code', () => {
  const phone = '(212) 555-0177';
  const e164 = '+12125550177';
  let token: string;

  it('sends a code, refuses a wrong one (counting tries), books with the right one and creates the client', async () => {
    const b = browser('zh-CN');
    const sent = await b.post('/api/v1/public/otp', { storeSlug: w.slug, phone });
    expect(sent.statusCode, sent.body).toBe(202);
    const code = await codeSentTo(e164);
    const wrong = code === '000000' ? '111111' : '000000';
    const booking = { storeSlug: w.slug, phone, firstName: '小雨', lastName: '王', lines: lines(w.services.mani, '2026-11-30', '15:00') };
    const bad = expectProblem(await b.post('/api/v1/public/bookings', { ...booking, code: wrong }), 422, 'otp_invalid');
    expect(bad.detail).toContain('4');
    const res = await b.post('/api/v1/public/bookings', { ...booking, code }, { 'idempotency-key': 'online-booking-0001' });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    token = body.manageToken;
    expect(body.appointment).toMatchObject({
      status: 'booked',
      start: '2026-11-30T15:00:00-05:00',
      canCancel: true,
      services: [{ name: '美甲' }],
    });
    const appt = (await w.owner.get(`/api/v1/appointments/${body.appointmentId}`)).json();
    expect(appt).toMatchObject({ source: 'online', client: { firstName: '小雨', phone: e164 } });
    // A retry with the same key replays; the used code books nothing more.
    const again = await b.post('/api/v1/public/bookings', { ...booking, code }, { 'idempotency-key': 'online-booking-0001' });
    expect(again.json().appointmentId).toBe(body.appointmentId);
    expectProblem(
      await b.post('/api/v1/public/bookings', { ...booking, code, lines: lines(w.services.mani, '2026-12-01', '15:00') }),
      422,
      'otp_expired',
    );
  });

  it('finds the existing client next time, and a slot taken keeps the code usable', async () => {
    const b = browser();
    await b.post('/api/v1/public/otp', { storeSlug: w.slug, phone });
    const code = await codeSentTo(e164);
    const busy = (await w.owner.get(`/api/v1/appointments?storeId=${w.storeId}&from=2026-11-30&to=2026-11-30`)).json().data[0].lines[0]
      .staffId;
    const conflict = await b.post('/api/v1/public/bookings', {
      storeSlug: w.slug,
      phone,
      code,
      lines: [{ serviceId: w.services.mani, staffId: busy, date: '2026-11-30', startLocal: '15:00' }],
    });
    expect(expectProblem(conflict, 409, 'slot_taken').alternatives.length).toBeGreaterThan(0);
    const ok = await b.post('/api/v1/public/bookings', {
      storeSlug: w.slug,
      phone,
      code,
      lines: lines(w.services.mani, '2026-12-01', '16:00'),
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const clients = await t.db.db.selectFrom('clients').select('id').where('phone', '=', e164).execute();
    expect(clients).toHaveLength(1);
  });

  it('five wrong codes kill the code; an old code expires after 10 minutes', async () => {
    const b = browser();
    const email = 'lily@example.com';
    await b.post('/api/v1/public/otp', { storeSlug: w.slug, email, language: 'zh-TW' });
    const code = await codeSentTo(email);
    const wrong = code === '000000' ? '111111' : '000000';
    const booking = { storeSlug: w.slug, email, firstName: 'Lily', lines: lines(w.services.mani, '2026-12-01', '10:00') };
    for (let i = 0; i < 4; i++) expectProblem(await b.post('/api/v1/public/bookings', { ...booking, code: wrong }), 422, 'otp_invalid');
    expectProblem(await b.post('/api/v1/public/bookings', { ...booking, code: wrong }), 429, 'otp_too_many_attempts');
    expectProblem(await b.post('/api/v1/public/bookings', { ...booking, code }), 429, 'otp_too_many_attempts');
    await b.post('/api/v1/public/otp', { storeSlug: w.slug, email });
    const fresh = await codeSentTo(email);
    t.clock.advance(10 * 60_000);
    expectProblem(await b.post('/api/v1/public/bookings', { ...booking, code: fresh }), 422, 'otp_expired');
  });

  it('limits codes per destination and per IP', async () => {
    const b = browser();
    for (let i = 0; i < 5; i++)
      expect((await b.post('/api/v1/public/otp', { storeSlug: w.slug, email: 'rose@example.com' })).statusCode).toBe(202);
    expectProblem(await b.post('/api/v1/public/otp', { storeSlug: w.slug, email: 'rose@example.com' }), 429, 'rate_limited');
    const c = browser();
    const codes: number[] = [];
    for (let i = 0; i < 11; i++)
      codes.push((await c.post('/api/v1/public/otp', { storeSlug: w.slug, email: `flood${i}@example.com` })).statusCode);
    expect(codes).toEqual([...Array(10).fill(202), 429]);
    expectProblem(await browser().post('/api/v1/public/otp', { storeSlug: w.slug, phone: '12' }), 400, 'validation_failed');
    expectProblem(await browser().post('/api/v1/public/otp', { storeSlug: w.slug, phone: 'not a phone' }), 422, 'invalid_phone');
  });

  it('manages the booking through its link: view, calendar file, move, cancel; a wrong token is 404', async () => {
    const b = browser();
    const view = await b.get(`/api/v1/public/bookings/${token}`);
    expect(view.statusCode, view.body).toBe(200);
    expect(JSON.stringify(view.json())).not.toContain('+1212');
    const ics = await b.get(`/api/v1/public/bookings/${token}/calendar.ics`);
    expect(ics.headers['content-type']).toMatch(/^text\/calendar/);
    expect(ics.body).toContain('BEGIN:VEVENT\r\n');
    expect(ics.body).toContain('DTSTART:20261130T200000Z');
    const moved = await b.post(`/api/v1/public/bookings/${token}/reschedule`, { date: '2026-12-02', startLocal: '11:00' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().start).toBe(nyIso('2026-12-02', '11:00'));
    const cancelled = await b.post(`/api/v1/public/bookings/${token}/cancel`, {});
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', canCancel: false });
    expectProblem(await b.get(`/api/v1/public/bookings/${token.slice(0, -2)}xx`), 404, 'not_found');
  });
});

describe('store policy', () => {
  async function bookWithCode(b: ReturnType<typeof browser>, phone: string, booking: Record<string, unknown>) {
    await b.post('/api/v1/public/otp', { storeSlug: w.slug, phone });
    const e164 = `+1${phone.replace(/\D/g, '')}`;
    return b.post('/api/v1/public/bookings', { storeSlug: w.slug, phone, code: await codeSentTo(e164), ...booking });
  }

  it('applies notice and horizon, refuses services not offered online, and closes changes inside the window', async () => {
    const b = browser();
    const now = new Date(t.clock.now());
    const soon = `${String(now.getUTCHours() - 5 + 1).padStart(2, '0')}:00`;
    expectProblem(
      await bookWithCode(b, '2125550188', { firstName: 'Ann', lines: lines(w.services.mani, '2026-11-27', soon) }),
      422,
      'too_soon',
    );
    expectProblem(
      await bookWithCode(b, '2125550188', { firstName: 'Ann', lines: lines(w.services.mani, '2027-03-01', '10:00') }),
      422,
      'beyond_horizon',
    );
    const hidden = await createService(w.owner, {
      name: 'Staff-only',
      durationMin: 30,
      price: 1000,
      onlineBookable: false,
      staff: [{ staffId: w.techs[0]!.id }],
    });
    expectProblem(
      await bookWithCode(b, '2125550188', { firstName: 'Ann', lines: lines(hidden, '2026-12-01', '12:00') }),
      422,
      'service_not_bookable_online',
    );
    const tomorrow = await bookWithCode(b, '2125550188', { firstName: 'Ann', lines: lines(w.services.pedi, '2026-11-28', '09:00') });
    expect(tomorrow.statusCode, tomorrow.body).toBe(201);
    expectProblem(await b.post(`/api/v1/public/bookings/${tomorrow.json().manageToken}/cancel`, {}), 422, 'cancellation_window_passed');
  });

  it('refuses new clients when the store says so, and everything when online booking is off', async () => {
    const settings = (await w.owner.get(`/api/v1/booking-settings?storeId=${w.storeId}`)).json();
    let put = await w.owner.put('/api/v1/booking-settings', { storeId: w.storeId, version: settings.version, newClientsAllowed: false });
    expect(put.statusCode, put.body).toBe(200);
    const b = browser();
    expectProblem(
      await bookWithCode(b, '2125550111', { firstName: 'New', lines: lines(w.services.mani, '2026-12-03', '10:00') }),
      422,
      'new_clients_not_allowed',
    );
    const existing = await bookWithCode(b, '2125550134', { lines: lines(w.services.mani, '2026-12-03', '10:00') }); // Grace, already a client
    expect(existing.statusCode, existing.body).toBe(201);
    put = await w.owner.put('/api/v1/booking-settings', { storeId: w.storeId, version: put.json().version, onlineEnabled: false });
    expectProblem(await b.get(`/api/v1/public/stores/${w.slug}`), 404, 'online_booking_disabled');
    // A change touches only the keys sent.
    expect((await w.owner.get(`/api/v1/booking-settings?storeId=${w.storeId}`)).json()).toMatchObject({
      onlineEnabled: false,
      newClientsAllowed: false,
      noticeMin: 60,
    });
    expectProblem(
      await w.owner.put('/api/v1/booking-settings', { storeId: w.storeId, version: 1, onlineEnabled: true }),
      409,
      'stale_version',
    );
    expectProblem(
      await w.techs[0]!.session.put('/api/v1/booking-settings', { storeId: w.storeId, version: 3, onlineEnabled: true }),
      403,
      'forbidden',
    );
  });
});
