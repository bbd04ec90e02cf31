// Gap-free receipt numbers under load: 50 tickets of one store completed at once get 1..50, no gap, no
// repeat; completions that fail give their number back; two terminals completing the same ticket charge once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { registerTender } from '../src/server/modules/sales/index.js';
import { AppError } from '../src/server/platform/errors.js';
import { createTestApp, type TestApp } from './support/app.js';
import { complete, key, openShift, openTicket, type Salon, serviceLine, setUpSalon, V1 } from './support/checkout.js';

let t: TestApp;
let s: Salon;
let unregister: () => void;

beforeAll(async () => {
  // A voucher tender whose ledger refuses some payments inside the completion transaction, after the
  // receipt number was taken: the refusal must give the number back.
  unregister = registerTender<{ code: string }>({
    kind: 'test_voucher',
    label: { en: 'Voucher', 'zh-CN': '券', 'zh-TW': '券' },
    schema: z.object({ code: z.string() }),
    apply: async (_tx, tender) => {
      if (tender.data.code === 'bad') throw new AppError('insufficient_balance', 422, { available: '0.00' });
      return { redeemed: tender.amount };
    },
  });
  t = await createTestApp();
  s = await setUpSalon(t);
  await openShift(s.desk, s.storeId);
});
afterAll(async () => {
  unregister();
  await t.close();
});

describe('receipt numbers', () => {
  it('50 concurrent completions of 50 tickets in one store → 1..50, no gap, no repeat', async () => {
    const tickets = [];
    for (let i = 0; i < 50; i++)
      tickets.push(
        await openTicket(s.desk, { storeId: s.storeId, lines: [serviceLine(i % 2 ? s.manicure : s.pedicure, i % 3 ? s.amy : s.bo)] }),
      );
    const results = await Promise.all(
      tickets.map((sale, i) =>
        complete(s.desk, sale, {
          tip: { amount: i * 10 },
          tenders: i % 2 ? [{ kind: 'cash', amount: sale.total + i * 10 + 500 }] : [{ kind: 'card', amount: sale.total + i * 10 }],
        }),
      ),
    );
    for (const r of results) expect(r.statusCode, r.body).toBe(200);
    const numbers = results.map((r) => r.json().receiptNumber as number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(results.map((r) => r.json().receiptCode)).size).toBe(50);
    const counter = await t.db.db
      .selectFrom('receipt_counters')
      .select('last_number')
      .where('store_id', '=', s.storeId)
      .executeTakeFirstOrThrow();
    expect(counter.last_number).toBe(50);
  });

  it('interleaves failed completions without leaving gaps', async () => {
    const tickets = [];
    for (let i = 0; i < 20; i++) tickets.push(await openTicket(s.desk, { storeId: s.storeId, lines: [serviceLine(s.manicure, s.amy)] }));
    // Every third voucher is refused by its ledger after the number was taken; the number is not burnt.
    const results = await Promise.all(
      tickets.map((sale, i) =>
        complete(s.desk, sale, { tenders: [{ kind: 'test_voucher', amount: 3000, code: i % 3 === 0 ? 'bad' : 'ok' }] }),
      ),
    );
    const ok = results.filter((r) => r.statusCode === 200);
    expect(results.filter((r) => r.statusCode === 422)).toHaveLength(7);
    expect(ok.map((r) => r.json().receiptNumber).sort((a: number, b: number) => a - b)).toEqual(
      Array.from({ length: 13 }, (_, i) => 51 + i),
    );
  });

  it('two terminals completing the same ticket with different keys: one sale, one 409', async () => {
    const sale = await openTicket(s.desk, { storeId: s.storeId, lines: [serviceLine(s.manicure, s.amy)] });
    const results = await Promise.all(
      Array.from({ length: 6 }, () => complete(s.desk, sale, { tenders: [{ kind: 'card', amount: 3000 }] }, key())),
    );
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
    for (const r of results.filter((x) => x.statusCode !== 200)) expect(r.json().code).toBe('sale_already_completed');
    const tenders = await t.db.db.selectFrom('sale_tenders').select('id').where('sale_id', '=', sale.id).execute();
    expect(tenders).toHaveLength(1);
    const all = (await s.desk.get(`${V1}/sales?storeId=${s.storeId}&status=completed&limit=200`)).json().data;
    const numbers = all.map((x: { receiptCode: string }) => Number(x.receiptCode.slice(-6))).sort((a: number, b: number) => a - b);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
  });

  it('a completion that waited for an edit of its ticket prices the edited lines, not the ones it saw first', async () => {
    const sale = await openTicket(s.desk, { storeId: s.storeId, lines: [serviceLine(s.manicure, s.amy)] });
    // Another terminal's edit holds the ticket: two of the service now, and the sale's version moves on.
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let edited!: () => void;
    const editing = new Promise<void>((r) => {
      edited = r;
    });
    const edit = t.db.db.transaction().execute(async (tx) => {
      await tx
        .updateTable('sales')
        .set({ version: sale.version + 1 })
        .where('id', '=', sale.id)
        .execute();
      await tx.updateTable('sale_lines').set({ quantity: 2 }).where('sale_id', '=', sale.id).execute();
      edited();
      await gate;
    });
    await editing;
    const completion = complete(s.desk, { id: sale.id, version: sale.version + 1 }, { tenders: [{ kind: 'cash', amount: 50_000 }] });
    await new Promise((r) => setTimeout(r, 300)); // the completion is now waiting for the ticket
    release();
    await edit;
    const res = await completion;
    expect(res.statusCode, res.body).toBe(200);
    const done = res.json();
    expect(done.lines.map((l: { quantity: number }) => l.quantity)).toEqual([2]);
    expect(done.subtotal).toBe(2 * sale.subtotal);
    expect(done.tenders[0].amount).toBe(done.total);
  });
});
