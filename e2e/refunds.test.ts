// Refunds, voids and ticket discounts in a real browser, on the front desk's 1024×768 tablet: the owner rings
// up a manicure and a hand cream, takes 10 % off the ticket with a suggested reason, is paid by card; she
// opens the sale from the day's sales list and refunds the returned hand cream (its own receipt number, the
// line marked refunded); she voids a cash sale rung up twice. Then in 繁體中文, a front desk refunds the rest of
// the first sale, above the store's $10 front-desk limit: the manager's PIN pad comes up, a wrong PIN is
// refused and the manager's PIN lets it through. A screenshot of the refund dialog is kept in test-results/.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newWalkInWithService, openDrawer } from './support/checkout.js';
import { type E2E, newPage, shot, startE2E } from './support/harness.js';
import { ownerApi, signIn } from './support/owner.js';

const DESK = 'lily@lotus.test';
const DESK_PASSWORD = 'front-desk-orchid-42';
const MANAGER_PIN = '2468';

type Refund = { id: string; kind: string; receiptCode: string; reason: string; total: number; tax: number; tip: number };
type Sale = {
  id: string;
  status: string;
  receiptCode: string;
  subtotal: number;
  discountTotal: number;
  total: number;
  amountPaid: number;
  refundedTotal: number;
  voidReason: string | null;
  discount: { type: string; percent?: number; reason: string } | null;
  lines: { kind: string; name: string; total: number; tax: number; refundedQuantity: number; refundedAmount: number }[];
  tenders: { kind: string; amount: number; refundedAmount: number }[];
  refunds: Refund[];
};
type AuditEntry = { actor: { id: string } | null; action: string; after: { receipt: string; total: number; approvedBy: string | null } };

/** Checkout → the day's sales → the sale with this receipt number. */
async function openSale(page: Page, code: string) {
  await page.getByTestId('nav-checkout').click();
  await page.getByTestId('checkout-tab-sales').click();
  await page.locator(`[data-testid=history-row][data-receipt="${code}"]`).click();
  await page.locator(`[data-testid=sale-view][data-receipt="${code}"]`).waitFor();
}

/** The status badge beside the sale's receipt number. */
const saleStatus = async (page: Page) =>
  (await page.getByTestId('sale-receipt-code').locator('xpath=following-sibling::*[1]').textContent())?.trim() ?? '';

const receiptCode = async (page: Page) => (await page.getByTestId('sale-receipt-code').textContent())?.trim() ?? '';

describe('refunds, voids and discounts in a real browser', () => {
  let e2e: E2E;
  let api: Awaited<ReturnType<typeof ownerApi>>;
  let amyId: string;
  let managerId: string;
  let deskId: string;
  /** The card sale of the first test: $55.60 after its 10 % ticket discount. */
  let firstCode = '';

  const saleByCode = async (code: string) => {
    const list = await api.call<{ data: { id: string; receiptCode: string }[] }>('GET', `/sales?storeId=${api.storeId}`);
    const found = list.data.find((s) => s.receiptCode === code);
    if (!found) throw new Error(`no sale ${code}`);
    return api.call<Sale>('GET', `/sales/${found.id}`);
  };

  beforeAll(async () => {
    e2e = await startE2E();
    api = await ownerApi(e2e.baseUrl);
    // New York City: products taxed 8.875 %, services not.
    await api.call('PUT', `/stores/${api.storeId}/tax-settings`, { preset: 'us_nyc', taxServices: false });
    const staff = (body: Record<string, unknown>) =>
      api.call<{ id: string }>('POST', '/staff', { storeIds: [api.storeId], language: 'en', ...body }).then((s) => s.id);
    amyId = await staff({ name: 'Amy Chen', displayName: 'Amy', email: 'amy@lotus.test', role: 'technician' });
    managerId = await staff({ name: 'Grace Ho', displayName: 'Grace', email: 'grace@lotus.test', role: 'manager', pin: MANAGER_PIN });
    deskId = await staff({ name: 'Lily Wu', displayName: 'Lily', email: DESK, role: 'front_desk', password: DESK_PASSWORD });
    await api.call('POST', '/services', {
      name: 'Gel Manicure',
      nameTranslations: { 'zh-CN': '凝胶美甲', 'zh-TW': '凝膠美甲' },
      durationMin: 45,
      price: 4000,
      staff: [{ staffId: amyId }],
    });
    await api.call('POST', '/products', {
      sku: 'HC-75',
      name: 'Shea Hand Cream 75 ml',
      nameTranslations: { 'zh-CN': '乳木果护手霜 75 毫升', 'zh-TW': '乳木果護手霜 75 毫升' },
      price: 2000,
      cost: 800,
    });
  });
  afterAll(() => e2e?.close());

  it('rings up a ticket with a 10 % ticket discount for a suggested reason and takes a card', async () => {
    const page = await newPage(e2e, { width: 1024, height: 768 });
    await signIn(page, 'en');
    // Cash needs an open drawer: count the float.
    await openDrawer(page);

    await newWalkInWithService(page, amyId);
    await page.getByRole('tab', { name: 'Products' }).click();
    await page.locator('[data-testid=catalog-product]').filter({ hasText: 'Shea Hand Cream 75 ml' }).click();
    await page.locator('[data-testid=ticket-line][data-kind=product]').waitFor();
    // $40 + $20 + 8.875 % on the cream ($1.78).
    await expect.poll(() => page.getByTestId('total-total').textContent()).toContain('61.78');

    await page.getByTestId('ticket-discount').click();
    const discount = page.getByTestId('discount-dialog');
    await discount.waitFor();
    // No reason yet: Apply says one is needed and keeps the dialog open.
    await discount.getByRole('button', { name: '10%' }).click();
    await discount.getByRole('button', { name: 'Apply' }).click();
    await discount.getByText('A discount needs a reason.').waitFor();
    // One tap on a suggestion fills the reason in.
    await discount.getByRole('button', { name: 'Loyal client' }).click();
    expect(await discount.getByLabel('Reason', { exact: true }).inputValue()).toBe('Loyal client');
    await discount.getByRole('button', { name: 'Apply' }).click();
    await discount.waitFor({ state: 'detached' });
    // 10 % of $60 is $6 ($4 + $2 over the lines); the cream is taxed on $18 ($1.60): $55.60.
    await expect.poll(() => page.getByTestId('total-discounts').textContent()).toContain('6.00');
    await expect.poll(() => page.getByTestId('total-total').textContent()).toContain('55.60');
    expect(await page.getByTestId('ticket-discount').textContent()).toContain('10%');

    await expect.poll(() => page.getByTestId('ticket-pay').isEnabled()).toBe(true);
    await page.getByTestId('ticket-pay').click();
    await page.getByTestId('payment-panel').waitFor();
    await page.getByTestId('tip-none').click();
    await expect.poll(() => page.getByTestId('pay-due').textContent()).toContain('55.60');
    await page.getByTestId('tender-add-card').click();
    await page.getByTestId('tender-amount').fill('55.60');
    await page.getByTestId('tender-brand').selectOption('visa');
    await page.getByTestId('tender-last4').fill('4242');
    await page.getByTestId('pay-complete').click();
    await page.getByTestId('sale-paid').waitFor();
    firstCode = await receiptCode(page);
    expect(firstCode).toMatch(/^LF-\d{6}$/);

    const sale = await saleByCode(firstCode);
    expect(sale.status).toBe('completed');
    expect(sale.discount).toMatchObject({ type: 'percent', percent: 10, reason: 'Loyal client' });
    expect([sale.subtotal, sale.discountTotal, sale.total, sale.amountPaid]).toEqual([6000, 600, 5560, 5560]);
    expect(sale.lines.map((l) => [l.kind, l.total, l.tax])).toEqual([
      ['service', 3600, 0],
      ['product', 1960, 160],
    ]);
    expect(sale.tenders.map((t) => [t.kind, t.amount])).toEqual([['card', 5560]]);
  });

  it('opens the sale from the sales list and refunds the returned hand cream with a reason', async () => {
    const page = await newPage(e2e, { width: 1024, height: 768 });
    await signIn(page, 'en');
    await openSale(page, firstCode);

    await page.getByTestId('sale-refund').click();
    const dialog = page.getByRole('dialog', { name: `Refund ${firstCode}` });
    await dialog.waitFor();
    expect(await dialog.getByTestId('refund-mode-all').getAttribute('aria-pressed')).toBe('true');
    expect(await dialog.textContent()).toContain('Refunds $55.60');
    // Some items: only the cream, what is left of it ($18 + $1.60 tax).
    await dialog.getByRole('button', { name: 'Some items' }).click();
    await expect.poll(() => dialog.getByTestId('refund-line').count()).toBe(2);
    const cream = dialog.getByRole('checkbox', { name: /Shea Hand Cream 75 ml/ });
    expect(await dialog.getByTestId('refund-line').filter({ hasText: 'Shea Hand Cream' }).textContent()).toContain('$19.60');
    await cream.check();
    // Without a reason nothing is sent.
    await dialog.getByTestId('refund-submit').click();
    await dialog.getByText('A reason is required.').waitFor();
    await dialog.getByRole('button', { name: 'Product returned' }).click();
    expect(await dialog.getByTestId('refund-reason').inputValue()).toBe('Product returned');
    await dialog.getByTestId('refund-submit').click();
    await dialog.waitFor({ state: 'detached' });

    // The refund has its own receipt, printed at once.
    const sale = await saleByCode(firstCode);
    const refund = sale.refunds[0]!;
    expect(sale.refunds).toHaveLength(1);
    expect(refund).toMatchObject({ kind: 'refund', reason: 'Product returned', total: 1960, tax: 160, tip: 0 });
    expect(refund.receiptCode).toMatch(/^LF-\d{6}$/);
    expect(refund.receiptCode).not.toBe(firstCode);
    await page.getByText(`Refunded $19.60: receipt ${refund.receiptCode}`).waitFor();
    const printed = page.getByTestId('refund-receipt');
    await printed.waitFor();
    await page.frameLocator('[data-testid=refund-receipt-frame]').getByText(refund.receiptCode).waitFor();
    await printed.getByRole('button', { name: 'Close' }).click();
    await printed.waitFor({ state: 'detached' });

    // The sale: partly refunded, $19.60 back under its receipt number, the cream marked refunded.
    await expect.poll(() => saleStatus(page)).toBe('Partly refunded');
    expect(await page.getByTestId('sale-refunded').textContent()).toContain('−$19.60');
    const row = page.getByTestId('sale-refund-row');
    await expect.poll(() => row.textContent()).toContain(`${refund.receiptCode} · Refund`);
    expect(await row.textContent()).toContain('Product returned');
    expect(await row.textContent()).toContain('−$19.60');
    expect(await page.getByTestId('sale-line').filter({ hasText: 'Shea Hand Cream' }).textContent()).toContain('refunded: 1');
    expect(await page.getByTestId('sale-line').filter({ hasText: 'Gel Manicure' }).textContent()).not.toContain('refunded');
    // Refund again: only the manicure is left.
    await page.getByTestId('sale-refund').click();
    await dialog.getByRole('button', { name: 'Some items' }).click();
    expect(await dialog.getByTestId('refund-line').allTextContents()).toEqual([expect.stringContaining('Gel Manicure')]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });

    expect(sale.refundedTotal).toBe(1960);
    expect(sale.lines.map((l) => [l.kind, l.refundedQuantity, l.refundedAmount])).toEqual([
      ['service', 0, 0],
      ['product', 1, 1960],
    ]);
    expect(sale.tenders.map((t) => [t.kind, t.refundedAmount])).toEqual([['card', 1960]]);
    // The list shows what came back.
    await page.getByTestId('sale-back').click();
    await page.getByTestId('checkout-tab-sales').click();
    const listed = page.locator(`[data-testid=history-row][data-receipt="${firstCode}"]`);
    await expect.poll(() => listed.textContent()).toContain('−$19.60');
  });

  it('voids a cash sale rung up twice, with a reason', async () => {
    const page = await newPage(e2e, { width: 1024, height: 768 });
    await signIn(page, 'en');
    await newWalkInWithService(page, amyId);
    await expect.poll(() => page.getByTestId('ticket-pay').isEnabled()).toBe(true);
    await page.getByTestId('ticket-pay').click();
    await page.getByTestId('payment-panel').waitFor();
    await page.getByTestId('tip-none').click();
    await page.getByTestId('tender-add-cash').click();
    await page.getByTestId('tender-amount').fill('40');
    await page.getByTestId('pay-complete').click();
    await page.getByTestId('sale-paid').waitFor();
    const code = await receiptCode(page);

    await page.getByTestId('sale-void').click();
    const dialog = page.getByRole('dialog', { name: `Void ${code}?` });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('$40.00 goes back');
    await dialog.getByRole('button', { name: 'Void sale' }).click();
    await dialog.getByText('A reason is required.').waitFor();
    await dialog.getByRole('button', { name: 'Duplicate sale' }).click();
    expect(await dialog.getByLabel('Reason', { exact: true }).inputValue()).toBe('Duplicate sale');
    await dialog.getByRole('button', { name: 'Void sale' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Shown as voided, with why; nothing left to refund or void.
    await page.getByText(`${code} voided`).waitFor();
    await expect.poll(() => saleStatus(page)).toBe('Voided');
    const view = page.getByTestId('sale-view');
    await view.getByText('This sale was voided').waitFor();
    await view.getByRole('alert').filter({ hasText: 'Duplicate sale' }).waitFor();
    expect(await page.getByTestId('sale-refund-row').textContent()).toContain('· Voided');
    expect(await page.getByTestId('sale-refund').count()).toBe(0);
    expect(await page.getByTestId('sale-void').count()).toBe(0);

    const sale = await saleByCode(code);
    expect(sale.status).toBe('voided');
    expect(sale.voidReason).toBe('Duplicate sale');
    expect(sale.refundedTotal).toBe(4000);
    expect(sale.refunds.map((r) => [r.kind, r.total, r.reason])).toEqual([['void', 4000, 'Duplicate sale']]);
    expect(sale.tenders.map((t) => [t.kind, t.refundedAmount])).toEqual([['cash', 4000]]);

    // The sales list, voided only.
    await page.getByTestId('sale-back').click();
    await page.getByTestId('checkout-tab-sales').click();
    await page.getByLabel('Status', { exact: true }).selectOption('voided');
    const row = page.locator(`[data-testid=history-row][data-receipt="${code}"]`);
    await expect.poll(() => row.textContent()).toContain('Voided');
    await expect.poll(() => page.getByTestId('history-row').count()).toBe(1);
  });

  it('in 繁體中文: a front desk refunding above her limit needs the manager’s PIN', async () => {
    // A front desk may give back up to $10 on her own.
    await api.call('PUT', `/stores/${api.storeId}/sales-settings`, { frontDeskRefundLimit: 1000 });
    const page = await newPage(e2e, { width: 1024, height: 768, locale: 'zh-TW' });
    await signIn(page, 'zh-TW', { email: DESK, password: DESK_PASSWORD });
    await openSale(page, firstCode);
    await expect.poll(() => saleStatus(page)).toBe('部分退款');

    await page.getByTestId('sale-refund').click();
    const dialog = page.getByRole('dialog', { name: `退款 ${firstCode}` });
    await dialog.waitFor();
    // Everything left: the manicure, $36.
    await dialog.getByRole('button', { name: '全部' }).waitFor();
    await dialog.getByRole('button', { name: '部分項目' }).waitFor();
    expect(await dialog.textContent()).toMatch(/退還 \$36\.00：/);
    await dialog.getByRole('button', { name: '顧客不滿意' }).click();
    expect(await dialog.getByLabel('原因', { exact: true }).inputValue()).toBe('顧客不滿意');
    await shot(page, 'refund-dialog-zh-TW');
    await dialog.getByRole('button', { name: '退款', exact: true }).click();

    // $36 is above her limit: the manager's PIN pad (Grace, the only manager with a PIN, is chosen).
    const approval = page.getByRole('dialog', { name: '經理核准' });
    await approval.waitFor();
    expect(await approval.textContent()).toMatch(/退款 \$36\.00 需要經理核准，請經理輸入 PIN 碼。/);
    expect(await approval.getByTestId('approval-staff').textContent()).toContain('Grace');
    expect(await approval.getByTestId('approval-staff').getAttribute('aria-pressed')).toBe('true');
    const typePin = async (pin: string) => {
      for (const digit of pin) await approval.getByTestId(`pin-key-${digit}`).click();
      await approval.getByTestId('pin-submit').click();
    };
    // A wrong PIN is refused and nothing is refunded.
    await typePin('1357');
    await approval.getByTestId('approval-error').getByText('核准 PIN 碼無效').waitFor();
    expect((await saleByCode(firstCode)).refundedTotal).toBe(1960);
    // The manager's PIN lets it through.
    await typePin(MANAGER_PIN);
    await approval.waitFor({ state: 'detached' });
    await dialog.waitFor({ state: 'detached' });
    const printed = page.getByTestId('refund-receipt');
    await printed.waitFor();
    await printed.getByRole('button', { name: '關閉' }).click();

    await expect.poll(() => saleStatus(page)).toBe('已退款');
    await expect.poll(() => page.getByTestId('sale-refund-row').count()).toBe(2);
    expect(await page.getByTestId('sale-refund').count()).toBe(0);
    const sale = await saleByCode(firstCode);
    expect(sale.refundedTotal).toBe(5560);
    const refund = sale.refunds.find((r) => r.reason === '顧客不滿意');
    expect(refund).toMatchObject({ kind: 'refund', total: 3600, tax: 0 });
    expect(sale.lines.map((l) => [l.kind, l.refundedQuantity])).toEqual([
      ['service', 1],
      ['product', 1],
    ]);
    // Given by the front desk, approved by the manager.
    const audit = await api.call<{ data: AuditEntry[] }>('GET', `/audit-log?action=sale.refund&entityId=${sale.id}`);
    const entry = audit.data.find((a) => a.after.receipt === refund?.receiptCode);
    expect(entry?.actor?.id).toBe(deskId);
    expect(entry?.after).toMatchObject({ total: 3600, approvedBy: managerId });
  });
});
