// Lost gift card replacement, store-scoped card reads, the public page's business line, and the gift card
// liability report by store and as of a date.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCode, generateCode } from '../src/server/modules/gift-cards/index.js';
import { reconcile } from '../src/server/modules/ledgers/index.js';
import { addStaff, createTestApp, expectProblem, type Session, type TestApp } from './support/app.js';
import { giftCardTill, setUpGiftCardShop } from './support/gift-cards.js';

describe('gift card replacement and scoping', () => {
  let t: TestApp;
  let owner: Session;
  let manager: Session;
  let otherManager: Session;
  let frontDesk: Session;
  let storeId: string;
  let otherStoreId: string;
  beforeAll(async () => {
    t = await createTestApp();
    ({ owner, storeId, otherStoreId, manager, frontDesk } = await setUpGiftCardShop(t));
    otherManager = (await addStaff(t, owner, { role: 'manager', storeIds: [otherStoreId], email: 'richmond@lotus.test' })).session;
  });
  afterAll(() => t.close());

  const db = () => t.db.db;
  const { sell, pay } = giftCardTill(() => ({ t, storeId }), 'r');
  const publicBalance = (code: string) => t.app.inject({ method: 'GET', url: `/api/v1/public/gift-cards/${code}/balance` });

  it('a manager moves a lost card’s balance to a new card: two entries, old card void, audited, reason required', async () => {
    const { code, card } = await sell(10_000);
    await pay(code, 2_500);
    const url = `/api/v1/gift-cards/${card.id}/replace`;
    expectProblem(await frontDesk.post(url, { reason: 'lost', storeId }), 403, 'forbidden');
    expectProblem(await manager.post(url, { storeId }), 400, 'validation_failed');
    expectProblem(await manager.post(url, { reason: 'lost', storeId: otherStoreId }), 403, 'store_forbidden');
    const res = await manager.post(url, { reason: 'Client lost her card', storeId });
    expect(res.statusCode, res.body).toBe(201);
    const out = res.json();
    expect(checkCode(out.code).ok).toBe(true);
    expect(out).toMatchObject({
      moved: 7_500,
      replaced: { id: card.id, status: 'replaced', balance: 0, replacedById: out.card.id },
      card: { status: 'active', balance: 7_500, initialAmount: 7_500, storeId, last4: out.code.slice(-4) },
    });
    const entries = await db()
      .selectFrom('ledger_entries')
      .select(['account_id', 'kind', 'amount', 'reason', 'group_id'])
      .where('ref_type', '=', 'gift_card_replacement')
      .where('ref_id', '=', out.card.id)
      .execute();
    expect(entries).toHaveLength(2);
    expect(entries.map((e) => [e.kind, e.amount]).sort()).toEqual([
      ['transfer_in', 7_500],
      ['transfer_out', -7_500],
    ]);
    expect(new Set(entries.map((e) => e.group_id)).size).toBe(1);
    expect(entries.every((e) => e.reason === 'Client lost her card')).toBe(true);
    const audit = await db()
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'gift_card.replace')
      .where('entity_id', '=', card.id)
      .execute();
    expect(audit).toHaveLength(1);
    // The old card no longer pays; the new one does; a second replacement of the old card is refused.
    await expect(pay(code, 100)).rejects.toMatchObject({ code: 'gift_card_replaced', status: 422 });
    expect((await pay(out.code, 7_500)).balance).toBe(0);
    expectProblem(await manager.post(url, { reason: 'again', storeId }), 422, 'gift_card_replaced');
    expect((await reconcile(db())).ok).toBe(true);
  });

  it('replaces onto a scanned blank card; a taken or malformed code is refused and nothing moves', async () => {
    const { card } = await sell(5_000);
    const { code: taken } = await sell(1_000);
    const url = `/api/v1/gift-cards/${card.id}/replace`;
    expectProblem(await manager.post(url, { code: taken, reason: 'lost', storeId }), 409, 'gift_card_code_taken');
    expectProblem(await manager.post(url, { code: 'AB#1', reason: 'lost', storeId }), 422, 'gift_card_code_invalid');
    expect((await owner.get(`/api/v1/gift-cards/${card.id}`)).json()).toMatchObject({ status: 'active', balance: 5_000 });
    const blank = generateCode();
    const res = await manager.post(url, { code: blank, reason: 'lost', storeId });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().code).toBeUndefined();
    expect((await frontDesk.post('/api/v1/gift-cards/lookup', { code: blank })).json()).toMatchObject({ balance: 5_000 });
  });

  it('the public page says a card was replaced, never which card, and names the business', async () => {
    const { code, card } = await sell(3_000);
    await manager.post(`/api/v1/gift-cards/${card.id}/replace`, { reason: 'lost', storeId });
    const res = await publicBalance(code);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      businessName: 'Lotus Nail & Spa',
      last4: code.slice(-4),
      status: 'replaced',
      replaced: true,
      balance: 0,
      currency: 'USD',
      expiresAt: null,
    });
    const brand = await t.app.inject({ method: 'GET', url: '/api/v1/public/gift-cards/brand' });
    expect(brand.json()).toEqual({ businessName: 'Lotus Nail & Spa' });
  });

  it('a card is read by id only by staff of a store that sold or took it (or who see its holder)', async () => {
    const { code, card } = await sell(4_000, otherStoreId);
    expect((await otherManager.get(`/api/v1/gift-cards/${card.id}`)).statusCode).toBe(200);
    expectProblem(await manager.get(`/api/v1/gift-cards/${card.id}`), 404, 'not_found');
    expectProblem(
      await manager.post(`/api/v1/gift-cards/${card.id}/adjustments`, { amount: 100, reason: 'fix', storeId }),
      404,
      'not_found',
    );
    // A card in hand is still looked up by its number anywhere, and redeemable everywhere.
    expect((await frontDesk.post('/api/v1/gift-cards/lookup', { code })).statusCode).toBe(200);
    await pay(code, 1_000, storeId);
    expect((await manager.get(`/api/v1/gift-cards/${card.id}`)).json()).toMatchObject({ balance: 3_000 });
  });

  it('liability by store and as of a date: a manager sees her stores only', async () => {
    // Minutes apart (the sessions stay signed in): a sale at t1, a payment a minute later.
    t.clock.advance(60_000);
    const t1 = t.clock.now();
    const { code } = await sell(6_000, storeId);
    await sell(9_000, otherStoreId);
    t.clock.advance(60_000);
    await pay(code, 2_000);
    const iso = (ms: number) => new Date(ms).toISOString();
    const nowRes = await owner.get('/api/v1/reports/gift-card-liability');
    expect(nowRes.statusCode, nowRes.body).toBe(200);
    const now = nowRes.json();
    const then = (await owner.get(`/api/v1/reports/gift-card-liability?asOf=${iso(t1)}`)).json();
    const mid = (await owner.get(`/api/v1/reports/gift-card-liability?asOf=${iso(t1 + 1)}`)).json();
    const here = (r: { byStore: Array<{ storeId: string; outstanding: number; sold: number }> }) =>
      r.byStore.find((s) => s.storeId === storeId)!;
    expect(here(mid).outstanding - here(then).outstanding).toBe(6_000);
    expect(here(now).outstanding - here(mid).outstanding).toBe(-2_000);
    expect(here(mid).sold - here(then).sold).toBe(6_000);
    const mine = (await manager.get('/api/v1/reports/gift-card-liability')).json();
    expect(mine.byStore.map((s: { storeId: string }) => s.storeId)).toEqual([storeId]);
    expectProblem(await manager.get(`/api/v1/reports/gift-card-liability?storeId=${otherStoreId}`), 403, 'store_forbidden');
    const one = (await owner.get(`/api/v1/reports/gift-card-liability?storeId=${otherStoreId}`)).json();
    expect(one.byStore.map((s: { storeId: string }) => s.storeId)).toEqual([otherStoreId]);
    expectProblem(await owner.get('/api/v1/reports/gift-card-liability?asOf=yesterday'), 400, 'validation_failed');
  });
});
