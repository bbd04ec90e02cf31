// Scenario builders for checkout tests: a salon with technicians, services, a product, an add-on,
// a manager with a PIN, a front desk, and short helpers to open, complete and refund tickets.
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { addStaff, type Session, setUpBusiness, type TestApp } from './app.js';

export const V1 = '/api/v1';
export const MANAGER_PIN = '2468';

let keyCounter = 0;
/** A fresh Idempotency-Key. */
export const key = () => `test-key-${Date.now()}-${++keyCounter}`;

export type Salon = Awaited<ReturnType<typeof setUpSalon>>;

export async function setUpSalon(t: TestApp, opts: { currency?: 'USD' | 'CAD'; timeZone?: string; tax?: Record<string, unknown> } = {}) {
  const biz = await setUpBusiness(t);
  const owner = biz.owner;
  let storeId = biz.storeId;
  if (opts.currency === 'CAD') {
    const res = await owner.post(`${V1}/stores`, { name: 'Richmond', timeZone: opts.timeZone ?? 'America/Vancouver', currency: 'CAD' });
    expect(res.statusCode, res.body).toBe(201);
    storeId = res.json().id;
  }
  if (opts.tax) expect((await owner.put(`${V1}/stores/${storeId}/tax-settings`, opts.tax)).statusCode).toBe(200);
  const amy = (await addStaff(t, owner, { role: 'technician', storeIds: [storeId], email: 'amy@lotus.test', name: 'Amy Chen' })).staff
    .id as string;
  const bo = (await addStaff(t, owner, { role: 'technician', storeIds: [storeId], email: 'bo@lotus.test', name: 'Bo Li' })).staff
    .id as string;
  const manager = await addStaff(t, owner, { role: 'manager', storeIds: [storeId], email: 'manager@lotus.test', pin: MANAGER_PIN });
  const desk = await addStaff(t, owner, { role: 'front_desk', storeIds: [storeId], email: 'desk@lotus.test', pin: '1357' });

  const service = async (name: string, price: number) => {
    const res = await owner.post(`${V1}/services`, { name, durationMin: 30, price, staff: [{ staffId: amy }, { staffId: bo }] });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const manicure = await service('Manicure', 3000);
  const pedicure = await service('Pedicure', 4500);
  const product = await owner.post(`${V1}/products`, { sku: 'OPI-RED', barcode: '0123456789', name: 'Nail polish', price: 1200 });
  expect(product.statusCode, product.body).toBe(201);
  const addOn = await owner.post(`${V1}/add-ons`, { name: 'Gel upgrade', price: 1000, serviceIds: [manicure] });
  expect(addOn.statusCode, addOn.body).toBe(201);
  return {
    owner,
    ownerId: biz.me.staff.id as string,
    firstStoreId: biz.storeId,
    storeId,
    amy,
    bo,
    manager: manager.session,
    managerId: manager.staff.id as string,
    desk: desk.session,
    deskId: desk.staff.id as string,
    manicure,
    pedicure,
    polish: product.json().id as string,
    gel: addOn.json().id as string,
  };
}

export const serviceLine = (serviceId: string, ...staff: Array<string | { staffId: string; sharePercent?: number }>) => ({
  kind: 'service',
  serviceId,
  technicians: staff.map((s) => (typeof s === 'string' ? { staffId: s } : s)),
});

export async function openTicket(session: Session, body: Record<string, unknown>) {
  const res = await session.post(`${V1}/sales`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

export function complete(
  session: Session,
  sale: { id: string; version: number },
  body: Record<string, unknown>,
  idem: string | null = key(),
): Promise<LightMyRequestResponse> {
  return session.post(`${V1}/sales/${sale.id}/complete`, { version: sale.version, ...body }, idem ? { 'idempotency-key': idem } : {});
}

export async function completeOk(session: Session, sale: { id: string; version: number }, body: Record<string, unknown>) {
  const res = await complete(session, sale, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

export async function openShift(session: Session, storeId: string, openingFloat = 20_000) {
  const res = await session.post(`${V1}/shifts`, { storeId, openingFloat });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
