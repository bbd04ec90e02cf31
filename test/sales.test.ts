import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff, createTestApp, expectProblem, type TestApp } from './support/app.js';
import {
  complete,
  completeOk,
  key,
  MANAGER_PIN,
  openShift,
  openTicket,
  type Salon,
  serviceLine,
  setUpSalon,
  V1,
} from './support/checkout.js';

let t: TestApp;
let s: Salon;

const audit = (action: string, entityId?: string) => {
  let q = t.db.db.selectFrom('audit_log').selectAll().where('action', '=', action);
  if (entityId) q = q.where('entity_id', '=', entityId);
  return q.orderBy('id').execute();
};

beforeAll(async () => {
  t = await createTestApp(); // 2026-11-27 10:00 in New York
  // NYC: 8.875 % on products only (the store's services are not taxable).
  s = await setUpSalon(t, { tax: { preset: 'us_nyc', taxServices: false } });
  await openShift(s.desk, s.storeId);
});
afterAll(() => t.close());

describe('tickets', () => {
  it('opens a walk-in ticket with a service, an add-on and a product, priced and taxed per line', async () => {
    const sale = await openTicket(s.desk, {
      storeId: s.storeId,
      label: 'Chair 3',
      lines: [
        serviceLine(s.manicure, s.amy),
        { kind: 'add_on', addOnId: s.gel, staffId: s.amy },
        { kind: 'product', code: '0123456789', quantity: 2 },
      ],
    });
    expect(sale).toMatchObject({ status: 'open', version: 1, label: 'Chair 3', subtotal: 3000 + 1000 + 2400, discountTotal: 0 });
    // 8.875 % of 24.00 = 2.13 (2.13 exactly), on the product only.
    expect(sale.taxTotal).toBe(213);
    expect(sale.total).toBe(6400 + 213);
    expect(sale.taxes).toEqual([{ code: 'ny_sales', name: 'NY Sales Tax', rate: '8.875', amount: 213 }]);
    expect(sale.lines.map((l: { kind: string; total: number }) => [l.kind, l.total])).toEqual([
      ['service', 3000],
      ['add_on', 1000],
      ['product', 2613],
    ]);
    // Tip presets on the pre-tax service amount (manicure + gel = 40.00).
    expect(sale.tipBase).toBe(4000);
    expect(sale.tipSuggestions).toEqual([
      { percent: 15, amount: 600 },
      { percent: 18, amount: 720 },
      { percent: 20, amount: 800 },
    ]);
  });

  it('keeps several tickets open (parked) and refuses a stale version with 409', async () => {
    const a = await openTicket(s.desk, { storeId: s.storeId, label: 'A', lines: [serviceLine(s.manicure, s.amy)] });
    const b = await openTicket(s.desk, { storeId: s.storeId, label: 'B', lines: [serviceLine(s.pedicure, s.bo)] });
    const list = (await s.desk.get(`${V1}/sales?storeId=${s.storeId}&status=open`)).json();
    expect(list.data.map((x: { id: string }) => x.id)).toEqual(expect.arrayContaining([a.id, b.id]));
    const ok = await s.desk.patch(`${V1}/sales/${a.id}`, {
      version: 1,
      lines: [
        ...a.lines.map((l: { id: string; kind: string; input: object }) => ({ id: l.id, kind: l.kind, ...l.input })),
        serviceLine(s.pedicure, s.bo),
      ],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ version: 2, subtotal: 7500 });
    expect(ok.json().lines[0].id).toBe(a.lines[0].id);
    expectProblem(await s.desk.patch(`${V1}/sales/${a.id}`, { version: 1, note: 'late' }), 409, 'stale_version');
    // Add and remove one line.
    const added = await s.desk.post(`${V1}/sales/${b.id}/lines`, { version: 1, line: { kind: 'product', productId: s.polish } });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().lines).toHaveLength(2);
    const removed = await s.desk.delete(`${V1}/sales/${b.id}/lines/${added.json().lines[1].id}?version=2`);
    expect(removed.json()).toMatchObject({ version: 3, subtotal: 4500 });
    expect((await s.desk.delete(`${V1}/sales/${b.id}?version=3`)).statusCode).toBe(204);
    expect((await s.desk.get(`${V1}/sales/${b.id}`)).json().status).toBe('discarded');
  });

  it('refuses negative quantities and prices, unknown fields and unknown kinds with 400', async () => {
    const bad = async (line: Record<string, unknown>, path: string) => {
      const body = expectProblem(await s.desk.post(`${V1}/sales`, { storeId: s.storeId, lines: [line] }), 400, 'validation_failed');
      expect(body.errors.map((e: { path: string }) => e.path)).toContain(path);
    };
    await bad({ ...serviceLine(s.manicure, s.amy), quantity: -1 }, 'lines.0.quantity');
    await bad({ ...serviceLine(s.manicure, s.amy), unitPrice: -500 }, 'lines.0.unitPrice');
    await bad({ ...serviceLine(s.manicure, s.amy), colour: 'red' }, 'lines.0.colour');
    await bad({ kind: 'teleport' }, 'lines.0.kind');
    await bad({ kind: 'service', serviceId: s.manicure, technicians: [] }, 'lines.0.technicians');
    const count = await t.db.db
      .selectFrom('sales')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBeGreaterThan(0);
  });

  it('splits a service between two technicians by share', async () => {
    const sale = await openTicket(s.desk, {
      storeId: s.storeId,
      lines: [serviceLine(s.pedicure, { staffId: s.amy, sharePercent: 70 }, { staffId: s.bo })],
    });
    expect(sale.lines[0].technicians).toEqual([
      { staffId: s.amy, sharePercent: 70 },
      { staffId: s.bo, sharePercent: 30 },
    ]);
  });

  it('needs a manager PIN for a discount above the threshold, and audits price overrides', async () => {
    const body = {
      storeId: s.storeId,
      lines: [{ ...serviceLine(s.pedicure, s.bo), discount: { type: 'percent', percent: 50, reason: 'Birthday' } }],
    };
    const refused = expectProblem(await s.desk.post(`${V1}/sales`, body), 403, 'approval_required');
    expect(refused.detail).toContain('22.50');
    expectProblem(await s.desk.post(`${V1}/sales`, { ...body, approval: { staffId: s.managerId, pin: '0000' } }), 403, 'approval_invalid');
    expectProblem(await s.desk.post(`${V1}/sales`, { ...body, approval: { staffId: s.deskId, pin: '1357' } }), 403, 'approval_invalid');
    const approved = await openTicket(s.desk, { ...body, approval: { staffId: s.managerId, pin: MANAGER_PIN } });
    expect(approved).toMatchObject({ discountTotal: 2250, total: 2250 });
    expect(approved.lines[0].approvedBy).toBe(s.managerId);
    expect((await audit('sale.discount_approved', approved.id))[0]).toBeDefined();
    // The approval stays while the discount stays; a small discount needs none.
    const small = await s.desk.patch(`${V1}/sales/${approved.id}`, { version: 1, note: 'VIP' });
    expect(small.statusCode, small.body).toBe(200);
    const tenPercent = await openTicket(s.desk, {
      storeId: s.storeId,
      lines: [{ ...serviceLine(s.pedicure, s.bo), discount: { type: 'percent', percent: 10, reason: 'Loyal' } }],
    });
    expect(tenPercent.discountTotal).toBe(450);
    // A price typed below the list price counts like a discount; the override is audited with its reason.
    expectProblem(
      await s.desk.post(`${V1}/sales`, { storeId: s.storeId, lines: [{ ...serviceLine(s.pedicure, s.bo), unitPrice: 1000 }] }),
      403,
      'approval_required',
    );
    const raised = await openTicket(s.desk, {
      storeId: s.storeId,
      lines: [{ ...serviceLine(s.pedicure, s.bo), unitPrice: 5000, priceOverrideReason: 'Extra long' }],
    });
    expect(raised.lines[0]).toMatchObject({ unitPrice: 5000, listPrice: 4500, priceOverrideReason: 'Extra long' });
    const [entry] = await audit('sale.price_override', raised.id);
    expect(JSON.parse(entry!.after!)).toMatchObject({ listPrice: 4500, unitPrice: 5000, reason: 'Extra long' });
    // A manager needs no PIN.
    expect((await s.manager.post(`${V1}/sales`, body)).statusCode).toBe(201);
    // A ticket discount above the threshold too.
    expectProblem(
      await s.desk.post(`${V1}/sales`, {
        storeId: s.storeId,
        lines: [serviceLine(s.pedicure, s.bo)],
        discount: { type: 'amount', amount: 2000, reason: 'x' },
      }),
      403,
      'approval_required',
    );
    expectProblem(
      await s.desk.post(`${V1}/sales`, {
        storeId: s.storeId,
        lines: [serviceLine(s.pedicure, s.bo)],
        discount: { type: 'amount', amount: 9000, reason: 'x' },
        approval: { staffId: s.managerId, pin: MANAGER_PIN },
      }),
      422,
      'discount_too_large',
    );
  });
});

describe('completion', () => {
  it('completes a two-technician sale with an 18 % tip split by share, paid part cash part card', async () => {
    const sale = await openTicket(s.desk, {
      storeId: s.storeId,
      lines: [serviceLine(s.manicure, s.amy), serviceLine(s.pedicure, s.bo), { kind: 'product', productId: s.polish }],
    });
    // 30 + 45 + 12 + tax 1.07 (8.875 % of 12.00 = 1.065 → 1.07) = 88.07; tip 18 % of 75.00 = 13.50.
    expect(sale.total).toBe(8807);
    const res = await completeOk(s.desk, sale, {
      tip: { percent: 18 },
      tenders: [
        { kind: 'card', amount: 6000, brand: 'visa', last4: '4242', authCode: 'A1B2C3' },
        { kind: 'cash', amount: 5000 },
      ],
    });
    expect(res).toMatchObject({ status: 'completed', total: 8807, tipTotal: 1350, amountPaid: 10157, changeDue: 843, version: 2 });
    expect(res.receiptCode).toMatch(/^FLU-\d{6}$/);
    expect(res.tips).toEqual([
      { staffId: s.amy, amount: 540 },
      { staffId: s.bo, amount: 810 },
    ]);
    expect(res.tenders.map((x: { kind: string; amount: number; change: number }) => [x.kind, x.amount, x.change])).toEqual([
      ['card', 6000, 0],
      ['cash', 4157, 843],
    ]);
  });
});

describe('completion rules', () => {
  it('refuses tenders that do not match with 422 payment_mismatch and the difference, writing nothing', async () => {
    const sale = await openTicket(s.desk, { storeId: s.storeId, lines: [serviceLine(s.manicure, s.amy)] });
    const counter = async () =>
      (await t.db.db.selectFrom('receipt_counters').select('last_number').where('store_id', '=', s.storeId).executeTakeFirst())
        ?.last_number ?? 0;
    const before = await counter();
    const short = expectProblem(await complete(s.desk, sale, { tenders: [{ kind: 'card', amount: 2500 }] }), 422, 'payment_mismatch');
    expect(short).toMatchObject({ due: 3000, paid: 2500, difference: -500 });
    const over = expectProblem(await complete(s.desk, sale, { tenders: [{ kind: 'card', amount: 3500 }] }), 422, 'payment_mismatch');
    expect(over.difference).toBe(500);
    // Cash may exceed (change), card may not.
    expectProblem(
      await complete(s.desk, sale, {
        tenders: [
          { kind: 'card', amount: 3100 },
          { kind: 'cash', amount: 100 },
        ],
      }),
      422,
      'payment_mismatch',
    );
    expect(await counter()).toBe(before);
    const after = (await s.desk.get(`${V1}/sales/${sale.id}`)).json();
    expect(after).toMatchObject({ status: 'open', version: 1, tenders: [], receiptNumber: null });
    const tenders = await t.db.db.selectFrom('sale_tenders').select('id').where('sale_id', '=', sale.id).execute();
    expect(tenders).toEqual([]);
  });

  it('needs an Idempotency-Key; a second completion with another key is 409 sale_already_completed', async () => {
    const sale = await openTicket(s.desk, { storeId: s.storeId, lines: [serviceLine(s.manicure, s.amy)] });
    expectProblem(await complete(s.desk, sale, { tenders: [{ kind: 'card', amount: 3000 }] }, null), 400, 'idempotency_key_required');
    await completeOk(s.desk, sale, { tenders: [{ kind: 'card', amount: 3000 }] });
    const again = expectProblem(await complete(s.desk, sale, { tenders: [{ kind: 'card', amount: 3000 }] }), 409, 'sale_already_completed');
    expect(again.detail).toMatch(/FLU-\d{6}/);
    expectProblem(await s.desk.patch(`${V1}/sales/${sale.id}`, { version: 2, note: 'x' }), 409, 'sale_not_open');
  });

  it('splits tips equally or by hand, refuses a hand split that does not add up, and a tip without a technician', async () => {
    const mk = () => openTicket(s.desk, { storeId: s.storeId, lines: [serviceLine(s.manicure, s.amy), serviceLine(s.pedicure, s.bo)] });
    const equal = await completeOk(s.desk, await mk(), {
      tip: { amount: 1001, split: 'equal' },
      tenders: [{ kind: 'card', amount: 7500 + 1001 }],
    });
    expect(equal.tips).toEqual([
      { staffId: s.amy, amount: 501 },
      { staffId: s.bo, amount: 500 },
    ]);
    const sale = await mk();
    const body = expectProblem(
      await complete(s.desk, sale, {
        tip: {
          amount: 1000,
          split: 'manual',
          allocations: [
            { staffId: s.amy, amount: 300 },
            { staffId: s.bo, amount: 600 },
          ],
        },
        tenders: [{ kind: 'card', amount: 8500 }],
      }),
      422,
      'tip_split_mismatch',
    );
    expect(body.detail).toContain('9.00');
    const manual = await completeOk(s.desk, sale, {
      tip: {
        amount: 1000,
        split: 'manual',
        allocations: [
          { staffId: s.amy, amount: 300 },
          { staffId: s.bo, amount: 700 },
        ],
      },
      // The card carries 8.00 of the tip, the cash 2.00.
      tenders: [
        { kind: 'card', amount: 6000, tip: 800 },
        { kind: 'cash', amount: 2500, tip: 200 },
      ],
    });
    expect(manual.tips).toEqual([
      { staffId: s.amy, amount: 300 },
      { staffId: s.bo, amount: 700 },
    ]);
    // Per technician and tender, for payroll: each tender's tip part is laid over the technicians.
    const rows = await t.db.db
      .selectFrom('sale_tips')
      .select(['staff_id', 'tender_kind', 'amount'])
      .where('sale_id', '=', manual.id)
      .execute();
    const sum = (f: (r: (typeof rows)[number]) => boolean) => rows.filter(f).reduce((a, r) => a + r.amount, 0);
    expect(sum((r) => r.tender_kind === 'card')).toBe(800);
    expect(sum((r) => r.tender_kind === 'cash')).toBe(200);
    expect(sum((r) => r.staff_id === s.amy)).toBe(300);
    expect(sum((r) => r.staff_id === s.bo)).toBe(700);
    const retail = await openTicket(s.desk, { storeId: s.storeId, lines: [{ kind: 'product', productId: s.polish }] });
    expectProblem(
      await complete(s.desk, retail, { tip: { amount: 100 }, tenders: [{ kind: 'card', amount: 1407 }] }),
      422,
      'tip_without_technician',
    );
  });

  it('starts a ticket from an appointment (lines, technicians, booked prices) and completes the appointment with the sale', async () => {
    const everyDay = Object.fromEntries(
      ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [{ open: '09:00', close: '19:00' }]]),
    );
    const store = (await s.owner.get(`${V1}/stores/${s.storeId}`)).json();
    expect((await s.owner.patch(`${V1}/stores/${s.storeId}`, { hours: everyDay, version: store.version })).statusCode).toBe(200);
    for (const staffId of [s.amy, s.bo])
      expect((await s.owner.put(`${V1}/rosters/${s.storeId}/staff/${staffId}/weekly`, { hours: everyDay, version: 0 })).statusCode).toBe(
        200,
      );
    const client = await s.owner.post(`${V1}/clients`, {
      firstName: 'Grace',
      lastName: 'Chen',
      homeStoreId: s.storeId,
      email: 'grace@example.com',
      language: 'zh-TW',
    });
    expect(client.statusCode, client.body).toBe(201);
    const appt = await s.desk.post(
      `${V1}/appointments`,
      {
        storeId: s.storeId,
        clientId: client.json().id,
        lines: [
          { serviceId: s.manicure, staffId: s.amy, date: '2026-11-27', startLocal: '11:00' },
          { serviceId: s.pedicure, staffId: s.bo, parallelWithPrevious: true },
        ],
      },
      { 'idempotency-key': key() },
    );
    expect(appt.statusCode, appt.body).toBe(201);
    const sale = await openTicket(s.desk, { storeId: s.storeId, appointmentId: appt.json().id });
    expect(sale).toMatchObject({ clientId: client.json().id, appointmentId: appt.json().id, subtotal: 7500 });
    expect(sale.lines.map((l: { technicians: Array<{ staffId: string }> }) => l.technicians[0]!.staffId)).toEqual([s.amy, s.bo]);
    expectProblem(await s.desk.post(`${V1}/sales`, { storeId: s.storeId, appointmentId: appt.json().id }), 409, 'appointment_on_ticket');
    const done = await completeOk(s.desk, sale, { tip: { percent: 20 }, tenders: [{ kind: 'card', amount: 9000 }], emailReceipt: true });
    expect(done.tipTotal).toBe(1500);
    const after = (await s.desk.get(`${V1}/appointments/${appt.json().id}`)).json();
    expect(after.status).toBe('completed');
    // The emailed receipt waits in the outbox, in the client's language.
    const jobs = await t.db.db.selectFrom('jobs').select(['kind', 'payload']).where('kind', '=', 'notify.send').execute();
    const mail = jobs.map((j) => JSON.parse(j.payload)).find((p) => p.to === 'grace@example.com');
    expect(mail.subject).toContain(done.receiptCode);
    expect(mail.html).toContain('收據');
    expect(mail.html).toContain('小費');
  });
});

describe('receipts', () => {
  it('prints 80 mm HTML and ESC/POS text with lines, taxes by name, tip, tenders, change and the receipt number', async () => {
    const sale = await openTicket(s.desk, {
      storeId: s.storeId,
      lines: [serviceLine(s.manicure, s.amy), { kind: 'product', productId: s.polish }],
    });
    const done = await completeOk(s.desk, sale, { tip: { amount: 500 }, tenders: [{ kind: 'cash', amount: 6000 }] });
    const html = await s.desk.get(`${V1}/sales/${sale.id}/receipt`);
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain('size: 80mm');
    expect(html.body).toContain(done.receiptCode);
    expect(html.body).toContain('Flushing');
    expect(html.body).toContain('NY Sales Tax 8.875%');
    expect(html.body).toContain('$1.07');
    expect(html.body).toContain('Change');
    const text = await s.desk.get(`${V1}/sales/${sale.id}/receipt?format=text`);
    expect(text.headers['content-type']).toContain('text/plain');
    const lines = text.body.split('\n');
    expect(lines.every((l: string) => l.length <= 42)).toBe(true);
    expect(text.body).toMatch(/Tip\s+\$5\.00/);
    expect(text.body).toMatch(/Change\s+\$11\.93/);
    const zh = await s.desk.get(`${V1}/sales/${sale.id}/receipt?format=text&lang=zh-TW`);
    expect(zh.body).toContain('找零');
    expect(zh.body).toContain('紐約銷售稅');
    expectProblem(await s.desk.get(`${V1}/sales/${(await openTicket(s.desk, { storeId: s.storeId })).id}/receipt`), 404, 'not_found');
  });
});

describe('permissions, stores and the catalog', () => {
  it('lets technicians read nothing, accountants write nothing, and keeps other stores out', async () => {
    const { session: tech } = await addStaff(t, s.owner, { role: 'technician', storeIds: [s.storeId], email: 'cat@lotus.test' });
    const { session: books } = await addStaff(t, s.owner, { role: 'accountant', storeIds: [s.storeId], email: 'books@lotus.test' });
    expectProblem(await tech.get(`${V1}/sales?storeId=${s.storeId}`), 403, 'forbidden');
    expectProblem(await books.post(`${V1}/sales`, { storeId: s.storeId }), 403, 'forbidden');
    const other = await s.owner.post(`${V1}/stores`, { name: 'Queens', timeZone: 'America/New_York' });
    const { session: elsewhere } = await addStaff(t, s.owner, {
      role: 'front_desk',
      storeIds: [other.json().id],
      email: 'queens@lotus.test',
    });
    const sale = await openTicket(s.desk, { storeId: s.storeId });
    expectProblem(await elsewhere.get(`${V1}/sales/${sale.id}`), 403, 'store_forbidden');
    expectProblem(await elsewhere.post(`${V1}/sales`, { storeId: s.storeId }), 403, 'store_forbidden');
    expectProblem(await complete(elsewhere, sale, { tenders: [{ kind: 'card', amount: 100 }] }), 403, 'store_forbidden');
    expectProblem(await elsewhere.post(`${V1}/sales/${sale.id}/refunds`, { reason: 'x' }), 403, 'store_forbidden');
  });

  it('keeps cached identities across checkout writes, and forgets them after other writes', async () => {
    const businessName = async () => (await s.desk.get(`${V1}/me`)).json().business.name as string;
    const before = await businessName();
    // A change made behind the server's back shows only once the identity cache is dropped.
    await t.db.db.updateTable('business').set({ name: 'Renamed Behind The Cache' }).execute();
    await openTicket(s.desk, { storeId: s.storeId, label: 'cache probe', lines: [serviceLine(s.manicure, s.amy)] });
    expect(await businessName()).toBe(before);
    expect((await s.desk.patch(`${V1}/me`, { language: 'en' })).statusCode).toBe(200);
    expect(await businessName()).toBe('Renamed Behind The Cache');
    await t.db.db.updateTable('business').set({ name: before }).execute();
  });

  it('documents the checkout routes in the OpenAPI document', async () => {
    const res = await s.owner.get(`${V1}/openapi.json`);
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    for (const p of [
      '/api/v1/sales',
      '/api/v1/sales/{id}/complete',
      '/api/v1/sales/{id}/refunds',
      '/api/v1/shifts/{id}/close',
      '/api/v1/stores/{id}/tax-settings',
    ])
      expect(paths).toContain(p);
  });

  it('keeps a sold product from being hard-deleted', async () => {
    const res = await s.owner.delete(`${V1}/products/${s.polish}`);
    expectProblem(res, 409, 'in_use');
  });

  it('sets tax settings as the owner only, validated and audited', async () => {
    expectProblem(await s.manager.put(`${V1}/stores/${s.storeId}/tax-settings`, { preset: 'ca_on' }), 403, 'forbidden');
    const bad = expectProblem(
      await s.owner.put(`${V1}/stores/${s.storeId}/tax-settings`, {
        pricesIncludeTax: false,
        rates: [
          { code: 'x', name: 'X', rate: '8.8751', appliesTo: ['product'] },
          { code: 'x', name: 'Y', rate: 'abc', appliesTo: [] },
        ],
      }),
      400,
      'validation_failed',
    );
    expect(bad.errors.length).toBeGreaterThan(0);
    const before = (await s.owner.get(`${V1}/stores/${s.storeId}/tax-settings`)).json();
    const ok = await s.owner.put(`${V1}/stores/${s.storeId}/tax-settings`, { preset: 'us_nyc', taxServices: true });
    expect(ok.json().rates[0].appliesTo).toEqual(['service', 'product']);
    const [entry] = (await audit('store.tax_settings', s.storeId)).slice(-1);
    expect(JSON.parse(entry!.before!)).toEqual(before);
    await s.owner.put(`${V1}/stores/${s.storeId}/tax-settings`, { preset: 'us_nyc', taxServices: false });
  });
});

describe('demo data', () => {
  it('seeds weeks of completed sales with shifts through the real checkout code, gap-free', async () => {
    const { withTransaction } = await import('../src/server/db/tx.js');
    const { seedDemoSales } = await import('../src/server/modules/sales/index.js');
    const out = await withTransaction(t.db.db, ({ tx }) =>
      seedDemoSales(tx, { storeIds: [s.storeId], now: t.clock.now(), days: 5, walkInsPerDay: 4, seed: 7 }),
    );
    expect(out.saleIds.length).toBeGreaterThanOrEqual(20);
    expect(out.shifts).toBe(5);
    const z = (await s.owner.get(`${V1}/stores/${s.storeId}/z-report?date=2026-11-25`)).json();
    expect(z.sales.count).toBeGreaterThan(0);
    expect(z.allShiftsClosed).toBe(true);
    const sales = await t.db.db
      .selectFrom('sales')
      .select('receipt_number')
      .where('store_id', '=', s.storeId)
      .where('receipt_number', 'is not', null)
      .execute();
    const refunds = await t.db.db.selectFrom('sale_refunds').select('receipt_number').where('store_id', '=', s.storeId).execute();
    const numbers = [...sales, ...refunds].map((r) => Number(r.receipt_number)).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
  });
});
