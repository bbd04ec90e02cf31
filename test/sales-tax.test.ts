// Taxes through the API: the presets (NYC, BC, Ontario, Alberta), inclusive vs exclusive prices, CAD cash
// rounding, never-taxed lines from a plugged-in line kind, and settings changed while a ticket is open.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { registerLineKind } from '../src/server/modules/sales/index.js';
import { createTestApp, expectProblem, type TestApp } from './support/app.js';
import { completeOk, openShift, openTicket, type Salon, serviceLine, setUpSalon, V1 } from './support/checkout.js';

let t: TestApp;
let s: Salon;
let unregister: () => void;

const setTax = async (storeId: string, body: Record<string, unknown>) => {
  const res = await s.owner.put(`${V1}/stores/${storeId}/tax-settings`, body);
  expect(res.statusCode, res.body).toBe(200);
};
const ticket = (storeId = s.storeId) =>
  openTicket(s.desk, { storeId, lines: [serviceLine(s.manicure, s.amy), { kind: 'product', productId: s.polish }] });

beforeAll(async () => {
  // A never-taxed line kind, plugged in the way the ledgers module plugs in gift cards.
  unregister = registerLineKind({
    kind: 'test_gift_card',
    label: { en: 'Gift card', 'zh-CN': '礼品卡', 'zh-TW': '禮品卡' },
    schema: z.object({ amount: z.int().min(100).max(100_000) }),
    price: async (_tx, input: { amount: number }) => ({
      refId: null,
      name: 'Gift card',
      category: 'gift_card',
      taxClass: null,
      unitPrice: input.amount,
      quantity: 1,
      discountable: false,
      priceOverridable: false,
      tipEligible: false,
      staff: [],
      data: { amount: input.amount },
    }),
  });
  t = await createTestApp();
  s = await setUpSalon(t, { currency: 'CAD' }); // Richmond, BC, in CAD
  await openShift(s.desk, s.storeId);
});
afterAll(async () => {
  unregister();
  await t.close();
});

describe('Canadian presets (exclusive)', () => {
  it('British Columbia: GST on the service and the product, PST on the product only', async () => {
    await setTax(s.storeId, { preset: 'ca_bc' });
    const sale = await ticket();
    expect(sale.taxes).toEqual([
      { code: 'gst', name: 'GST', rate: '5', amount: 150 + 60 },
      { code: 'pst', name: 'PST', rate: '7', amount: 84 },
    ]);
    expect(sale).toMatchObject({ subtotal: 4200, taxTotal: 294, total: 4494, pricesIncludeTax: false });
    const zh = (await s.desk.get(`${V1}/sales/${sale.id}`, { 'accept-language': 'zh-CN' })).json();
    expect(zh.taxes.map((x: { name: string }) => x.name)).toEqual(['联邦消费税 GST', '省销售税 PST']);
  });

  it('Ontario: HST 13 %; Alberta: GST 5 %', async () => {
    await setTax(s.storeId, { preset: 'ca_on' });
    expect((await ticket()).taxes).toEqual([{ code: 'hst', name: 'HST', rate: '13', amount: 390 + 156 }]);
    await setTax(s.storeId, { preset: 'ca_ab' });
    const ab = await ticket();
    expect(ab).toMatchObject({ taxTotal: 210, total: 4410 });
  });

  it('rounds a CAD cash payment to 5 ¢ as its own amount, and not a card payment', async () => {
    await setTax(s.storeId, { preset: 'ca_bc' });
    const cash = await completeOk(s.desk, await ticket(), { tenders: [{ kind: 'cash', amount: 5000 }] });
    expect(cash).toMatchObject({ total: 4494, cashRounding: 1, amountPaid: 4495, changeDue: 505 });
    const card = await completeOk(s.desk, await ticket(), { tenders: [{ kind: 'card', amount: 4494 }] });
    expect(card).toMatchObject({ total: 4494, cashRounding: 0, amountPaid: 4494 });
    // Split: card 20.00, cash for the rest (24.94 → 24.95).
    const split = await completeOk(s.desk, await ticket(), {
      tenders: [
        { kind: 'card', amount: 2000 },
        { kind: 'cash', amount: 2495 },
      ],
    });
    expect(split).toMatchObject({ cashRounding: 1, amountPaid: 4495, changeDue: 0 });
    const text = (await s.desk.get(`${V1}/sales/${cash.id}/receipt?format=text`)).body;
    expect(text).toMatch(/Cash rounding\s+\$0\.01/);
  });

  it('rounds cash given back in CAD to 5 ¢ too', async () => {
    await setTax(s.storeId, { preset: 'ca_bc' });
    const a = await completeOk(s.desk, await ticket(), { tenders: [{ kind: 'cash', amount: 4495 }] }); // 44.94 → 44.95
    const part = (await s.owner.post(`${V1}/sales/${a.id}/refunds`, { reason: 'Goodwill', amount: 1002 })).json().refund;
    expect(part).toMatchObject({ total: 1000, cashRounding: -2 });
    expect(part.tenders[0].amount).toBe(1000);
    const rest = (await s.owner.post(`${V1}/sales/${a.id}/refunds`, { reason: 'All of it' })).json();
    // What is left: 44.94 − 10.02 = 34.92 of goods, 34.95 in the drawer for it.
    expect(rest.refund).toMatchObject({ total: 3495, cashRounding: 3 });
    expect(rest.sale.refundedTotal).toBe(4495);
  });

  it('uses the tax settings in force at completion', async () => {
    await setTax(s.storeId, { preset: 'ca_on' });
    const sale = await ticket();
    expect(sale.total).toBe(4746);
    await setTax(s.storeId, { preset: 'ca_ab' });
    const done = await completeOk(s.desk, sale, { tenders: [{ kind: 'card', amount: 4410 }] });
    expect(done).toMatchObject({ total: 4410, taxTotal: 210 });
    expect(done.lines.map((l: { tax: number }) => l.tax)).toEqual([150, 60]);
  });
});

describe('inclusive prices and never-taxed lines', () => {
  it('takes HST out of tax-inclusive prices per line', async () => {
    await setTax(s.storeId, {
      pricesIncludeTax: true,
      rates: [{ code: 'hst', name: 'HST', rate: '13', appliesTo: ['service', 'product'] }],
    });
    const sale = await ticket();
    // 30.00 → 26.55 + 3.45; 12.00 → 10.62 + 1.38.
    expect(sale).toMatchObject({ subtotal: 4200, taxTotal: 345 + 138, total: 4200, pricesIncludeTax: true });
    const done = await completeOk(s.desk, sale, { tenders: [{ kind: 'card', amount: 4200 }] });
    expect(done.total).toBe(4200);
    const html = (await s.desk.get(`${V1}/sales/${done.id}/receipt`)).body;
    expect(html).toContain('incl. HST 13%');
  });

  it('never taxes a gift card, and keeps it out of the ticket discount', async () => {
    await setTax(s.storeId, { preset: 'ca_on' });
    const sale = await openTicket(s.owner, {
      storeId: s.storeId,
      lines: [serviceLine(s.manicure, s.amy), { kind: 'test_gift_card', amount: 5000 }],
      discount: { type: 'percent', percent: 10, reason: 'Opening week' },
    });
    const [svc, card] = sale.lines;
    expect(card).toMatchObject({ tax: 0, ticketDiscount: 0, total: 5000, category: 'gift_card' });
    expect(svc).toMatchObject({ ticketDiscount: 300, net: 2700, tax: 351 });
    expect(sale.total).toBe(2700 + 351 + 5000);
    expectProblem(
      await s.owner.post(`${V1}/sales`, { storeId: s.storeId, lines: [{ kind: 'test_gift_card', amount: 5000, unitPrice: 4000 }] }),
      422,
      'price_not_overridable',
    );
  });
});

describe('New York City', () => {
  it('taxes products at 8.875 %, and services only when the store chose so', async () => {
    const nyc = s.firstStoreId; // Flushing, USD; the owner performs services everywhere
    await setTax(nyc, { preset: 'us_nyc', taxServices: false });
    const line = { kind: 'service', serviceId: s.manicure, technicians: [{ staffId: s.ownerId }] };
    const a = await openTicket(s.owner, { storeId: nyc, lines: [line, { kind: 'product', productId: s.polish }] });
    expect(a).toMatchObject({ taxTotal: 107, total: 4307 });
    await setTax(nyc, { preset: 'us_nyc', taxServices: true });
    const b = await openTicket(s.owner, { storeId: nyc, lines: [line, { kind: 'product', productId: s.polish }] });
    // 8.875 % of 30.00 = 2.6625 → 2.66; of 12.00 = 1.065 → 1.07.
    expect(b).toMatchObject({ taxTotal: 266 + 107, total: 4573 });
  });
});
