// HQ's per-wallet store restriction, the printable statement in the store's time zone and the asked-for
// language, and the balance reports by store and period (stored value, points, coupon usage).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff, addStore, createTestApp, expectProblem, type Session, setUpBusiness, type TestApp } from './support/app.js';
import { aClient, aService, idempotencyKey, till, withWallet } from './support/ledger-fixtures.js';

describe('wallet store limits, statement and report scoping', () => {
  let t: TestApp;
  let owner: Session;
  let manager: Session;
  let storeId: string;
  let westId: string;
  let staffId: string;
  let service: string;
  beforeAll(async () => {
    // 03:00 UTC on the 28th is still the 27th in New York (22:00) and Vancouver (19:00).
    t = await createTestApp({ now: Date.UTC(2026, 10, 28, 3, 0, 0) });
    let me: { staff: { id: string } };
    ({ owner, storeId, me } = await setUpBusiness(t));
    staffId = me.staff.id;
    westId = (await addStore(owner, { name: 'Richmond', timeZone: 'America/Vancouver' })).id;
    manager = (await addStaff(t, owner, { role: 'manager', storeIds: [storeId], email: 'manager@lotus.test' })).session;
    service = await aService(owner, 5_000);
  });
  afterAll(() => t.close());

  const payWithWallet = async (clientId: string, at: string, session: Session = owner) => {
    const sale = await till(session, at).ticket(clientId, [{ kind: 'service', serviceId: service, technicians: [{ staffId }] }]);
    return session.post(
      `/api/v1/sales/${sale.id}/complete`,
      { version: sale.version, tenders: [{ kind: 'stored_value', amount: sale.total }] },
      idempotencyKey(),
    );
  };

  it('HQ limits one client’s stored value to some stores: elsewhere 422 wallet_store_restricted, in her language', async () => {
    const amy = await aClient(owner, storeId);
    const bea = await aClient(owner, storeId);
    await withWallet(t, amy, storeId, 20_000);
    await withWallet(t, bea, storeId, 20_000);
    const url = `/api/v1/clients/${amy}/wallet/stores`;
    expectProblem(await manager.put(url, { storeIds: [storeId], reason: 'flagship only', version: 0 }), 403, 'forbidden');
    expectProblem(await owner.put(url, { storeIds: [storeId], version: 0 }), 400, 'validation_failed');
    const set = await owner.put(url, { storeIds: [storeId], reason: 'prepaid at the flagship only', version: 0 });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ usableAtStoreIds: [storeId], storeLimit: { storeIds: [storeId], version: 1 } });
    expectProblem(await owner.put(url, { storeIds: null, reason: 'stale', version: 0 }), 409, 'stale_version');

    const refused = expectProblem(await payWithWallet(amy, westId), 422, 'wallet_store_restricted');
    expect(refused.detail).toContain('Flushing');
    owner.language = 'zh-TW';
    const zh = expectProblem(await payWithWallet(amy, westId), 422, 'wallet_store_restricted');
    owner.language = 'en';
    expect(zh.title).toBe('此門市不能使用儲值');
    expect(zh.detail).toContain('總部規定該會員的儲值只能在以下門市使用');
    // Nothing was taken; at her store she pays; another client's wallet is not limited.
    expect((await owner.get(`/api/v1/clients/${amy}/wallet`)).json().total).toBe(20_000);
    expect((await payWithWallet(amy, storeId)).statusCode).toBe(200);
    expect((await payWithWallet(bea, westId)).statusCode).toBe(200);
    const offer = (await owner.get(`/api/v1/clients/${amy}/wallet/offer?storeId=${westId}&amount=1000`)).json();
    expect(offer).toMatchObject({ usable: false, available: 0 });

    const audit = await t.db.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'wallet.store_limit')
      .where('entity_id', '=', amy)
      .execute();
    expect(audit).toHaveLength(1);
    const lifted = await owner.put(url, { storeIds: null, reason: 'moved to Richmond', version: 1 });
    expect(lifted.json()).toMatchObject({ usableAtStoreIds: null, storeLimit: null });
    expect((await payWithWallet(amy, westId)).statusCode).toBe(200);
  });

  it('prints the statement in each store’s time zone, in the language asked for', async () => {
    const cleo = await aClient(owner, storeId);
    await withWallet(t, cleo, storeId, 10_000);
    await withWallet(t, cleo, westId, 10_000);
    const page = await owner.get(`/api/v1/clients/${cleo}/wallet/statement.html?lang=zh-CN`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('储值对账单');
    expect(page.body).toContain('2026-11-27 22:00');
    expect(page.body).toContain('2026-11-27 19:00');
    expect(page.body).not.toContain('2026-11-28');
    const en = await owner.get(`/api/v1/clients/${cleo}/wallet/statement.html`);
    expect(en.body).toContain('Stored value statement');
    expectProblem(await owner.get(`/api/v1/clients/${cleo}/wallet/statement.html?lang=fr`), 400, 'validation_failed');
  });

  it('reports by store and period: stored value and points as of a date, coupon usage from/to', async () => {
    t.clock.advance(60_000); // after what the tests above wrote
    const before = new Date(t.clock.now()).toISOString();
    t.clock.advance(60_000);
    const east = await aClient(owner, storeId);
    const west = await aClient(owner, westId);
    await withWallet(t, east, storeId, 30_000);
    await withWallet(t, west, westId, 40_000);
    for (const [clientId, at, amount] of [
      [east, storeId, 700],
      [west, westId, 900],
    ] as const)
      expect(
        (await owner.post(`/api/v1/clients/${clientId}/points/adjustments`, { amount, reason: 'welcome', storeId: at })).statusCode,
      ).toBe(201);

    type Row = { storeId: string; outstanding: { principal: number } };
    const sv = async (s: Session, q = '') => {
      const res = await s.get(`/api/v1/reports/stored-value-liability${q}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { byStore: Row[]; outstanding?: { total: number } };
    };
    const nowAll = await sv(owner);
    const thenAll = await sv(owner, `?asOf=${before}`);
    expect(nowAll.outstanding!.total - thenAll.outstanding!.total).toBe(70_000);
    const mine = await sv(manager);
    expect(mine.byStore.map((r) => r.storeId)).toEqual([storeId]);
    expect(mine.outstanding).toBeUndefined();
    expect((await sv(owner, `?storeId=${westId}`)).byStore.map((r) => r.storeId)).toEqual([westId]);
    expectProblem(await manager.get(`/api/v1/reports/stored-value-liability?storeId=${westId}`), 403, 'store_forbidden');

    const points = async (s: Session, q = '') => (await s.get(`/api/v1/reports/points-outstanding${q}`)).json();
    const pAll = await points(owner);
    expect(pAll.byStore.find((r: { storeId: string }) => r.storeId === westId)).toMatchObject({ points: 900, clients: 1 });
    const pMine = await points(manager);
    expect(pMine.byStore.map((r: { storeId: string }) => r.storeId)).toEqual([storeId]);
    expect(pMine.points).toBe(pMine.byStore[0].points);
    expect((await points(owner, `?asOf=${before}`)).points).toBe(pAll.points - 1_600);

    const c = (await owner.post('/api/v1/coupons', { code: 'RANGE', name: 'Range', kind: 'amount', value: 500 })).json();
    const discount = { type: 'amount', amount: 500, reason: 'coupon', source: { type: 'coupon', ref: 'RANGE' } };
    for (const at of [storeId, westId]) {
      const sale = await till(owner, at).ticket(null, [{ kind: 'service', serviceId: service, technicians: [{ staffId }] }], discount);
      expect((await till(owner, at).complete(sale, [{ kind: 'card', amount: sale.total }])).statusCode).toBe(200);
    }
    const usage = async (s: Session, q = '') =>
      ((await s.get(`/api/v1/reports/coupon-usage${q}`)).json().data as Array<{ couponId: string; storeId: string }>).filter(
        (r) => r.couponId === c.id,
      );
    expect(await usage(owner)).toHaveLength(2);
    expect((await usage(manager)).map((r) => r.storeId)).toEqual([storeId]);
    expect((await usage(owner, `?storeId=${westId}`)).map((r) => r.storeId)).toEqual([westId]);
    expect(await usage(owner, `?to=${before}`)).toHaveLength(0);
    expect(await usage(owner, `?from=${before}`)).toHaveLength(2);
    expectProblem(
      await owner.get(`/api/v1/reports/coupon-usage?from=${new Date(t.clock.now()).toISOString()}&to=${before}`),
      400,
      'validation_failed',
    );
  });
});
