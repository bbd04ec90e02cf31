// Idempotent completion: a retry with the same key and body returns the first response and charges
// nothing twice (also when the retries race); the same key with another body is 409 idempotency_key_reused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHousekeeping } from '../src/server/platform/jobs/index.js';
import { createTestApp, expectProblem, type TestApp } from './support/app.js';
import { complete, key, openShift, openTicket, type Salon, serviceLine, setUpSalon, V1 } from './support/checkout.js';

let t: TestApp;
let s: Salon;

const count = async (table: 'sale_tenders' | 'sale_tips' | 'sale_refunds', saleId: string) =>
  (await t.db.db.selectFrom(table).select('id').where('sale_id', '=', saleId).execute()).length;

beforeAll(async () => {
  t = await createTestApp();
  s = await setUpSalon(t);
  await openShift(s.desk, s.storeId);
});
afterAll(() => t.close());

describe('Idempotency-Key on completion', () => {
  it('a retry returns the first response (even a day later) and charges nothing twice', async () => {
    const sale = await openTicket(s.desk, { storeId: s.storeId, lines: [serviceLine(s.manicure, s.amy), serviceLine(s.pedicure, s.bo)] });
    const k = key();
    const body = { tip: { percent: 20 }, tenders: [{ kind: 'cash', amount: 10_000 }] };
    const first = await complete(s.desk, sale, body, k);
    expect(first.statusCode, first.body).toBe(200);
    // Kept at least 24 hours: the nightly housekeeping leaves a 23-hour-old key alone.
    await t.db.db
      .updateTable('idempotency_keys')
      .set((eb) => ({ created_at: eb('created_at', '-', 23 * 3_600_000) }))
      .where('key', '=', k)
      .execute();
    await runHousekeeping(t.db.db, t.clock.now());
    const retry = await complete(s.desk, sale, body, k);
    expect(retry.statusCode).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    expect(await count('sale_tenders', sale.id)).toBe(1);
    expect(await count('sale_tips', sale.id)).toBe(2);
    const audits = await t.db.db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'sale.complete')
      .where('entity_id', '=', sale.id)
      .execute();
    expect(audits).toHaveLength(1);
    // The receipt code is written with the sale in one statement on PostgreSQL: the stored row and the
    // audit row carry the code the response shows.
    const { receiptNumber, receiptCode } = first.json();
    expect(receiptCode).toBe(`${receiptCode.split('-')[0]}-${String(receiptNumber).padStart(6, '0')}`);
    expect(JSON.parse(audits[0]!.after!).receipt).toBe(receiptCode);
    const stored = await t.db.db
      .selectFrom('sales')
      .select(['receipt_number', 'receipt_code'])
      .where('id', '=', sale.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ receipt_number: receiptNumber, receipt_code: receiptCode });
  });

  it('the same key with another body is 409 idempotency_key_reused', async () => {
    const sale = await openTicket(s.desk, { storeId: s.storeId, lines: [serviceLine(s.manicure, s.amy)] });
    const k = key();
    expect((await complete(s.desk, sale, { tenders: [{ kind: 'card', amount: 3000 }] }, k)).statusCode).toBe(200);
    expectProblem(await complete(s.desk, sale, { tenders: [{ kind: 'cash', amount: 3000 }] }, k), 409, 'idempotency_key_reused');
    const other = await openTicket(s.desk, { storeId: s.storeId, lines: [serviceLine(s.manicure, s.amy)] });
    expectProblem(await complete(s.desk, other, { tenders: [{ kind: 'card', amount: 3000 }] }, k), 409, 'idempotency_key_reused');
    // The key is checked as the completion commits: the refused one rolled back whole, so the ticket is
    // still open, holds no tender, and completes with a key of its own.
    expect(await count('sale_tenders', other.id)).toBe(0);
    const retried = await complete(s.desk, other, { tenders: [{ kind: 'card', amount: 3000 }] }, key());
    expect(retried.statusCode, retried.body).toBe(200);
  });

  it('racing retries with one key complete once and all answer the same', async () => {
    const sale = await openTicket(s.desk, { storeId: s.storeId, lines: [serviceLine(s.pedicure, s.bo)] });
    const k = key();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => complete(s.desk, sale, { tenders: [{ kind: 'card', amount: 4500 }] }, k)),
    );
    for (const r of results) expect(r.statusCode, r.body).toBe(200);
    expect(new Set(results.map((r) => r.json().receiptCode)).size).toBe(1);
    expect(await count('sale_tenders', sale.id)).toBe(1);
  });

  it('a refused completion stores no key: the corrected request goes through', async () => {
    const sale = await openTicket(s.desk, { storeId: s.storeId, lines: [serviceLine(s.manicure, s.amy)] });
    const k = key();
    expectProblem(await complete(s.desk, sale, { tenders: [{ kind: 'card', amount: 2999 }] }, k), 422, 'payment_mismatch');
    expect((await complete(s.desk, sale, { tenders: [{ kind: 'card', amount: 3000 }] }, k)).statusCode).toBe(200);
  });

  it('refunds accept a key too: a retried refund refunds once', async () => {
    const sale = await openTicket(s.desk, { storeId: s.storeId, lines: [serviceLine(s.manicure, s.amy)] });
    expect((await complete(s.desk, sale, { tenders: [{ kind: 'card', amount: 3000 }] })).statusCode).toBe(200);
    const k = key();
    const body = { reason: 'Chipped', amount: 1000 };
    const a = await s.manager.post(`${V1}/sales/${sale.id}/refunds`, body, { 'idempotency-key': k });
    const b = await s.manager.post(`${V1}/sales/${sale.id}/refunds`, body, { 'idempotency-key': k });
    expect(a.statusCode, a.body).toBe(201);
    expect(b.json()).toEqual(a.json());
    expect(await count('sale_refunds', sale.id)).toBe(1);
  });
});
