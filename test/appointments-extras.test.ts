// Add-ons on appointment lines (longer lines, checked like any booking, charged at checkout), lines resized
// at the front desk, one client's visits across the stores the caller may see, and the calendar's allergy flag.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff, addStore, createTestApp, expectProblem, type Session, type TestApp } from './support/app.js';
import { bookingWorld, createClient, createService, oneService, setRoster, type World } from './support/appointments.js';

let t: TestApp;
let w: World;
let paraffin: string; // on manicures: +15 min, $10
let scrub: string; // on pedicures only
let tech: string;

beforeAll(async () => {
  t = await createTestApp(); // Fri 2026-11-27 10:00 New York
  w = await bookingWorld(t);
  tech = w.techs[0]!.id;
  const addOn = async (body: Record<string, unknown>) => {
    const res = await w.owner.post('/api/v1/add-ons', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  paraffin = await addOn({
    name: 'Paraffin',
    nameTranslations: { 'zh-CN': '蜡疗', 'zh-TW': '蠟療' },
    price: 1000,
    extraMin: 15,
    serviceIds: [w.services.mani],
  });
  scrub = await addOn({ name: 'Sugar scrub', price: 800, extraMin: 10, serviceIds: [w.services.pedi] });
});
afterAll(async () => t.close());

const V1 = '/api/v1';
const withAddOns = (date: string, time: string, addOnIds: string[], staffId = tech) => ({
  storeId: w.storeId,
  clientId: w.clientId,
  lines: [{ serviceId: w.services.mani, staffId, date, startLocal: time, addOnIds }],
});

describe('add-ons on lines', () => {
  const DAY = '2026-11-30';

  it('lengthen the line, add their price and come back with names and minutes', async () => {
    const res = await w.frontDesk.post(`${V1}/appointments`, withAddOns(DAY, '10:00', [paraffin]), { 'accept-language': 'zh-CN' });
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    expect(a.lines[0]).toMatchObject({
      durationMin: 75,
      customDuration: false,
      end: `${DAY}T11:15:00-05:00`,
      price: 3500,
      addOns: [{ id: paraffin, name: '蜡疗', extraMin: 15, price: 1000 }],
    });
    expect(a).toMatchObject({ end: `${DAY}T11:15:00-05:00`, total: 4500 });
    const read = (await w.owner.get(`${V1}/appointments/${a.id}`)).json();
    expect(read.lines[0].addOns).toEqual([{ id: paraffin, name: 'Paraffin', extraMin: 15, price: 1000 }]);
  });

  it('the longer line is what the double-booking check sees', async () => {
    // Without the add-on's 15 minutes 11:00 would be free.
    expectProblem(await w.frontDesk.post(`${V1}/appointments`, oneService(w, w.services.mani, DAY, '11:00', tech)), 409, 'slot_taken');
    const after = await w.frontDesk.post(`${V1}/appointments`, oneService(w, w.services.mani, DAY, '11:15', tech));
    expect(after.statusCode, after.body).toBe(201);
    // And a booking with an add-on may not reach into the next one.
    expect((await w.frontDesk.post(`${V1}/appointments`, oneService(w, w.services.mani, DAY, '15:00', tech))).statusCode).toBe(201);
    expectProblem(await w.frontDesk.post(`${V1}/appointments`, withAddOns(DAY, '14:00', [paraffin])), 409, 'slot_taken');
  });

  it('availability counts the add-on minutes', async () => {
    const res = await w.owner.get(
      `${V1}/availability?storeId=${w.storeId}&serviceIds=${w.services.mani}&staffId=${tech}&addOnIds=${paraffin}&from=2026-12-01`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const slots = res.json().slots as Array<{ startLocal: string; end: string }>;
    expect(slots[0]).toMatchObject({ startLocal: '09:00', end: '2026-12-01T10:15:00-05:00' });
    expect(slots.at(-1)!.startLocal).toBe('17:45');
    const wrong = await w.owner.get(
      `${V1}/availability?storeId=${w.storeId}&serviceIds=${w.services.mani}&addOnIds=${scrub}&from=2026-12-01`,
    );
    expect(expectProblem(wrong, 422, 'add_on_not_for_service').errors[0].path).toBe('addOnIds.0');
  });

  it('refuses an add-on not attached to the line’s service with 422 naming the field, in the reader’s language', async () => {
    const body = {
      storeId: w.storeId,
      clientId: w.clientId,
      lines: [
        { serviceId: w.services.pedi, staffId: tech, date: DAY, startLocal: '16:00', addOnIds: [scrub] },
        { serviceId: w.services.mani, staffId: tech, addOnIds: [paraffin, scrub] },
      ],
    };
    const res = await w.frontDesk.post(`${V1}/appointments`, body, { 'accept-language': 'zh-CN' });
    const p = expectProblem(res, 422, 'add_on_not_for_service');
    expect(p.errors[0].path).toBe('lines.1.addOnIds.1');
    expect(p.title).toBe('此附加项目不适用于该服务');
    const unknown = { ...body, lines: [{ ...body.lines[0]!, addOnIds: ['0190a0a0-0000-7000-8000-000000000000'] }] };
    expect(expectProblem(await w.frontDesk.post(`${V1}/appointments`, unknown), 422, 'add_on_not_for_service').errors[0].path).toBe(
      'lines.0.addOnIds.0',
    );
    expectProblem(await w.frontDesk.post(`${V1}/appointments`, withAddOns(DAY, '16:00', [paraffin, paraffin])), 400, 'validation_failed');
  });

  it('a reschedule carries add-ons (and may drop them)', async () => {
    const booked = (await w.frontDesk.post(`${V1}/appointments`, withAddOns('2026-12-02', '10:00', [paraffin]))).json();
    const moved = await w.frontDesk.post(`${V1}/appointments/${booked.id}/reschedule`, {
      version: booked.version,
      lines: [{ serviceId: w.services.mani, staffId: tech, date: '2026-12-02', startLocal: '12:00', addOnIds: [paraffin] }],
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().lines[0]).toMatchObject({ durationMin: 75, end: '2026-12-02T13:15:00-05:00' });
    const dropped = await w.frontDesk.post(`${V1}/appointments/${booked.id}/reschedule`, {
      version: moved.json().version,
      lines: [{ serviceId: w.services.mani, staffId: tech, date: '2026-12-02', startLocal: '12:00' }],
    });
    expect(dropped.json()).toMatchObject({ total: 3500, end: '2026-12-02T13:00:00-05:00', lines: [{ addOns: [], durationMin: 60 }] });
  });

  it('checkout starts the ticket with the add-ons as add-on lines at their booked prices', async () => {
    const booked = (await w.frontDesk.post(`${V1}/appointments`, withAddOns('2026-12-03', '10:00', [paraffin]))).json();
    // The catalog price changes after booking: the ticket keeps what was quoted.
    const current = (await w.owner.get(`${V1}/add-ons/${paraffin}`)).json();
    expect((await w.owner.patch(`${V1}/add-ons/${paraffin}`, { version: current.version, price: 1200 })).statusCode).toBe(200);
    const open = await w.frontDesk.post(`${V1}/sales`, { storeId: w.storeId, appointmentId: booked.id });
    expect(open.statusCode, open.body).toBe(201);
    const lines = open.json().lines as Array<{ kind: string; refId: string; unitPrice: number; technicians: Array<{ staffId: string }> }>;
    expect(lines.map((l) => [l.kind, l.unitPrice])).toEqual([
      ['service', 3500],
      ['add_on', 1000],
    ]);
    expect(lines[1]).toMatchObject({ refId: paraffin, technicians: [{ staffId: tech }] });
  });
});

describe('resizing a line at the front desk', () => {
  const DAY = '2026-12-07';
  let a: { id: string; version: number; lines: Array<{ id: string }> };

  beforeAll(async () => {
    a = (await w.frontDesk.post(`${V1}/appointments`, oneService(w, w.services.mani, DAY, '10:00', tech))).json();
    const next = await w.frontDesk.post(`${V1}/appointments`, oneService(w, w.services.pedi, DAY, '12:00', tech));
    expect(next.statusCode, next.body).toBe(201);
  });

  it('sets a line’s length, checked and audited as a change', async () => {
    const res = await w.frontDesk.patch(`${V1}/appointments/${a.id}`, {
      version: a.version,
      notes: 'colour runs long',
      lines: [{ id: a.lines[0]!.id, durationMin: 90 }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ version: a.version + 1, end: `${DAY}T11:30:00-05:00`, rescheduleCount: 0, notes: 'colour runs long' });
    expect(body.lines[0]).toMatchObject({
      durationMin: 90,
      customDuration: true,
      start: `${DAY}T10:00:00-05:00`,
      staffId: tech,
      staffRequested: true,
    });
    const audit = await t.db.db.selectFrom('audit_log').select(['action']).where('entity_id', '=', a.id).orderBy('id').execute();
    expect(audit.map((r) => r.action)).toEqual(['appointment.create', 'appointment.update']);
    a = body;
  });

  it('refuses a length that runs into the next booking (409 slot_taken) and a stale version (409)', async () => {
    expectProblem(
      await w.frontDesk.patch(`${V1}/appointments/${a.id}`, { version: a.version, lines: [{ id: a.lines[0]!.id, durationMin: 150 }] }),
      409,
      'slot_taken',
    );
    expectProblem(
      await w.frontDesk.patch(`${V1}/appointments/${a.id}`, { version: a.version - 1, lines: [{ id: a.lines[0]!.id, durationMin: 60 }] }),
      409,
      'stale_version',
    );
    const unchanged = (await w.owner.get(`${V1}/appointments/${a.id}`)).json();
    expect(unchanged).toMatchObject({ version: a.version, end: `${DAY}T11:30:00-05:00` });
  });

  it('keeps the length when the visit moves with it, and goes back to the catalog’s on null', async () => {
    const moved = await w.frontDesk.post(`${V1}/appointments/${a.id}/reschedule`, {
      version: a.version,
      lines: [{ serviceId: w.services.mani, staffId: tech, date: DAY, startLocal: '14:00', durationMin: 90 }],
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().lines[0]).toMatchObject({ durationMin: 90, customDuration: true, end: `${DAY}T15:30:00-05:00` });
    const back = await w.frontDesk.patch(`${V1}/appointments/${a.id}`, {
      version: moved.json().version,
      lines: [{ id: moved.json().lines[0].id, durationMin: null }],
    });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().lines[0]).toMatchObject({ durationMin: 60, customDuration: false, end: `${DAY}T15:00:00-05:00` });
  });

  it('is for the front desk: a technician may not, and an unknown line is 422', async () => {
    const cur = (await w.owner.get(`${V1}/appointments/${a.id}`)).json();
    expectProblem(
      await w.techs[0]!.session.patch(`${V1}/appointments/${a.id}`, {
        version: cur.version,
        lines: [{ id: cur.lines[0].id, durationMin: 45 }],
      }),
      403,
      'forbidden',
    );
    const p = expectProblem(
      await w.frontDesk.patch(`${V1}/appointments/${a.id}`, {
        version: cur.version,
        lines: [{ id: '0190a0a0-0000-7000-8000-000000000001', durationMin: 45 }],
      }),
      422,
      'unknown_reference',
    );
    expect(p.errors[0].path).toBe('lines.0.id');
  });
});

describe('one client’s visits (clientId)', () => {
  let other: { id: string };
  let deskB: Session;
  let clientId: string;

  beforeAll(async () => {
    clientId = await createClient(w.owner, w.storeId, {
      firstName: 'Mei',
      phone: '+12125550188',
      preferences: { allergyReminder: 'latex' },
    });
    const store = await addStore(w.owner, { name: 'Queens' });
    const everyDay = Object.fromEntries(
      ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [{ open: '09:00', close: '19:00' }]]),
    );
    expect((await w.owner.patch(`${V1}/stores/${store.id}`, { hours: everyDay, version: store.version })).statusCode).toBe(200);
    const techB = await addStaff(t, w.owner, { role: 'technician', storeIds: [store.id], email: 'queens-tech@lotus.test' });
    await setRoster(w.owner, store.id, techB.staff.id);
    deskB = (await addStaff(t, w.owner, { role: 'front_desk', storeIds: [store.id], email: 'queens-desk@lotus.test' })).session;
    const serviceB = await createService(w.owner, {
      name: 'Queens facial',
      durationMin: 60,
      price: 7000,
      staff: [{ staffId: techB.staff.id }],
    });
    other = store;
    for (const [date, time] of [
      ['2026-12-08', '10:00'],
      ['2026-12-15', '10:00'],
    ] as const) {
      const res = await w.frontDesk.post(`${V1}/appointments`, oneService(w, w.services.mani, date, time, tech, { clientId }));
      expect(res.statusCode, res.body).toBe(201);
    }
    const b = await deskB.post(`${V1}/appointments`, {
      storeId: store.id,
      clientId,
      lines: [{ serviceId: serviceB, date: '2026-12-10', startLocal: '11:00' }],
    });
    expect(b.statusCode, b.body).toBe(201);
    // Someone else's visit never shows.
    expect((await w.frontDesk.post(`${V1}/appointments`, oneService(w, w.services.pedi, '2026-12-08', '15:00', tech))).statusCode).toBe(
      201,
    );
  });

  it('lists them newest first, only at the stores the caller may see', async () => {
    const all = await w.owner.get(`${V1}/appointments?clientId=${clientId}`);
    expect(all.statusCode, all.body).toBe(200);
    expect(all.json().data.map((a: { date: string; storeId: string }) => a.date)).toEqual(['2026-12-15', '2026-12-10', '2026-12-08']);
    const desk = (await w.frontDesk.get(`${V1}/appointments?clientId=${clientId}`)).json();
    expect(desk.data.map((a: { storeId: string }) => a.storeId)).toEqual([w.storeId, w.storeId]);
    const queens = (await deskB.get(`${V1}/appointments?clientId=${clientId}`)).json();
    expect(queens.data.map((a: { storeId: string; date: string }) => [a.storeId, a.date])).toEqual([[other.id, '2026-12-10']]);
    expectProblem(await w.frontDesk.get(`${V1}/appointments?clientId=${clientId}&storeId=${other.id}`), 403, 'store_forbidden');
  });

  it('filters by range and pages with a cursor', async () => {
    const upcoming = (await w.owner.get(`${V1}/appointments?clientId=${clientId}&storeId=${w.storeId}&from=2026-12-09`)).json();
    expect(upcoming.data.map((a: { date: string }) => a.date)).toEqual(['2026-12-15']);
    const first = (await w.owner.get(`${V1}/appointments?clientId=${clientId}&limit=2`)).json();
    expect(first.data).toHaveLength(2);
    const rest = (
      await w.owner.get(`${V1}/appointments?clientId=${clientId}&limit=2&cursor=${encodeURIComponent(first.nextCursor)}`)
    ).json();
    expect(rest.data.map((a: { date: string }) => a.date)).toEqual(['2026-12-08']);
    expect(rest.nextCursor).toBeNull();
    expectProblem(await w.owner.get(`${V1}/appointments?clientId=${clientId}&from=2026-12-09`), 400, 'validation_failed');
    expectProblem(await w.owner.get(`${V1}/appointments?storeId=${w.storeId}`), 400, 'validation_failed');
  });

  it('the calendar feed flags a client with an allergies reminder, and carries no health text', async () => {
    const feed = await w.frontDesk.get(`${V1}/appointments?storeId=${w.storeId}&from=2026-12-08&to=2026-12-08`);
    expect(feed.statusCode, feed.body).toBe(200);
    const flags = feed
      .json()
      .data.map((a: { client: { id: string; allergyFlag: boolean } }) => [a.client.id === clientId, a.client.allergyFlag]);
    expect(flags.sort()).toEqual([
      [false, false],
      [true, true],
    ]);
    expect(feed.body).not.toContain('latex');
  });
});

describe('online booking with add-ons', () => {
  it('the store page lists categories and each service’s add-ons in the client’s language', async () => {
    const cat = await w.owner.post(`${V1}/service-categories`, { name: 'Nails', nameTranslations: { 'zh-CN': '美甲类' } });
    expect(cat.statusCode, cat.body).toBe(201);
    const svc = (await w.owner.get(`${V1}/services/${w.services.mani}`)).json();
    expect((await w.owner.patch(`${V1}/services/${w.services.mani}`, { version: svc.version, categoryId: cat.json().id })).statusCode).toBe(
      200,
    );
    const page = (await t.app.inject({ method: 'GET', url: `${V1}/public/stores/${w.slug}?lang=zh-CN` })).json();
    expect(page.categories).toEqual([{ id: cat.json().id, name: '美甲类', color: null }]);
    const mani = page.services.find((s: { id: string }) => s.id === w.services.mani);
    expect(mani).toMatchObject({ categoryId: cat.json().id, addOns: [{ id: paraffin, name: '蜡疗', extraMin: 15 }] });
    const en = (await t.app.inject({ method: 'GET', url: `${V1}/public/stores/${w.slug}`, headers: { 'accept-language': 'en' } })).json();
    expect(en.services.find((s: { id: string }) => s.id === w.services.mani).addOns[0].name).toBe('Paraffin');
  });

  it('public availability takes add-ons, and a booking keeps them through a move by the client', async () => {
    const avail = await t.app.inject({
      method: 'GET',
      url: `${V1}/public/stores/${w.slug}/availability?serviceIds=${w.services.mani}&addOnIds=${paraffin}&from=2026-12-09`,
    });
    expect(avail.statusCode, avail.body).toBe(200);
    expect(avail.json().slots.at(-1).startLocal).toBe('17:45');
    const phone = '+12125550199';
    await t.app.inject({ method: 'POST', url: `${V1}/public/otp`, payload: { storeSlug: w.slug, phone }, remoteAddress: '10.9.0.1' });
    const job = (
      await t.db.db.selectFrom('jobs').select(['payload']).where('kind', '=', 'notify.send').orderBy('id', 'desc').execute()
    ).find((j) => (JSON.parse(j.payload) as { to: string }).to === phone)!;
    const code = /\d{6}/.exec((JSON.parse(job.payload) as { text: string }).text)![0];
    const res = await t.app.inject({
      method: 'POST',
      url: `${V1}/public/bookings`,
      remoteAddress: '10.9.0.1',
      payload: {
        storeSlug: w.slug,
        phone,
        code,
        firstName: 'Lin',
        lines: [{ serviceId: w.services.mani, date: '2026-12-09', startLocal: '10:00', addOnIds: [paraffin] }],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const view = res.json().appointment;
    expect(view).toMatchObject({ end: '2026-12-09T11:15:00-05:00', total: 4700 });
    expect(view.services[0].addOns).toEqual([{ id: paraffin, name: 'Paraffin', extraMin: 15, price: 1200 }]);
    const moved = await t.app.inject({
      method: 'POST',
      url: `${V1}/public/bookings/${res.json().manageToken}/reschedule`,
      remoteAddress: '10.9.0.1',
      payload: { date: '2026-12-09', startLocal: '14:00' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ end: '2026-12-09T15:15:00-05:00', total: 4700 });
    // A length set by hand is the front desk's: the public body has no such field.
    const refused = await t.app.inject({
      method: 'POST',
      url: `${V1}/public/bookings`,
      remoteAddress: '10.9.0.1',
      payload: {
        storeSlug: w.slug,
        phone,
        code,
        lines: [{ serviceId: w.services.mani, date: '2026-12-09', startLocal: '16:00', durationMin: 5 }],
      },
    });
    expectProblem(refused, 400, 'validation_failed');
  });
});

describe('the OpenAPI document', () => {
  it('documents add-ons, the clientId filter and line edits', async () => {
    const res = await w.owner.get(`${V1}/openapi.json`);
    expect(res.statusCode).toBe(200);
    const paths = res.json().paths;
    expect(JSON.stringify(paths['/api/v1/appointments'].get.parameters)).toContain('clientId');
    expect(JSON.stringify(paths['/api/v1/appointments/{id}'].patch)).toContain('durationMin');
    expect(JSON.stringify(paths['/api/v1/appointments'].post)).toContain('addOnIds');
    expect(JSON.stringify(paths['/api/v1/public/stores/{slug}/availability'].get.parameters)).toContain('addOnIds');
  });
});
