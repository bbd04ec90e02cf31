// Scenario builders for package and treatment tests: a salon (test/support/checkout.ts) with a facial and a
// massage, package templates, selling and redeeming through the real checkout, and the outbox.
import { expect } from 'vitest';
import { type Session, Session as SessionClass, type TestApp } from './app.js';
import { key, type Salon, setUpSalon, V1 } from './checkout.js';

export type SpaSalon = Salon & { facial: string; repair: string; massage: string; facialCategory: string; clientId: string };

let clientSeq = 0;

/** A client of the salon's store; returns its id. */
export async function aSpaClient(session: Session, storeId: string, extra: Record<string, unknown> = {}): Promise<string> {
  clientSeq += 1;
  const res = await session.post(`${V1}/clients`, {
    firstName: 'Grace',
    lastName: `Chen${clientSeq}`,
    phone: `+1212555${String(2000 + clientSeq).padStart(4, '0')}`,
    email: `grace${clientSeq}@example.com`,
    homeStoreId: storeId,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

export async function setUpSpa(t: TestApp): Promise<SpaSalon> {
  const salon = await setUpSalon(t);
  const cat = await salon.owner.post(`${V1}/service-categories`, {
    name: 'Facials',
    nameTranslations: { 'zh-CN': '面部护理', 'zh-TW': '臉部護理' },
  });
  expect(cat.statusCode, cat.body).toBe(201);
  const service = async (name: string, price: number, categoryId?: string) => {
    const res = await salon.owner.post(`${V1}/services`, {
      name,
      durationMin: 60,
      price,
      ...(categoryId ? { categoryId } : {}),
      staff: [{ staffId: salon.amy }, { staffId: salon.bo }],
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const facial = await service('Deep Cleansing Facial', 10_000, cat.json().id);
  const repair = await service('Repair Facial', 15_000, cat.json().id);
  const massage = await service('Swedish Massage', 9_000);
  const clientId = await aSpaClient(salon.owner, salon.storeId);
  return { ...salon, facial, repair, massage, facialCategory: cat.json().id, clientId };
}

/** A template through the API (as the owner); returns its DTO. */
export async function aTemplate(owner: Session, body: Record<string, unknown>) {
  const res = await owner.post(`${V1}/package-templates`, { validity: { kind: 'months', months: 12 }, ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

export const tenFacials = (s: SpaSalon, extra: Record<string, unknown> = {}) => ({
  name: '10 Facials',
  nameTranslations: { 'zh-CN': '面部护理十次卡', 'zh-TW': '臉部護理十次卡' },
  items: [{ label: 'Deep Cleansing Facial', sessions: 10, serviceIds: [s.facial] }],
  price: 100_000,
  ...extra,
});

/** Sells a template through checkout (card) to the client; returns the sale and the client package. */
export async function sellPackage(
  session: Session,
  s: SpaSalon,
  templateId: string,
  clientId = s.clientId,
  extraLine: Record<string, unknown> = {},
) {
  const open = await session.post(`${V1}/sales`, {
    storeId: s.storeId,
    clientId,
    lines: [{ kind: 'package_purchase', templateId, ...extraLine }],
  });
  expect(open.statusCode, open.body).toBe(201);
  const sale = open.json();
  const done = await session.post(
    `${V1}/sales/${sale.id}/complete`,
    { version: sale.version, tenders: [{ kind: 'card', amount: sale.total }] },
    { 'idempotency-key': key() },
  );
  expect(done.statusCode, done.body).toBe(200);
  const pkgs = (await session.get(`${V1}/client-packages?clientId=${clientId}`)).json().data as Array<{ id: string; saleId: string }>;
  const pkg = pkgs.find((p) => p.saleId === sale.id)!;
  expect(pkg).toBeTruthy();
  return { sale: done.json(), pkg: (await session.get(`${V1}/client-packages/${pkg.id}`)).json() };
}

/** A ticket redeeming one session (and a tip paid by card so the ticket has something to pay). */
export async function openRedemption(session: Session, s: SpaSalon, line: Record<string, unknown>, clientId = s.clientId) {
  return session.post(`${V1}/sales`, {
    storeId: s.storeId,
    clientId,
    lines: [{ kind: 'package_redemption', serviceId: s.facial, technicians: [{ staffId: s.amy }], ...line }],
  });
}

export async function completeWithTip(session: Session, sale: { id: string; version: number }, tip = 500) {
  return session.post(
    `${V1}/sales/${sale.id}/complete`,
    { version: sale.version, tip: { amount: tip }, tenders: [{ kind: 'card', amount: tip }] },
    { 'idempotency-key': key() },
  );
}

/** Redeems one session through checkout; returns the completion response. */
export async function redeemAtCheckout(session: Session, s: SpaSalon, line: Record<string, unknown>, clientId = s.clientId) {
  const open = await openRedemption(session, s, line, clientId);
  expect(open.statusCode, open.body).toBe(201);
  return completeWithTip(session, open.json());
}

/** Messages queued for delivery (notify.send jobs), oldest first. */
export async function outbox(t: TestApp): Promise<Array<{ channel: string; to: string; subject?: string; text: string }>> {
  const rows = await t.db.db
    .selectFrom('jobs')
    .select(['payload'])
    .where('kind', '=', 'notify.send')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => JSON.parse(r.payload));
}

/** A staff member of the salon signed in again (test/support/checkout.ts adds them with this password). */
export async function signIn(t: TestApp, email: string): Promise<Session> {
  const session = new SessionClass(t.app);
  const res = await session.login(email, 'staff-password-1234');
  expect(res.statusCode, res.body).toBe(200);
  return session;
}

/** The facial record template (the preset) for the salon's Facials category. */
export async function facialTemplate(owner: Session, categoryId: string) {
  const presets = (await owner.get(`${V1}/treatment-templates/presets`)).json().data as Array<{
    key: string;
    name: { en: string };
    fields: unknown[];
  }>;
  const facial = presets.find((p) => p.key === 'facial')!;
  const res = await owner.post(`${V1}/treatment-templates`, { name: facial.name.en, categoryIds: [categoryId], fields: facial.fields });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
