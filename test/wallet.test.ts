import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../src/server/db/tx.js';
import { ledgerJobHandlers, loadLedgerSettings, reconcile } from '../src/server/modules/ledgers/index.js';
import { previewBonus, refundSpend, spend } from '../src/server/modules/wallet/index.js';
import { createPlatformWorker } from '../src/server/platform/jobs/index.js';
import {
  addStaff,
  addStore,
  createTestApp,
  expectProblem,
  OWNER_PASSWORD,
  type Session,
  setUpBusiness,
  type TestApp,
} from './support/app.js';
import { aClient, setLedgerSettings, withWallet } from './support/ledger-fixtures.js';

const DAY = 86_400_000;

describe('stored value', () => {
  let t: TestApp;
  let owner: Session;
  let manager: Session;
  let frontDesk: Session;
  let storeId: string;
  let otherStoreId: string;
  beforeAll(async () => {
    t = await createTestApp();
    ({ owner, storeId } = await setUpBusiness(t));
    otherStoreId = (await addStore(owner, { name: 'Richmond' })).id;
    manager = (await addStaff(t, owner, { role: 'manager', storeIds: [storeId], email: 'manager@lotus.test' })).session;
    frontDesk = (await addStaff(t, owner, { role: 'front_desk', storeIds: [storeId], email: 'desk@lotus.test' })).session;
  });
  afterAll(() => t.close());

  const db = () => t.db.db;
  let ref = 0;
  const pay = (clientId: string, amount: number, at = storeId) =>
    withTransaction(db(), ({ tx }) =>
      spend(tx, { clientId, storeId: at, amount, refType: 'test_tender', refId: `t-${++ref}`, actorId: null, now: t.clock.now() }),
    );
  const wallet = async (clientId: string) => (await owner.get(`/api/v1/clients/${clientId}/wallet`)).json();

  it('20 concurrent $30 payments from a $100 wallet: exactly 3 succeed, $10 left, never negative, entries reconcile', async () => {
    const clientId = await aClient(owner, storeId);
    await withWallet(t, clientId, storeId, 10_000);
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => pay(clientId, 3_000)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    for (const r of results)
      if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'insufficient_balance', extra: { available: 1_000 } });
    expect(await wallet(clientId)).toMatchObject({ principal: 1_000, bonus: 0, total: 1_000 });
    expect((await reconcile(db())).ok).toBe(true);
  });

  it('20 parallel payments worth exactly 10 of them, from principal and bonus: exactly 10 succeed and the wallet is empty', async () => {
    await owner.post('/api/v1/wallet/bonus-rules', {
      name: 'Pay 100 get 20',
      thresholds: [{ pay: 10_000, bonus: 2_000 }],
      storeIds: [otherStoreId],
    });
    const clientId = await aClient(owner, storeId);
    await withWallet(t, clientId, otherStoreId, 10_000); // $100 + $20 bonus
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => pay(clientId, 1_200)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
    expect(await wallet(clientId)).toMatchObject({ principal: 0, bonus: 0 });
    const spent = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    expect(spent.reduce((a, s) => a + s.principal, 0)).toBe(10_000);
    expect(spent.reduce((a, s) => a + s.bonus, 0)).toBe(2_000);
    expect((await reconcile(db())).ok).toBe(true);
  });

  it('applies the spend-order setting: principal first, bonus first, proportional', async () => {
    const clientId = await aClient(owner, storeId);
    await withWallet(t, clientId, otherStoreId, 10_000);
    await setLedgerSettings(owner, { wallet: { spendOrder: 'bonus_first' } });
    expect(await pay(clientId, 3_000)).toMatchObject({ principal: 1_000, bonus: 2_000 });
    await setLedgerSettings(owner, { wallet: { spendOrder: 'principal_first' } });
    expect(await pay(clientId, 1_000)).toMatchObject({ principal: 1_000, bonus: 0 });
    await setLedgerSettings(owner, { wallet: { spendOrder: 'proportional' } });
  });

  it('re-credits partial refunds of a payment exactly as it was spent', async () => {
    const clientId = await aClient(owner, storeId);
    await withWallet(t, clientId, otherStoreId, 10_000);
    const paid = await pay(clientId, 7_777);
    const refId = `t-${ref}`;
    for (const part of [1_001, 3_333, 7_777 - 1_001 - 3_333]) {
      await withTransaction(db(), ({ tx }) =>
        refundSpend(tx, { refType: 'test_tender', refId, amount: part, storeId, actorId: null, now: t.clock.now() }),
      );
    }
    expect(paid.principal + paid.bonus).toBe(7_777);
    expect(await wallet(clientId)).toMatchObject({ principal: 10_000, bonus: 2_000 });
  });

  it('refuses stored value at a store HQ excluded', async () => {
    const clientId = await aClient(owner, storeId);
    await withWallet(t, clientId, storeId, 5_000);
    await setLedgerSettings(owner, { wallet: { storeIds: [otherStoreId] } });
    await expect(pay(clientId, 100)).rejects.toMatchObject({ code: 'wallet_store_restricted', status: 422 });
    await setLedgerSettings(owner, { wallet: { storeIds: null } });
    expect(await pay(clientId, 100)).toMatchObject({ principal: 100 });
  });

  describe('bonus rules', () => {
    it('gives the highest threshold reached, only within dates and stores, first top-up only when asked', async () => {
      const res = await owner.post('/api/v1/wallet/bonus-rules', {
        name: 'Opening week',
        thresholds: [
          { pay: 20_000, bonus: 5_000 },
          { pay: 50_000, bonus: 15_000 },
        ],
        startsOn: '2026-11-27',
        endsOn: '2026-11-30',
        storeIds: [storeId],
        firstTopUpOnly: true,
      });
      expect(res.statusCode, res.body).toBe(201);
      const c1 = await aClient(owner, storeId);
      expect((await withWallet(t, c1, storeId, 60_000)).bonus).toBe(15_000);
      expect((await withWallet(t, c1, storeId, 60_000)).bonus).toBe(0); // not the first top-up any more
      const c2 = await aClient(owner, storeId);
      expect((await withWallet(t, c2, otherStoreId, 60_000)).bonus).toBe(2_000); // not this rule's store: only the other store's $100 → $20 applies
      const preview = await owner.get(`/api/v1/wallet/bonus-preview?storeId=${storeId}&amount=25000`);
      expect(preview.json()).toMatchObject({ bonus: 5_000, ruleName: 'Opening week' });
      // After its end date (2026-11-30 in the store's zone) the rule no longer applies.
      const later = await withTransaction(db(), async ({ tx }) => {
        const { settings } = await loadLedgerSettings(tx);
        return previewBonus(tx, { clientId: null, storeId, amount: 25_000, now: t.clock.now() + 4 * DAY }, settings.wallet);
      });
      expect(later).toBeNull();
      await owner.patch(`/api/v1/wallet/bonus-rules/${res.json().id}`, { version: 1, active: false });
    });

    it('lets a manager set a rule for their own store under HQ’s cap, and refuses above it', async () => {
      const over = await manager.post('/api/v1/wallet/bonus-rules', {
        name: 'Too generous',
        thresholds: [{ pay: 10_000, bonus: 5_000 }],
        storeIds: [storeId],
      });
      expect(expectProblem(over, 422, 'bonus_over_cap').detail).toContain('$20.00');
      const ok = await manager.post('/api/v1/wallet/bonus-rules', {
        name: 'Store promo',
        thresholds: [{ pay: 10_000, bonus: 1_500 }],
        storeIds: [storeId],
      });
      expect(ok.statusCode, ok.body).toBe(201);
      expect(ok.json().scope).toBe('store');
      expectProblem(
        await manager.post('/api/v1/wallet/bonus-rules', { name: 'HQ-wide', thresholds: [{ pay: 10_000, bonus: 100 }] }),
        403,
        'forbidden',
      );
      expectProblem(
        await manager.post('/api/v1/wallet/bonus-rules', {
          name: 'Other store',
          thresholds: [{ pay: 10_000, bonus: 100 }],
          storeIds: [otherStoreId],
        }),
        403,
        'store_forbidden',
      );
      expectProblem(
        await frontDesk.post('/api/v1/wallet/bonus-rules', { name: 'x', thresholds: [{ pay: 10_000, bonus: 100 }], storeIds: [storeId] }),
        403,
        'forbidden',
      );
      expectProblem(await owner.patch(`/api/v1/wallet/bonus-rules/${ok.json().id}`, { version: 9, name: 'Stale' }), 409, 'stale_version');
      expectProblem(
        await owner.post('/api/v1/wallet/bonus-rules', {
          name: 'Bad',
          thresholds: [{ pay: 10_000, bonus: 1 }],
          startsOn: '2026-12-01',
          endsOn: '2026-11-01',
        }),
        400,
        'validation_failed',
      );
      await owner.patch(`/api/v1/wallet/bonus-rules/${ok.json().id}`, { version: 1, active: false });
    });
  });

  describe('adjustments and statement', () => {
    it('lets a manager adjust with a reason (audited), refuses front desk, and never goes below zero', async () => {
      const clientId = await aClient(owner, storeId);
      const adj = await manager.post(`/api/v1/clients/${clientId}/wallet/adjustments`, {
        part: 'bonus',
        amount: 2_500,
        reason: 'Birthday gift',
        storeId,
      });
      expect(adj.statusCode, adj.body).toBe(201);
      expect(adj.json().balance).toMatchObject({ principal: 0, bonus: 2_500, total: 2_500 });
      const audit = await db()
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'wallet.adjust')
        .where('entity_id', '=', clientId)
        .execute();
      expect(audit).toHaveLength(1);
      expect(JSON.parse(audit[0]!.after!)).toMatchObject({ amount: 2_500, reason: 'Birthday gift' });
      expectProblem(
        await frontDesk.post(`/api/v1/clients/${clientId}/wallet/adjustments`, { part: 'bonus', amount: 1, reason: 'nope', storeId }),
        403,
        'forbidden',
      );
      const tooMuch = await manager.post(`/api/v1/clients/${clientId}/wallet/adjustments`, {
        part: 'bonus',
        amount: -2_501,
        reason: 'Correction',
        storeId,
      });
      expect(expectProblem(tooMuch, 422, 'insufficient_balance')).toMatchObject({ available: 2_500, requested: 2_501 });
      expectProblem(
        await manager.post(`/api/v1/clients/${clientId}/wallet/adjustments`, { part: 'bonus', amount: 5, storeId }),
        400,
        'validation_failed',
      );
      expectProblem(
        await manager.post(`/api/v1/clients/${clientId}/wallet/adjustments`, {
          part: 'bonus',
          amount: 5,
          reason: 'extra',
          storeId,
          extra: 1,
        }),
        400,
        'validation_failed',
      );
      expect((await wallet(clientId)).bonus).toBe(2_500);
    });

    it('replays an adjustment sent twice with the same Idempotency-Key', async () => {
      const clientId = await aClient(owner, storeId);
      const body = { part: 'principal', amount: 1_000, reason: 'Goodwill credit', storeId };
      const headers = { 'idempotency-key': 'adjust-once-0001' };
      const [a, b] = await Promise.all([
        owner.post(`/api/v1/clients/${clientId}/wallet/adjustments`, body, headers),
        owner.post(`/api/v1/clients/${clientId}/wallet/adjustments`, body, headers),
      ]);
      expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
      expect((await wallet(clientId)).principal).toBe(1_000);
    });

    it('shows every posting with the running balance, newest first, page by page; exports CSV and a printable page', async () => {
      const clientId = await aClient(owner, storeId, { firstName: '美', lastName: '林' });
      await withWallet(t, clientId, otherStoreId, 10_000); // +100 principal, +20 bonus
      await pay(clientId, 6_000); // −50 principal, −10 bonus
      await manager.post(`/api/v1/clients/${clientId}/wallet/adjustments`, {
        part: 'principal',
        amount: 500,
        reason: 'Sorry for the wait',
        storeId,
      });
      const first = (await owner.get(`/api/v1/clients/${clientId}/wallet/statement?limit=2`)).json();
      expect(first.balance).toEqual({ principal: 5_500, bonus: 1_000, total: 6_500 });
      expect(
        first.data.map((r: { kind: string; principal: number; bonus: number; balanceAfter: number }) => [
          r.kind,
          r.principal,
          r.bonus,
          r.balanceAfter,
        ]),
      ).toEqual([
        ['adjustment', 500, 0, 6_500],
        ['spend', -5_000, -1_000, 6_000],
      ]);
      const second = (await owner.get(`/api/v1/clients/${clientId}/wallet/statement?limit=2&cursor=${first.nextCursor}`)).json();
      expect(second.data).toHaveLength(1);
      expect(second.data[0]).toMatchObject({
        kind: 'top_up',
        principal: 10_000,
        bonus: 2_000,
        principalAfter: 10_000,
        bonusAfter: 2_000,
        balanceAfter: 12_000,
      });
      expect(second.nextCursor).toBeNull();

      const csv = await owner.get(`/api/v1/clients/${clientId}/wallet/statement.csv`);
      expect(csv.headers['content-type']).toMatch(/text\/csv/);
      const lines = csv.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n');
      expect(lines[0]).toBe('date,store,kind,principal,bonus,amount,principal_balance,bonus_balance,balance,reference,reason');
      expect(lines).toHaveLength(4);
      expect(lines[3]).toContain('Sorry for the wait');
      expect(lines[2]).toContain('-50.00,-10.00,-60.00,50.00,10.00,60.00');
      expect(
        await db()
          .selectFrom('audit_log')
          .select('id')
          .where('action', '=', 'wallet.statement.export')
          .where('entity_id', '=', clientId)
          .execute(),
      ).toHaveLength(1);

      owner.language = 'zh-CN';
      const html = await owner.get(`/api/v1/clients/${clientId}/wallet/statement.html`);
      owner.language = 'en';
      expect(html.headers['content-type']).toMatch(/text\/html/);
      expect(html.body).toContain('储值对账单');
      expect(html.body).toContain('Sorry for the wait');
    });
  });

  it('answers "balance too low" with the shortfall and the top-up to offer with its bonus', async () => {
    const clientId = await aClient(owner, storeId);
    await withWallet(t, clientId, storeId, 3_000);
    const res = (await owner.get(`/api/v1/clients/${clientId}/wallet/offer?storeId=${otherStoreId}&amount=8000`)).json();
    expect(res).toMatchObject({ usable: true, available: 3_000, covers: false, shortfall: 5_000, offer: { pay: 10_000, bonus: 2_000 } });
    expect((await owner.get(`/api/v1/clients/${clientId}/wallet/offer?storeId=${storeId}&amount=2000`)).json()).toMatchObject({
      covers: true,
      offer: null,
    });
  });

  it('confirms a payment with a one-time code when the business asks for it', async () => {
    const clientId = await aClient(owner, storeId, { email: 'otp@client.test' });
    await withWallet(t, clientId, storeId, 5_000);
    await setLedgerSettings(owner, { wallet: { confirmation: 'otp' } });
    try {
      const { consumeConfirmation } = await import('../src/server/modules/wallet/index.js');
      const consume = (confirmationId: string | undefined) =>
        withTransaction(db(), ({ tx }) => consumeConfirmation(tx, { clientId, confirmationId, amount: 2_000, now: t.clock.now() }));
      await expect(consume(undefined)).rejects.toMatchObject({ code: 'wallet_confirmation_required' });
      const sent = await frontDesk.post(`/api/v1/clients/${clientId}/wallet/confirmations`, { storeId, amount: 2_000, channel: 'email' });
      expect(sent.statusCode, sent.body).toBe(201);
      expect(sent.json().sentTo).toBe('o•••@client.test');
      const job = await db()
        .selectFrom('jobs')
        .select('payload')
        .where('kind', '=', 'notify.send')
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      const code = /\b(\d{6})\b/.exec(JSON.parse(job.payload).text)![1]!;
      const id = sent.json().confirmationId;
      await expect(consume(id)).rejects.toMatchObject({ code: 'wallet_confirmation_required' }); // not verified yet
      const wrong = await frontDesk.post(`/api/v1/clients/${clientId}/wallet/confirmations/${id}/verify`, {
        code: code === '000000' ? '111111' : '000000',
      });
      expect(wrong.json()).toMatchObject({ ok: false, attemptsLeft: 4 });
      expect((await frontDesk.post(`/api/v1/clients/${clientId}/wallet/confirmations/${id}/verify`, { code })).json()).toMatchObject({
        ok: true,
      });
      await consume(id);
      await expect(consume(id)).rejects.toMatchObject({ code: 'wallet_confirmation_required' }); // once only
    } finally {
      await setLedgerSettings(owner, { wallet: { confirmation: 'none' } });
    }
  });

  it('moves the wallet when two client cards are merged, and refunds go to the kept card', async () => {
    const keep = await aClient(owner, storeId);
    const gone = await aClient(owner, storeId);
    await withWallet(t, keep, storeId, 1_000);
    await withWallet(t, gone, otherStoreId, 10_000);
    await pay(gone, 1_200);
    const refId = `t-${ref}`;
    const merged = await owner.post('/api/v1/clients/merge', { keepId: keep, mergeId: gone, keepVersion: 1, mergeVersion: 1 });
    expect(merged.statusCode, merged.body).toBeLessThan(300);
    expect(await wallet(keep)).toMatchObject({ principal: 11_000 - 1_000, bonus: 2_000 - 200 });
    expect(await wallet(gone)).toMatchObject({ total: 0 });
    await withTransaction(db(), ({ tx }) =>
      refundSpend(tx, { refType: 'test_tender', refId, amount: 1_200, storeId, actorId: null, now: t.clock.now() }),
    );
    expect(await wallet(keep)).toMatchObject({ principal: 11_000, bonus: 2_000 });
    expect((await reconcile(db())).ok).toBe(true);
  });

  it('lists every balance of a client, store-scoped like the client', async () => {
    const clientId = await aClient(owner, otherStoreId);
    await withWallet(t, clientId, otherStoreId, 10_000);
    const res = await owner.get(`/api/v1/clients/${clientId}/balances`);
    expect(res.json()).toMatchObject({
      clientId,
      wallet: { principal: 10_000, bonus: 2_000 },
      points: { balance: 0 },
      giftCards: [],
      coupons: [],
    });
    expectProblem(await frontDesk.get(`/api/v1/clients/${clientId}/balances`), 404, 'not_found');
  });

  it('reports stored-value liability by the store that sold it, principal apart from bonus', async () => {
    const res = await owner.get('/api/v1/reports/stored-value-liability');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const accounts = await db()
      .selectFrom('ledger_accounts')
      .select(['kind', 'balance'])
      .where('kind', 'in', ['wallet_principal', 'wallet_bonus'])
      .execute();
    const principal = accounts.filter((a) => a.kind === 'wallet_principal').reduce((s, a) => s + a.balance, 0);
    expect(body.outstanding.principal).toBe(principal);
    const attributed = body.byStore.reduce((s: number, r: { outstanding: { principal: number } }) => s + r.outstanding.principal, 0);
    expect(attributed + body.unattributed.principal).toBe(principal);
    expect(body.byStore.find((r: { storeId: string }) => r.storeId === otherStoreId).sold.bonus).toBeGreaterThan(0);
    // A manager sees their store's row only, without business-wide totals.
    const mine = (await manager.get('/api/v1/reports/stored-value-liability')).json();
    expect(mine.byStore.map((r: { storeId: string }) => r.storeId)).toEqual([storeId]);
    expect(mine.outstanding).toBeUndefined();
  });

  describe('balance reminders', () => {
    const runJobs = async () => {
      const worker = createPlatformWorker(t.deps, undefined, { handlers: ledgerJobHandlers(t.deps) });
      await worker.runOnce();
      await worker.runOnce();
    };

    it('can use a % of the last top-up as the threshold', async () => {
      await setLedgerSettings(owner, { reminders: { wallet: { kind: 'percent', value: 2_500 } } });
      try {
        const clientId = await aClient(owner, storeId, { email: 'pct@client.test' });
        await withWallet(t, clientId, storeId, 20_000); // threshold: 25 % of 200.00 = 50.00
        await runJobs();
        const before = t.notifier.sent.length;
        await pay(clientId, 14_000); // 60.00 left
        await runJobs();
        expect(t.notifier.sent.length).toBe(before);
        await pay(clientId, 1_100); // 49.00 left
        await runJobs();
        expect(t.notifier.sent.slice(before).map((m) => m.to)).toContain('pct@client.test');
      } finally {
        await setLedgerSettings(owner, { reminders: { wallet: { kind: 'amount', value: 5_000 } } });
      }
    });

    it('reminds once under the threshold, then holds to one every 7 days; consent "no" wins', async () => {
      const clientId = await aClient(owner, storeId, { email: 'low@client.test', language: 'zh-CN' });
      await withWallet(t, clientId, storeId, 6_000);
      await runJobs(); // deliver whatever earlier tests left in the outbox
      const before = t.notifier.sent.length;
      await pay(clientId, 500); // 55.00 left: above the $50 threshold
      await runJobs();
      expect(t.notifier.sent.length).toBe(before);
      await pay(clientId, 1_000); // 45.00: under
      await runJobs();
      const sent = t.notifier.sent.slice(before);
      expect(sent.map((m) => m.channel).sort()).toEqual(['email', 'sms']);
      expect(sent.find((m) => m.channel === 'email')?.text).toContain('储值余额');
      expect(sent.find((m) => m.channel === 'email')?.text).toContain('45.00');
      const told = (await wallet(clientId)).lastReminder;
      expect({ ...told, channels: [...told.channels].sort() }).toEqual({
        at: new Date(t.clock.now()).toISOString(),
        balance: 4_500,
        channels: ['email', 'sms'],
        skipped: null,
      });

      t.clock.advance(DAY); // next day, another spend: the cap holds, and the wallet says why she got nothing
      await pay(clientId, 500);
      await runJobs();
      expect(t.notifier.sent.length).toBe(before + 2);
      await owner.login('owner@lotus.test', OWNER_PASSWORD); // a day later: the session has idled out
      expect((await wallet(clientId)).lastReminder).toEqual({
        at: new Date(t.clock.now()).toISOString(),
        balance: 4_000,
        channels: [],
        skipped: 'frequency_cap',
      });
      expect(
        await db().selectFrom('balance_notices').select('kind').where('client_id', '=', clientId).orderBy('created_at').execute(),
      ).toEqual([{ kind: 'balance_reminder' }, { kind: 'balance_reminder_skipped' }]);

      // A week and an hour after the message, six days after the skipped decision (which the cap ignores).
      t.clock.advance(6 * DAY + DAY / 24);
      await db()
        .insertInto('client_consents')
        .values({
          id: crypto.randomUUID(),
          client_id: clientId,
          channel: 'sms',
          granted: 0,
          at: t.clock.now(),
          source: 'front_desk',
          wording_version: null,
          actor_id: null,
          created_at: t.clock.now(),
        })
        .execute();
      await pay(clientId, 500);
      await runJobs();
      const later = t.notifier.sent.slice(before + 2);
      // She is told again: the skipped decision did not extend the cap.
      expect(later.map((m) => m.channel)).toEqual(['email']);
      await owner.login('owner@lotus.test', OWNER_PASSWORD);
      expect((await wallet(clientId)).lastReminder).toMatchObject({ balance: 3_500, channels: ['email'], skipped: null });
    });
  });
});
