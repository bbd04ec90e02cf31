// Coupons beside other discounts (stacking rules), coupons on one line, and category coupons that spread
// over their own lines only — with the use claimed at completion and given back exactly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcile } from '../src/server/modules/ledgers/index.js';
import { createTestApp, expectProblem, type Session, setUpBusiness, type TestApp } from './support/app.js';
import { aClient, aService, till } from './support/ledger-fixtures.js';

describe('coupon stacking and line coupons', () => {
  let t: TestApp;
  let owner: Session;
  let storeId: string;
  let staffId: string;
  let massage: string;
  let gel: string;
  let nails: string;
  let pos: ReturnType<typeof till>;
  beforeAll(async () => {
    t = await createTestApp();
    let me: { staff: { id: string } };
    ({ owner, storeId, me } = await setUpBusiness(t));
    staffId = me.staff.id;
    nails = (await owner.post('/api/v1/service-categories', { name: 'Nails' })).json().id;
    massage = await aService(owner, 8_000);
    gel = await aService(owner, 3_000, { categoryId: nails });
    pos = till(owner, storeId);
  });
  afterAll(() => t.close());

  const line = (serviceId: string, discount?: Record<string, unknown>) => ({
    kind: 'service',
    serviceId,
    technicians: [{ staffId }],
    ...(discount ? { discount } : {}),
  });
  const coupon = async (body: Record<string, unknown>) => {
    const res = await owner.post('/api/v1/coupons', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number };
  };
  const amountOff = (ref: string, amount: number) => ({ type: 'amount', amount, reason: 'coupon', source: { type: 'coupon', ref } });
  const percentOff = (ref: string, percent: number) => ({ type: 'percent', percent, reason: 'coupon', source: { type: 'coupon', ref } });
  const manual = (amount: number) => ({ type: 'amount', amount, reason: 'regular client' });
  const open = (body: Record<string, unknown>) => owner.post('/api/v1/sales', { storeId, ...body });
  const usage = async (id: string) => (await owner.get(`/api/v1/coupons/${id}`)).json();

  it('a category coupon on the ticket spreads over its lines only, shown per line; refunding another line keeps the use', async () => {
    const c = await coupon({ code: 'NAILS20', name: 'Nails 20%', kind: 'percent', value: 2_000, categoryIds: [nails], totalLimit: 5 });
    const sale = await pos.ticket(null, [line(gel), line(massage)], percentOff('NAILS20', 20));
    const [gelLine, massageLine] = sale.lines as unknown as [
      { id: string; ticketDiscount: number },
      { id: string; ticketDiscount: number },
    ];
    // 20 % of the nails line only ($30 → $6), nothing off the massage.
    expect(gelLine).toMatchObject({ ticketDiscount: 600, total: 2_400 });
    expect(massageLine).toMatchObject({ ticketDiscount: 0, total: 8_000 });
    expect(sale).toMatchObject({ total: 10_400, discount: { lineIds: [gelLine.id] } });
    expect((await pos.complete(sale, [{ kind: 'card', amount: sale.total }])).statusCode).toBe(200);
    expect(await usage(c.id)).toMatchObject({ used: 1, usesLeft: 4, discountGiven: 600 });
    const refund = await pos.refund(sale.id, { lines: [{ lineId: massageLine.id, quantity: 1 }] });
    expect(refund.statusCode, refund.body).toBe(201);
    expect(await usage(c.id)).toMatchObject({ used: 1, usesLeft: 4 });
    await pos.refund(sale.id);
    expect(await usage(c.id)).toMatchObject({ used: 0, usesLeft: 5, discountGiven: 0 });
    expect((await reconcile(t.db.db)).ok).toBe(true);
  });

  it('a line coupon goes on a line it is for, counts its own discount, and comes back when that line is refunded', async () => {
    const c = await coupon({ code: 'GEL5', name: 'Gel $5', kind: 'amount', value: 500, categoryIds: [nails], totalLimit: 3 });
    const wrongLine = await open({ lines: [line(massage, amountOff('GEL5', 500))] });
    expect(expectProblem(wrongLine, 422, 'coupon_not_applicable')).toMatchObject({ reason: 'category' });
    const tooMuch = await open({ lines: [line(gel, amountOff('GEL5', 600))] });
    expect(expectProblem(tooMuch, 422, 'coupon_not_applicable')).toMatchObject({ reason: 'discount_too_large' });
    const sale = await pos.ticket(null, [line(massage), line(gel, amountOff('GEL5', 500))]);
    const gelLine = sale.lines[1] as unknown as { id: string; lineDiscount: number };
    expect(gelLine).toMatchObject({ lineDiscount: 500, total: 2_500 });
    expect((await pos.complete(sale, [{ kind: 'card', amount: sale.total }])).statusCode).toBe(200);
    expect(await usage(c.id)).toMatchObject({ used: 1, usesLeft: 2, discountGiven: 500 });
    // The massage refunded: the coupon stays used. The gel line refunded: its coupon comes back, exactly once.
    await pos.refund(sale.id, { lines: [{ lineId: sale.lines[0]!.id, quantity: 1 }] });
    expect(await usage(c.id)).toMatchObject({ used: 1, usesLeft: 2 });
    await pos.refund(sale.id, { lines: [{ lineId: gelLine.id, quantity: 1 }] });
    expect(await usage(c.id)).toMatchObject({ used: 0, usesLeft: 3 });
    const entries = await t.db.db
      .selectFrom('ledger_entries')
      .select(['kind', 'amount'])
      .where('ref_type', '=', 'coupon_sale')
      .where('ref_id', '=', sale.id)
      .execute();
    expect(entries.filter((e) => e.kind === 'use').map((e) => e.amount)).toEqual([-1]);
    expect(entries.filter((e) => e.kind === 'use_reversal').map((e) => e.amount)).toEqual([1]);
    expect((await reconcile(t.db.db)).ok).toBe(true);
  });

  it('coupons that stack combine on one ticket (each claimed with its own discount); a non-stackable one stays alone', async () => {
    const a = await coupon({ code: 'STACK-A', name: 'A', kind: 'amount', value: 1_000, stackable: true });
    const b = await coupon({ code: 'STACK-B', name: 'B', kind: 'amount', value: 300, stackable: true, categoryIds: [nails] });
    const solo = await coupon({ code: 'SOLO', name: 'Alone', kind: 'amount', value: 1_000 });
    const both = await pos.ticket(null, [line(massage), line(gel, amountOff('STACK-B', 300))], amountOff('STACK-A', 1_000));
    expect(both).toMatchObject({ discountTotal: 1_300 });
    expect((await pos.complete(both, [{ kind: 'card', amount: both.total }])).statusCode).toBe(200);
    expect(await usage(a.id)).toMatchObject({ used: 1, discountGiven: 1_000 });
    expect(await usage(b.id)).toMatchObject({ used: 1, discountGiven: 300 });

    const withSolo = await open({ lines: [line(massage), line(gel, amountOff('STACK-B', 300))], discount: amountOff('SOLO', 1_000) });
    expect(expectProblem(withSolo, 422, 'coupon_not_applicable')).toMatchObject({ reason: 'not_stackable' });
    // Two coupons that do not stack: still refused, whichever is checked first.
    await coupon({ code: 'SOLO-2', name: 'Alone too', kind: 'amount', value: 300, categoryIds: [nails] });
    const twoSolos = await open({ lines: [line(massage), line(gel, amountOff('SOLO-2', 300))], discount: amountOff('SOLO', 1_000) });
    expect(expectProblem(twoSolos, 422, 'coupon_not_applicable')).toMatchObject({ reason: 'not_stackable' });
    // The same coupon twice on a ticket (its code and its id): once only.
    const twice = await open({ lines: [line(gel, amountOff(b.id, 300)), line(gel, amountOff('stack-b', 300))] });
    expect(expectProblem(twice, 422, 'coupon_not_applicable')).toMatchObject({ reason: 'duplicate' });
    expect(await usage(solo.id)).toMatchObject({ used: 0 });
  });

  it('beside a discount typed at the desk only when the campaign allows it', async () => {
    await coupon({ code: 'NOMANUAL', name: 'No manual', kind: 'amount', value: 500, stackable: true });
    await coupon({ code: 'WITHMANUAL', name: 'With manual', kind: 'amount', value: 500, stacksWithManual: true });
    const refused = await open({ lines: [line(massage, manual(500)), line(gel)], discount: amountOff('NOMANUAL', 500) });
    expect(expectProblem(refused, 422, 'coupon_not_applicable')).toMatchObject({ reason: 'not_with_manual' });
    owner.language = 'zh-CN';
    const zh = expectProblem(
      await open({ lines: [line(massage, manual(500)), line(gel)], discount: amountOff('NOMANUAL', 500) }),
      422,
      'coupon_not_applicable',
    );
    owner.language = 'en';
    expect(zh.detail).toContain('不可与前台手动折扣同时使用');
    const ok = await pos.ticket(null, [line(massage, manual(500)), line(gel)], amountOff('WITHMANUAL', 500));
    expect(ok).toMatchObject({ discountTotal: 1_000 });
  });

  it('the member discount steps aside for a coupon that does not combine with it, and stays beside one that does', async () => {
    const tier = await owner.post('/api/v1/tiers', {
      name: 'Gold',
      rank: 1,
      threshold: 100_000,
      discounts: [{ categoryId: null, percentBp: 1_000 }],
    });
    expect(tier.statusCode, tier.body).toBe(201);
    const member = await aClient(owner, storeId);
    expect((await owner.put(`/api/v1/clients/${member}/tier`, { tierId: tier.json().id, reason: 'VIP' })).statusCode).toBe(200);
    const plain = await pos.ticket(member, [line(massage), line(gel)]);
    expect(plain).toMatchObject({ discountTotal: 1_100 }); // 10 % of $110
    await coupon({ code: 'NOTIER', name: 'Not with tier', kind: 'amount', value: 2_000 });
    await coupon({ code: 'WITHTIER', name: 'With tier', kind: 'amount', value: 2_000, stacksWithTier: true });
    const alone = await pos.ticket(member, [line(massage), line(gel)], amountOff('NOTIER', 2_000));
    expect(alone.lines.map((l) => (l as unknown as { lineDiscount: number }).lineDiscount)).toEqual([0, 0]);
    expect(alone).toMatchObject({ discountTotal: 2_000, total: 9_000 });
    const beside = await pos.ticket(member, [line(massage), line(gel)], amountOff('WITHTIER', 2_000));
    expect(beside.lines.map((l) => (l as unknown as { lineDiscount: number }).lineDiscount)).toEqual([800, 300]);
    expect(beside).toMatchObject({ discountTotal: 3_100, total: 7_900 });
    // A ticket-level tier discount chosen at the desk is not put aside: the coupon is refused instead.
    const tierTicket = await open({
      clientId: member,
      lines: [line(massage)],
      discount: { type: 'percent', percent: 10, reason: 'Gold', source: { type: 'tier', ref: tier.json().id } },
    });
    expect(tierTicket.statusCode, tierTicket.body).toBe(201);
    const added = await owner.patch(`/api/v1/sales/${tierTicket.json().id}`, {
      version: tierTicket.json().version,
      lines: [{ ...line(massage), id: tierTicket.json().lines[0].id, discount: amountOff('NOTIER', 1_000) }],
    });
    expect(expectProblem(added, 422, 'coupon_not_applicable')).toMatchObject({ reason: 'not_with_tier' });
  });
});
