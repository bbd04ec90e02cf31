import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff, createTestApp, expectProblem, type Session, type TestApp } from './support/app.js';
import { bookingWorld, oneService, type World } from './support/appointments.js';

let t: TestApp;
let w: World;
let accountant: Session;
const HOUR = 3_600_000;

beforeAll(async () => {
  t = await createTestApp(); // 2026-11-27 10:00 in New York
  w = await bookingWorld(t);
  ({ session: accountant } = await addStaff(t, w.owner, { role: 'accountant', storeIds: [w.storeId], email: 'books@lotus.test' }));
  const put = await w.owner.put('/api/v1/booking-settings', {
    storeId: w.storeId,
    version: 0,
    cancellationWindowHours: 24,
    lateCancelFee: { kind: 'percent', percent: 50 },
    noShowFee: { kind: 'fixed', amount: 2000 },
  });
  expect(put.statusCode, put.body).toBe(200);
});
afterAll(async () => t.close());

async function book(date: string, time: string, staff = 0, serviceId = w.services.mani) {
  const res = await w.frontDesk.post('/api/v1/appointments', oneService(w, serviceId, date, time, w.techs[staff]!.id));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('status changes', () => {
  it('walks booked → confirmed → checked_in → in_service → completed with who and when, and keeps the history', async () => {
    const a = await book('2026-11-27', '11:00');
    const techSession = w.techs[0]!.session;
    let res = await w.frontDesk.post(`/api/v1/appointments/${a.id}/confirm`, { version: a.version });
    expect(res.json()).toMatchObject({ status: 'confirmed', version: 2 });
    res = await techSession.post(`/api/v1/appointments/${a.id}/check-in`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().checkedIn.by).toBe(w.techs[0]!.id);
    res = await techSession.post(`/api/v1/appointments/${a.id}/start`, {});
    expect(res.json().status).toBe('in_service');
    res = await techSession.post(`/api/v1/appointments/${a.id}/complete`, {});
    expect(res.json()).toMatchObject({ status: 'completed', allowedActions: [] });
    const full = (await accountant.get(`/api/v1/appointments/${a.id}`)).json();
    expect(full.history.map((h: { to: string }) => h.to)).toEqual(['booked', 'confirmed', 'checked_in', 'in_service', 'completed']);
    expect(full.completed.at).toBe('2026-11-27T10:00:00-05:00');
    const audit = await w.owner.get(`/api/v1/audit-log?entityType=appointment&entityId=${a.id}`);
    expect(audit.json().data.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['appointment.create', 'appointment.confirm', 'appointment.complete']),
    );
  });

  it('refuses illegal transitions with 409 invalid_status_transition', async () => {
    const a = await book('2026-11-28', '10:00');
    expectProblem(await w.frontDesk.post(`/api/v1/appointments/${a.id}/start`, {}), 409, 'invalid_status_transition');
    expectProblem(await w.frontDesk.post(`/api/v1/appointments/${a.id}/complete`, {}), 409, 'invalid_status_transition');
    await w.frontDesk.post(`/api/v1/appointments/${a.id}/cancel`, { reason: 'sick' });
    expectProblem(await w.frontDesk.post(`/api/v1/appointments/${a.id}/check-in`, {}), 409, 'invalid_status_transition');
  });

  it('technicians act only on their own clients and cannot cancel; accountants only read', async () => {
    const a = await book('2026-11-28', '12:00', 1);
    expectProblem(await w.techs[0]!.session.post(`/api/v1/appointments/${a.id}/check-in`, {}), 403, 'forbidden');
    expectProblem(await w.techs[1]!.session.post(`/api/v1/appointments/${a.id}/cancel`, {}), 403, 'forbidden');
    expectProblem(await accountant.post(`/api/v1/appointments/${a.id}/check-in`, {}), 403, 'forbidden');
    expect((await accountant.get(`/api/v1/appointments/${a.id}`)).statusCode).toBe(200);
    expect((await w.techs[1]!.session.post(`/api/v1/appointments/${a.id}/check-in`, {})).json().status).toBe('checked_in');
  });

  it('a stale version is 409 stale_version; notes edit with the current one', async () => {
    const a = await book('2026-11-29', '10:00');
    expectProblem(await w.frontDesk.patch(`/api/v1/appointments/${a.id}`, { version: 7, notes: 'x' }), 409, 'stale_version');
    const ok = await w.frontDesk.patch(`/api/v1/appointments/${a.id}`, { version: a.version, notes: 'Prefers short nails' });
    expect(ok.json()).toMatchObject({ notes: 'Prefers short nails', version: 2 });
    expectProblem(await w.frontDesk.post(`/api/v1/appointments/${a.id}/confirm`, { version: 1 }), 409, 'stale_version');
  });
});

describe('cancellations and no-shows', () => {
  it('an early cancellation frees the slot and records no fee', async () => {
    const a = await book('2026-12-03', '10:00');
    const res = await w.frontDesk.post(`/api/v1/appointments/${a.id}/cancel`, { reason: 'Client travelling' });
    expect(res.json()).toMatchObject({ status: 'cancelled', cancelReason: 'Client travelling', fee: null });
    await book('2026-12-03', '10:00');
  });

  it('a late cancellation records the late-cancel fee for checkout; the front desk may waive it', async () => {
    const a = await book('2026-11-28', '09:00', 0, w.services.pedi); // 23 h ahead, inside the 24 h window
    const res = await w.frontDesk.post(`/api/v1/appointments/${a.id}/cancel`, {});
    expect(res.json().fee).toEqual({ kind: 'late_cancel', amount: 2250, collected: false, saleId: null, receiptCode: null });
    const b = await book('2026-11-28', '09:00', 0, w.services.pedi);
    const waived = await w.frontDesk.post(`/api/v1/appointments/${b.id}/cancel`, { waiveFee: true });
    expect(waived.json().fee).toBeNull();
  });

  it('a no-show is refused before the start, then records the no-show fee and frees the time', async () => {
    const a = await book('2026-11-27', '14:00', 1);
    expectProblem(await w.frontDesk.post(`/api/v1/appointments/${a.id}/no-show`, {}), 422, 'no_show_too_early');
    t.clock.advance(4 * HOUR + 10 * 60_000); // 14:10
    await w.frontDesk.login('desk@lotus.test', 'staff-password-1234'); // the session idled out meanwhile
    const res = await w.frontDesk.post(`/api/v1/appointments/${a.id}/no-show`, {});
    expect(res.json()).toMatchObject({ status: 'no_show', fee: { kind: 'no_show', amount: 2000 } });
    const occ = await t.db.db.selectFrom('staff_occupancy').select('id').where('appointment_id', '=', a.id).execute();
    expect(occ).toHaveLength(0);
  });
});
