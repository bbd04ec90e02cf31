// Checkout in a real browser, on the front desk's 1024×768 tablet: open the cash drawer, ring up a walk-in
// (a service by tile, a product by scanning its barcode), attach the client, tip 18 %, pay part card and
// part cash, complete — the first answer is lost on the way back and the retry (same Idempotency-Key)
// charges nothing twice — then the 80 mm receipt. Again in 简体中文. Screenshots are kept in test-results/.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDrawer } from './support/checkout.js';
import { type E2E, newPage, shot, startE2E } from './support/harness.js';
import { ownerApi, signIn, ZONE } from './support/owner.js';

const BARCODE = '012345678905';

type Sale = {
  id: string;
  status: string;
  receiptCode: string;
  total: number;
  tipTotal: number;
  amountPaid: number;
  changeDue: number;
  tenders: { kind: string; amount: number; tendered: number; details: Record<string, unknown> }[];
  tips: { staffId: string; amount: number }[];
  lines: { kind: string; name: string; total: number }[];
};

/**
 * Rings up a walk-in on the register and takes payment: Gel Manicure by Amy ($40), the hand cream by
 * barcode ($20 + 8.875 % NY tax = $21.78), 18 % tip on the service ($7.20): $68.98 due, $40 by card and
 * $30 cash handed over ($1.02 change).
 */
async function ringUp(page: Page, amyId: string, clientSearch: string) {
  await page.getByTestId('nav-checkout').click();
  await page.getByTestId('checkout-page').waitFor();
  await page.getByTestId('checkout-new-walkin').click();
  await page.getByTestId('ticket-screen').waitFor();

  // Who does the work, then the service tile.
  await page.locator(`[data-testid=tech-chip][data-staff="${amyId}"]`).click();
  await page.locator('[data-testid=catalog-service]').first().click();
  await page.locator('[data-testid=ticket-line][data-kind=service]').waitFor();
  // A barcode scanner is a keyboard: it types the code and Enter, wherever the focus is.
  await page.locator('body').click({ position: { x: 5, y: 400 } });
  await page.keyboard.type(BARCODE);
  await page.keyboard.press('Enter');
  await page.locator('[data-testid=ticket-line][data-kind=product]').waitFor();
  await expect.poll(() => page.getByTestId('total-total').textContent()).toContain('61.78');

  await page.getByTestId('ticket-client-add').click();
  await page.getByTestId('client-search-input').fill(clientSearch);
  await page.getByTestId('client-search-option').first().click();
  await page.getByTestId('ticket-client-name').waitFor();
  await expect.poll(() => page.getByTestId('ticket-pay').isEnabled()).toBe(true);

  await page.getByTestId('ticket-pay').click();
  await page.getByTestId('payment-panel').waitFor();
  await page.getByTestId('tip-18').click();
  await expect.poll(() => page.getByTestId('pay-tip').textContent()).toContain('7.20');
  await expect.poll(() => page.getByTestId('pay-due').textContent()).toContain('68.98');
  await page.getByTestId('tender-add-card').click();
  await page.getByTestId('tender-amount').fill('40');
  await page.getByTestId('tender-brand').selectOption('visa');
  await page.getByTestId('tender-last4').fill('4242');
  await page.getByTestId('tender-add-cash').click();
  await page.locator('[data-testid=tender-entry][data-kind=cash] [data-testid=tender-amount]').fill('30');
  await expect.poll(() => page.getByTestId('pay-change').textContent()).toContain('1.02');
}

describe('checkout in a real browser', () => {
  let e2e: E2E;
  let api: Awaited<ReturnType<typeof ownerApi>>;
  let amyId: string;

  beforeAll(async () => {
    e2e = await startE2E();
    api = await ownerApi(e2e.baseUrl);
    await api.call('PUT', `/stores/${api.storeId}/tax-settings`, { preset: 'us_nyc', taxServices: false });
    amyId = (
      await api.call<{ id: string }>('POST', '/staff', {
        name: 'Amy Chen',
        displayName: 'Amy',
        email: 'amy@lotus.test',
        role: 'technician',
        storeIds: [api.storeId],
        language: 'en',
      })
    ).id;
    await api.call('POST', '/services', {
      name: 'Gel Manicure',
      nameTranslations: { 'zh-CN': '凝胶美甲', 'zh-TW': '凝膠美甲' },
      durationMin: 45,
      price: 4000,
      staff: [{ staffId: amyId }],
    });
    await api.call('POST', '/products', {
      sku: 'HC-75',
      barcode: BARCODE,
      name: 'Shea Hand Cream 75 ml',
      nameTranslations: { 'zh-CN': '乳木果护手霜 75 毫升', 'zh-TW': '乳木果護手霜 75 毫升' },
      price: 2000,
      cost: 800,
    });
    await api.call('POST', '/clients', { firstName: '小明', lastName: '王', phone: '+1 718 555 0101', homeStoreId: api.storeId });
  });
  afterAll(() => e2e?.close());

  it('opens the drawer, rings up a walk-in, takes a split payment with a tip and prints the receipt', async () => {
    const page = await newPage(e2e, { width: 1024, height: 768 });
    await signIn(page, 'en');

    // Cash needs an open drawer: count the float.
    await openDrawer(page);

    await ringUp(page, amyId, 'wang');
    await shot(page, 'checkout-payment-en');

    // The first answer is lost on its way back (the sale IS completed on the server)…
    const keys: string[] = [];
    let lose = true;
    await page.route('**/api/v1/sales/*/complete', async (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (!lose) return route.continue();
      lose = false;
      await route.fetch();
      await route.abort('connectionreset');
    });
    // The open ticket polls the sale every 5 s and would find it completed by itself; hold those polls until
    // the desk has pressed retry, so that this test is about the retry (on a slow machine the poll can win).
    let releasePolls = () => {};
    const pollsHeld = new Promise<void>((resolve) => {
      releasePolls = resolve;
    });
    await page.route(/\/api\/v1\/sales\/(?!kinds\b)[^/?]+(\?.*)?$/, async (route) => {
      if (route.request().method() === 'GET') await pollsHeld;
      await route.continue();
    });
    await page.getByTestId('pay-complete').click();
    await page.getByTestId('pay-lost').waitFor();
    await shot(page, 'checkout-answer-lost-en');
    // …so the desk retries, with the same key: the server answers with the first completion.
    await page.getByTestId('pay-retry').click();
    releasePolls();
    await page.getByTestId('sale-view').waitFor();
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[\w-]{8,}$/);
    expect(keys[1]).toBe(keys[0]);

    await page.getByTestId('sale-paid').waitFor();
    expect(await page.getByTestId('sale-change').textContent()).toContain('1.02');
    const code = (await page.getByTestId('sale-receipt-code').textContent())?.trim() ?? '';
    expect(code).toMatch(/^[A-Z0-9]+-\d{6}$/);
    const receipt = page.frameLocator('[data-testid=receipt-frame]');
    await receipt.getByText(code).waitFor();
    await receipt.getByText('Shea Hand Cream 75 ml').waitFor();
    await shot(page, 'checkout-receipt-en');

    // One sale, charged once: the tenders add up, the tip went to Amy.
    const list = await api.call<{ data: { id: string }[] }>('GET', `/sales?storeId=${api.storeId}&status=completed`);
    expect(list.data).toHaveLength(1);
    const sale = await api.call<Sale>('GET', `/sales/${list.data[0]!.id}`);
    expect(sale.receiptCode).toBe(code);
    expect(sale.total).toBe(6178);
    expect(sale.tipTotal).toBe(720);
    expect(sale.amountPaid).toBe(6898);
    expect(sale.changeDue).toBe(102);
    expect(sale.tenders.map((t) => [t.kind, t.amount, t.tendered])).toEqual([
      ['card', 4000, 4000],
      ['cash', 2898, 3000],
    ]);
    expect(sale.tenders[0]?.details).toEqual({ brand: 'visa', last4: '4242' });
    expect(sale.tips).toEqual([{ staffId: amyId, amount: 720 }]);

    // The day's sales list shows it by its receipt number.
    await page.getByTestId('sale-back').click();
    await page.getByTestId('checkout-tab-sales').click();
    await page.locator(`[data-testid=history-row][data-receipt="${code}"]`).waitFor();

    // The home page's day at a glance counts it: the Z report so far, one sale.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date());
    const z = await api.call<{ net: number; sales: { count: number } }>('GET', `/stores/${api.storeId}/z-report?date=${today}`);
    expect(z.sales.count).toBe(1);
    await page.getByTestId('nav-home').click();
    await expect.poll(() => page.getByTestId('home-sales-net').textContent()).toBe(`$${(z.net / 100).toFixed(2)}`);
    expect(await page.getByTestId('home-sales').textContent()).toContain('1 sale ·');
  });

  it('does the same in 简体中文', async () => {
    const page = await newPage(e2e, { width: 1280, height: 800, locale: 'zh-CN' });
    await signIn(page, 'zh-CN');
    await ringUp(page, amyId, 'wxm');
    expect(await page.getByTestId('payment-panel').textContent()).toContain('收款');
    await shot(page, 'checkout-payment-zh-CN');
    await page.getByTestId('pay-complete').click();
    await page.getByTestId('sale-view').waitFor();
    const code = (await page.getByTestId('sale-receipt-code').textContent())?.trim() ?? '';
    const receipt = page.frameLocator('[data-testid=receipt-frame]');
    await receipt.getByText(code).waitFor();
    await page.getByTestId('receipt-frame').waitFor();
    // The receipt speaks the client's language unless another is chosen: ask for Chinese.
    await page.getByLabel('收据语言').selectOption('zh-CN');
    await receipt.getByText('乳木果护手霜 75 毫升').waitFor();
    await shot(page, 'checkout-receipt-zh-CN');

    const list = await api.call<{ data: { receiptCode: string }[] }>('GET', `/sales?storeId=${api.storeId}&status=completed`);
    expect(list.data.map((s) => s.receiptCode).sort()).toHaveLength(2);
  });
});
