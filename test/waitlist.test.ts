import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectProblem, type TestApp } from './support/app.js';
import { bookingWorld, createClient, oneService, type World } from './support/appointments.js';

let t: TestApp;
let w: World;
const DAY = '2026-12-02';
const booked: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  w = await bookingWorld(t, { techCount: 1 });
  // The only technician is fully booked that day: 09:00–19:00, ten one-hour visits.
  for (let h = 9; h < 19; h++) {
    const time = `${String(h).padStart(2, '0')}:00`;
    const res = await w.frontDesk.post('/api/v1/appointments', oneService(w, w.services.mani, DAY, time, w.techs[0]!.id));
    expect(res.statusCode, res.body).toBe(201);
    booked[time] = res.json().id;
  }
});
afterAll(async () => t.close());

async function join(body: Record<string, unknown>) {
  const res = await w.frontDesk.post('/api/v1/waitlist', {
    storeId: w.storeId,
    clientId: w.clientId,
    serviceIds: [w.services.mani],
    dateFrom: DAY,
    dateTo: DAY,
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('waitlist', () => {
  let afternoon: { id: string };
  let evening: { id: string };

  it('takes entries (services, any technician, a date window and hours) and lists them', async () => {
    afternoon = await join({ timeFrom: '12:00', timeTo: '15:00', notes: 'Any afternoon slot' });
    evening = await join({ timeFrom: '17:00', timeTo: '19:00', staffId: w.techs[0]!.id });
    const list = await w.frontDesk.get(`/api/v1/waitlist?storeId=${w.storeId}`);
    expect(
      list
        .json()
        .data.map((e: { id: string }) => e.id)
        .sort(),
    ).toEqual([afternoon.id, evening.id].sort());
    expect(list.json().data.find((e: { id: string }) => e.id === afternoon.id)).toMatchObject({
      staffId: 'any',
      status: 'waiting',
      match: null,
      client: { firstName: 'Grace' },
    });
    expect((await w.frontDesk.get(`/api/v1/waitlist?storeId=${w.storeId}&matches=true`)).json().data).toEqual([]);
  });

  it('flags the entries that fit when a cancellation frees a slot, and only those', async () => {
    const res = await w.frontDesk.post(`/api/v1/appointments/${booked['13:00']}/cancel`, { reason: 'Client sick' });
    expect(res.statusCode, res.body).toBe(200);
    const matches = (await w.frontDesk.get(`/api/v1/waitlist?storeId=${w.storeId}&matches=true`)).json().data;
    expect(matches.map((e: { id: string }) => e.id)).toEqual([afternoon.id]);
    expect(matches[0].match).toMatchObject({ start: `${DAY}T13:00:00-05:00`, startLocal: '13:00', lines: [{ staffId: w.techs[0]!.id }] });
    expect(matches[0].stillFree).toBe(true);
  });

  it('books the offered slot from the entry, which closes it', async () => {
    const res = await w.frontDesk.post('/api/v1/appointments', {
      ...oneService(w, w.services.mani, DAY, '13:00'),
      waitlistEntryId: afternoon.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    const waiting = (await w.frontDesk.get(`/api/v1/waitlist?storeId=${w.storeId}`)).json().data.map((e: { id: string }) => e.id);
    expect(waiting).toEqual([evening.id]);
    const bookedList = (await w.frontDesk.get(`/api/v1/waitlist?storeId=${w.storeId}&status=booked`)).json().data;
    expect(bookedList[0]).toMatchObject({ id: afternoon.id, status: 'booked', appointmentId: res.json().id });
    expectProblem(
      await w.frontDesk.post('/api/v1/appointments', {
        ...oneService(w, w.services.mani, '2026-12-03', '10:00'),
        waitlistEntryId: afternoon.id,
      }),
      409,
      'waitlist_entry_closed',
    );
    // Nothing was booked by the refused request.
    expect((await w.frontDesk.get(`/api/v1/appointments?storeId=${w.storeId}&from=2026-12-03&to=2026-12-03`)).json().data).toEqual([]);
  });

  it('a flagged match that was taken meanwhile says stillFree: false', async () => {
    await w.frontDesk.post(`/api/v1/appointments/${booked['17:00']}/cancel`, {});
    let matches = (await w.frontDesk.get(`/api/v1/waitlist?storeId=${w.storeId}&matches=true`)).json().data;
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({ id: evening.id, stillFree: true });
    const other = await createClient(w.owner, w.storeId, { firstName: 'Ivy', phone: '+12125550199' });
    expect(
      (await w.frontDesk.post('/api/v1/appointments', { ...oneService(w, w.services.mani, DAY, '17:00'), clientId: other })).statusCode,
    ).toBe(201);
    matches = (await w.frontDesk.get(`/api/v1/waitlist?storeId=${w.storeId}&matches=true`)).json().data;
    expect(matches[0].stillFree).toBe(false);
  });

  it('removes an entry once; unknown and closed entries are refused', async () => {
    expect((await w.frontDesk.delete(`/api/v1/waitlist/${evening.id}`)).statusCode).toBe(204);
    expectProblem(await w.frontDesk.delete(`/api/v1/waitlist/${evening.id}`), 409, 'waitlist_entry_closed');
    expectProblem(await w.frontDesk.delete('/api/v1/waitlist/01900000-0000-7000-8000-000000000000'), 404, 'not_found');
  });

  it('validates input', async () => {
    let p = expectProblem(
      await w.frontDesk.post('/api/v1/waitlist', {
        storeId: w.storeId,
        clientId: w.clientId,
        serviceIds: [w.services.mani],
        dateFrom: DAY,
        dateTo: '2026-12-01',
      }),
      400,
      'validation_failed',
    );
    expect(p.errors[0].path).toBe('dateTo');
    p = expectProblem(
      await w.frontDesk.post('/api/v1/waitlist', {
        storeId: w.storeId,
        clientId: '01900000-0000-7000-8000-000000000000',
        serviceIds: [w.services.mani],
        dateFrom: DAY,
        dateTo: DAY,
      }),
      422,
      'unknown_reference',
    );
    expect(p.errors[0].path).toBe('clientId');
    expectProblem(
      await w.techs[0]!.session.post('/api/v1/waitlist', {
        storeId: w.storeId,
        clientId: w.clientId,
        serviceIds: [w.services.mani],
        dateFrom: DAY,
        dateTo: DAY,
      }),
      403,
      'forbidden',
    );
  });
});
