import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcile } from '../src/server/modules/ledgers/index.js';
import { createTestApp, expectProblem, type Session, setUpBusiness, type TestApp } from './support/app.js';
import { aClient, setLedgerSettings } from './support/ledger-fixtures.js';

// Stored value, gift cards, points and coupons through the real checkout: POST /api/v1/sales/…
describe('ledgers in checkout', () => {
  let t: TestApp;
  let owner: Session;
  let storeId: string;
  let serviceId: string;
  let staffId: string;
  let key = 0;
  beforeAll(async () => {
    t = await createTestApp();
    let me: { staff: { id: string } };
    ({ owner, storeId, me } = await setUpBusiness(t));
    staffId = me.staff.id;
    const svc = await owner.post('/api/v1/services', { name: 'Facial', durationMin: 60, price: 8_000 });
    expect(svc.statusCode, svc.body).toBe(201);
    serviceId = svc.json().id;
    await owner.post('/api/v1/wallet/bonus-rules', {
      name: 'Pay 100 get 20',
      thresholds: [
        { pay: 10_000, bonus: 2_000 },
        { pay: 50_000, bonus: 15_000 },
      ],
    });
  });
  afterAll(() => t.close());

  const idem = () => ({ 'idempotency-key': `test-key-${++key}-${Date.now()}` });

  async function ticket(clientId: string | null, lines: Array<Record<string, unknown>>, discount?: Record<string, unknown>) {
    const res = await owner.post('/api/v1/sales', { storeId, clientId, lines, ...(discount ? { discount } : {}) });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number; total: number; lines: Array<{ id: string; total: number }> };
  }
  const complete = (sale: { id: string; version: number }, tenders: Array<Record<string, unknown>>, headers = idem()) =>
    owner.post(`/api/v1/sales/${sale.id}/complete`, { version: sale.version, tenders }, headers);
  const wallet = async (clientId: string) => (await owner.get(`/api/v1/clients/${clientId}/wallet`)).json();
  const serviceLine = () => ({ kind: 'service', serviceId, technicians: [{ staffId }] });

  it('tops up $100 with a $20 bonus as a checkout line, paid by card', async () => {
    const clientId = await aClient(owner, storeId);
    const sale = await ticket(clientId, [{ kind: 'stored_value_topup', amount: 10_000 }]);
    expect(sale.total).toBe(10_000);
    const res = await complete(sale, [{ kind: 'card', amount: 10_000 }]);
    expect(res.statusCode, res.body).toBe(200);
    expect(await wallet(clientId)).toMatchObject({ principal: 10_000, bonus: 2_000, total: 12_000 });
  });

  it('refuses a top-up without a client', async () => {
    const res = await owner.post('/api/v1/sales', { storeId, lines: [{ kind: 'stored_value_topup', amount: 10_000 }] });
    expectProblem(res, 422, 'wallet_client_required');
  });

  it('pays part of a ticket with stored value and the rest by card; a refund re-credits principal and bonus exactly', async () => {
    const clientId = await aClient(owner, storeId);
    await complete(await ticket(clientId, [{ kind: 'stored_value_topup', amount: 10_000 }]), [{ kind: 'card', amount: 10_000 }]);
    const sale = await ticket(clientId, [serviceLine()]);
    const svTender = 6_000;
    const res = await complete(sale, [
      { kind: 'stored_value', amount: svTender },
      { kind: 'card', amount: sale.total - svTender },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    // Proportional (default): 6000 of 10000 + 2000 → 5000 principal + 1000 bonus.
    expect(await wallet(clientId)).toMatchObject({ principal: 5_000, bonus: 1_000 });
    const refund = await owner.post(`/api/v1/sales/${sale.id}/refunds`, { reason: 'unhappy' }, idem());
    expect(refund.statusCode, refund.body).toBeLessThan(300);
    expect(await wallet(clientId)).toMatchObject({ principal: 10_000, bonus: 2_000 });
    expect((await reconcile(t.db.db)).ok).toBe(true);
  });

  it('says 422 insufficient_balance with the available amount, and writes nothing', async () => {
    const clientId = await aClient(owner, storeId);
    const sale = await ticket(clientId, [serviceLine()]);
    const res = await complete(sale, [{ kind: 'stored_value', amount: sale.total }]);
    const body = expectProblem(res, 422, 'insufficient_balance');
    expect(body).toMatchObject({ available: 0, requested: sale.total });
    expect((await owner.get(`/api/v1/sales/${sale.id}`)).json().status).toBe('open');
  });

  it('refunds a top-up: only unspent principal comes back and its bonus is forfeited', async () => {
    const clientId = await aClient(owner, storeId);
    const topUp = await ticket(clientId, [{ kind: 'stored_value_topup', amount: 10_000 }]);
    await complete(topUp, [{ kind: 'card', amount: 10_000 }]);
    const spendSale = await ticket(clientId, [serviceLine()]);
    await complete(spendSale, [
      { kind: 'stored_value', amount: 3_000 },
      { kind: 'card', amount: spendSale.total - 3_000 },
    ]);
    // 3000 proportional of 10000/2000 → 2500 principal, 500 bonus; 7500 principal left.
    expect(await wallet(clientId)).toMatchObject({ principal: 7_500, bonus: 1_500 });
    // Checkout caps the refund at the top-up's refundLimit: the 7500 principal left unspent.
    const tooMuch = await owner.post(`/api/v1/sales/${topUp.id}/refunds`, { reason: 'changed mind', amount: 9_000 }, idem());
    expect(tooMuch.statusCode).toBe(422);
    expect(await wallet(clientId)).toMatchObject({ principal: 7_500, bonus: 1_500 });
    const ok = await owner.post(`/api/v1/sales/${topUp.id}/refunds`, { reason: 'changed mind' }, idem());
    expect(ok.statusCode, ok.body).toBeLessThan(300);
    expect(JSON.stringify(ok.json())).toMatch(/"refundedTotal":7500/);
    const w = await wallet(clientId);
    expect(w.principal).toBe(0);
    // 75% of the top-up refunded → 75% of its 2000 bonus (1500) forfeited: nothing left.
    expect(w.bonus).toBe(0);
    expect((await reconcile(t.db.db)).ok).toBe(true);
  });

  it('sells a gift card (activated only on completion) and redeems it in part as a tender', async () => {
    const code = (await owner.get('/api/v1/gift-cards/new-code')).json().code as string;
    const sale = await ticket(null, [{ kind: 'gift_card', code, amount: 5_000 }]);
    expectProblem(await owner.post('/api/v1/gift-cards/lookup', { code }), 404, 'gift_card_not_found');
    const done = await complete(sale, [{ kind: 'cash', amount: 5_000 }]);
    if (done.statusCode !== 200) {
      // Cash needs an open shift: pay by card instead.
      expect((await complete(sale, [{ kind: 'card', amount: 5_000 }])).statusCode).toBe(200);
    }
    const card = (await owner.post('/api/v1/gift-cards/lookup', { code })).json();
    expect(card).toMatchObject({ status: 'active', balance: 5_000, last4: code.slice(-4) });
    const spend = await ticket(null, [serviceLine()]);
    const paid = await complete(spend, [
      { kind: 'gift_card', amount: 3_000, code },
      { kind: 'card', amount: spend.total - 3_000 },
    ]);
    expect(paid.statusCode, paid.body).toBe(200);
    expect(JSON.stringify(paid.json())).not.toContain(code);
    expect((await owner.post('/api/v1/gift-cards/lookup', { code })).json().balance).toBe(2_000);
    const pub = await t.app.inject({ method: 'GET', url: `/api/v1/public/gift-cards/${code}/balance` });
    expect(pub.json()).toMatchObject({ balance: 2_000, status: 'active' });
  });

  it('earns points at completion and reverses them on refund', async () => {
    await setLedgerSettings(owner, { points: { enabled: true } });
    const clientId = await aClient(owner, storeId);
    const sale = await ticket(clientId, [serviceLine()]);
    expect((await complete(sale, [{ kind: 'card', amount: sale.total }])).statusCode).toBe(200);
    const points = (await owner.get(`/api/v1/clients/${clientId}/points`)).json();
    expect(points.balance).toBe(80);
    await owner.post(`/api/v1/sales/${sale.id}/refunds`, { reason: 'redo' }, idem());
    expect((await owner.get(`/api/v1/clients/${clientId}/points`)).json().balance).toBe(0);
  });

  it('claims a coupon use at completion and never beyond its limit', async () => {
    const coupon = (
      await owner.post('/api/v1/coupons', { code: 'WELCOME10', name: 'Welcome', kind: 'amount', value: 1_000, totalLimit: 1 })
    ).json();
    const discount = { type: 'amount', amount: 1_000, reason: 'coupon', source: { type: 'coupon', ref: 'WELCOME10' } };
    const first = await ticket(null, [serviceLine()], discount);
    const second = await ticket(null, [serviceLine()], discount);
    expect((await complete(first, [{ kind: 'card', amount: first.total }])).statusCode).toBe(200);
    expectProblem(await complete(second, [{ kind: 'card', amount: second.total }]), 422, 'coupon_exhausted');
    expect((await owner.get(`/api/v1/coupons/${coupon.id}`)).json()).toMatchObject({ used: 1, usesLeft: 0 });
  });
  it('20 parallel checkouts paying with stored value worth exactly 10 of them: exactly 10 complete, the wallet ends at 0', async () => {
    const clientId = await aClient(owner, storeId);
    const top = await ticket(clientId, [{ kind: 'stored_value_topup', amount: 10_000 }]);
    await complete(top, [{ kind: 'card', amount: 10_000 }]); // $100 + $20 bonus
    const sales = await Promise.all(Array.from({ length: 20 }, () => ticket(clientId, [serviceLine()])));
    const price = sales[0]!.total; // 8000; pay 1200 of each with stored value
    const results = await Promise.all(
      sales.map((sale) =>
        complete(sale, [
          { kind: 'stored_value', amount: 1_200 },
          { kind: 'card', amount: price - 1_200 },
        ]),
      ),
    );
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(10);
    for (const r of results.filter((x) => x.statusCode !== 200)) expectProblem(r, 422, 'insufficient_balance');
    expect(await wallet(clientId)).toMatchObject({ principal: 0, bonus: 0 });
    expect((await reconcile(t.db.db)).ok).toBe(true);
  });

  it('a retried completion with the same Idempotency-Key charges the wallet once', async () => {
    const clientId = await aClient(owner, storeId);
    await complete(await ticket(clientId, [{ kind: 'stored_value_topup', amount: 10_000 }]), [{ kind: 'card', amount: 10_000 }]);
    const sale = await ticket(clientId, [serviceLine()]);
    const headers = idem();
    const [a, b] = await Promise.all([
      complete(sale, [{ kind: 'stored_value', amount: sale.total }], headers),
      complete(sale, [{ kind: 'stored_value', amount: sale.total }], headers),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect((await wallet(clientId)).total).toBe(12_000 - sale.total);
  });

  it('voiding a sale paid with stored value and a gift card puts both back exactly', async () => {
    const clientId = await aClient(owner, storeId);
    await complete(await ticket(clientId, [{ kind: 'stored_value_topup', amount: 10_000 }]), [{ kind: 'card', amount: 10_000 }]);
    const code = (await owner.get('/api/v1/gift-cards/new-code')).json().code as string;
    await complete(await ticket(null, [{ kind: 'gift_card', code, amount: 2_000 }]), [{ kind: 'card', amount: 2_000 }]);
    const sale = await ticket(clientId, [serviceLine()]);
    expect(
      (
        await complete(sale, [
          { kind: 'stored_value', amount: 6_000 },
          { kind: 'gift_card', code, amount: 2_000 },
        ])
      ).statusCode,
    ).toBe(200);
    expect(await wallet(clientId)).toMatchObject({ principal: 5_000, bonus: 1_000 });
    const voided = await owner.post(`/api/v1/sales/${sale.id}/void`, { reason: 'rang up the wrong client' }, idem());
    expect(voided.statusCode, voided.body).toBeLessThan(300);
    expect(await wallet(clientId)).toMatchObject({ principal: 10_000, bonus: 2_000 });
    expect((await owner.post('/api/v1/gift-cards/lookup', { code })).json().balance).toBe(2_000);
  });

  it('a gift card spent at two terminals at once: one sale completes, the other is refused', async () => {
    const code = (await owner.get('/api/v1/gift-cards/new-code')).json().code as string;
    await complete(await ticket(null, [{ kind: 'gift_card', code, amount: 8_000 }]), [{ kind: 'card', amount: 8_000 }]);
    const [s1, s2] = await Promise.all([ticket(null, [serviceLine()]), ticket(null, [serviceLine()])]);
    const [r1, r2] = await Promise.all([
      complete(s1, [{ kind: 'gift_card', code, amount: 8_000 }]),
      complete(s2, [{ kind: 'gift_card', code, amount: 8_000 }]),
    ]);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([200, 422]);
    expect((await owner.post('/api/v1/gift-cards/lookup', { code })).json().balance).toBe(0);
  });

  it('refunding a gift card sale takes back only what is unspent and voids an emptied card', async () => {
    const code = (await owner.get('/api/v1/gift-cards/new-code')).json().code as string;
    const sold = await ticket(null, [{ kind: 'gift_card', code, amount: 5_000 }]);
    await complete(sold, [{ kind: 'card', amount: 5_000 }]);
    const spend = await ticket(null, [serviceLine()]);
    await complete(spend, [
      { kind: 'gift_card', code, amount: 1_000 },
      { kind: 'card', amount: spend.total - 1_000 },
    ]);
    expectProblem(await owner.post(`/api/v1/sales/${sold.id}/refunds`, { reason: 'x', amount: 4_001 }, idem()), 422, 'refund_exceeds_paid');
    expect((await owner.post(`/api/v1/sales/${sold.id}/refunds`, { reason: 'returned' }, idem())).statusCode).toBeLessThan(300);
    const card = (await owner.post('/api/v1/gift-cards/lookup', { code })).json();
    expect(card).toMatchObject({ balance: 0, status: 'void' });
    expectProblem(
      await complete(await ticket(null, [serviceLine()]), [
        { kind: 'gift_card', code, amount: 100 },
        { kind: 'card', amount: 7_900 },
      ]),
      422,
      'gift_card_inactive',
    );
  });
});
