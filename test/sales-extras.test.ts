// Checkout's registry for the web (GET /sales/kinds), the sales list's fields and filters, tax rate names in
// every language on receipts and X / Z reports, per-store receipt prefixes, and approval messages with the
// store's currency in the caller's language. A Richmond (CAD, BC GST + PST) store beside the first one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { backfillTaxNames } from '../src/server/db/migrations/0015_sale_tax_names.js';
import { registerTender } from '../src/server/modules/sales/index.js';
import { createTestApp, expectProblem, type TestApp } from './support/app.js';
import { createClient } from './support/appointments.js';
import { completeOk, key, openShift, openTicket, type Salon, serviceLine, setUpSalon, V1 } from './support/checkout.js';
import { setLedgerSettings } from './support/ledger-fixtures.js';

let t: TestApp;
let s: Salon;
let shiftId: string;

beforeAll(async () => {
  t = await createTestApp(); // 2026-11-27 10:00 in New York, 07:00 in Richmond
  s = await setUpSalon(t, { currency: 'CAD', tax: { preset: 'ca_bc' } });
  shiftId = (await openShift(s.desk, s.storeId)).id;
});
afterAll(() => t.close());

const zh = (lang: 'zh-CN' | 'zh-TW') => ({ 'accept-language': lang });

describe('GET /sales/kinds', () => {
  type Kind = {
    kind: string;
    label: string;
    enabled: boolean;
    requiresClient: boolean;
    cash?: boolean;
    input: { properties?: Record<string, { enum?: string[]; pattern?: string }>; required?: string[] };
    fieldLabels: Record<string, string>;
  };
  const kinds = async (lang: 'en' | 'zh-CN' | 'zh-TW' = 'en') => {
    const res = await s.desk.get(`${V1}/sales/kinds?storeId=${s.storeId}`, { 'accept-language': lang });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { lineKinds: Kind[]; tenders: Kind[] };
    return { lines: new Map(body.lineKinds.map((k) => [k.kind, k])), tenders: new Map(body.tenders.map((k) => [k.kind, k])) };
  };

  it('lists every registered line kind and tender, labelled in the reader’s language, with the fields each needs', async () => {
    const { lines, tenders } = await kinds('zh-TW');
    expect([...tenders.keys()]).toEqual(expect.arrayContaining(['cash', 'card', 'other', 'gift_card', 'stored_value', 'points']));
    expect([...lines.keys()]).toEqual(expect.arrayContaining(['service', 'product', 'add_on', 'appointment_fee', 'gift_card']));
    expect(tenders.get('cash')).toMatchObject({ label: '現金', cash: true, enabled: true, requiresClient: false });
    const card = tenders.get('card')!;
    expect(card).toMatchObject({ label: '信用卡', cash: false, fieldLabels: { last4: '卡號末四碼' } });
    expect(card.input.properties?.brand?.enum).toContain('visa');
    expect(card.input.properties?.last4?.pattern).toBe('^\\d{4}$');
    expect(tenders.get('other')!.input.required).toEqual(['method']);
    expect(tenders.get('stored_value')).toMatchObject({ label: '儲值', requiresClient: true });
    expect(tenders.get('gift_card')!.input.required).toEqual(['code']);
    expect(lines.get('service')).toMatchObject({ label: '服務' });
    expect(lines.get('service')!.input.required).toEqual(expect.arrayContaining(['serviceId', 'technicians']));
    expect((await kinds('en')).tenders.get('card')!.label).toBe('Card');
  });

  it('says which kinds are off at the store (points switched off in the ledger settings)', async () => {
    expect((await kinds()).tenders.get('points')).toMatchObject({ enabled: true, requiresClient: true });
    await setLedgerSettings(s.owner, { points: { enabled: false } });
    expect((await kinds()).tenders.get('points')!.enabled).toBe(false);
    await setLedgerSettings(s.owner, { points: { enabled: true } });
  });

  it('shows a tender a module registers, and checkout takes it, without any other change', async () => {
    const unregister = registerTender({
      kind: 'test_voucher',
      label: { en: 'Partner voucher', 'zh-CN': '合作券', 'zh-TW': '合作券' },
      fieldLabels: { serial: { en: 'Serial', 'zh-CN': '编号', 'zh-TW': '編號' } },
      schema: z.object({ serial: z.string().regex(/^[A-Z0-9]{6}$/) }),
    });
    try {
      const voucher = (await kinds('zh-CN')).tenders.get('test_voucher');
      expect(voucher).toMatchObject({ label: '合作券', enabled: true, fieldLabels: { serial: '编号' } });
      expect(voucher!.input.required).toEqual(['serial']);
      const sale = await openTicket(s.desk, { storeId: s.storeId, lines: [serviceLine(s.manicure, s.amy)] });
      const done = await completeOk(s.desk, sale, { tenders: [{ kind: 'test_voucher', amount: sale.total, serial: 'AB12CD' }] });
      expect(done.tenders[0]).toMatchObject({ kind: 'test_voucher', details: { serial: 'AB12CD' } });
    } finally {
      unregister();
    }
    expect((await kinds()).tenders.has('test_voucher')).toBe(false);
  });

  it('is scoped to the reader’s stores', async () => {
    expectProblem(await s.desk.get(`${V1}/sales/kinds?storeId=${s.firstStoreId}`), 403, 'store_forbidden');
    expectProblem(await s.desk.get(`${V1}/sales/kinds`), 400, 'validation_failed');
  });
});

describe('sales list', () => {
  it('gives each sale its completion time (store offset) and client name, filtered by date, staff, tender and status', async () => {
    const clientId = await createClient(s.owner, s.storeId, { firstName: 'Grace', lastName: 'Chen', phone: '+16045550123' });
    const withClient = await openTicket(s.desk, { storeId: s.storeId, clientId, lines: [serviceLine(s.manicure, s.amy)] });
    const a = await completeOk(s.desk, withClient, { tenders: [{ kind: 'card', amount: withClient.total }] });
    t.clock.advance(5 * 60_000);
    const walkIn = await openTicket(s.desk, { storeId: s.storeId, lines: [serviceLine(s.pedicure, s.bo)] });
    const b = await completeOk(s.desk, walkIn, { tenders: [{ kind: 'cash', amount: 10_000 }] });
    const parked = await openTicket(s.desk, { storeId: s.storeId, label: 'Chair 2', lines: [serviceLine(s.manicure, s.bo)] });

    const list = async (query: string) => {
      const res = await s.desk.get(`${V1}/sales?storeId=${s.storeId}${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().data as Array<{ id: string; clientName: string | null; completedAt: string | null; status: string }>;
    };
    const all = await list('');
    const rowA = all.find((r) => r.id === a.id)!;
    expect(rowA).toMatchObject({ clientId, clientName: 'Grace Chen', status: 'completed', receiptCode: a.receiptCode });
    expect(rowA.completedAt).toMatch(/^2026-11-27T07:00:00(\.000)?-08:00$/);
    expect(all.find((r) => r.id === b.id)).toMatchObject({
      clientName: null,
      completedAt: expect.stringMatching(/T07:05:00(\.000)?-08:00$/),
    });
    expect(all.find((r) => r.id === parked.id)).toMatchObject({ status: 'open', completedAt: null });

    const ids = (rows: Array<{ id: string }>) => rows.map((r) => r.id);
    expect(ids(await list('&tender=cash'))).toContain(b.id);
    expect(ids(await list('&tender=cash'))).not.toContain(a.id);
    expect(ids(await list(`&staffId=${s.amy}&status=completed`))).toContain(a.id);
    expect(ids(await list(`&staffId=${s.amy}`))).not.toContain(b.id);
    expect(ids(await list(`&staffId=${s.bo}&tender=cash&from=2026-11-27&to=2026-11-27`))).toEqual([b.id]);
    expect(await list('&from=2026-11-28')).toEqual([]);
    expect(ids(await list('&status=open'))).toEqual([parked.id]);
    expectProblem(await s.desk.get(`${V1}/sales?storeId=${s.storeId}&tender=Cash!`), 400, 'validation_failed');
    expectProblem(await s.desk.get(`${V1}/sales?storeId=${s.storeId}&staffId=amy`), 400, 'validation_failed');
    await s.desk.delete(`${V1}/sales/${parked.id}?version=1`);
  });
});

describe('tax rate names in every language', () => {
  const receipt = async (saleId: string, lang: string) => {
    const res = await s.desk.get(`${V1}/sales/${saleId}/receipt?format=text&lang=${lang}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.body;
  };

  it('prints receipts and X / Z reports in the receipt’s language, as the sale saved them', async () => {
    const presets = (await s.owner.get(`${V1}/tax-presets`)).json().data as Array<{
      preset: string;
      rates: Array<{ nameTranslations: object }>;
    }>;
    for (const p of presets) for (const r of p.rates) expect(Object.keys(r.nameTranslations).sort()).toEqual(['en', 'zh-CN', 'zh-TW']);

    const open = await openTicket(s.desk, { storeId: s.storeId, lines: [{ kind: 'product', productId: s.polish }] });
    const sale = await completeOk(s.desk, open, { tenders: [{ kind: 'card', amount: open.total }] });
    expect(sale.taxes.map((x: { name: string }) => x.name)).toEqual(['GST', 'PST']);
    const zhTw = (await s.desk.get(`${V1}/sales/${sale.id}`, zh('zh-TW'))).json();
    expect(zhTw.taxes.map((x: { name: string }) => x.name)).toEqual(['聯邦消費稅 GST', '省銷售稅 PST']);
    expect(await receipt(sale.id, 'zh-CN')).toContain('省销售税 PST');
    expect(await receipt(sale.id, 'en')).toMatch(/\nPST 7%/);

    // The store renames its rates and drops PST: the sale still prints what it charged, in every language.
    const custom = await s.owner.put(`${V1}/stores/${s.storeId}/tax-settings`, {
      pricesIncludeTax: false,
      rates: [
        {
          code: 'gst',
          name: 'Federal GST',
          nameTranslations: { 'zh-CN': '联邦商品及服务税' },
          rate: '5',
          appliesTo: ['service', 'product'],
        },
      ],
    });
    expect(custom.statusCode, custom.body).toBe(200);
    const zhCn = await receipt(sale.id, 'zh-CN');
    expect(zhCn).toContain('联邦消费税 GST');
    expect(zhCn).toContain('省销售税 PST');
    const next = await openTicket(s.desk, { storeId: s.storeId, lines: [{ kind: 'product', productId: s.polish }] });
    const after = await completeOk(s.desk, next, { tenders: [{ kind: 'card', amount: next.total }] });
    expect(await receipt(after.id, 'zh-CN')).toContain('联邦商品及服务税');
    expect(await receipt(after.id, 'zh-TW')).toContain('Federal GST'); // no zh-TW name given: the default

    const x = (await s.desk.get(`${V1}/shifts/${shiftId}/x-report?lang=zh-CN`)).json();
    const names = x.taxes.map((r: { name: string }) => r.name);
    expect(names).toEqual(expect.arrayContaining(['省销售税 PST']));
    const byCaller = (await s.desk.get(`${V1}/shifts/${shiftId}/x-report`, zh('zh-TW'))).json();
    expect(byCaller.taxes.find((r: { code: string }) => r.code === 'pst').name).toBe('省銷售稅 PST');
    const z = (await s.owner.get(`${V1}/stores/${s.storeId}/z-report?date=2026-11-27&lang=zh-TW`)).json();
    expect(z.taxes.find((r: { code: string }) => r.code === 'pst')).toMatchObject({ name: '省銷售稅 PST', rate: '7' });
    expectProblem(await s.desk.get(`${V1}/shifts/${shiftId}/x-report?lang=fr`), 400, 'validation_failed');

    // Rows saved before names were kept (no translations): the store's rate of the same code and name names them.
    expect((await s.owner.put(`${V1}/stores/${s.storeId}/tax-settings`, { preset: 'ca_bc' })).statusCode).toBe(200);
    await t.db.db.updateTable('sale_taxes').set({ name_translations: '{}' }).where('sale_id', '=', sale.id).execute();
    expect(await receipt(sale.id, 'zh-TW')).toContain('省銷售稅 PST');
    expect(await receipt(sale.id, 'en')).toContain('PST');
    // The migration's backfill names them from the store's rates (rows already named are left alone).
    await backfillTaxNames(t.db.db);
    const rows = await t.db.db.selectFrom('sale_taxes').select(['code', 'name_translations']).where('sale_id', '=', sale.id).execute();
    expect(rows.map((r) => JSON.parse(r.name_translations)['zh-CN']).sort()).toEqual(['省销售税 PST', '联邦消费税 GST']);
    const renamed = await t.db.db
      .selectFrom('sale_taxes')
      .select('name_translations')
      .where('sale_id', '=', after.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(renamed.name_translations)['zh-CN']).toBe('联邦商品及服务税');
  });
});

describe('receipt prefix per store', () => {
  const settings = (storeId: string) => s.owner.get(`${V1}/stores/${storeId}/sales-settings`);
  const put = (storeId: string, body: Record<string, unknown>) => s.owner.put(`${V1}/stores/${storeId}/sales-settings`, body);

  it('defaults from the store’s name, is validated, unique among stores, and numbering stays gap-free', async () => {
    expect((await settings(s.firstStoreId)).json().receiptPrefix).toBe('FLU');
    expect((await settings(s.storeId)).json().receiptPrefix).toBe('RIC');
    for (const bad of ['TOOLONG', 'ab1', 'R-1', '']) expectProblem(await put(s.storeId, { receiptPrefix: bad }), 400, 'validation_failed');
    const taken = expectProblem(await put(s.storeId, { receiptPrefix: 'FLU' }), 409, 'receipt_prefix_taken');
    expect(taken.detail).toContain('Flushing');

    const before = await openTicket(s.desk, { storeId: s.storeId, lines: [serviceLine(s.manicure, s.amy)] });
    const first = await completeOk(s.desk, before, { tenders: [{ kind: 'card', amount: before.total }] });
    expect(first.receiptCode).toMatch(/^RIC-\d{6}$/);
    const ok = await put(s.storeId, { receiptPrefix: 'RMD' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().receiptPrefix).toBe('RMD');
    const audit = await t.db.db.selectFrom('audit_log').select('after').where('action', '=', 'store.sales_settings').execute();
    expect(audit.some((e) => e.after?.includes('"RMD"'))).toBe(true);
    const open = await openTicket(s.desk, { storeId: s.storeId, lines: [serviceLine(s.manicure, s.amy)] });
    const second = await completeOk(s.desk, open, { tenders: [{ kind: 'card', amount: open.total }] });
    expect(second.receiptNumber).toBe(first.receiptNumber + 1);
    expect(second.receiptCode).toBe(`RMD-${String(first.receiptNumber + 1).padStart(6, '0')}`);
    // The other store's numbers are its own.
    expectProblem(await put(s.firstStoreId, { receiptPrefix: 'RMD' }), 409, 'receipt_prefix_taken');

    // A prefix saved when 8 characters were allowed still reads as saved.
    await t.db.db
      .insertInto('store_sales_settings')
      .values({
        store_id: s.firstStoreId,
        settings: JSON.stringify({ receiptPrefix: 'LEGACY12' }),
        version: 1,
        updated_by: null,
        updated_at: 0,
      })
      .execute();
    expect((await settings(s.firstStoreId)).json()).toMatchObject({ receiptPrefix: 'LEGACY12', tipPresets: [15, 18, 20] });
  });
});

describe('approval messages', () => {
  it('print the amount in the store’s currency, in the caller’s language', async () => {
    const body = {
      storeId: s.storeId,
      lines: [{ ...serviceLine(s.pedicure, s.bo), discount: { type: 'percent', percent: 50, reason: 'Birthday' } }],
    };
    const en = expectProblem(await s.desk.post(`${V1}/sales`, body), 403, 'approval_required');
    expect(en.detail).toBe('This discount ($22.50) needs a manager’s approval: ask a manager to enter their PIN.');
    const cn = expectProblem(await s.desk.post(`${V1}/sales`, body, zh('zh-CN')), 403, 'approval_required');
    expect(cn.detail).toContain('此折扣（$22.50）需要经理批准');
    const ticket = expectProblem(
      await s.desk.post(
        `${V1}/sales`,
        { storeId: s.storeId, lines: [serviceLine(s.pedicure, s.bo)], discount: { type: 'amount', amount: 2000, reason: 'x' } },
        zh('zh-TW'),
      ),
      403,
      'approval_required',
    );
    expect(ticket.detail).toContain('此整單折扣（$20.00）');

    const open = await openTicket(s.desk, { storeId: s.storeId, lines: [serviceLine(s.manicure, s.amy)] });
    const sale = await completeOk(s.desk, open, { tenders: [{ kind: 'card', amount: open.total }] });
    const refund = (lang: Record<string, string>) =>
      s.desk.post(`${V1}/sales/${sale.id}/refunds`, { reason: 'Unhappy' }, { 'idempotency-key': key(), ...lang });
    expect(expectProblem(await refund({}), 403, 'approval_required').detail).toContain(
      `A refund of $${(sale.amountPaid / 100).toFixed(2)}`,
    );
    expect(expectProblem(await refund(zh('zh-TW')), 403, 'approval_required').detail).toContain(
      `退款 $${(sale.amountPaid / 100).toFixed(2)}`,
    );
    const voided = await s.desk.post(`${V1}/sales/${sale.id}/void`, { reason: 'Wrong' }, { 'idempotency-key': key(), ...zh('zh-CN') });
    expect(expectProblem(voided, 403, 'approval_required').detail).toContain('作废销售需要经理批准');
  });
});
