// Scenario builder for appointment tests: a New York salon open 09:00–19:00 every day, technicians with
// rosters, services (one with a processing gap, one needing a room), a room and a client — all through the API.
import { expect } from 'vitest';
import { toZonedIso, zonedDateTimeToInstant } from '../../src/server/platform/zoned-time.js';
import { addStaff, type Session, setUpBusiness, type TestApp } from './app.js';

export const NY = 'America/New_York';
const everyDay = (open = '09:00', close = '19:00') =>
  Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [{ open, close }]]));

/** ISO instant of a New York wall time, with its offset (what the API answers). */
export function nyIso(date: string, time: string): string {
  return toZonedIso(zonedDateTimeToInstant(date, time, NY), NY);
}

export type World = {
  owner: Session;
  storeId: string;
  slug: string;
  techs: Array<{ id: string; session: Session; email: string }>;
  frontDesk: Session;
  services: { mani: string; pedi: string; color: string; facial: string };
  clientId: string;
};

export async function createService(owner: Session, body: Record<string, unknown>): Promise<string> {
  const res = await owner.post('/api/v1/services', { taxClass: 'service', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

export async function setRoster(owner: Session, storeId: string, staffId: string, hours = everyDay()) {
  const res = await owner.put(`/api/v1/rosters/${storeId}/staff/${staffId}/weekly`, { hours, version: 0 });
  expect(res.statusCode, res.body).toBe(200);
}

export async function createClient(owner: Session, storeId: string, body: Record<string, unknown> = {}): Promise<string> {
  const res = await owner.post('/api/v1/clients', { firstName: 'Grace', lastName: 'Chen', homeStoreId: storeId, ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

/** The salon: `techCount` technicians working 09:00–19:00 every day, all performing every service. */
export async function bookingWorld(t: TestApp, opts: { techCount?: number } = {}): Promise<World> {
  const { owner, storeId } = await setUpBusiness(t);
  const store = await owner.patch(`/api/v1/stores/${storeId}`, { hours: everyDay(), version: 1 });
  expect(store.statusCode, store.body).toBe(200);
  const techs: World['techs'] = [];
  for (let i = 0; i < (opts.techCount ?? 2); i++) {
    const email = `tech${i + 1}@lotus.test`;
    const { staff, session } = await addStaff(t, owner, { role: 'technician', storeIds: [storeId], email, name: `Tech ${i + 1}` });
    await setRoster(owner, storeId, staff.id);
    techs.push({ id: staff.id, session, email });
  }
  const { session: frontDesk } = await addStaff(t, owner, { role: 'front_desk', storeIds: [storeId], email: 'desk@lotus.test' });
  const staff = techs.map((x) => ({ staffId: x.id }));
  const services = {
    mani: await createService(owner, {
      name: 'Manicure',
      nameTranslations: { 'zh-CN': '美甲', 'zh-TW': '美甲' },
      durationMin: 60,
      price: 3500,
      staff,
    }),
    pedi: await createService(owner, {
      name: 'Pedicure',
      nameTranslations: { 'zh-CN': '足部护理', 'zh-TW': '足部護理' },
      durationMin: 60,
      price: 4500,
      staff,
    }),
    color: await createService(owner, { name: 'Colour', durationMin: 90, processingStartMin: 30, processingMin: 30, price: 9000, staff }),
    facial: await createService(owner, { name: 'Facial', durationMin: 60, price: 8000, resourceType: 'room', staff }),
  };
  const room = await owner.post(`/api/v1/resources?storeId=${storeId}`, { name: 'Room 1', type: 'room' });
  expect(room.statusCode, room.body).toBe(201);
  const clientId = await createClient(owner, storeId, { phone: '+12125550134', email: 'grace@example.com' });
  const slug = (await owner.get(`/api/v1/stores/${storeId}`)).json().slug as string;
  return { owner, storeId, slug, techs, frontDesk, services, clientId };
}

/** A POST /appointments body for one service at a New York wall time. */
export function oneService(
  w: World,
  serviceId: string,
  date: string,
  time: string,
  staffId: string = 'any',
  extra: Record<string, unknown> = {},
) {
  return { storeId: w.storeId, clientId: w.clientId, lines: [{ serviceId, staffId, date, startLocal: time }], ...extra };
}
