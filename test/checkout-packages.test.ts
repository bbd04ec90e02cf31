import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcile } from '../src/server/modules/ledgers/index.js';
import { createTestApp, expectProblem, type TestApp } from './support/app.js';
import { key, V1 } from './support/checkout.js';
import { aSpaClient, aTemplate, type SpaSalon, setUpSpa, tenFacials } from './support/packages.js';

// Packages through the real checkout: the package_purchase and package_redemption line kinds in mixed
// tickets, taxes, tips, idempotent retries, receipts, and refunds to the original tender.
describe('packages in checkout', () => {
  let t: TestApp;
  let s: SpaSalon;
  beforeAll(async () => {
    t = await createTestApp();
    s = await setUpSpa(t);
    // New York: 8.875 % on services too.
    const tax = await s.owner.put(`${V1}/stores/${s.storeId}/tax-settings`, { preset: 'us_nyc', taxServices: true });
    expect(tax.statusCode, tax.body).toBe(200);
  });
  afterAll(() => t.close());

  const pkgOf = async (id: string) => (await s.owner.get(`${V1}/client-packages/${id}`)).json();

  it('a taxed package in a mixed ticket: revenue allocated pre-tax, tax refunded in proportion; a retried completion issues sessions once', async () => {
    const tpl = await aTemplate(s.owner, tenFacials(s, { taxClass: 'service' }));
    const clientId = await aSpaClient(s.owner, s.storeId);
    const open = await s.desk.post(`${V1}/sales`, {
      storeId: s.storeId,
      clientId,
      lines: [
        { kind: 'package_purchase', templateId: tpl.id, staffId: s.amy },
        { kind: 'product', productId: s.polish },
      ],
    });
    expect(open.statusCode, open.body).toBe(201);
    const sale = open.json();
    const pkgLine = sale.lines.find((l: { kind: string }) => l.kind === 'package_purchase');
    expect(pkgLine).toMatchObject({ total: 108_875, tax: 8_875, technicians: [{ staffId: s.amy }] });
    const headers = { 'idempotency-key': key() };
    const body = { version: sale.version, tenders: [{ kind: 'card', amount: sale.total }] };
    const first = await s.desk.post(`${V1}/sales/${sale.id}/complete`, body, headers);
    expect(first.statusCode, first.body).toBe(200);
    const retry = await s.desk.post(`${V1}/sales/${sale.id}/complete`, body, headers);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    const pkgs = (await s.desk.get(`${V1}/client-packages?clientId=${clientId}`)).json().data;
    expect(pkgs).toHaveLength(1);
    expect(pkgs[0]).toMatchObject({ price: 100_000, paidTotal: 108_875, sessions: { total: 10, remaining: 10 } });
    // Half used, then the package line refunded: half the money, tax included, back on the card.
    for (let i = 0; i < 5; i++) {
      const r = await s.desk.post(`${V1}/client-packages/${pkgs[0].id}/redemptions`, {
        storeId: s.storeId,
        serviceId: s.facial,
        staffId: s.bo,
      });
      expect(r.statusCode, r.body).toBe(201);
    }
    const quote = (await s.manager.get(`${V1}/client-packages/${pkgs[0].id}/refund-quote`)).json();
    expect(quote).toMatchObject({ unusedValue: 50_000, gross: 54_438, fee: 0, refundable: 54_438 });
    // A goodwill amount spread over the ticket leaves the package as it is.
    const goodwill = await s.manager.post(
      `${V1}/sales/${sale.id}/refunds`,
      { reason: 'Goodwill', amount: 1_000 },
      { 'idempotency-key': key() },
    );
    expect(goodwill.statusCode, goodwill.body).toBe(201);
    const afterGoodwill = await pkgOf(pkgs[0].id);
    expect(afterGoodwill).toMatchObject({ status: 'active', sessions: { remaining: 5 } });
    const left = afterGoodwill.refundedAmount as number;
    expect(left).toBeGreaterThan(900);
    // Everything left: the package's line gives back its unused value less what the goodwill took, the polish its price.
    const refund = await s.manager.post(`${V1}/sales/${sale.id}/refunds`, { reason: 'Moving' }, { 'idempotency-key': key() });
    expect(refund.statusCode, refund.body).toBe(201);
    expect(await pkgOf(pkgs[0].id)).toMatchObject({ status: 'refunded', refundedAmount: 54_438, sessions: { used: 5, remaining: 0 } });
    // Nothing more comes back for the package.
    expectProblem(
      await s.manager.post(
        `${V1}/sales/${sale.id}/refunds`,
        { reason: 'again', lines: [{ lineId: pkgLine.id, quantity: 1 }] },
        { 'idempotency-key': key() },
      ),
      422,
      'refund_exceeds_paid',
    );
    expect((await reconcile(t.db.db)).problems).toEqual([]);
  });

  it('refunding a package line by quantity gives back what the package may still refund, and says it was limited', async () => {
    const tpl = await aTemplate(s.owner, tenFacials(s));
    const clientId = await aSpaClient(s.owner, s.storeId);
    const open = await s.desk.post(`${V1}/sales`, {
      storeId: s.storeId,
      clientId,
      lines: [{ kind: 'package_purchase', templateId: tpl.id }],
    });
    expect(open.statusCode, open.body).toBe(201);
    const sold = await s.desk.post(
      `${V1}/sales/${open.json().id}/complete`,
      { version: open.json().version, tenders: [{ kind: 'card', amount: open.json().total }] },
      { 'idempotency-key': key() },
    );
    expect(sold.statusCode, sold.body).toBe(200);
    const line = sold.json().lines[0];
    const pkg = (await s.desk.get(`${V1}/client-packages?clientId=${clientId}`)).json().data[0];
    for (let i = 0; i < 4; i++)
      expect(
        (await s.desk.post(`${V1}/client-packages/${pkg.id}/redemptions`, { storeId: s.storeId, serviceId: s.facial, staffId: s.bo }))
          .statusCode,
      ).toBe(201);
    const quote = (await s.manager.get(`${V1}/client-packages/${pkg.id}/refund-quote`)).json();
    expect(quote.refundable).toBeGreaterThan(0);
    expect(quote.refundable).toBeLessThan(line.total);
    const res = await s.manager.post(
      `${V1}/sales/${sold.json().id}/refunds`,
      { reason: 'Moving away', lines: [{ lineId: line.id, quantity: 1 }] },
      { 'idempotency-key': key() },
    );
    expect(res.statusCode, res.body).toBe(201);
    const { refund, sale } = res.json();
    expect(refund).toMatchObject({
      total: quote.refundable,
      lines: [{ lineId: line.id, quantity: 1, total: quote.refundable }],
      limited: [{ lineId: line.id, requested: line.total, refunded: quote.refundable }],
      tenders: [{ kind: 'card', amount: quote.refundable }],
    });
    expect(sale.lines[0]).toMatchObject({ refundedQuantity: 1, refundedAmount: quote.refundable });
    expect(await pkgOf(pkg.id)).toMatchObject({
      status: 'refunded',
      refundedAmount: quote.refundable,
      sessions: { used: 4, remaining: 0 },
    });
    // Nothing is left to give back for it.
    expectProblem(
      await s.manager.post(`${V1}/sales/${sold.json().id}/refunds`, { reason: 'again', amount: 1 }, { 'idempotency-key': key() }),
      422,
      'refund_exceeds_paid',
    );
    expect((await reconcile(t.db.db)).problems).toEqual([]);
  });

  it('a redemption line beside paid services: the tip is split with the technician who performed the session', async () => {
    const tpl = await aTemplate(s.owner, tenFacials(s));
    const clientId = await aSpaClient(s.owner, s.storeId);
    const buy = await s.desk.post(`${V1}/sales`, {
      storeId: s.storeId,
      clientId,
      lines: [{ kind: 'package_purchase', templateId: tpl.id }],
    });
    await s.desk.post(
      `${V1}/sales/${buy.json().id}/complete`,
      { version: buy.json().version, tenders: [{ kind: 'card', amount: buy.json().total }] },
      { 'idempotency-key': key() },
    );
    const pkg = (await s.desk.get(`${V1}/client-packages?clientId=${clientId}`)).json().data[0];
    const open = await s.desk.post(`${V1}/sales`, {
      storeId: s.storeId,
      clientId,
      lines: [
        { kind: 'package_redemption', clientPackageId: pkg.id, serviceId: s.facial, technicians: [{ staffId: s.amy }] },
        { kind: 'service', serviceId: s.manicure, technicians: [{ staffId: s.bo }] },
      ],
    });
    expect(open.statusCode, open.body).toBe(201);
    const sale = open.json();
    const redemption = sale.lines.find((l: { kind: string }) => l.kind === 'package_redemption');
    expect(redemption).toMatchObject({ total: 0, tax: 0, discount: null });
    // A redemption line cannot be re-priced or discounted.
    const repriced = await s.desk.patch(`${V1}/sales/${sale.id}`, {
      version: sale.version,
      lines: [
        {
          id: redemption.id,
          kind: 'package_redemption',
          clientPackageId: pkg.id,
          serviceId: s.facial,
          technicians: [{ staffId: s.amy }],
          unitPrice: 5_000,
        },
      ],
    });
    expectProblem(repriced, 422, 'price_not_overridable');
    const done = await s.desk.post(
      `${V1}/sales/${sale.id}/complete`,
      { version: sale.version, tip: { amount: 1_000, split: 'equal' }, tenders: [{ kind: 'card', amount: sale.total + 1_000 }] },
      { 'idempotency-key': key() },
    );
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().tips).toEqual(
      expect.arrayContaining([
        { staffId: s.amy, amount: 500 },
        { staffId: s.bo, amount: 500 },
      ]),
    );
    const receipt = await s.desk.get(`${V1}/sales/${sale.id}/receipt?format=text&lang=zh-CN`);
    expect(receipt.body).toContain('剩余 9/10 次');
    expect((await s.desk.get(`${V1}/client-packages/${pkg.id}/sessions`)).json().data).toMatchObject([
      { value: 10_000, staffId: s.amy, saleId: sale.id },
    ]);
  });

  it('a ticket cannot redeem another client’s package, and a changed client on the ticket is re-checked at completion', async () => {
    const tpl = await aTemplate(s.owner, tenFacials(s));
    const owner = await aSpaClient(s.owner, s.storeId);
    const other = await aSpaClient(s.owner, s.storeId);
    const buy = await s.desk.post(`${V1}/sales`, {
      storeId: s.storeId,
      clientId: owner,
      lines: [{ kind: 'package_purchase', templateId: tpl.id }],
    });
    await s.desk.post(
      `${V1}/sales/${buy.json().id}/complete`,
      { version: buy.json().version, tenders: [{ kind: 'card', amount: buy.json().total }] },
      { 'idempotency-key': key() },
    );
    const pkg = (await s.desk.get(`${V1}/client-packages?clientId=${owner}`)).json().data[0];
    const line = { kind: 'package_redemption', clientPackageId: pkg.id, serviceId: s.facial, technicians: [{ staffId: s.amy }] };
    expectProblem(await s.desk.post(`${V1}/sales`, { storeId: s.storeId, clientId: other, lines: [line] }), 422, 'package_not_for_client');
    const open = (await s.desk.post(`${V1}/sales`, { storeId: s.storeId, clientId: owner, lines: [line] })).json();
    const moved = await s.desk.patch(`${V1}/sales/${open.id}`, { version: open.version, clientId: other });
    expect(moved.statusCode, moved.body).toBe(200);
    const done = await s.desk.post(
      `${V1}/sales/${open.id}/complete`,
      { version: moved.json().version, tip: { amount: 300 }, tenders: [{ kind: 'card', amount: 300 }] },
      { 'idempotency-key': key() },
    );
    expectProblem(done, 422, 'package_not_for_client');
    expect((await s.owner.get(`${V1}/client-packages/${pkg.id}`)).json().sessions.remaining).toBe(10);
  });
});
