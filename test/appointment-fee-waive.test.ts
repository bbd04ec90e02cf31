// Waiving a recorded late-cancel / no-show fee after the fact: a manager (or the front desk with a manager's
// PIN) clears an uncollected fee with a reason, audited; checkout refuses its line from then on, a ticket
// parked with it can no longer be paid, and a fee already collected cannot be waived.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff, createTestApp, expectProblem, type Session, type TestApp } from './support/app.js';
import { bookingWorld, oneService, type World } from './support/appointments.js';
import { key, MANAGER_PIN, V1 } from './support/checkout.js';

let t: TestApp;
let w: World;
let manager: { id: string; session: Session };

beforeAll(async () => {
  t = await createTestApp(); // 2026-11-27 10:00 in New York
  w = await bookingWorld(t);
  const m = await addStaff(t, w.owner, { role: 'manager', storeIds: [w.storeId], email: 'manager@lotus.test', pin: MANAGER_PIN });
  manager = { id: m.staff.id, session: m.session };
  const put = await w.owner.put(`${V1}/booking-settings`, {
    storeId: w.storeId,
    version: 0,
    cancellationWindowHours: 24,
    lateCancelFee: { kind: 'fixed', amount: 1_500 },
    noShowFee: { kind: 'percent', percent: 50 },
  });
  expect(put.statusCode, put.body).toBe(200);
});
afterAll(() => t.close());

const feeLine = (appointmentId: string) => ({ kind: 'appointment_fee', appointmentId });

async function lateCancelled(time: string) {
  const booked = await w.frontDesk.post(`${V1}/appointments`, oneService(w, w.services.mani, '2026-11-28', time, w.techs[0]!.id));
  expect(booked.statusCode, booked.body).toBe(201);
  const cancelled = await w.frontDesk.post(`${V1}/appointments/${booked.json().id}/cancel`, { reason: 'Flight changed' });
  expect(cancelled.json().fee).toMatchObject({ kind: 'late_cancel', amount: 1_500, collected: false });
  return cancelled.json() as { id: string; version: number };
}

const waive = (session: Session, id: string, body: Record<string, unknown>, headers?: Record<string, string>) =>
  session.post(`${V1}/appointments/${id}/fee/waive`, body, headers);

describe('waiving a recorded fee', () => {
  it('a manager waives an uncollected fee with a reason; checkout no longer offers it', async () => {
    const appt = await lateCancelled('09:00');
    const parked = await w.frontDesk.post(`${V1}/sales`, { storeId: w.storeId, clientId: w.clientId, lines: [feeLine(appt.id)] });
    expect(parked.statusCode, parked.body).toBe(201);

    // The front desk alone may not; a wrong PIN is refused; a reason is required.
    expectProblem(await waive(w.frontDesk, appt.id, { reason: 'Storm' }), 403, 'forbidden');
    expectProblem(
      await waive(w.frontDesk, appt.id, { reason: 'Storm', approval: { staffId: manager.id, pin: '0000' } }),
      403,
      'approval_invalid',
    );
    expectProblem(await waive(manager.session, appt.id, { reason: '  ' }), 400, 'validation_failed');
    expectProblem(await waive(manager.session, appt.id, { reason: 'Storm', version: appt.version + 5 }), 409, 'stale_version');

    const res = await waive(manager.session, appt.id, { reason: 'Snowstorm closed the bridges', version: appt.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ fee: null, status: 'cancelled', version: appt.version + 1 });
    const [entry] = await t.db.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'appointment.fee_waived')
      .where('entity_id', '=', appt.id)
      .execute();
    expect(JSON.parse(entry!.before!)).toEqual({ fee: { kind: 'late_cancel', amount: 1_500 } });
    expect(JSON.parse(entry!.after!)).toMatchObject({ reason: 'Snowstorm closed the bridges', approvedBy: manager.id });

    // Checkout refuses the fee: on a new ticket, and when the parked ticket is paid (nothing is written).
    expectProblem(
      await w.frontDesk.post(`${V1}/sales`, { storeId: w.storeId, clientId: w.clientId, lines: [feeLine(appt.id)] }),
      422,
      'appointment_fee_none',
    );
    const pay = await w.frontDesk.post(
      `${V1}/sales/${parked.json().id}/complete`,
      { version: parked.json().version, tenders: [{ kind: 'card', amount: 1_500 }] },
      { 'idempotency-key': key() },
    );
    expectProblem(pay, 422, 'appointment_fee_none');
    expect((await w.frontDesk.get(`${V1}/sales/${parked.json().id}`)).json().status).toBe('open');
    // Waived already: nothing left to waive.
    expectProblem(await waive(manager.session, appt.id, { reason: 'Again' }), 422, 'appointment_fee_none');
  });

  it('the front desk waives with a manager’s PIN; a collected fee cannot be waived', async () => {
    const a = await lateCancelled('09:00');
    const ok = await waive(w.frontDesk, a.id, { reason: 'First visit', approval: { staffId: manager.id, pin: MANAGER_PIN } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().fee).toBeNull();

    const b = await lateCancelled('09:00');
    const open = await w.frontDesk.post(`${V1}/sales`, { storeId: w.storeId, clientId: w.clientId, lines: [feeLine(b.id)] });
    const paid = await w.frontDesk.post(
      `${V1}/sales/${open.json().id}/complete`,
      { version: open.json().version, tenders: [{ kind: 'card', amount: 1_500 }] },
      { 'idempotency-key': key() },
    );
    expect(paid.statusCode, paid.body).toBe(200);
    const refused = expectProblem(await waive(manager.session, b.id, { reason: 'Too late' }), 409, 'appointment_fee_collected');
    expect(refused.detail).toContain(paid.json().receiptCode);
    expect((await w.frontDesk.get(`${V1}/appointments/${b.id}`)).json().fee).toMatchObject({ collected: true });
    // Another store's staff cannot see the visit at all.
    expectProblem(await waive(manager.session, '0190a1b2-0000-7000-8000-000000000000', { reason: 'x' }), 404, 'not_found');
  });
});
