import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateTiers, giveBirthdayGifts, tierBenefitsFor } from '../src/server/modules/tiers/index.js';
import { addStaff, createTestApp, expectProblem, type Session, setUpBusiness, type TestApp } from './support/app.js';
import { aClient, aService, setLedgerSettings, till } from './support/ledger-fixtures.js';

const DAY = 86_400_000;

describe('tiers', () => {
  let t: TestApp;
  let owner: Session;
  let frontDesk: Session;
  let storeId: string;
  let staffId: string;
  let big: string;
  let facialCat: string;
  let pos: ReturnType<typeof till>;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestApp();
    let me: { staff: { id: string } };
    ({ owner, storeId, me } = await setUpBusiness(t));
    staffId = me.staff.id;
    frontDesk = (await addStaff(t, owner, { role: 'front_desk', storeIds: [storeId], email: 'desk@lotus.test' })).session;
    facialCat = (await owner.post('/api/v1/service-categories', { name: 'Facials' })).json().id;
    big = await aService(owner, 60_000, { categoryId: facialCat });
    pos = till(owner, storeId);
  });
  afterAll(() => t.close());

  const line = () => ({ kind: 'service', serviceId: big, technicians: [{ staffId }] });
  const tierOf = async (clientId: string) => (await owner.get(`/api/v1/clients/${clientId}/tier`)).json();

  it('is defined by HQ (Silver, Gold, Diamond) with benefits; others may only read', async () => {
    for (const [name, rank, threshold, bp] of [
      ['Silver', 1, 50_000, 500],
      ['Gold', 2, 200_000, 1_000],
      ['Diamond', 3, 500_000, 1_500],
    ] as const) {
      const res = await owner.post('/api/v1/tiers', {
        name,
        nameTranslations: { 'zh-CN': name === 'Silver' ? '银卡' : name === 'Gold' ? '金卡' : '钻石卡' },
        rank,
        threshold,
        discounts: [
          { categoryId: null, percentBp: bp },
          { categoryId: facialCat, percentBp: bp * 2 },
        ],
        pointsMultiplierBp: 10_000 + rank * 2_500,
        birthdayGift: { note: 'Free mini facial' },
      });
      expect(res.statusCode, res.body).toBe(201);
      ids[name] = res.json().id;
    }
    expectProblem(await frontDesk.post('/api/v1/tiers', { name: 'Bronze', rank: 0, threshold: 0 }), 403, 'forbidden');
    expectProblem(await owner.patch(`/api/v1/tiers/${ids.Silver}`, { version: 5, name: 'x' }), 409, 'stale_version');
    expect((await frontDesk.get('/api/v1/tiers')).json().data.map((x: { name: string }) => x.name)).toEqual(['Silver', 'Gold', 'Diamond']);
  });

  it('upgrades the moment a sale reaches a threshold, with history; top-ups do not count', async () => {
    const clientId = await aClient(owner, storeId);
    const topUp = await pos.ticket(clientId, [{ kind: 'stored_value_topup', amount: 100_000 }]);
    await pos.complete(topUp, [{ kind: 'card', amount: 100_000 }]);
    expect((await tierOf(clientId)).tier).toBeNull();
    const sale = await pos.ticket(clientId, [line()]);
    expect((await pos.complete(sale, [{ kind: 'card', amount: sale.total }])).statusCode).toBe(200);
    const now = await tierOf(clientId);
    expect(now).toMatchObject({ tier: { name: 'Silver' }, qualifying: 60_000, next: { tierId: ids.Gold, needed: 140_000 } });
    expect(now.history).toMatchObject([{ from: null, to: ids.Silver, reason: 'upgrade', qualifying: 60_000 }]);
    const three = await pos.ticket(clientId, [line(), line(), line()]);
    await pos.complete(three, [{ kind: 'card', amount: three.total }]);
    expect((await tierOf(clientId)).tier.name).toBe('Gold');
  });

  it('exposes the tier benefits for checkout, and accepts the tier discount as a source', async () => {
    const clientId = await aClient(owner, storeId);
    const sale = await pos.ticket(clientId, [line()]);
    await pos.complete(sale, [{ kind: 'card', amount: sale.total }]);
    const benefits = await tierBenefitsFor(t.db.db, clientId);
    expect(benefits).toMatchObject({ tierId: ids.Silver, pointsMultiplierBp: 12_500 });
    expect(benefits!.discounts).toContainEqual({ categoryId: facialCat, percentBp: 1_000 });
    const discounted = await owner.post('/api/v1/sales', {
      storeId,
      clientId,
      lines: [line()],
      discount: { type: 'percent', percent: 10, reason: 'Silver', source: { type: 'tier', ref: ids.Silver } },
    });
    expect(discounted.statusCode, discounted.body).toBe(201);
    expect(discounted.json().total).toBe(54_000);
    const tooMuch = await owner.post('/api/v1/sales', {
      storeId,
      clientId,
      lines: [line()],
      discount: { type: 'percent', percent: 20, reason: 'Silver', source: { type: 'tier', ref: ids.Silver } },
    });
    expectProblem(tooMuch, 422, 'tier_discount_not_applicable');
    const notHers = await owner.post('/api/v1/sales', {
      storeId,
      clientId,
      lines: [line()],
      discount: { type: 'percent', percent: 5, reason: 'Gold', source: { type: 'tier', ref: ids.Gold } },
    });
    expectProblem(notHers, 422, 'tier_discount_not_applicable');
  });

  it('counts refunds out of the rolling spend', async () => {
    const clientId = await aClient(owner, storeId);
    const sale = await pos.ticket(clientId, [line()]);
    await pos.complete(sale, [{ kind: 'card', amount: sale.total }]);
    await pos.refund(sale.id, { amount: 20_000 });
    expect((await tierOf(clientId)).qualifying).toBe(40_000);
    // No downgrade at the refund itself: only the monthly evaluation moves a client down.
    expect((await tierOf(clientId)).tier.name).toBe('Silver');
  });

  it('downgrades in the monthly evaluation once the rolling 12 months no longer hold the tier', async () => {
    const clientId = await aClient(owner, storeId);
    const sale = await pos.ticket(clientId, [line(), line(), line(), line()]);
    await pos.complete(sale, [{ kind: 'card', amount: sale.total }]);
    expect((await tierOf(clientId)).tier.name).toBe('Gold');
    const monthly = await evaluateTiers(t.db.db, t.clock.now() + 30 * DAY);
    expect(monthly.downgraded).toBeGreaterThanOrEqual(1); // the client refunded down to $400 above
    expect((await tierOf(clientId)).tier.name).toBe('Gold');
    await evaluateTiers(t.db.db, t.clock.now() + 370 * DAY);
    const after = await tierOf(clientId);
    expect(after.tier).toBeNull();
    expect(after.history[0]).toMatchObject({ from: ids.Gold, to: null, reason: 'downgrade', qualifying: 0 });
  });

  it('can be set by hand by a manager (audited)', async () => {
    const clientId = await aClient(owner, storeId);
    expectProblem(await frontDesk.put(`/api/v1/clients/${clientId}/tier`, { tierId: ids.Diamond, reason: 'VIP' }), 403, 'forbidden');
    expect((await owner.put(`/api/v1/clients/${clientId}/tier`, { tierId: ids.Diamond, reason: 'Moved from old system' })).statusCode).toBe(
      200,
    );
    expect((await tierOf(clientId)).history[0]).toMatchObject({ to: ids.Diamond, reason: 'manual' });
    expect(
      await t.db.db.selectFrom('audit_log').select('id').where('action', '=', 'tier.set').where('entity_id', '=', clientId).execute(),
    ).toHaveLength(1);
    expect((await owner.get(`/api/v1/clients/${clientId}/balances`)).json().tier.tier.name).toBe('Diamond');
  });

  it('can be based on points earned instead of spend', async () => {
    await setLedgerSettings(owner, { tiers: { basis: 'points' } });
    try {
      const clientId = await aClient(owner, storeId);
      const sale = await pos.ticket(clientId, [line()]);
      await pos.complete(sale, [{ kind: 'card', amount: sale.total }]);
      // 600 points earned: far below the 50,000 threshold read as points.
      const now = await tierOf(clientId);
      expect(now).toMatchObject({ basis: 'points', qualifying: 600, tier: null });
    } finally {
      await setLedgerSettings(owner, { tiers: { basis: 'spend' } });
    }
  });
  it('gives the tier’s birthday coupon on the client’s birthday, once a year', async () => {
    const gift = (
      await owner.post('/api/v1/coupons', { name: 'Birthday facial', kind: 'free_service', value: 0, serviceId: big, issuedOnly: true })
    ).json();
    await owner.patch(`/api/v1/tiers/${ids.Diamond}`, { version: 1, birthdayGift: { couponId: gift.id } });
    const birthdayGirl = await aClient(owner, storeId, { birthday: { month: 11, day: 27 } });
    const notToday = await aClient(owner, storeId, { birthday: { month: 11, day: 28 } });
    for (const c of [birthdayGirl, notToday]) await owner.put(`/api/v1/clients/${c}/tier`, { tierId: ids.Diamond, reason: 'VIP' });
    expect(await giveBirthdayGifts(t.db.db, t.clock.now())).toEqual({ given: 1 });
    expect(await giveBirthdayGifts(t.db.db, t.clock.now())).toEqual({ given: 0 });
    expect((await owner.get(`/api/v1/clients/${birthdayGirl}/balances`)).json().coupons).toMatchObject([
      { couponId: gift.id, usesLeft: 1 },
    ]);
    expect((await owner.get(`/api/v1/clients/${notToday}/balances`)).json().coupons).toEqual([]);
  });

  it('puts a member’s tier discount on the ticket by itself (category rate, else the default), without a manager', async () => {
    const product = await owner.post('/api/v1/products', { sku: 'TIER-SERUM', name: 'Serum', price: 2_000 });
    expect(product.statusCode, product.body).toBe(201);
    const member = await aClient(owner, storeId);
    await owner.put(`/api/v1/clients/${member}/tier`, { tierId: ids.Diamond, reason: 'VIP' });
    const stranger = await aClient(owner, storeId);
    // Diamond: 30 % on facials (above the 20 % a front desk may give alone), 15 % on everything else.
    const open = await frontDesk.post('/api/v1/sales', {
      storeId,
      clientId: member,
      lines: [line(), { kind: 'product', productId: product.json().id }],
    });
    expect(open.statusCode, open.body).toBe(201);
    const sale = open.json();
    const source = { type: 'tier', ref: ids.Diamond };
    expect(sale.lines[0]).toMatchObject({ discount: { type: 'percent', percent: 30, source }, lineDiscount: 18_000, total: 42_000 });
    expect(sale.lines[1]).toMatchObject({ discount: { type: 'percent', percent: 15, source }, lineDiscount: 300, total: 1_700 });
    expect(sale).toMatchObject({ discountTotal: 18_300, total: 43_700 });
    // Someone else on the ticket: the discount goes; the member back: it returns. A discount typed at the desk wins.
    const other = await frontDesk.patch(`/api/v1/sales/${sale.id}`, { version: sale.version, clientId: stranger });
    expect(other.statusCode, other.body).toBe(200);
    expect(other.json()).toMatchObject({ discountTotal: 0, total: 62_000 });
    const back = await owner.patch(`/api/v1/sales/${sale.id}`, {
      version: other.json().version,
      clientId: member,
      lines: [
        { ...line(), id: sale.lines[0].id },
        {
          kind: 'product',
          productId: product.json().id,
          id: sale.lines[1].id,
          discount: { type: 'amount', amount: 100, reason: 'Scuffed box' },
        },
      ],
    });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().lines.map((l: { lineDiscount: number }) => l.lineDiscount)).toEqual([18_000, 100]);
    expect(back.json().lines[1].discount.source).toBeUndefined();
    const done = await pos.complete(back.json(), [{ kind: 'card', amount: back.json().total }]);
    expect(done.statusCode, done.body).toBe(200);
    const receipt = await frontDesk.get(`/api/v1/sales/${sale.id}/receipt?format=text&lang=en`);
    expect(receipt.body).toContain('Discount');
    expect(receipt.body).toContain('180.00');
  });
});
