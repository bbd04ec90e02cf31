// Checkout of visits: a visit paid entirely by a package session (nothing to pay, no tender), redemption
// lines tied to the visit's lines (sessions and treatment records linked), and late-cancel / no-show fees
// collected on a ticket (collected once; a refund or void re-opens them).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectProblem, OWNER_PASSWORD, type Session, type TestApp } from './support/app.js';
import { bookingWorld, createClient, oneService, type World } from './support/appointments.js';
import { key, V1 } from './support/checkout.js';
import { aTemplate } from './support/packages.js';

let t: TestApp;
let w: World;
let tech: { id: string; session: Session };

beforeAll(async () => {
  t = await createTestApp(); // 2026-11-27 10:00 in New York
  w = await bookingWorld(t);
  tech = w.techs[0]!;
  const put = await w.owner.put('/api/v1/booking-settings', {
    storeId: w.storeId,
    version: 0,
    cancellationWindowHours: 24,
    lateCancelFee: { kind: 'fixed', amount: 1_500 },
    noShowFee: { kind: 'percent', percent: 50 },
  });
  expect(put.statusCode, put.body).toBe(200);
});
afterAll(() => t.close());

async function book(serviceId: string, date: string, time: string, clientId = w.clientId) {
  const res = await w.frontDesk.post(`${V1}/appointments`, oneService(w, serviceId, date, time, tech.id, { clientId }));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const complete = (session: Session, sale: { id: string; version: number }, body: Record<string, unknown>) =>
  session.post(`${V1}/sales/${sale.id}/complete`, { version: sale.version, ...body }, { 'idempotency-key': key() });

async function sellFacials(clientId = w.clientId) {
  const tpl = await aTemplate(w.owner, {
    name: 'Facial x3',
    items: [{ label: 'Facial', sessions: 3, serviceIds: [w.services.facial] }],
    price: 21_000,
  });
  const open = await w.frontDesk.post(`${V1}/sales`, {
    storeId: w.storeId,
    clientId,
    lines: [{ kind: 'package_purchase', templateId: tpl.id }],
  });
  expect(open.statusCode, open.body).toBe(201);
  const done = await complete(w.frontDesk, open.json(), { tenders: [{ kind: 'card', amount: open.json().total }] });
  expect(done.statusCode, done.body).toBe(200);
  const pkgs = (await w.owner.get(`${V1}/client-packages?clientId=${clientId}`)).json().data as Array<{ id: string; saleId: string }>;
  return pkgs.find((p) => p.saleId === open.json().id)!.id;
}

const redemption = (clientPackageId: string, extra: Record<string, unknown> = {}) => ({
  kind: 'package_redemption',
  clientPackageId,
  serviceId: w.services.facial,
  technicians: [{ staffId: tech.id }],
  ...extra,
});

describe('a visit paid by a package session', () => {
  it('completes with no tender: a receipt number, the session used and linked, the visit completed, the record linked', async () => {
    const pkgId = await sellFacials();
    const appt = await book(w.services.facial, '2026-11-27', '14:00');
    const apptLineId = appt.lines[0].id as string;
    // Started from the visit: the facial's line says which line of the visit it is.
    const opened = await w.frontDesk.post(`${V1}/sales`, { storeId: w.storeId, appointmentId: appt.id });
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json().lines).toMatchObject([{ kind: 'service', data: { appointmentLineId: apptLineId }, total: 8_000 }]);
    // The checkout screen asks which of the client's packages cover it…
    const applicable = await w.frontDesk.get(
      `${V1}/client-packages/applicable?clientId=${w.clientId}&storeId=${w.storeId}&serviceId=${w.services.facial}`,
    );
    expect(applicable.statusCode, applicable.body).toBe(200);
    expect(applicable.json().data).toMatchObject([{ package: { id: pkgId }, stepBlocked: null }]);
    // …and swaps the charged line for a session of it.
    const swapped = await w.frontDesk.patch(`${V1}/sales/${opened.json().id}`, {
      version: opened.json().version,
      lines: [redemption(pkgId, { appointmentLineId: apptLineId })],
    });
    expect(swapped.statusCode, swapped.body).toBe(200);
    const ticket = swapped.json();
    expect(ticket).toMatchObject({ total: 0, appointmentId: appt.id });
    // A tip still has to be paid.
    expectProblem(await complete(w.frontDesk, ticket, { tip: { amount: 500 }, tenders: [] }), 422, 'payment_mismatch');
    const done = await complete(w.frontDesk, ticket, { tenders: [] });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'completed', total: 0, amountPaid: 0, tenders: [] });
    expect(done.json().receiptNumber).toEqual(expect.any(Number));
    expect(done.json().receiptCode).toEqual(expect.any(String));

    const sessions = (await w.owner.get(`${V1}/client-packages/${pkgId}/sessions`)).json().data;
    expect(sessions).toMatchObject([
      { status: 'redeemed', saleId: ticket.id, appointmentId: appt.id, appointmentLineId: apptLineId, staffId: tech.id },
    ]);
    expect((await w.owner.get(`${V1}/client-packages/${pkgId}`)).json().sessions).toMatchObject({ used: 1, remaining: 2 });
    expect((await w.owner.get(`${V1}/appointments/${appt.id}`)).json().status).toBe('completed');
    // The technician writes the record after checkout: it finds the session through the visit's line.
    const record = await tech.session.post(`${V1}/treatment-records`, {
      clientId: w.clientId,
      storeId: w.storeId,
      serviceId: w.services.facial,
      appointmentLineId: apptLineId,
      notes: 'Calm skin, no redness',
    });
    expect(record.statusCode, record.body).toBe(201);
    expect(record.json()).toMatchObject({ appointmentId: appt.id, packageSessionId: sessions[0].id });
    expect((await w.frontDesk.get(`${V1}/sales/${ticket.id}/receipt?format=text&lang=en`)).body).toContain('2 of 3 sessions left');

    // Refunded: nothing goes back to any tender, the session comes back.
    const refund = await w.owner.post(`${V1}/sales/${ticket.id}/refunds`, { reason: 'Booked by mistake' }, { 'idempotency-key': key() });
    expect(refund.statusCode, refund.body).toBe(201);
    expect(refund.json().refund).toMatchObject({ total: 0, tenders: [] });
    expect((await w.owner.get(`${V1}/client-packages/${pkgId}`)).json().sessions).toMatchObject({ used: 0, remaining: 3 });
  });

  it('an empty tender list is refused when there is something to pay', async () => {
    const open = await w.frontDesk.post(`${V1}/sales`, {
      storeId: w.storeId,
      lines: [{ kind: 'service', serviceId: w.services.mani, technicians: [{ staffId: tech.id }] }],
    });
    expect(open.statusCode, open.body).toBe(201);
    const res = expectProblem(await complete(w.frontDesk, open.json(), { tenders: [] }), 422, 'payment_mismatch');
    expect(res).toMatchObject({ due: 3_500, paid: 0 });
    expect((await w.frontDesk.get(`${V1}/sales/${open.json().id}`)).json()).toMatchObject({ status: 'open', receiptNumber: null });
  });

  it('ties a redemption to a line of the ticket’s own visit (found by service when not named)', async () => {
    const pkgId = await sellFacials();
    const first = await book(w.services.facial, '2026-11-28', '10:00');
    const second = await book(w.services.facial, '2026-11-28', '12:00');
    // Another visit's line, or a line of another service, is refused.
    const wrong = await w.frontDesk.post(`${V1}/sales`, {
      storeId: w.storeId,
      appointmentId: second.id,
      lines: [redemption(pkgId, { appointmentLineId: first.lines[0].id })],
    });
    const problem = expectProblem(wrong, 400, 'validation_failed');
    expect(problem.errors.map((e: { path: string }) => e.path)).toContain('lines.0.appointmentLineId');
    expectProblem(
      await w.frontDesk.post(`${V1}/sales`, {
        storeId: w.storeId,
        appointmentId: second.id,
        lines: [
          { kind: 'service', serviceId: w.services.mani, technicians: [{ staffId: tech.id }], appointmentLineId: second.lines[0].id },
        ],
      }),
      400,
      'validation_failed',
    );
    // Not named: completing the visit's ticket ties the session to the visit's line for that service.
    const open = await w.frontDesk.post(`${V1}/sales`, { storeId: w.storeId, appointmentId: second.id, lines: [redemption(pkgId)] });
    expect(open.statusCode, open.body).toBe(201);
    expect((await complete(w.frontDesk, open.json(), { tip: { amount: 800 }, tenders: [{ kind: 'card', amount: 800 }] })).statusCode).toBe(
      200,
    );
    const sessions = (await w.owner.get(`${V1}/client-packages/${pkgId}/sessions`)).json().data;
    expect(sessions).toMatchObject([{ appointmentId: second.id, appointmentLineId: second.lines[0].id }]);
    expect((await w.owner.get(`${V1}/appointments/${second.id}`)).json().status).toBe('completed');
    expect((await w.owner.get(`${V1}/appointments/${first.id}`)).json().status).toBe('booked');
  });
});

describe('late-cancel and no-show fees at checkout', () => {
  const feeLine = (appointmentId: string) => ({ kind: 'appointment_fee', appointmentId });
  const feeOf = async (id: string) => (await w.frontDesk.get(`${V1}/appointments/${id}`)).json().fee;

  it('collects a no-show fee once; refunding its line re-opens it', async () => {
    const appt = await book(w.services.mani, '2026-11-27', '11:00');
    const stranger = await createClient(w.owner, w.storeId, { firstName: 'Lily', phone: '+12125550177' });
    // No fee recorded yet.
    expectProblem(
      await w.frontDesk.post(`${V1}/sales`, { storeId: w.storeId, clientId: w.clientId, lines: [feeLine(appt.id)] }),
      422,
      'appointment_fee_none',
    );
    t.clock.advance(90 * 60_000); // 11:30: she did not come
    // The sessions idled out meanwhile.
    expect((await w.frontDesk.login('desk@lotus.test', 'staff-password-1234')).statusCode).toBe(200);
    expect((await w.owner.login('owner@lotus.test', OWNER_PASSWORD)).statusCode).toBe(200);
    const noShow = await w.frontDesk.post(`${V1}/appointments/${appt.id}/no-show`, {});
    expect(noShow.statusCode, noShow.body).toBe(200);
    expect(noShow.json().fee).toEqual({ kind: 'no_show', amount: 1_750, collected: false, saleId: null, receiptCode: null });

    expectProblem(
      await w.frontDesk.post(`${V1}/sales`, { storeId: w.storeId, clientId: stranger, lines: [feeLine(appt.id)] }),
      422,
      'appointment_fee_other_client',
    );
    const open = async () => {
      const res = await w.frontDesk.post(`${V1}/sales`, { storeId: w.storeId, clientId: w.clientId, lines: [feeLine(appt.id)] });
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    };
    const a = await open();
    expect(a.lines[0]).toMatchObject({ kind: 'appointment_fee', name: 'No-show fee · 2026-11-27', unitPrice: 1_750, tax: 0, total: 1_750 });
    expect(a.total).toBe(1_750);
    // The fee is what the policy recorded: neither re-priced nor discounted at the desk.
    const line = { ...feeLine(appt.id), id: a.lines[0].id };
    expectProblem(
      await w.owner.patch(`${V1}/sales/${a.id}`, { version: a.version, lines: [{ ...line, unitPrice: 500 }] }),
      422,
      'price_not_overridable',
    );
    expectProblem(
      await w.owner.patch(`${V1}/sales/${a.id}`, {
        version: a.version,
        lines: [{ ...line, discount: { type: 'amount', amount: 500, reason: 'x' } }],
      }),
      422,
      'not_discountable',
    );
    // The same fee twice on one ticket: the ticket cannot be paid, and nothing is collected.
    const twice = await w.frontDesk.post(`${V1}/sales`, {
      storeId: w.storeId,
      clientId: w.clientId,
      lines: [feeLine(appt.id), feeLine(appt.id)],
    });
    expect(twice.statusCode, twice.body).toBe(201);
    expectProblem(await complete(w.frontDesk, twice.json(), { tenders: [{ kind: 'card', amount: 3_500 }] }), 422, 'appointment_fee_twice');
    expect((await feeOf(appt.id)).collected).toBe(false);
    // Two terminals collect it at once: exactly one succeeds.
    const b = await open();
    const results = await Promise.all([a, b].map((s) => complete(w.frontDesk, s, { tenders: [{ kind: 'card', amount: 1_750 }] })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().code).toBe('appointment_fee_collected');
    const paid = results.find((r) => r.statusCode === 200)!.json();
    expect(await feeOf(appt.id)).toEqual({
      kind: 'no_show',
      amount: 1_750,
      collected: true,
      saleId: paid.id,
      receiptCode: paid.receiptCode,
    });
    expectProblem(
      await w.frontDesk.post(`${V1}/sales`, { storeId: w.storeId, clientId: w.clientId, lines: [feeLine(appt.id)] }),
      409,
      'appointment_fee_collected',
    );

    // Refunded as a line: open again, and it can be collected again.
    const refund = await w.owner.post(
      `${V1}/sales/${paid.id}/refunds`,
      { reason: 'Waived: she was in hospital', lines: [{ lineId: paid.lines[0].id, quantity: 1 }] },
      { 'idempotency-key': key() },
    );
    expect(refund.statusCode, refund.body).toBe(201);
    expect(await feeOf(appt.id)).toMatchObject({ collected: false, saleId: null });
    const again = await open();
    expect((await complete(w.frontDesk, again, { tenders: [{ kind: 'card', amount: 1_750 }] })).statusCode).toBe(200);
    expect(await feeOf(appt.id)).toMatchObject({ collected: true, saleId: again.id });
    const appointment = (await w.frontDesk.get(`${V1}/appointments/${appt.id}`)).json();
    expect(appointment.status).toBe('no_show');
    const audit = await w.owner.get(`${V1}/audit-log?entityType=appointment&entityId=${appt.id}`);
    const actions = audit.json().data.map((e: { action: string }) => e.action);
    expect(actions.filter((x: string) => x === 'appointment.fee_collected')).toHaveLength(2);
    expect(actions).toContain('appointment.fee_reopened');
  });

  it('collects a late-cancel fee; voiding the sale re-opens it', async () => {
    const appt = await book(w.services.pedi, '2026-11-28', '09:00'); // less than 24 hours away
    const cancelled = await w.frontDesk.post(`${V1}/appointments/${appt.id}/cancel`, { reason: 'Flight changed' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json().fee).toMatchObject({ kind: 'late_cancel', amount: 1_500, collected: false });
    const open = await w.frontDesk.post(`${V1}/sales`, { storeId: w.storeId, clientId: w.clientId, lines: [feeLine(appt.id)] });
    expect(open.statusCode, open.body).toBe(201);
    expect(open.json().lines[0].name).toBe('Late cancellation fee · 2026-11-28');
    const zh = await w.frontDesk.get(`${V1}/sales/${open.json().id}`, { 'accept-language': 'zh-CN' });
    expect(zh.json().lines[0].displayName).toBe('临时取消费 · 2026-11-28');
    const done = await complete(w.frontDesk, open.json(), { tenders: [{ kind: 'card', amount: 1_500 }] });
    expect(done.statusCode, done.body).toBe(200);
    expect(await feeOf(appt.id)).toMatchObject({ collected: true, saleId: open.json().id });
    const voided = await w.owner.post(`${V1}/sales/${open.json().id}/void`, { reason: 'Wrong client' }, { 'idempotency-key': key() });
    expect(voided.statusCode, voided.body).toBe(200);
    expect(await feeOf(appt.id)).toMatchObject({ collected: false, saleId: null });
    expect((await w.frontDesk.get(`${V1}/appointments/${appt.id}`)).json().status).toBe('cancelled');
  });
});
