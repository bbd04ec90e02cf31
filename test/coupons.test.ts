import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../src/server/db/tx.js';
import { claimUse } from '../src/server/modules/coupons/index.js';
import { reconcile } from '../src/server/modules/ledgers/index.js';
import { newId } from '../src/server/platform/ids.js';
import { addStaff, addStore, createTestApp, expectProblem, type Session, setUpBusiness, type TestApp } from './support/app.js';
import { aClient, aService, till } from './support/ledger-fixtures.js';

describe('coupons', () => {
  let t: TestApp;
  let owner: Session;
  let frontDesk: Session;
  let storeId: string;
  let otherStoreId: string;
  let staffId: string;
  let service: string;
  let pos: ReturnType<typeof till>;
  beforeAll(async () => {
    t = await createTestApp();
    let me: { staff: { id: string } };
    ({ owner, storeId, me } = await setUpBusiness(t));
    staffId = me.staff.id;
    otherStoreId = (await addStore(owner, { name: 'Richmond' })).id;
    frontDesk = (await addStaff(t, owner, { role: 'front_desk', storeIds: [storeId], email: 'desk@lotus.test' })).session;
    service = await aService(owner, 8_000);
    pos = till(owner, storeId);
  });
  afterAll(() => t.close());

  const line = () => ({ kind: 'service', serviceId: service, technicians: [{ staffId }] });
  const coupon = async (body: Record<string, unknown>) => {
    const res = await owner.post('/api/v1/coupons', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number };
  };
  const withCoupon = (ref: string, amount: number) => ({ type: 'amount', amount, reason: 'coupon', source: { type: 'coupon', ref } });
  const claim = (couponId: string, clientId: string | null) =>
    withTransaction(t.db.db, ({ tx }) =>
      claimUse(tx, { couponId, clientId, saleId: newId(), storeId, discount: 100, actorId: null, now: t.clock.now() }),
    );

  it('is created by HQ only, with valid fields', async () => {
    expectProblem(await frontDesk.post('/api/v1/coupons', { code: 'X100', name: 'x', kind: 'amount', value: 100 }), 403, 'forbidden');
    expectProblem(
      await owner.post('/api/v1/coupons', { code: 'BAD', name: 'x', kind: 'percent', value: 20_000 }),
      400,
      'validation_failed',
    );
    expectProblem(await owner.post('/api/v1/coupons', { name: 'No code', kind: 'amount', value: 100 }), 400, 'validation_failed');
    await coupon({ code: 'dup-1', name: 'Dup', kind: 'amount', value: 100 });
    expectProblem(
      await owner.post('/api/v1/coupons', { code: 'DUP-1', name: 'Dup again', kind: 'amount', value: 100 }),
      409,
      'coupon_code_taken',
    );
  });

  it('applies within its dates, stores and minimum spend, saying why not otherwise', async () => {
    await coupon({
      code: 'NOV20',
      name: 'November',
      kind: 'percent',
      value: 2_000,
      minSpend: 5_000,
      startsOn: '2026-11-01',
      endsOn: '2026-11-30',
      storeIds: [storeId],
    });
    const check = (body: Record<string, unknown>) =>
      frontDesk.post('/api/v1/coupons/check', { code: 'nov20', storeId, base: 8_000, ...body });
    expect((await check({})).json()).toMatchObject({ applicable: true, discount: 1_600 });
    expect(expectProblem(await check({ base: 4_999 }), 422, 'coupon_not_applicable')).toMatchObject({ reason: 'min_spend' });
    expect(
      expectProblem(
        await owner.post('/api/v1/coupons/check', { code: 'NOV20', storeId: otherStoreId, base: 8_000 }),
        422,
        'coupon_not_applicable',
      ),
    ).toMatchObject({ reason: 'store' });
    frontDesk.language = 'zh-TW';
    const zh = expectProblem(await check({ base: 10 }), 422, 'coupon_not_applicable');
    frontDesk.language = 'en';
    expect(zh.detail).toContain('未達到最低消費');
    await coupon({ code: 'DEC', name: 'December', kind: 'amount', value: 500, startsOn: '2026-12-01' });
    expect(
      expectProblem(await frontDesk.post('/api/v1/coupons/check', { code: 'DEC', storeId, base: 8_000 }), 422, 'coupon_not_applicable'),
    ).toMatchObject({ reason: 'not_started' });
  });

  it('is redeemed at checkout as a discount source and used once per completed sale', async () => {
    const c = await coupon({ code: 'TEN', name: 'Ten off', kind: 'amount', value: 1_000 });
    const tooBig = await owner.post('/api/v1/sales', { storeId, lines: [line()], discount: withCoupon('TEN', 1_500) });
    expect(expectProblem(tooBig, 422, 'coupon_not_applicable')).toMatchObject({ reason: 'discount_too_large' });
    const sale = await pos.ticket(null, [line()], withCoupon('TEN', 1_000));
    expect(sale.total).toBe(7_000);
    expect((await pos.complete(sale, [{ kind: 'card', amount: sale.total }])).statusCode).toBe(200);
    expect((await owner.get(`/api/v1/coupons/${c.id}`)).json()).toMatchObject({ used: 1, discountGiven: 1_000 });
    const usage = (await owner.get('/api/v1/reports/coupon-usage')).json().data;
    expect(usage).toContainEqual(expect.objectContaining({ couponId: c.id, uses: 1, discount: 1_000, storeId }));
  });

  it('total limit: 20 concurrent redemptions of a 10-use coupon → exactly 10', async () => {
    const c = await coupon({ code: 'FIRST10', name: 'First ten', kind: 'amount', value: 500, totalLimit: 10 });
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => claim(c.id, null)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
    for (const r of results)
      if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'coupon_exhausted', extra: { limit: 'total' } });
    expect((await owner.get(`/api/v1/coupons/${c.id}`)).json()).toMatchObject({ used: 10, usesLeft: 0 });
    expectProblem(await owner.post('/api/v1/coupons/check', { code: 'FIRST10', storeId, base: 8_000 }), 422, 'coupon_exhausted');
  });

  it('per-client limit: 5 concurrent first uses by one client → exactly 1; another client still can', async () => {
    const c = await coupon({ code: 'ONCE', name: 'Once each', kind: 'amount', value: 500, perClientLimit: 1 });
    const a = await aClient(owner, storeId);
    const b = await aClient(owner, storeId);
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => claim(c.id, a)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results)
      if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'coupon_exhausted', extra: { limit: 'client' } });
    await claim(c.id, b);
    await expect(claim(c.id, null)).rejects.toMatchObject({ code: 'coupon_not_applicable', extra: { reason: 'client_required' } });
    expectProblem(await owner.post('/api/v1/coupons/check', { code: 'ONCE', storeId, base: 100 }), 422, 'coupon_not_applicable');
    expect((await reconcile(t.db.db)).ok).toBe(true);
  });

  it('issued to clients: only they can use it, as many times as issued; shown in their balances', async () => {
    const c = await coupon({ name: 'Birthday gift', kind: 'free_service', value: 0, serviceId: service, issuedOnly: true });
    const vip = await aClient(owner, storeId);
    const other = await aClient(owner, storeId);
    expectProblem(await frontDesk.post(`/api/v1/coupons/${c.id}/issue`, { clientIds: [vip] }), 403, 'forbidden');
    expect((await owner.post(`/api/v1/coupons/${c.id}/issue`, { clientIds: [vip], uses: 1 })).statusCode).toBe(201);
    expect((await owner.get(`/api/v1/clients/${vip}/balances`)).json().coupons).toMatchObject([{ couponId: c.id, usesLeft: 1 }]);
    const notIssued = await owner.post('/api/v1/sales', { storeId, clientId: other, lines: [line()], discount: withCoupon(c.id, 8_000) });
    expect(expectProblem(notIssued, 422, 'coupon_not_applicable')).toMatchObject({ reason: 'not_issued' });
    const sale = await pos.ticket(vip, [line()], withCoupon(c.id, 8_000));
    expect(sale.total).toBe(0);
  });

  it('a category coupon needs a line of its categories, and takes off no more than those lines', async () => {
    const nails = (await owner.post('/api/v1/service-categories', { name: 'Nails' })).json().id as string;
    const gel = await aService(owner, 3_000, { categoryId: nails });
    await coupon({ code: 'NAILS5', name: 'Nails $5', kind: 'amount', value: 500, categoryIds: [nails] });
    await coupon({ code: 'NAILS50', name: 'Nails $50', kind: 'amount', value: 5_000, categoryIds: [nails] });
    // Refused when it is put on the ticket: no line of its categories; more than those lines are worth.
    const wrong = await owner.post('/api/v1/sales', { storeId, lines: [line()], discount: withCoupon('NAILS5', 500) });
    expect(expectProblem(wrong, 422, 'coupon_not_applicable')).toMatchObject({ reason: 'category' });
    const gelLine = { kind: 'service', serviceId: gel, technicians: [{ staffId }] };
    const tooMuch = await owner.post('/api/v1/sales', { storeId, lines: [gelLine, line()], discount: withCoupon('NAILS50', 5_000) });
    expectProblem(tooMuch, 422, 'discount_too_large');
    const ok = await pos.ticket(null, [gelLine, line()], withCoupon('NAILS5', 500));
    expect((await pos.complete(ok, [{ kind: 'card', amount: ok.total }])).statusCode).toBe(200);
  });

  it('gives the use back when the sale is voided or fully refunded, not on a partial refund', async () => {
    const c = await coupon({ code: 'BACK', name: 'Comes back', kind: 'amount', value: 1_000, totalLimit: 1 });
    const sale = await pos.ticket(null, [line()], withCoupon('BACK', 1_000));
    await pos.complete(sale, [{ kind: 'card', amount: sale.total }]);
    expect((await owner.get(`/api/v1/coupons/${c.id}`)).json().usesLeft).toBe(0);
    await pos.refund(sale.id, { amount: 1_000 });
    expect((await owner.get(`/api/v1/coupons/${c.id}`)).json().usesLeft).toBe(0);
    await pos.refund(sale.id);
    expect((await owner.get(`/api/v1/coupons/${c.id}`)).json()).toMatchObject({ usesLeft: 1, used: 0 });
    expect((await reconcile(t.db.db)).ok).toBe(true);
  });

  it('raises or lowers a total limit, never below the uses already made', async () => {
    const c = await coupon({ code: 'GROW', name: 'Grows', kind: 'amount', value: 100, totalLimit: 2 });
    await claim(c.id, null);
    expectProblem(await owner.patch(`/api/v1/coupons/${c.id}`, { version: 1, totalLimit: 0 }), 400, 'validation_failed');
    expect((await owner.patch(`/api/v1/coupons/${c.id}`, { version: 1, totalLimit: 5 })).json()).toMatchObject({
      totalLimit: 5,
      usesLeft: 4,
    });
    await claim(c.id, null);
    expectProblem(await owner.patch(`/api/v1/coupons/${c.id}`, { version: 2, totalLimit: 1 }), 422, 'coupon_limit_below_used');
    expect((await owner.patch(`/api/v1/coupons/${c.id}`, { version: 2, totalLimit: 2 })).json()).toMatchObject({
      totalLimit: 2,
      usesLeft: 0,
    });
  });
});
