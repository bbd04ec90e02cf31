import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../src/server/db/tx.js';
import { completeSaleLine, generateCode, resolveSaleLine } from '../src/server/modules/gift-cards/index.js';
import { reconcile } from '../src/server/modules/ledgers/index.js';
import { newId } from '../src/server/platform/ids.js';
import { createTestApp, expectProblem, type Session, type TestApp } from './support/app.js';
import { giftCardTill, setUpGiftCardShop } from './support/gift-cards.js';
import { setLedgerSettings } from './support/ledger-fixtures.js';

describe('gift cards', () => {
  let t: TestApp;
  let owner: Session;
  let manager: Session;
  let frontDesk: Session;
  let storeId: string;
  let otherStoreId: string;
  beforeAll(async () => {
    t = await createTestApp();
    ({ owner, storeId, otherStoreId, manager, frontDesk } = await setUpGiftCardShop(t));
  });
  afterAll(() => t.close());

  const db = () => t.db.db;
  /** Sells a card the way checkout does; pays with one as a tender. */
  const { sell, pay } = giftCardTill(() => ({ t, storeId }), 'g');
  const lookup = (code: string, s: Session = frontDesk) => s.post('/api/v1/gift-cards/lookup', { code });

  it('does not exist before the sale completes, then is active with its balance', async () => {
    const code = generateCode();
    await resolveSaleLine(db(), { code, amount: 5_000 }, t.clock.now());
    expectProblem(await lookup(code), 404, 'gift_card_not_found');
    await sell(5_000, storeId, code);
    expect((await lookup(code)).json()).toMatchObject({
      status: 'active',
      balance: 5_000,
      initialAmount: 5_000,
      last4: code.slice(-4),
      expiresAt: null,
    });
  });

  it('refuses a taken code, a wrong check character and an amount outside the limits', async () => {
    const { code } = await sell(2_000);
    await expect(resolveSaleLine(db(), { code, amount: 2_000 }, t.clock.now())).rejects.toMatchObject({
      code: 'gift_card_code_taken',
      status: 409,
    });
    const wrong = code.slice(0, -1) + (code.at(-1) === 'A' ? 'B' : 'A');
    await expect(resolveSaleLine(db(), { code: wrong, amount: 2_000 }, t.clock.now())).rejects.toMatchObject({
      code: 'gift_card_code_invalid',
    });
    await expect(resolveSaleLine(db(), { code: generateCode(), amount: 999 }, t.clock.now())).rejects.toMatchObject({
      code: 'gift_card_amount_out_of_range',
    });
    await expect(resolveSaleLine(db(), { code: generateCode(), amount: 100_001 }, t.clock.now())).rejects.toMatchObject({
      code: 'gift_card_amount_out_of_range',
    });
    expectProblem(await lookup(wrong), 422, 'gift_card_code_invalid');
  });

  it('sells preset designs at their amount, and reloads an existing card', async () => {
    await setLedgerSettings(owner, { giftCards: { designs: [{ id: 'spring', name: { en: 'Spring', 'zh-CN': '春' }, amount: 8_800 }] } });
    const code = generateCode();
    const data = await resolveSaleLine(db(), { code, design: 'spring' }, t.clock.now());
    expect(data).toMatchObject({ mode: 'new', amount: 8_800, design: 'spring' });
    await expect(resolveSaleLine(db(), { code: generateCode(), design: 'winter' }, t.clock.now())).rejects.toMatchObject({
      code: 'gift_card_unknown_design',
    });
    await sell(8_800, storeId, code);
    const reload = await resolveSaleLine(db(), { code, mode: 'reload', amount: 1_200 }, t.clock.now());
    expect(reload).toMatchObject({ mode: 'reload', amount: 1_200 });
    await withTransaction(db(), ({ tx }) =>
      completeSaleLine(tx, reload, {
        amount: 1_200,
        storeId,
        saleId: newId(),
        lineRef: newId(),
        actorId: null,
        now: t.clock.now(),
        tz: 'UTC',
      }),
    );
    expect((await lookup(code)).json().balance).toBe(10_000);
    await expect(resolveSaleLine(db(), { code: generateCode(), mode: 'reload', amount: 1_200 }, t.clock.now())).rejects.toMatchObject({
      code: 'gift_card_unknown',
    });
  });

  it('is redeemed in part, and refuses more than its balance with the available amount', async () => {
    const { code } = await sell(5_000);
    await pay(code, 1_500);
    await pay(code, 2_000);
    expect((await lookup(code)).json().balance).toBe(1_500);
    await expect(pay(code, 1_501)).rejects.toMatchObject({ code: 'insufficient_balance', extra: { available: 1_500, requested: 1_501 } });
    await expect(pay(generateCode(), 100)).rejects.toMatchObject({ code: 'gift_card_unknown' });
  });

  it('spent twice at the same moment: one wins, the other is refused', async () => {
    const { code } = await sell(5_000);
    const results = await Promise.allSettled([pay(code, 5_000), pay(code, 5_000)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r): r is PromiseRejectedResult => r.status === 'rejected')?.reason).toMatchObject({
      code: 'insufficient_balance',
    });
    expect((await lookup(code)).json().balance).toBe(0);
  });

  it('20 parallel payments worth exactly 10 of them: exactly 10 succeed', async () => {
    const { code } = await sell(10_000);
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => pay(code, 1_000)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
    expect((await lookup(code)).json().balance).toBe(0);
    expect((await reconcile(db())).ok).toBe(true);
  });

  it('expires per the business setting (default never): 422 gift_card_expired', async () => {
    await setLedgerSettings(owner, { giftCards: { expiryMonths: 12 } });
    const { code, card } = await sell(3_000);
    await setLedgerSettings(owner, { giftCards: { expiryMonths: null } });
    expect(card.expires_at).toBe(Date.UTC(2027, 10, 27, 15, 0, 0));
    const saved = t.clock.now();
    t.clock.set(Date.UTC(2027, 10, 28));
    try {
      await expect(pay(code, 100)).rejects.toMatchObject({ code: 'gift_card_expired', status: 422 });
    } finally {
      t.clock.set(saved);
    }
  });

  it('checks a balance on the public page: 404 for a wrong code, rate-limited, never the code in the answer', async () => {
    const { code } = await sell(4_200);
    const get = (c: string, ip = '203.0.113.7') =>
      t.app.inject({ method: 'GET', url: `/api/v1/public/gift-cards/${encodeURIComponent(c)}/balance`, remoteAddress: ip });
    const ok = await get(code.toLowerCase());
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({
      businessName: 'Lotus Nail & Spa',
      last4: code.slice(-4),
      status: 'active',
      replaced: false,
      balance: 4_200,
      currency: 'USD',
      expiresAt: null,
    });
    expectProblem(await get(generateCode()), 404, 'gift_card_not_found');
    expectProblem(await get('not a code!'), 404, 'gift_card_not_found');
    for (let i = 0; i < 8; i++) await get(generateCode());
    const limited = await get(code);
    expectProblem(limited, 429, 'rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await get(code, '203.0.113.8')).statusCode).toBe(200); // another client is not blocked
  });

  it('lets a manager adjust with a reason (audited), not the front desk', async () => {
    const { code, card } = await sell(2_000);
    const res = await manager.post(`/api/v1/gift-cards/${card.id}/adjustments`, { amount: -500, reason: 'Damaged card fee', storeId });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().balance).toBe(1_500);
    expectProblem(
      await frontDesk.post(`/api/v1/gift-cards/${card.id}/adjustments`, { amount: 100, reason: 'x y z', storeId }),
      403,
      'forbidden',
    );
    expect(
      await db().selectFrom('audit_log').select('id').where('action', '=', 'gift_card.adjust').where('entity_id', '=', card.id).execute(),
    ).toHaveLength(1);
    const detail = (await frontDesk.get(`/api/v1/gift-cards/${card.id}`)).json();
    expect(detail.entries.map((e: { kind: string; amount: number; balanceAfter: number }) => [e.kind, e.amount, e.balanceAfter])).toEqual([
      ['adjustment', -500, 1_500],
      ['sale', 2_000, 2_000],
    ]);
    expect((await lookup(code)).json().balance).toBe(1_500);
  });

  it('reports liability by store: sold, redeemed, outstanding', async () => {
    const before = (await owner.get('/api/v1/reports/gift-card-liability')).json();
    const other = (r: { byStore: Array<{ storeId: string; sold: number; outstanding: number }> }) =>
      r.byStore.find((s) => s.storeId === otherStoreId)!;
    const { code } = await sell(6_000, otherStoreId);
    await pay(code, 2_500); // redeemed at the first store
    const after = (await owner.get('/api/v1/reports/gift-card-liability')).json();
    expect(other(after).sold - other(before).sold).toBe(6_000);
    expect(other(after).outstanding - other(before).outstanding).toBe(3_500);
    expect(after.totals.redeemed - before.totals.redeemed).toBe(2_500);
    const accounts = await db().selectFrom('ledger_accounts').select('balance').where('kind', '=', 'gift_card').execute();
    expect(after.totals.outstanding + after.totals.outstandingExpired).toBe(accounts.reduce((a, r) => a + r.balance, 0));
    const mine = (await manager.get('/api/v1/reports/gift-card-liability')).json();
    expect(mine.byStore.map((r: { storeId: string }) => r.storeId)).toEqual([storeId]);
  });

  it('never stores the code: only its hash and last four', async () => {
    const { code, card } = await sell(1_000);
    const row = await db().selectFrom('gift_cards').selectAll().where('id', '=', card.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(code);
    expect(row.code_last4).toBe(code.slice(-4));
  });

  it('hands out fresh codes to sell with', async () => {
    const res = (await frontDesk.get('/api/v1/gift-cards/new-code')).json();
    expect(res.code).toHaveLength(16);
    expect(res.display).toBe(res.code.match(/.{4}/g).join('-'));
  });

  it('lists the cards sold at my stores', async () => {
    const res = (await frontDesk.get('/api/v1/gift-cards?limit=200')).json();
    expect(res.data.length).toBeGreaterThan(0);
    expect(res.data.every((c: { storeId: string }) => c.storeId === storeId)).toBe(true);
  });
});
