import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/server/db/database.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { withTransaction } from '../src/server/db/tx.js';
import { openAccount, post, reconcile } from '../src/server/modules/ledgers/index.js';
import { seedDemoLedgers } from '../src/server/modules/wallet/index.js';
import { newId } from '../src/server/platform/ids.js';
import { createTestApp, type Session, setUpBusiness, type TestApp } from './support/app.js';
import { createTestTarget, type TestTarget } from './support/db.js';
import { aClient, aService, till, withWallet } from './support/ledger-fixtures.js';

const ROOT = resolve(import.meta.dirname, '..');

function main(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !['PORT', 'HOST', 'DATA_DIR', 'DATABASE_URL', 'LOG_LEVEL'].includes(k)),
  );
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/server/main.ts', ...args],
      { cwd: ROOT, env: { ...base, LOG_LEVEL: 'silent', ...env }, timeout: 60_000 },
      (err, stdout, stderr) => done({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
    );
  });
}

describe('reconciliation: sum(entries) = balance for every account', () => {
  let t: TestApp;
  let owner: Session;
  let storeId: string;
  beforeAll(async () => {
    t = await createTestApp();
    let me: { staff: { id: string } };
    ({ owner, storeId, me } = await setUpBusiness(t));
    // A realistic mix: top-ups with bonus, stored-value payments, refunds, gift cards, points, coupons.
    await owner.post('/api/v1/wallet/bonus-rules', { name: '100 → 20', thresholds: [{ pay: 10_000, bonus: 2_000 }] });
    const service = await aService(owner, 4_500);
    const pos = till(owner, storeId);
    const line = { kind: 'service', serviceId: service, technicians: [{ staffId: me.staff.id }] };
    for (let i = 0; i < 4; i++) {
      const clientId = await aClient(owner, storeId);
      const top = await pos.ticket(clientId, [{ kind: 'stored_value_topup', amount: 10_000 + i * 1_000 }]);
      await pos.complete(top, [{ kind: 'card', amount: top.total }]);
      const sale = await pos.ticket(clientId, [line, line]);
      await pos.complete(sale, [
        { kind: 'stored_value', amount: 7_000 },
        { kind: 'card', amount: sale.total - 7_000 },
      ]);
      if (i % 2) await pos.refund(sale.id, { lines: [{ lineId: sale.lines[0]!.id, quantity: 1 }] });
      const code = (await owner.get('/api/v1/gift-cards/new-code')).json().code;
      const gc = await pos.ticket(clientId, [{ kind: 'gift_card', code, amount: 3_000 }]);
      await pos.complete(gc, [{ kind: 'card', amount: 3_000 }]);
      const spend = await pos.ticket(null, [line]);
      await pos.complete(spend, [
        { kind: 'gift_card', code, amount: 2_000 },
        { kind: 'card', amount: spend.total - 2_000 },
      ]);
    }
    await owner.post('/api/v1/coupons', { code: 'RECON', name: 'r', kind: 'amount', value: 100, totalLimit: 3 });
  });
  afterAll(() => t.close());

  it('proves every account reconciles after real operations, with totals per kind', async () => {
    const res = await owner.get('/api/v1/ledgers/reconcile');
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report.ok).toBe(true);
    expect(report.problems).toEqual([]);
    const kinds = report.totals.map((x: { kind: string }) => x.kind);
    for (const k of ['wallet_principal', 'wallet_bonus', 'gift_card', 'points', 'coupon_pool']) expect(kinds).toContain(k);
    for (const x of report.totals) expect(x.balance).toBe(x.entriesSum);
    expect(report.entries).toBeGreaterThan(20);
  });

  it('lists an account whose balance was changed behind the ledger’s back', async () => {
    const clientId = await aClient(owner, storeId);
    await withWallet(t, clientId, storeId, 5_000);
    const account = await t.db.db
      .selectFrom('ledger_accounts')
      .select('id')
      .where('owner_id', '=', clientId)
      .where('kind', '=', 'wallet_principal')
      .executeTakeFirstOrThrow();
    await sql`update ledger_accounts set balance = balance + 1 where id = ${account.id}`.execute(t.db.db);
    try {
      const report = await reconcile(t.db.db);
      expect(report.ok).toBe(false);
      expect(report.problems).toEqual([
        expect.objectContaining({
          accountId: account.id,
          kind: 'wallet_principal',
          ownerId: clientId,
          balance: 5_001,
          entriesSum: 5_000,
          problems: ['balance 5001 but entries sum to 5000'],
        }),
      ]);
    } finally {
      await sql`update ledger_accounts set balance = balance - 1 where id = ${account.id}`.execute(t.db.db);
    }
    expect((await reconcile(t.db.db)).ok).toBe(true);
  });

  it('notices an entry count that does not match', async () => {
    const account = await withTransaction(t.db.db, ({ tx }) =>
      openAccount(tx, { kind: 'points', ownerType: 'client', ownerId: newId() }, 1),
    );
    await withTransaction(t.db.db, ({ tx }) => post(tx, [{ accountId: account.id, amount: 10 }], { kind: 'adjustment', now: 1 }));
    await sql`update ledger_accounts set entry_count = 5 where id = ${account.id}`.execute(t.db.db);
    const report = await reconcile(t.db.db);
    expect(report.problems.find((p) => p.accountId === account.id)?.problems).toEqual(['entry_count 5 but 1 entries']);
    await sql`update ledger_accounts set entry_count = 1 where id = ${account.id}`.execute(t.db.db);
  });
});

describe('the demo ledgers', () => {
  it('seed wallets with bonus, gift cards, points, tiers and coupons that reconcile', async () => {
    const t = await createTestApp();
    try {
      const { owner, storeId } = await setUpBusiness(t);
      const clientIds = await Promise.all(Array.from({ length: 24 }, () => aClient(owner, storeId)));
      const serviceId = await aService(owner, 3_000);
      const result = await withTransaction(t.db.db, ({ tx }) =>
        seedDemoLedgers(tx, { storeIds: [storeId], clientIds, now: t.clock.now(), actorId: null, birthdayServiceId: serviceId }),
      );
      expect(result).toMatchObject({ wallets: 6, pointsClients: 8 });
      expect(result.tierIds).toHaveLength(3);
      expect(result.couponIds).toHaveLength(3);
      expect(result.giftCards).toHaveLength(8);
      const wallet = (await owner.get(`/api/v1/clients/${clientIds[0]}/wallet`)).json();
      expect(wallet.bonus).toBeGreaterThan(0);
      const card = (await owner.post('/api/v1/gift-cards/lookup', { code: result.giftCards[0]!.code })).json();
      expect(card.balance).toBe(result.giftCards[0]!.balance);
      expect((await reconcile(t.db.db)).ok).toBe(true);
    } finally {
      await t.close();
    }
  });
});

describe('npm run reconcile', () => {
  let target: TestTarget;
  beforeAll(async () => {
    target = await createTestTarget();
  });
  afterAll(() => target.destroy());

  it('exits 0 when everything reconciles and 1 with a listing when not', async () => {
    const database = openDatabase(target.database);
    try {
      await migrateToLatest(database.db);
      const account = await withTransaction(database.db, ({ tx }) =>
        openAccount(tx, { kind: 'gift_card', ownerType: 'gift_card', ownerId: newId() }, 1),
      );
      await withTransaction(database.db, ({ tx }) => post(tx, [{ accountId: account.id, amount: 2_500 }], { kind: 'sale', now: 1 }));
      const ok = await main(['reconcile'], target.env);
      expect(ok.code, ok.stderr).toBe(0);
      expect(ok.stdout).toMatch(/1 accounts, 1 entries — all reconcile/);
      await sql`update ledger_accounts set balance = 2400 where id = ${account.id}`.execute(database.db);
      const bad = await main(['reconcile'], target.env);
      expect(bad.code).toBe(1);
      expect(bad.stdout).toContain(account.id);
      expect(bad.stdout).toContain('balance 2400 but entries sum to 2500');
      const json = await main(['reconcile', '--json'], target.env);
      expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, problems: [{ accountId: account.id }] });
    } finally {
      await database.close();
    }
  }, 120_000);
});
