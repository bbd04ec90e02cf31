import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../src/server/db/tx.js';
import { applyMovements, openAccount, post, postToBook, reconcile } from '../src/server/modules/ledgers/index.js';
import { newId } from '../src/server/platform/ids.js';
import { addStaff, createTestApp, expectProblem, type Session, setUpBusiness, type TestApp } from './support/app.js';
import { aClient } from './support/ledger-fixtures.js';

describe('the ledger mechanism', () => {
  let t: TestApp;
  let owner: Session;
  let storeId: string;
  beforeAll(async () => {
    t = await createTestApp();
    ({ owner, storeId } = await setUpBusiness(t));
  });
  afterAll(() => t.close());

  const db = () => t.db.db;
  const anAccount = async (kind: 'gift_card' | 'points' = 'gift_card') =>
    withTransaction(db(), ({ tx }) =>
      openAccount(tx, { kind, ownerType: kind === 'points' ? 'client' : 'gift_card', ownerId: newId() }, t.clock.now()),
    );
  const credit = (accountId: string, amount: number) =>
    withTransaction(db(), ({ tx }) => post(tx, [{ accountId, amount }], { kind: 'adjustment', storeId, now: t.clock.now() }));
  const debit = (accountId: string, amount: number) =>
    withTransaction(db(), ({ tx }) => post(tx, [{ accountId, amount: -amount }], { kind: 'spend', storeId, now: t.clock.now() }));
  const balance = async (id: string) =>
    (await db().selectFrom('ledger_accounts').select('balance').where('id', '=', id).executeTakeFirstOrThrow()).balance;

  it('opens one account per key, even when asked twice at once', async () => {
    const ownerId = newId();
    const key = { kind: 'points' as const, ownerType: 'client' as const, ownerId };
    const opened = await Promise.all(
      Array.from({ length: 6 }, () => withTransaction(db(), ({ tx }) => openAccount(tx, key, t.clock.now()))),
    );
    expect(new Set(opened.map((a) => a.id)).size).toBe(1);
    expect(opened.filter((a) => a.created)).toHaveLength(1);
    expect(opened[0]).toMatchObject({ unit: 'points', balance: 0 });
  });

  it('appends an entry per movement with its seq and the balance it left', async () => {
    const a = await anAccount();
    await credit(a.id, 10_000);
    await debit(a.id, 2_550);
    const entries = await db().selectFrom('ledger_entries').selectAll().where('account_id', '=', a.id).orderBy('seq').execute();
    expect(entries.map((e) => [e.seq, e.amount, e.balance_after, e.kind])).toEqual([
      [1, 10_000, 10_000, 'adjustment'],
      [2, -2_550, 7_450, 'spend'],
    ]);
    expect(await balance(a.id)).toBe(7_450);
  });

  it('refuses a debit the balance cannot cover with 422 insufficient_balance and the available amount, writing nothing', async () => {
    const a = await anAccount();
    await credit(a.id, 1_000);
    const err = await debit(a.id, 1_001).catch((e) => e);
    expect(err).toMatchObject({ code: 'insufficient_balance', status: 422, extra: { available: 1_000, requested: 1_001, unit: 'cents' } });
    expect(await balance(a.id)).toBe(1_000);
    expect(await db().selectFrom('ledger_entries').select('id').where('account_id', '=', a.id).execute()).toHaveLength(1);
  });

  it('rolls back every leg of a posting when one leg fails', async () => {
    const a = await anAccount();
    const b = await anAccount();
    await credit(a.id, 500);
    const err = await withTransaction(db(), ({ tx }) =>
      post(
        tx,
        [
          { accountId: a.id, amount: -500 },
          { accountId: b.id, amount: -1 },
        ],
        { kind: 'spend', now: t.clock.now() },
      ),
    ).catch((e) => e);
    expect(err.code).toBe('insufficient_balance');
    expect(await balance(a.id)).toBe(500);
  });

  it('refuses zero, fractional and oversized amounts', async () => {
    const a = await anAccount();
    for (const amount of [0, 1.5, 100_000_001, Number.NaN]) {
      await expect(
        withTransaction(db(), ({ tx }) => post(tx, [{ accountId: a.id, amount }], { kind: 'adjustment', now: 1 })),
      ).rejects.toMatchObject({
        code: 'ledger_amount_invalid',
      });
    }
  });

  it('never lets an entry be edited or deleted: the database refuses', async () => {
    const a = await anAccount();
    await credit(a.id, 100);
    await expect(sql`update ledger_entries set amount = 1000 where account_id = ${a.id}`.execute(db())).rejects.toThrow(/append-only/);
    await expect(sql`delete from ledger_entries where account_id = ${a.id}`.execute(db())).rejects.toThrow(/append-only/);
    const [e] = await db().selectFrom('ledger_entries').select('amount').where('account_id', '=', a.id).execute();
    expect(e?.amount).toBe(100);
  });

  it('keeps a balance CHECK as a second line of defence', async () => {
    const a = await anAccount();
    await expect(sql`update ledger_accounts set balance = -1 where id = ${a.id}`.execute(db())).rejects.toThrow();
  });

  it('20 concurrent $30 spends from $100: exactly 3 succeed, $10 left, never negative, entries reconcile', async () => {
    const a = await anAccount();
    await credit(a.id, 10_000);
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => debit(a.id, 3_000)));
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(3);
    expect(refused).toHaveLength(17);
    for (const r of refused) expect(r.reason).toMatchObject({ code: 'insufficient_balance' });
    expect(await balance(a.id)).toBe(1_000);
    const entries = await db()
      .selectFrom('ledger_entries')
      .select(['seq', 'balance_after'])
      .where('account_id', '=', a.id)
      .orderBy('seq')
      .execute();
    expect(entries.map((e) => e.balance_after)).toEqual([10_000, 7_000, 4_000, 1_000]);
    expect((await reconcile(db())).ok).toBe(true);
  });

  it('20 parallel payments from an account worth exactly 10 of them: exactly 10 succeed and the balance is 0', async () => {
    const a = await anAccount();
    await credit(a.id, 10 * 1_234);
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => debit(a.id, 1_234)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
    expect(await balance(a.id)).toBe(0);
  });

  it('locks a book and lets the plan split from the locked balances (concurrent book spends stay exact)', async () => {
    const p = await anAccount();
    const b = await anAccount();
    await credit(p.id, 6_000);
    await credit(b.id, 4_000);
    // Each spend takes 1,000 in proportion to the locked balances; 12 of them, only 10 fit.
    const spendOnce = () =>
      withTransaction(db(), ({ tx }) =>
        postToBook(tx, [p.id, b.id], { kind: 'spend', now: t.clock.now() }, ([pb = 0, bb = 0]) => {
          if (pb + bb < 1_000) throw new Error('short');
          const fromP = Math.min(pb, Math.round((1_000 * pb) / (pb + bb)));
          const legs = [];
          if (fromP > 0) legs.push({ accountId: p.id, amount: -fromP });
          if (1_000 - fromP > 0) legs.push({ accountId: b.id, amount: -(1_000 - fromP) });
          return legs;
        }),
      );
    const results = await Promise.allSettled(Array.from({ length: 12 }, spendOnce));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
    expect((await balance(p.id)) + (await balance(b.id))).toBe(0);
    const seqs = (
      await db()
        .selectFrom('ledger_entries')
        .select('book_seq')
        .where('account_id', 'in', [p.id, b.id])
        .where('book_seq', 'is not', null)
        .execute()
    ).map((e) => e.book_seq);
    expect(new Set(seqs).size).toBe(10);
  });

  it('property: any sequence of credits, debits and refunds keeps balance = sum(entries) ≥ 0, like the model', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.integer({ min: -5_000, max: 5_000 }).filter((n) => n !== 0),
          { minLength: 1, maxLength: 25 },
        ),
        async (amounts) => {
          const a = await anAccount();
          const model = applyMovements(0, amounts);
          for (const [i, amount] of amounts.entries()) {
            const res = await withTransaction(db(), ({ tx }) =>
              post(tx, [{ accountId: a.id, amount }], { kind: amount > 0 ? 'adjustment' : 'spend', now: 1 }),
            ).then(
              () => true,
              (e) => (e.code === 'insufficient_balance' ? false : Promise.reject(e)),
            );
            expect(res).toBe(model[i] !== null);
          }
          const accepted = model.filter((m): m is number => m !== null);
          const bal = await balance(a.id);
          expect(bal).toBe(accepted.at(-1) ?? 0);
          const sum = await db()
            .selectFrom('ledger_entries')
            .select((eb) => eb.fn.sum<number>('amount').as('s'))
            .where('account_id', '=', a.id)
            .executeTakeFirst();
          expect(Number(sum?.s ?? 0)).toBe(bal);
          expect(bal).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('exposes the entries of an account page by page, newest first', async () => {
    const clientId = await aClient(owner, storeId);
    const account = await withTransaction(db(), ({ tx }) =>
      openAccount(tx, { kind: 'points', ownerType: 'client', ownerId: clientId }, t.clock.now()),
    );
    for (let i = 1; i <= 5; i++) await credit(account.id, i * 10);
    const first = await owner.get(`/api/v1/ledgers/accounts/${account.id}/entries?limit=2`);
    expect(first.statusCode).toBe(200);
    expect(first.json().data.map((e: { amount: number }) => e.amount)).toEqual([50, 40]);
    const second = await owner.get(`/api/v1/ledgers/accounts/${account.id}/entries?limit=2&cursor=${first.json().nextCursor}`);
    expect(second.json().data.map((e: { balanceAfter: number }) => e.balanceAfter)).toEqual([60, 30]);
  });
  it('keeps business-wide settings versioned, validated, HQ-only and audited', async () => {
    const manager = (await addStaff(t, owner, { role: 'manager', storeIds: [storeId], email: 'settings-mgr@lotus.test' })).session;
    const current = (await manager.get('/api/v1/ledgers/settings')).json();
    expect(current.settings.wallet).toMatchObject({ spendOrder: 'proportional', topUpRefundBonus: 'forfeit', confirmation: 'none' });
    expect(current.settings.giftCards.expiryMonths).toBeNull();
    const next = { ...current.settings, wallet: { ...current.settings.wallet, spendOrder: 'bonus_first' } };
    expectProblem(await manager.put('/api/v1/ledgers/settings', { version: current.version, settings: next }), 403, 'forbidden');
    expectProblem(
      await owner.put('/api/v1/ledgers/settings', {
        version: current.version,
        settings: { ...next, wallet: { ...next.wallet, spendOrder: 'random' } },
      }),
      400,
      'validation_failed',
    );
    const saved = await owner.put('/api/v1/ledgers/settings', { version: current.version, settings: next });
    expect(saved.statusCode, saved.body).toBe(200);
    expectProblem(await owner.put('/api/v1/ledgers/settings', { version: current.version, settings: next }), 409, 'stale_version');
    const back = { ...next, wallet: { ...next.wallet, spendOrder: 'proportional' } };
    expect((await owner.put('/api/v1/ledgers/settings', { version: saved.json().version, settings: back })).statusCode).toBe(200);
    expect(await db().selectFrom('audit_log').select('id').where('action', '=', 'ledgers.settings.update').execute()).toHaveLength(2);
  });
});
