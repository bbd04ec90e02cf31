// Balances in a real browser, in English and in 简体中文: a business, a client and a "pay $100 get $20" rule
// set up through the API, a $100 top-up paid by card; then the client's Balances tab shows $100 principal
// and $20 bonus, prints the statement and exports it as CSV, and a manager's adjustment needs a reason;
// a gift card sold through the API is checked on the public balance page (a mistyped number is caught by
// its check character first). Screenshots are kept in test-results/.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, newPage, shot, startE2E } from './support/harness.js';
import { ownerApi, signIn } from './support/owner.js';

/** Opens a ticket with these lines and pays it by card (Idempotency-Key, as checkout does). */
async function sell(api: Awaited<ReturnType<typeof ownerApi>>, clientId: string | null, lines: Record<string, unknown>[]) {
  const sale = await api.call<{ id: string; version: number; total: number }>('POST', '/sales', { storeId: api.storeId, clientId, lines });
  await api.call(
    'POST',
    `/sales/${sale.id}/complete`,
    { version: sale.version, tenders: [{ kind: 'card', amount: sale.total }] },
    {
      'Idempotency-Key': `e2e-${sale.id}`,
    },
  );
}

const value = async (page: Page, testId: string) => Number(await page.getByTestId(testId).getAttribute('data-value'));

/** The client's Balances tab, reached from the client profile's tab bar. */
async function openBalances(page: Page, clientId: string) {
  await page.goto(`/clients/${clientId}`);
  await page.getByTestId('client-tab-balances').click();
  await page.getByTestId('wallet-card').waitFor();
}

/** Prints the statement: the preview shows every entry with the running balance, in the UI language. */
async function printStatement(page: Page, title: string, balance: string, name: string) {
  await page.getByTestId('statement-print-open').click();
  const frame = page.frameLocator('[data-testid="statement-print-frame"]');
  await expect.poll(() => frame.locator('h1').textContent()).toContain(title);
  expect(await frame.locator('tbody').textContent()).toContain(balance);
  await shot(page, name);
  await page.getByTestId('statement-print-now').click();
  await page.keyboard.press('Escape');
  await page.getByTestId('statement-print').waitFor({ state: 'detached' });
}

/** The public balance page: a typo is caught by the check character, the right number shows the balance. */
async function checkGiftCard(e2e: E2E, code: string, lang: 'en' | 'zh-CN') {
  const page = await newPage(e2e, { width: 390, height: 844, locale: lang === 'en' ? 'en-US' : 'zh-CN' });
  await page.goto('/gift-card');
  await page.getByTestId('public-gift-card').waitFor();
  // The business's own name heads the page.
  await expect.poll(() => page.getByTestId('public-gift-card-business').textContent()).toBe('Lotus Nail & Spa');
  const typo = code.slice(0, 6) + (code[6] === 'A' ? 'B' : 'A') + code.slice(7);
  await page.getByTestId('public-gift-card-code').fill(typo);
  await expect.poll(() => page.getByTestId('public-gift-card-code-hint').getAttribute('data-state')).toBe('check_digit');
  expect(await page.getByTestId('public-gift-card-submit').isDisabled()).toBe(true);
  await shot(page, `balances-public-typo-${lang}`);
  // Typed the way people read it off a card: lower case, in groups.
  await page.getByTestId('public-gift-card-code').fill(
    code
      .toLowerCase()
      .match(/.{1,4}/g)
      ?.join(' ') ?? code,
  );
  await page.getByTestId('public-gift-card-submit').click();
  await page.getByTestId('public-gift-card-result').waitFor();
  expect(await page.getByTestId('public-gift-card-result').getAttribute('data-balance')).toBe('5000');
  expect(await page.getByTestId('public-gift-card-balance').textContent()).toBe('$50.00');
  await shot(page, `balances-public-gift-card-${lang}`);
  await page.context().close();
}

describe('balances in a real browser', () => {
  let e2e: E2E;
  let api: Awaited<ReturnType<typeof ownerApi>>;
  let clientId: string;
  let giftCode: string;

  beforeAll(async () => {
    e2e = await startE2E();
    api = await ownerApi(e2e.baseUrl);
    const client = await api.call<{ id: string }>('POST', '/clients', {
      firstName: '小明',
      lastName: '王',
      phone: '+1 718 555 0101',
      homeStoreId: api.storeId,
    });
    clientId = client.id;
    await api.call('POST', '/wallet/bonus-rules', { name: 'Pay $100 get $20', thresholds: [{ pay: 10_000, bonus: 2_000 }] });
    await sell(api, clientId, [{ kind: 'stored_value_topup', amount: 10_000 }]);
    giftCode = (await api.call<{ code: string }>('GET', '/gift-cards/new-code')).code;
    await sell(api, null, [{ kind: 'gift_card', code: giftCode, amount: 5_000 }]);
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('in English: $100 principal and $20 bonus, the statement printed and exported, an adjustment with a reason', async () => {
    const page = await newPage(e2e);
    await signIn(page, 'en');
    await openBalances(page, clientId);
    expect(await value(page, 'wallet-total')).toBe(12_000);
    expect(await value(page, 'wallet-principal')).toBe(10_000);
    expect(await value(page, 'wallet-bonus')).toBe(2_000);
    expect(await page.getByTestId('wallet-total').textContent()).toBe('$120.00');
    expect(await page.getByTestId('statement-row').first().getAttribute('data-kind')).toBe('top_up');
    await shot(page, 'balances-tab-en');

    // "Balance too low": a $150 ticket is $30 short; the offer is the $100 top-up with its $20 bonus.
    await page.getByTestId('wallet-check-amount').fill('150');
    await expect.poll(() => page.getByTestId('wallet-offer-text').textContent()).toContain('$100.00');
    expect(await page.getByTestId('wallet-offer-text').textContent()).toContain('$20.00');

    await printStatement(page, 'Stored value statement', '$120.00', 'balances-statement-print-en');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('statement-csv').click()]);
    const csv = await readFile((await download.path()) ?? '', 'utf8');
    expect(csv).toContain('top_up');
    expect(csv).toContain('120.00');

    // A manager's adjustment: no reason, no adjustment.
    await page.getByTestId('wallet-adjust').click();
    await page.getByTestId('wallet-adjust-dialog').waitFor();
    await page.getByTestId('adjust-part').selectOption('bonus');
    await page.getByTestId('adjust-amount').fill('5');
    await page.getByTestId('adjust-submit').click();
    await page.getByTestId('adjust-reason-error').waitFor();
    await shot(page, 'balances-adjust-reason-required-en');
    await page.getByTestId('adjust-reason').fill('Goodwill: her appointment started late');
    await page.getByTestId('adjust-submit').click();
    await page.getByTestId('wallet-adjust-dialog').waitFor({ state: 'detached' });
    await expect.poll(() => value(page, 'wallet-bonus')).toBe(2_500);
    expect(await value(page, 'wallet-total')).toBe(12_500);
    const first = page.getByTestId('statement-row').first();
    await expect.poll(() => first.getAttribute('data-kind')).toBe('adjustment');
    expect(await first.textContent()).toContain('Goodwill: her appointment started late');
    await page.getByTestId('balance-history').scrollIntoViewIfNeeded();
    await shot(page, 'balances-after-adjust-en');

    // The adjustment is in the audit log with its reason.
    const audit = await api.call<{ data: { action: string; after: { reason?: string } }[] }>('GET', '/audit-log?action=wallet.adjust');
    expect(audit.data[0]?.after.reason).toBe('Goodwill: her appointment started late');

    await checkGiftCard(e2e, giftCode, 'en');
  });

  it('in 简体中文: the same balances in Chinese, a deduction with a reason, the gift card on the public page', async () => {
    const page = await newPage(e2e, { locale: 'zh-CN' });
    await signIn(page, 'zh-CN');
    await openBalances(page, clientId);
    await expect.poll(() => page.getByTestId('wallet-card').locator('h2').textContent()).toBe('储值');
    expect(await value(page, 'wallet-principal')).toBe(10_000);
    expect(await value(page, 'wallet-bonus')).toBe(2_500);
    expect(await page.getByTestId('statement-row').first().textContent()).toContain('调整');
    await shot(page, 'balances-tab-zh-CN');

    await printStatement(page, '储值对账单', '$125.00', 'balances-statement-print-zh-CN');

    await page.getByTestId('wallet-adjust').click();
    await page.getByTestId('adjust-deduct').click();
    await page.getByTestId('adjust-part').selectOption('bonus');
    // More than the bonus holds: refused before anything is sent.
    await page.getByTestId('adjust-amount').fill('30');
    await page.getByTestId('adjust-reason').fill('更正:重复赠送');
    await page.getByTestId('adjust-submit').click();
    expect(await page.getByTestId('adjust-amount-error').textContent()).toContain('余额不能低于零');
    await page.getByTestId('adjust-amount').fill('5');
    await shot(page, 'balances-adjust-zh-CN');
    await page.getByTestId('adjust-submit').click();
    await page.getByTestId('wallet-adjust-dialog').waitFor({ state: 'detached' });
    await expect.poll(() => value(page, 'wallet-bonus')).toBe(2_000);
    expect(await page.getByTestId('statement-row').first().textContent()).toContain('更正:重复赠送');
    await page.getByTestId('balance-history').scrollIntoViewIfNeeded();
    await shot(page, 'balances-after-adjust-zh-CN');

    await checkGiftCard(e2e, giftCode, 'zh-CN');
  });
});
