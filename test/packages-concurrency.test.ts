import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcile } from '../src/server/modules/ledgers/index.js';
import { createTestApp, expectProblem, type TestApp } from './support/app.js';
import { key, V1 } from './support/checkout.js';
import { aSpaClient, aTemplate, openRedemption, type SpaSalon, sellPackage, setUpSpa } from './support/packages.js';

// Two terminals redeeming the last session at once: exactly one succeeds, the other is refused with 422
// package_exhausted and its whole sale rolls back (no receipt number used, nothing half-written).
describe('package sessions under concurrency', () => {
  let t: TestApp;
  let s: SpaSalon;
  beforeAll(async () => {
    t = await createTestApp();
    s = await setUpSpa(t);
  });
  afterAll(() => t.close());

  const oneSession = () =>
    aTemplate(s.owner, { name: 'Single facial', items: [{ label: 'Facial', sessions: 1, serviceIds: [s.facial] }], price: 9_000 });

  it('two terminals completing the last session at once: one sale completes, the other is refused and stays open', async () => {
    const tpl = await oneSession();
    const clientId = await aSpaClient(s.owner, s.storeId);
    const { pkg } = await sellPackage(s.desk, s, tpl.id, clientId);
    const a = (await openRedemption(s.desk, s, { clientPackageId: pkg.id }, clientId)).json();
    const b = (await openRedemption(s.manager, s, { clientPackageId: pkg.id, technicians: [{ staffId: s.bo }] }, clientId)).json();
    const receiptsBefore = await t.db.db.selectFrom('sales').select('id').where('receipt_number', 'is not', null).execute();
    const results = await Promise.all([
      s.desk.post(
        `${V1}/sales/${a.id}/complete`,
        { version: a.version, tip: { amount: 500 }, tenders: [{ kind: 'card', amount: 500 }] },
        { 'idempotency-key': key() },
      ),
      s.manager.post(
        `${V1}/sales/${b.id}/complete`,
        { version: b.version, tip: { amount: 700 }, tenders: [{ kind: 'card', amount: 700 }] },
        { 'idempotency-key': key() },
      ),
    ]);
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 422]);
    expectProblem(results.find((r) => r.statusCode === 422)!, 422, 'package_exhausted');
    const sessions = await t.db.db.selectFrom('package_sessions').select(['sale_id', 'status']).where('package_id', '=', pkg.id).execute();
    expect(sessions).toHaveLength(1);
    const winner = results.find((r) => r.statusCode === 200)!.json().id;
    expect(sessions[0]).toEqual({ sale_id: winner, status: 'redeemed' });
    const loser = winner === a.id ? b.id : a.id;
    expect((await s.owner.get(`${V1}/sales/${loser}`)).json()).toMatchObject({ status: 'open', receiptNumber: null });
    const receiptsAfter = await t.db.db.selectFrom('sales').select('id').where('receipt_number', 'is not', null).execute();
    expect(receiptsAfter.length).toBe(receiptsBefore.length + 1);
    expect((await s.owner.get(`${V1}/client-packages/${pkg.id}`)).json().sessions).toEqual({ total: 1, used: 1, remaining: 0 });
    expect((await reconcile(t.db.db)).problems).toEqual([]);
  });

  it('eight direct redemptions at once on a package with three sessions: exactly three succeed', async () => {
    const tpl = await aTemplate(s.owner, {
      name: 'Three facials',
      items: [{ label: 'Facial', sessions: 3, serviceIds: [s.facial] }],
      price: 27_000,
    });
    const clientId = await aSpaClient(s.owner, s.storeId);
    const { pkg } = await sellPackage(s.desk, s, tpl.id, clientId);
    const terminals = [s.desk, s.manager, s.owner];
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        terminals[i % 3]!.post(`${V1}/client-packages/${pkg.id}/redemptions`, { storeId: s.storeId, serviceId: s.facial, staffId: s.amy }),
      ),
    );
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(3);
    for (const r of results.filter((x) => x.statusCode !== 201)) expectProblem(r, 422, 'package_exhausted');
    const sessions = await t.db.db
      .selectFrom('package_sessions')
      .select(['session_number', 'value'])
      .where('package_id', '=', pkg.id)
      .orderBy('session_number')
      .execute();
    expect(sessions).toEqual([
      { session_number: 1, value: 9_000 },
      { session_number: 2, value: 9_000 },
      { session_number: 3, value: 9_000 },
    ]);
    const account = await t.db.db
      .selectFrom('client_package_items as i')
      .innerJoin('ledger_accounts as a', 'a.id', 'i.account_id')
      .select(['a.balance', 'a.entry_count'])
      .where('i.package_id', '=', pkg.id)
      .executeTakeFirstOrThrow();
    expect(account).toEqual({ balance: 0, entry_count: 4 });
    expect((await reconcile(t.db.db)).problems).toEqual([]);
  });

  it('a redemption racing a refund of the package: the refund closes what is left, never below zero', async () => {
    const tpl = await aTemplate(s.owner, {
      name: 'Two facials',
      items: [{ label: 'Facial', sessions: 2, serviceIds: [s.facial] }],
      price: 18_000,
    });
    const clientId = await aSpaClient(s.owner, s.storeId);
    const { sale, pkg } = await sellPackage(s.desk, s, tpl.id, clientId);
    const [redeem, refund] = await Promise.all([
      s.desk.post(`${V1}/client-packages/${pkg.id}/redemptions`, { storeId: s.storeId, serviceId: s.facial }),
      s.manager.post(`${V1}/sales/${sale.id}/refunds`, { reason: 'Changed her mind' }, { 'idempotency-key': key() }),
    ]);
    expect(refund.statusCode, refund.body).toBe(201);
    expect([201, 422]).toContain(redeem.statusCode);
    const after = (await s.owner.get(`${V1}/client-packages/${pkg.id}`)).json();
    expect(after.status).toBe('refunded');
    expect(after.sessions.remaining).toBe(0);
    // What came back matches what was used when the refund ran.
    expect(after.refundedAmount).toBe(redeem.statusCode === 201 ? 9_000 : 18_000);
    expect((await reconcile(t.db.db)).problems).toEqual([]);
  });
});
