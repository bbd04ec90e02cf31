// A technician in the treatment room uses a package session for her own appointment line (packages.redeem_own):
// only a line assigned to her, of the package's client, at a store she works at; never twice for one line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStore, createTestApp, expectProblem, type TestApp } from './support/app.js';
import { bookingWorld, createClient, oneService, type World } from './support/appointments.js';
import { V1 } from './support/checkout.js';
import { aTemplate, completeWithTip } from './support/packages.js';

describe('a technician redeeming a package session for her own visit', () => {
  let t: TestApp;
  let w: World;
  let templateId: string;
  let slot = 0;
  beforeAll(async () => {
    t = await createTestApp();
    w = await bookingWorld(t);
    templateId = (
      await aTemplate(w.owner, {
        name: '5 Facials',
        items: [{ label: 'Facial', sessions: 5, serviceIds: [w.services.facial] }],
        price: 40_000,
      })
    ).id;
  });
  afterAll(() => t.close());

  const openPackage = async (clientId = w.clientId) => {
    const res = await w.owner.post(`${V1}/client-packages`, { templateId, clientId, storeId: w.storeId, reason: 'Carried over' });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const remaining = async (packageId: string) =>
    (await w.owner.get(`${V1}/client-packages/${packageId}`)).json().sessions.remaining as number;
  /** Books a facial with technician `tech` (an hour apart each time); returns the appointment and its line. */
  const book = async (tech: number, clientId = w.clientId, date = '2026-11-28') => {
    const hour = 11 + slot++;
    const res = await w.frontDesk.post(
      `${V1}/appointments`,
      oneService(w, w.services.facial, date, `${hour}:00`, w.techs[tech]!.id, { clientId }),
    );
    expect(res.statusCode, res.body).toBe(201);
    return { id: res.json().id as string, lineId: res.json().lines[0].id as string };
  };
  const redeem = (tech: number, packageId: string, body: Record<string, unknown>) =>
    w.techs[tech]!.session.post(`${V1}/client-packages/${packageId}/redemptions`, {
      storeId: w.storeId,
      serviceId: w.services.facial,
      ...body,
    });

  it('uses one session for her own line, credited to her', async () => {
    const packageId = await openPackage();
    const visit = await book(0);
    const applicable = await w.techs[0]!.session.get(
      `${V1}/client-packages/applicable?clientId=${w.clientId}&storeId=${w.storeId}&serviceId=${w.services.facial}`,
    );
    expect(applicable.statusCode, applicable.body).toBe(200);
    expect(applicable.json().data.map((a: { package: { id: string } }) => a.package.id)).toContain(packageId);

    const res = await redeem(0, packageId, { appointmentLineId: visit.lineId });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      packageId,
      appointmentId: visit.id,
      appointmentLineId: visit.lineId,
      staffId: w.techs[0]!.id,
      status: 'redeemed',
      source: 'direct',
    });
    expect(await remaining(packageId)).toBe(4);
  });

  it('refuses another technician’s line, a redemption without a line, and someone else as the performer', async () => {
    const packageId = await openPackage();
    const visit = await book(1);
    expectProblem(await redeem(0, packageId, { appointmentLineId: visit.lineId }), 403, 'forbidden');
    expectProblem(await redeem(0, packageId, {}), 403, 'forbidden');
    expectProblem(await redeem(1, packageId, { appointmentLineId: visit.lineId, staffId: w.techs[0]!.id }), 403, 'forbidden');
    expect(await remaining(packageId)).toBe(5);
  });

  it('refuses her line of another client’s visit', async () => {
    const packageId = await openPackage();
    const other = await createClient(w.owner, w.storeId, { firstName: 'Lily', phone: '+12125550177' });
    const visit = await book(0, other);
    expectProblem(await redeem(0, packageId, { appointmentLineId: visit.lineId }), 403, 'forbidden');
    expect(await remaining(packageId)).toBe(5);
  });

  it('refuses a store she does not work at', async () => {
    const packageId = await openPackage();
    const elsewhere = await addStore(w.owner, { name: 'Brooklyn' });
    const visit = await book(0);
    const res = await redeem(0, packageId, { storeId: elsewhere.id, appointmentLineId: visit.lineId });
    expectProblem(res, 403, 'store_forbidden');
    expect(await remaining(packageId)).toBe(5);
  });

  it('refuses a cancelled visit', async () => {
    const packageId = await openPackage();
    const visit = await book(0);
    expect((await w.frontDesk.post(`${V1}/appointments/${visit.id}/cancel`, {})).statusCode).toBe(200);
    const body = expectProblem(await redeem(0, packageId, { appointmentLineId: visit.lineId }), 400, 'validation_failed');
    expect(body.errors).toMatchObject([{ path: 'appointmentLineId' }]);
    expect(await remaining(packageId)).toBe(5);
  });

  it('uses one session per line: a second one, hers or the desk’s, is 409 package_line_redeemed', async () => {
    const packageId = await openPackage();
    const visit = await book(0);
    expect((await redeem(0, packageId, { appointmentLineId: visit.lineId })).statusCode).toBe(201);
    expectProblem(await redeem(0, packageId, { appointmentLineId: visit.lineId }), 409, 'package_line_redeemed');
    const desk = await w.frontDesk.post(`${V1}/client-packages/${packageId}/redemptions`, {
      storeId: w.storeId,
      serviceId: w.services.facial,
      appointmentLineId: visit.lineId,
    });
    expectProblem(desk, 409, 'package_line_redeemed');
    expect(await remaining(packageId)).toBe(4);
  });

  it('does not use a second session at checkout of a visit whose line the technician already used one for', async () => {
    const packageId = await openPackage();
    const visit = await book(0, w.clientId, '2026-11-27');
    expect((await redeem(0, packageId, { appointmentLineId: visit.lineId })).statusCode).toBe(201);
    const ticket = await w.frontDesk.post(`${V1}/sales`, {
      storeId: w.storeId,
      appointmentId: visit.id,
      lines: [
        {
          kind: 'package_redemption',
          clientPackageId: packageId,
          serviceId: w.services.facial,
          technicians: [{ staffId: w.techs[0]!.id }],
        },
      ],
    });
    expect(ticket.statusCode, ticket.body).toBe(201);
    expectProblem(await completeWithTip(w.frontDesk, ticket.json()), 409, 'package_line_redeemed');
    expect(await remaining(packageId)).toBe(4);
  });

  it('leaves the front desk redeeming for any visit, with or without a line', async () => {
    const packageId = await openPackage();
    const res = await w.frontDesk.post(`${V1}/client-packages/${packageId}/redemptions`, {
      storeId: w.storeId,
      serviceId: w.services.facial,
      staffId: w.techs[1]!.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ staffId: w.techs[1]!.id, appointmentLineId: null });
  });
});
