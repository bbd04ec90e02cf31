// Refunds and voids: whole, by line, by amount; to the original tenders; tax in proportion; tips reversed;
// never more than paid; manager approval; the registries' refund hooks get exactly what was spent.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type RefundSnapshot, registerSaleHook, registerTender } from '../src/server/modules/sales/index.js';
import { createTestApp, expectProblem, type TestApp } from './support/app.js';
import { completeOk, MANAGER_PIN, openShift, openTicket, type Salon, serviceLine, setUpSalon, V1 } from './support/checkout.js';

let t: TestApp;
let s: Salon;
let shiftId: string;
const cleanups: Array<() => void> = [];
const walletRefunds: Array<{ amount: number; data: Record<string, unknown> }> = [];
const saleRefunds: RefundSnapshot[] = [];

const refund = (session: Salon['desk'], id: string, body: Record<string, unknown>) => session.post(`${V1}/sales/${id}/refunds`, body);
const sale3 = () =>
  openTicket(s.desk, {
    storeId: s.storeId,
    lines: [serviceLine(s.manicure, s.amy), serviceLine(s.pedicure, s.bo), { kind: 'product', productId: s.polish, quantity: 2 }],
  });

beforeAll(async () => {
  // A ledger-like tender: apply() records how the payment was split; refund() must get that back.
  cleanups.push(
    registerTender<{ principal?: number; bonus?: number }>({
      kind: 'test_wallet',
      label: { en: 'Wallet', 'zh-CN': '储值', 'zh-TW': '儲值' },
      schema: z.object({}),
      apply: async (_tx, tender) => ({
        principal: Math.round(tender.amount * 0.8),
        bonus: tender.amount - Math.round(tender.amount * 0.8),
      }),
      refund: async (_tx, tender, amount) => {
        walletRefunds.push({ amount, data: tender.data });
      },
    }),
    registerSaleHook({ name: 'test_points', onRefund: async (_tx, _sale, r) => void saleRefunds.push(r) }),
  );
  t = await createTestApp();
  s = await setUpSalon(t, { tax: { preset: 'us_nyc', taxServices: false } });
  shiftId = (await openShift(s.desk, s.storeId)).id;
});
afterAll(async () => {
  for (const c of cleanups) c();
  await t.close();
});

describe('refunds', () => {
  it('refunds a whole sale to its original tenders, with its own receipt number, tips reversed', async () => {
    const sale = await sale3(); // 30 + 45 + 24 + 2.13 tax = 101.13
    const done = await completeOk(s.desk, sale, {
      tip: { amount: 1500 },
      tenders: [
        { kind: 'card', amount: 8000 },
        { kind: 'cash', amount: 4000 },
      ],
    });
    expect(done.amountPaid).toBe(11_613);
    expectProblem(await refund(s.desk, done.id, { reason: 'Allergic reaction' }), 403, 'approval_required');
    const res = await refund(s.manager, done.id, { reason: 'Allergic reaction' });
    expect(res.statusCode, res.body).toBe(201);
    const { refund: r, sale: after } = res.json();
    expect(r).toMatchObject({ kind: 'refund', total: 11_613, tax: 213, tip: 1500, cashRounding: 0, receiptNumber: done.receiptNumber + 1 });
    expect(r.tenders).toEqual([
      { tenderId: done.tenders[0].id, kind: 'card', amount: 8000 },
      { tenderId: done.tenders[1].id, kind: 'cash', amount: 3613 },
    ]);
    expect(after).toMatchObject({ status: 'completed', refundedTotal: 11_613 });
    expect(after.lines.map((l: { refundedQuantity: number }) => l.refundedQuantity)).toEqual([1, 1, 2]);
    const tips = await t.db.db.selectFrom('sale_tips').select(['staff_id', 'amount']).where('sale_id', '=', done.id).execute();
    expect(tips.reduce((a, x) => a + x.amount, 0)).toBe(0);
    expectProblem(await refund(s.manager, done.id, { reason: 'again' }), 422, 'refund_empty');
    expectProblem(await refund(s.manager, done.id, { reason: 'again', amount: 1 }), 422, 'refund_exceeds_paid');
    const text = (await s.desk.get(`${V1}/sales/${done.id}/receipt?format=text&refundId=${r.id}`)).body;
    expect(text).toContain(r.receiptCode);
    expect(text).toContain(done.receiptCode);
    expect(text).toMatch(/Total refunded\s+\$101\.13/);
    const [entry] = await t.db.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'sale.refund')
      .where('entity_id', '=', done.id)
      .execute();
    expect(JSON.parse(entry!.after!)).toMatchObject({ reason: 'Allergic reaction', total: 11_613 });
  });

  it('refunds some lines with tax in proportion, then the rest exactly', async () => {
    const done = await completeOk(s.desk, await sale3(), { tenders: [{ kind: 'card', amount: 10_113 }] });
    // One of the two bottles: 12.00 + half the tax of 2.13 → 1.07 (half-up).
    const one = (await refund(s.manager, done.id, { reason: 'Wrong colour', lines: [{ lineId: done.lines[2].id, quantity: 1 }] })).json()
      .refund;
    expect(one).toMatchObject({ total: 1307, tax: 107 });
    const two = (await refund(s.manager, done.id, { reason: 'Wrong colour', lines: [{ lineId: done.lines[2].id, quantity: 1 }] })).json()
      .refund;
    expect(two).toMatchObject({ total: 1306, tax: 106 });
    expectProblem(
      await refund(s.manager, done.id, { reason: 'x', lines: [{ lineId: done.lines[2].id, quantity: 1 }] }),
      422,
      'refund_exceeds_paid',
    );
    const z = (await s.manager.get(`${V1}/stores/${s.storeId}/z-report?date=2026-11-27`)).json();
    expect(z.taxes.find((x: { code: string }) => x.code === 'ny_sales').refunded).toBeGreaterThanOrEqual(213);
  });

  it('refunds an amount, never more than what is left', async () => {
    const done = await completeOk(s.desk, await sale3(), {
      tenders: [
        { kind: 'card', amount: 5000 },
        { kind: 'cash', amount: 6000 },
      ],
    });
    const tooMuch = expectProblem(await refund(s.manager, done.id, { reason: 'x', amount: 10_114 }), 422, 'refund_exceeds_paid');
    expect(tooMuch.detail).toContain('101.13');
    const part = (await refund(s.manager, done.id, { reason: 'Goodwill', amount: 2000 })).json().refund;
    expect(part.total).toBe(2000);
    expect(part.tenders.reduce((a: number, x: { amount: number }) => a + x.amount, 0)).toBe(2000);
    // To a chosen tender.
    const toCard = (
      await refund(s.manager, done.id, { reason: 'Goodwill', amount: 1000, tenders: [{ tenderId: done.tenders[0].id, amount: 1000 }] })
    ).json().refund;
    expect(toCard.tenders).toEqual([{ tenderId: done.tenders[0].id, kind: 'card', amount: 1000 }]);
    expectProblem(
      await refund(s.manager, done.id, { reason: 'x', amount: 100, tenders: [{ tenderId: done.tenders[0].id, amount: 99 }] }),
      422,
      'payment_mismatch',
    );
    const rest = (await refund(s.manager, done.id, { reason: 'Closing' })).json();
    expect(rest.refund.total).toBe(10_113 - 3000);
    expect(rest.sale.refundedTotal).toBe(10_113);
  });

  it('lets a front desk refund under the store limit, or above it with a manager PIN', async () => {
    const put = await s.owner.put(`${V1}/stores/${s.storeId}/sales-settings`, { frontDeskRefundLimit: 2000 });
    expect(put.statusCode, put.body).toBe(200);
    const done = await completeOk(s.desk, await sale3(), { tenders: [{ kind: 'card', amount: 10_113 }] });
    expect((await refund(s.desk, done.id, { reason: 'Small', amount: 2000 })).statusCode).toBe(201);
    expectProblem(await refund(s.desk, done.id, { reason: 'Big', amount: 2001 }), 403, 'approval_required');
    expectProblem(
      await refund(s.desk, done.id, { reason: 'Big', amount: 2001, approval: { staffId: s.managerId, pin: '9999' } }),
      403,
      'approval_invalid',
    );
    const ok = await refund(s.desk, done.id, { reason: 'Big', amount: 2001, approval: { staffId: s.managerId, pin: MANAGER_PIN } });
    expect(ok.statusCode, ok.body).toBe(201);
    const row = await t.db.db
      .selectFrom('sale_refunds')
      .select(['approved_by', 'created_by'])
      .where('id', '=', ok.json().refund.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ approved_by: s.managerId, created_by: s.deskId });
    await s.owner.put(`${V1}/stores/${s.storeId}/sales-settings`, {});
  });

  it('calls the tender’s refund hook with what apply() recorded (principal vs bonus) and the sale hooks', async () => {
    walletRefunds.length = 0;
    saleRefunds.length = 0;
    const done = await completeOk(s.desk, await openTicket(s.desk, { storeId: s.storeId, lines: [serviceLine(s.pedicure, s.bo)] }), {
      tenders: [
        { kind: 'test_wallet', amount: 2500 },
        { kind: 'card', amount: 2000 },
      ],
    });
    expect(done.tenders[0].details).toEqual({ principal: 2000, bonus: 500 });
    const r = (await refund(s.manager, done.id, { reason: 'Redo', amount: 900 })).json().refund;
    expect(walletRefunds).toEqual([{ amount: 500, data: { principal: 2000, bonus: 500 } }]);
    expect(saleRefunds.map((x) => x.id)).toEqual([r.id]);
  });
});

describe('voids', () => {
  it('voids a sale of today before its shift closes: reverses everything, keeps the record', async () => {
    const done = await completeOk(s.desk, await sale3(), { tip: { amount: 1000 }, tenders: [{ kind: 'cash', amount: 12_000 }] });
    expectProblem(await s.desk.post(`${V1}/sales/${done.id}/void`, { reason: 'Wrong ticket' }), 403, 'approval_required');
    const res = await s.manager.post(`${V1}/sales/${done.id}/void`, { reason: 'Wrong ticket' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'voided',
      voidReason: 'Wrong ticket',
      refundedTotal: 11_113,
      receiptCode: done.receiptCode,
    });
    expect(res.json().refunds[0]).toMatchObject({ kind: 'void', total: 11_113, tip: 1000 });
    expect((await s.desk.get(`${V1}/sales/${done.id}/receipt`)).body).toContain('VOIDED');
    expectProblem(await s.manager.post(`${V1}/sales/${done.id}/void`, { reason: 'again' }), 422, 'sale_not_completed');
    expectProblem(await refund(s.manager, done.id, { reason: 'again' }), 422, 'sale_not_completed');
  });

  it('refuses to void a refunded sale, a sale of another day, or once its shift is closed', async () => {
    const refunded = await completeOk(s.desk, await sale3(), { tenders: [{ kind: 'card', amount: 10_113 }] });
    await refund(s.manager, refunded.id, { reason: 'x', amount: 100 });
    expectProblem(await s.manager.post(`${V1}/sales/${refunded.id}/void`, { reason: 'x' }), 422, 'sale_has_refunds');
    const late = await completeOk(s.desk, await sale3(), { tenders: [{ kind: 'card', amount: 10_113 }] });
    const shift = (await s.desk.get(`${V1}/shifts/${shiftId}`)).json();
    const close = await s.desk.post(`${V1}/shifts/${shiftId}/close`, {
      version: shift.version,
      countedCash: shift.drawerFigures.expectedCash,
    });
    expect(close.statusCode, close.body).toBe(200);
    expectProblem(await s.manager.post(`${V1}/sales/${late.id}/void`, { reason: 'x' }), 422, 'void_window_closed');
    // The next day, a card sale made without any shift can no longer be voided either.
    const noShift = await completeOk(s.desk, await sale3(), { tenders: [{ kind: 'card', amount: 10_113 }] });
    expect(noShift.shiftId).toBeNull();
    t.clock.advance(24 * 3_600_000);
    const relog = await s.manager.login('manager@lotus.test', 'staff-password-1234');
    expect(relog.statusCode).toBe(200);
    expectProblem(await s.manager.post(`${V1}/sales/${noShift.id}/void`, { reason: 'x' }), 422, 'void_window_closed');
  });
});
