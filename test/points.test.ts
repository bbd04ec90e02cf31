import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../src/server/db/tx.js';
import { reconcile } from '../src/server/modules/ledgers/index.js';
import { adjustPoints, redeem, runPointsExpiry } from '../src/server/modules/points/index.js';
import { addStaff, createTestApp, expectProblem, type Session, setUpBusiness, type TestApp } from './support/app.js';
import { aClient, aService, setLedgerSettings, till } from './support/ledger-fixtures.js';

const DAY = 86_400_000;

describe('points', () => {
  let t: TestApp;
  let owner: Session;
  let frontDesk: Session;
  let storeId: string;
  let staffId: string;
  let facial: string;
  let massage: string;
  let promo: string;
  let pos: ReturnType<typeof till>;
  beforeAll(async () => {
    t = await createTestApp();
    let me: { staff: { id: string } };
    ({ owner, storeId, me } = await setUpBusiness(t));
    staffId = me.staff.id;
    frontDesk = (await addStaff(t, owner, { role: 'front_desk', storeIds: [storeId], email: 'desk@lotus.test' })).session;
    const cat = (await owner.post('/api/v1/service-categories', { name: 'Facials' })).json().id as string;
    facial = await aService(owner, 10_000, { categoryId: cat });
    massage = await aService(owner, 6_000);
    promo = await aService(owner, 2_000);
    pos = till(owner, storeId);
    await setLedgerSettings(owner, {
      points: {
        earn: { perDollar: 1, productsPerDollar: 1, categories: [{ categoryId: cat, perDollar: 2 }], excludedItemIds: [promo] },
        redeem: { pointsPerDollar: 100, minPoints: 500 },
      },
    });
  });
  afterAll(() => t.close());

  const db = () => t.db.db;
  const line = (serviceId: string) => ({ kind: 'service', serviceId, technicians: [{ staffId }] });
  const points = async (clientId: string) => (await owner.get(`/api/v1/clients/${clientId}/points`)).json().balance as number;
  const give = (clientId: string, amount: number) =>
    withTransaction(db(), ({ tx }) =>
      adjustPoints(
        tx,
        { clientId, amount, reason: 'test credit', storeId },
        { actorId: null, ip: null, requestId: null, now: t.clock.now() },
      ),
    );

  it('earns at completion by category rate, skipping excluded items', async () => {
    const clientId = await aClient(owner, storeId);
    const sale = await pos.ticket(clientId, [line(facial), line(massage), line(promo)]);
    expect((await pos.complete(sale, [{ kind: 'card', amount: sale.total }])).statusCode).toBe(200);
    expect(await points(clientId)).toBe(200 + 60);
  });

  it('earns nothing on a ticket without a client, or on gift cards and top-ups', async () => {
    const clientId = await aClient(owner, storeId);
    const sale = await pos.ticket(clientId, [{ kind: 'stored_value_topup', amount: 10_000 }]);
    await pos.complete(sale, [{ kind: 'card', amount: sale.total }]);
    expect(await points(clientId)).toBe(0);
  });

  it('multiplies by the client’s tier', async () => {
    const gold = (await owner.post('/api/v1/tiers', { name: 'Gold', rank: 2, threshold: 10_000_000, pointsMultiplierBp: 15_000 })).json();
    const clientId = await aClient(owner, storeId);
    expect((await owner.put(`/api/v1/clients/${clientId}/tier`, { tierId: gold.id, reason: 'VIP from the old system' })).statusCode).toBe(
      200,
    );
    const sale = await pos.ticket(clientId, [line(massage)]);
    await pos.complete(sale, [{ kind: 'card', amount: sale.total }]);
    expect(await points(clientId)).toBe(90);
    await owner.patch(`/api/v1/tiers/${gold.id}`, { version: 1, active: false });
  });

  it('reverses the points of refunded lines, line by line', async () => {
    const clientId = await aClient(owner, storeId);
    const sale = await pos.ticket(clientId, [line(facial), line(massage)]);
    await pos.complete(sale, [{ kind: 'card', amount: sale.total }]);
    expect(await points(clientId)).toBe(260);
    const massageLine = sale.lines.find((l) => l.total === 6_000)!;
    expect((await pos.refund(sale.id, { lines: [{ lineId: massageLine.id, quantity: 1 }] })).statusCode).toBeLessThan(300);
    expect(await points(clientId)).toBe(200);
    await pos.refund(sale.id);
    expect(await points(clientId)).toBe(0);
  });

  it('never takes points below zero on a refund when they were already spent', async () => {
    const clientId = await aClient(owner, storeId);
    const sale = await pos.ticket(clientId, [line(facial)]);
    await pos.complete(sale, [{ kind: 'card', amount: sale.total }]);
    await give(clientId, 400);
    await withTransaction(db(), ({ tx }) =>
      redeem(tx, { clientId, cents: 500, refType: 'test', refId: 'spent-first', storeId, actorId: null, now: t.clock.now() }),
    );
    expect(await points(clientId)).toBe(100);
    await pos.refund(sale.id);
    expect(await points(clientId)).toBe(0);
    const entry = await db()
      .selectFrom('ledger_entries')
      .select(['amount', 'meta'])
      .where('kind', '=', 'earn_reversal')
      .where('ref_id', '=', sale.id)
      .executeTakeFirstOrThrow();
    expect(entry.amount).toBe(-100);
    expect(JSON.parse(entry.meta!)).toMatchObject({ shortfall: 100 });
    expect((await reconcile(db())).ok).toBe(true);
  });

  it('pays with points as a tender: minimum, insufficient balance, refund gives them back; points-paid value earns nothing', async () => {
    const clientId = await aClient(owner, storeId);
    await give(clientId, 3_000);
    const small = await pos.ticket(clientId, [line(massage)]);
    expectProblem(
      await pos.complete(small, [
        { kind: 'points', amount: 400 },
        { kind: 'card', amount: small.total - 400 },
      ]),
      422,
      'points_below_minimum',
    );
    const big = await pos.complete(small, [
      { kind: 'points', amount: 3_001 },
      { kind: 'card', amount: small.total - 3_001 },
    ]);
    expect(expectProblem(big, 422, 'insufficient_balance')).toMatchObject({ available: 3_000, requested: 3_001, unit: 'points' });
    const ok = await pos.complete(small, [
      { kind: 'points', amount: 3_000 },
      { kind: 'card', amount: small.total - 3_000 },
    ]);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().tenders[0].details ?? ok.json().tenders[0].data).toMatchObject({ points: 3_000 });
    // 6000 sale, half paid by points: earns on the other half (30).
    expect(await points(clientId)).toBe(30);
    await pos.refund(small.id);
    expect(await points(clientId)).toBe(3_000);
  });

  it('redeems as a ticket discount with source points', async () => {
    const clientId = await aClient(owner, storeId);
    await give(clientId, 1_000);
    const bad = await owner.post('/api/v1/sales', {
      storeId,
      clientId,
      lines: [line(massage)],
      discount: { type: 'amount', amount: 1_100, reason: 'points', source: { type: 'points', ref: '1000' } },
    });
    expectProblem(bad, 422, 'points_discount_mismatch');
    const sale = await pos.ticket(clientId, [line(massage)], {
      type: 'amount',
      amount: 1_000,
      reason: 'points',
      source: { type: 'points', ref: '1000' },
    });
    expect(sale.total).toBe(5_000);
    await pos.complete(sale, [{ kind: 'card', amount: sale.total }]);
    expect(await points(clientId)).toBe(50); // 1000 redeemed, 50 earned on $50 paid
  });

  it('20 parallel redemptions worth exactly 10 of them: exactly 10 succeed', async () => {
    const clientId = await aClient(owner, storeId);
    await give(clientId, 10_000);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        withTransaction(db(), ({ tx }) =>
          redeem(tx, { clientId, cents: 1_000, refType: 'test', refId: `par-${i}`, storeId, actorId: null, now: t.clock.now() }),
        ),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
    expect(await points(clientId)).toBe(0);
  });

  it('lets a manager adjust (audited), not the front desk; shows the history page by page', async () => {
    const clientId = await aClient(owner, storeId);
    const res = await owner.post(`/api/v1/clients/${clientId}/points/adjustments`, { amount: 250, reason: 'Referral bonus', storeId });
    expect(res.statusCode, res.body).toBe(201);
    expectProblem(
      await frontDesk.post(`/api/v1/clients/${clientId}/points/adjustments`, { amount: 250, reason: 'Referral bonus', storeId }),
      403,
      'forbidden',
    );
    expectProblem(
      await owner.post(`/api/v1/clients/${clientId}/points/adjustments`, { amount: -251, reason: 'Correction', storeId }),
      422,
      'insufficient_balance',
    );
    await owner.post(`/api/v1/clients/${clientId}/points/adjustments`, { amount: -50, reason: 'Correction', storeId });
    const page = (await frontDesk.get(`/api/v1/clients/${clientId}/points/statement?limit=1`)).json();
    expect(page.data[0]).toMatchObject({ amount: -50, balanceAfter: 200, reason: 'Correction' });
    expect(page.nextCursor).not.toBeNull();
    expect(
      await db().selectFrom('audit_log').select('id').where('action', '=', 'points.adjust').where('entity_id', '=', clientId).execute(),
    ).toHaveLength(2);
  });

  it('expires points N months after they were earned, oldest first, with a notice before', async () => {
    await setLedgerSettings(owner, { points: { expiry: { months: 12, noticeDays: 30 } } });
    try {
      const clientId = await aClient(owner, storeId, { email: 'points@client.test' });
      const now = t.clock.now();
      await give(clientId, 500); // earned now
      const later = (days: number) => now + days * DAY;
      // 11 months and a bit later: due within 30 days → a notice, nothing expired yet.
      const notice = await runPointsExpiry(db(), later(340));
      expect(notice.notices).toBeGreaterThanOrEqual(1);
      const job = await db()
        .selectFrom('jobs')
        .select('payload')
        .where('kind', '=', 'notify.send')
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(job.payload)).toMatchObject({ to: 'points@client.test' });
      expect(JSON.parse(job.payload).text).toContain('500');
      expect(await points(clientId)).toBe(500);
      // Spend 200 (oldest first), then a year has passed: the 300 left of that earn expire.
      await withTransaction(db(), ({ tx }) =>
        redeem(tx, { clientId, cents: 200, points: 200, refType: 'test', refId: 'before-expiry', storeId, actorId: null, now: later(350) }),
      );
      await withTransaction(db(), ({ tx }) =>
        adjustPoints(
          tx,
          { clientId, amount: 80, reason: 'newer earn', storeId },
          { actorId: null, ip: null, requestId: null, now: later(360) },
        ),
      );
      const run = await runPointsExpiry(db(), later(366));
      expect(run.points).toBeGreaterThanOrEqual(300);
      expect(await points(clientId)).toBe(80);
      // Running again expires nothing more.
      await runPointsExpiry(db(), later(366));
      expect(await points(clientId)).toBe(80);
      expect((await reconcile(db())).ok).toBe(true);
    } finally {
      await setLedgerSettings(owner, { points: { expiry: { months: null, noticeDays: 30 } } });
    }
  });

  it('moves points when two client cards are merged', async () => {
    const keep = await aClient(owner, storeId);
    const gone = await aClient(owner, storeId);
    await give(keep, 100);
    await give(gone, 250);
    expect(
      (await owner.post('/api/v1/clients/merge', { keepId: keep, mergeId: gone, keepVersion: 1, mergeVersion: 1 })).statusCode,
    ).toBeLessThan(300);
    expect(await points(keep)).toBe(350);
    expect(await points(gone)).toBe(0);
  });

  it('reports points outstanding', async () => {
    const res = (await owner.get('/api/v1/reports/points-outstanding')).json();
    const sum = (await db().selectFrom('ledger_accounts').select('balance').where('kind', '=', 'points').execute()).reduce(
      (a, r) => a + r.balance,
      0,
    );
    expect(res.points).toBe(sum);
    expect(res.worth).toBe(Math.floor(sum)); // 100 points per dollar: 1 point = 1 cent
  });
});
