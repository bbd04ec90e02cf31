// Cash drawer shifts: open with a counted float, paid-ins and paid-outs, X report mid-shift, close with
// counted denominations (over/short), Z report for the store's day; cash needs an open shift.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff, createTestApp, expectProblem, type TestApp } from './support/app.js';
import { complete, completeOk, openTicket, type Salon, serviceLine, setUpSalon, V1 } from './support/checkout.js';

let t: TestApp;
let s: Salon;
let shift: { id: string; version: number };
let cashSale: { id: string; receiptNumber: number };

beforeAll(async () => {
  t = await createTestApp(); // 2026-11-27 10:00 in New York
  s = await setUpSalon(t, { tax: { preset: 'us_nyc', taxServices: false } });
});
afterAll(() => t.close());

const ticket = () =>
  openTicket(s.desk, { storeId: s.storeId, lines: [serviceLine(s.manicure, s.amy), { kind: 'product', productId: s.polish }] }); // 43.07

describe('drawer shifts', () => {
  it('needs an open shift for cash (card works without one)', async () => {
    expectProblem(await complete(s.desk, await ticket(), { tenders: [{ kind: 'cash', amount: 5000 }] }), 422, 'no_open_shift');
    expect((await complete(s.desk, await ticket(), { tenders: [{ kind: 'card', amount: 4307 }] })).statusCode).toBe(200);
  });

  it('opens with a counted float; one open shift per drawer', async () => {
    expectProblem(
      await s.desk.post(`${V1}/shifts`, { storeId: s.storeId, openingCounts: { '2000': 5, '3': 1 } }),
      400,
      'unknown_denomination',
    );
    const res = await s.desk.post(`${V1}/shifts`, { storeId: s.storeId, openingCounts: { '2000': 5, '500': 10, '100': 40, '25': 40 } });
    expect(res.statusCode, res.body).toBe(201);
    shift = res.json();
    expect(res.json()).toMatchObject({ status: 'open', drawer: 'main', openingFloat: 10_000 + 5_000 + 4_000 + 1_000 });
    expectProblem(await s.desk.post(`${V1}/shifts`, { storeId: s.storeId, openingFloat: 100 }), 409, 'shift_already_open');
    // A second drawer: cash now has to say which one.
    const second = await s.desk.post(`${V1}/shifts`, { storeId: s.storeId, drawer: 'spa', openingFloat: 5000 });
    expect(second.statusCode).toBe(201);
    expectProblem(await complete(s.desk, await ticket(), { tenders: [{ kind: 'cash', amount: 5000 }] }), 422, 'shift_required');
    const sp = second.json();
    const spaSale = await completeOk(s.desk, await ticket(), { shiftId: sp.id, tenders: [{ kind: 'cash', amount: 5000 }] });
    expect(spaSale.shiftId).toBe(sp.id);
    const closed = await s.desk.post(`${V1}/shifts/${sp.id}/close`, { version: sp.version, countedCash: 5000 + 4307 });
    expect(closed.json()).toMatchObject({ status: 'closed', overShort: 0 });
  });

  it('records paid-ins and paid-outs with reasons, and shows an X report mid-shift', async () => {
    cashSale = await completeOk(s.desk, await ticket(), { tip: { amount: 500 }, tenders: [{ kind: 'cash', amount: 5000 }] }); // 48.07 in, change 1.93
    await completeOk(s.desk, await ticket(), {
      tenders: [
        { kind: 'card', amount: 2000 },
        { kind: 'cash', amount: 2307 },
      ],
    });
    expect(
      (await s.desk.post(`${V1}/shifts/${shift.id}/movements`, { kind: 'paid_out', amount: 1500, reason: 'Cotton pads' })).statusCode,
    ).toBe(201);
    expect(
      (await s.desk.post(`${V1}/shifts/${shift.id}/movements`, { kind: 'paid_in', amount: 2000, reason: 'Change from bank' })).statusCode,
    ).toBe(201);
    expectProblem(
      await s.desk.post(`${V1}/shifts/${shift.id}/movements`, { kind: 'paid_out', amount: 0, reason: 'x' }),
      400,
      'validation_failed',
    );
    const x = (await s.desk.get(`${V1}/shifts/${shift.id}/x-report`)).json();
    expect(x.kind).toBe('x');
    expect(x.sales).toMatchObject({ count: 2, total: 8614, tips: 500, tax: 214 });
    expect(x.tenders).toEqual([
      { kind: 'card', count: 1, amount: 2000, tip: 0, refunded: 0, net: 2000 },
      { kind: 'cash', count: 2, amount: 4807 + 2307, tip: 500, refunded: 0, net: 7114 },
    ]);
    expect(x.shift.drawerFigures).toMatchObject({
      openingFloat: 20_000,
      cashSales: 7114,
      cashRefunds: 0,
      paidIn: 2000,
      paidOut: 1500,
      expectedCash: 20_000 + 7114 + 2000 - 1500,
    });
  });

  it('refunds cash from the drawer, then closes with counted denominations: expected vs counted, over/short', async () => {
    const r = await s.manager.post(`${V1}/sales/${cashSale.id}/refunds`, {
      reason: 'Chipped',
      lines: [{ lineId: (await s.desk.get(`${V1}/sales/${cashSale.id}`)).json().lines[1].id, quantity: 1 }],
    });
    expect(r.statusCode, r.body).toBe(201); // 13.07 back in cash
    const current = (await s.desk.get(`${V1}/shifts/${shift.id}`)).json();
    const expected = 20_000 + 7114 + 2000 - 1500 - 1307;
    expect(current.drawerFigures).toMatchObject({ cashRefunds: 1307, expectedCash: expected });
    expectProblem(await s.desk.post(`${V1}/shifts/${shift.id}/close`, { version: 1, countedCash: 1 }), 409, 'stale_version');
    // 263.07 expected; counted 263.00 → 0.07 short.
    const counts = { '10000': 2, '2000': 3, '100': 3 };
    const res = await s.desk.post(`${V1}/shifts/${shift.id}/close`, { version: current.version, counts });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'closed', countedCash: 26_300, overShort: 26_300 - expected, closingCounts: counts });
    expect(res.json().drawerFigures.expectedCash).toBe(expected);
    expectProblem(
      await s.desk.post(`${V1}/shifts/${shift.id}/close`, { version: current.version + 1, countedCash: 1 }),
      409,
      'shift_not_open',
    );
    expectProblem(
      await s.desk.post(`${V1}/shifts/${shift.id}/movements`, { kind: 'paid_in', amount: 100, reason: 'late' }),
      409,
      'shift_not_open',
    );
    // No drawer open: cash can neither come in nor go out.
    expectProblem(
      await s.manager.post(`${V1}/sales/${cashSale.id}/refunds`, {
        reason: 'x',
        amount: 100,
        tenders: [{ tenderId: (await s.desk.get(`${V1}/sales/${cashSale.id}`)).json().tenders[0].id, amount: 100 }],
      }),
      422,
      'no_open_shift',
    );
    const actions = await t.db.db.selectFrom('audit_log').select('action').where('entity_id', '=', shift.id).orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual(['shift.open', 'shift.paid_out', 'shift.paid_in', 'shift.close']);
  });

  it('prints the Z report of the store’s day: categories, tenders, taxes, tips, refunds, voids, receipt range', async () => {
    const { session: books } = await addStaff(t, s.owner, { role: 'accountant', storeIds: [s.storeId], email: 'books@lotus.test' });
    const { session: tech } = await addStaff(t, s.owner, { role: 'technician', storeIds: [s.storeId], email: 'tina@lotus.test' });
    expectProblem(await tech.get(`${V1}/stores/${s.storeId}/z-report?date=2026-11-27`), 403, 'forbidden');
    const z = (await books.get(`${V1}/stores/${s.storeId}/z-report?date=2026-11-27`)).json();
    expect(z).toMatchObject({ kind: 'z', date: '2026-11-27', allShiftsClosed: true });
    expect(z.sales.count).toBe(4);
    expect(z.byCategory.map((c: { category: string; quantity: number }) => [c.category, c.quantity])).toEqual([
      ['product', 4],
      ['service', 4],
    ]);
    expect(z.taxes).toEqual([{ code: 'ny_sales', name: 'NY Sales Tax', rate: '8.875', collected: 428, refunded: 107, net: 321 }]);
    expect(z.refunds).toMatchObject({ count: 1, total: 1307, tax: 107 });
    expect(z.voids).toMatchObject({ count: 0 });
    expect(z.tips.byStaff).toEqual([{ staffId: s.amy, name: 'Amy', amount: 500, byTender: { cash: 500 } }]);
    expect(z.receiptRange).toEqual({ first: 1, last: 5 });
    expect(z.net).toBe(z.sales.paid - 1307);
    expect(z.shifts.map((x: { drawer: string; overShort: number }) => x.drawer)).toEqual(['main', 'spa']);
    // The desk that closes the day may print it too.
    expect((await s.desk.get(`${V1}/stores/${s.storeId}/z-report?date=2026-11-27`)).statusCode).toBe(200);
    expect((await books.get(`${V1}/stores/${s.storeId}/z-report?date=2026-11-26`)).json().sales.count).toBe(0);
  });
});
