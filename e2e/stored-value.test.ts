// Stored value end to end, in a real browser at the front desk: HQ's "pay $100 get $20" rule; the desk tops
// up a client's wallet by $100 from her Balances tab (the top-up is a ticket line, paid by card at checkout)
// and the tab shows $120 with $20 bonus; then a $100 pedicure is paid $90 from the wallet and $10 by card,
// proportionally from principal and bonus; the $30 left is under the $50 reminder threshold, so the
// reminder job decides to write to her (in her language) and the owner reads it in the dev mailbox.
// Screenshots are kept in test-results/.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quietUntil } from '../src/server/modules/ledgers/index.js';
import { DEFAULT_SETTINGS } from '../src/server/modules/ledgers/settings.js';
import { newWalkInWithService } from './support/checkout.js';
import { type E2E, newPage, shot, startE2E } from './support/harness.js';
import { type Api, OWNER, ownerApi, PASSWORD, signIn, ZONE } from './support/owner.js';

const CLIENT_PHONE = '+17185550101';
const CLIENT_EMAIL = 'xiaoming@example.test';

const value = async (page: Page, testId: string) => Number(await page.getByTestId(testId).getAttribute('data-value'));

async function openBalances(page: Page, clientId: string) {
  await page.goto(`/clients/${clientId}`);
  await page.getByTestId('client-tab-balances').click();
  await page.getByTestId('wallet-card').waitFor();
}

type Sale = { id: string; total: number; tenders: { kind: string; amount: number; details: Record<string, unknown> }[] };
type Wallet = { total: number; principal: number; bonus: number };

describe('stored value in a real browser', () => {
  let e2e: E2E;
  let api: Awaited<ReturnType<typeof ownerApi>>;
  let clientId: string;
  let amyId: string;

  beforeAll(async () => {
    e2e = await startE2E();
    api = await ownerApi(e2e.baseUrl);
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
    await api.call('POST', '/services', { name: 'Deluxe Spa Pedicure', durationMin: 60, price: 10_000, staff: [{ staffId: amyId }] });
    clientId = (
      await api.call<{ id: string }>('POST', '/clients', {
        firstName: '小明',
        lastName: '王',
        phone: CLIENT_PHONE,
        email: CLIENT_EMAIL,
        language: 'zh-CN',
        homeStoreId: api.storeId,
      })
    ).id;
    // HQ's bonus rule: set up by head office, not part of the desk's flow.
    await api.call('POST', '/wallet/bonus-rules', { name: 'Pay $100 get $20', thresholds: [{ pay: 10_000, bonus: 2_000 }] });
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('tops up $100 (+$20 bonus), pays part of a ticket from the wallet and the rest by card, and the reminder is in the mailbox', async () => {
    const page = await newPage(e2e);
    await signIn(page);

    // ── Top up from the client's wallet: the offer is shown, the bonus previewed before the ticket opens.
    await openBalances(page, clientId);
    expect(await value(page, 'wallet-total')).toBe(0);
    await page.getByTestId('wallet-top-up').click();
    await page.getByTestId('top-up-drawer').waitFor();
    await page.getByTestId('top-up-quick-10000').click();
    await expect.poll(() => value(page, 'top-up-bonus')).toBe(2_000);
    expect(await value(page, 'top-up-credited')).toBe(12_000);
    expect(await page.getByTestId('top-up-preview').textContent()).toContain('Pay $100 get $20');
    await shot(page, 'stored-value-top-up-en');
    await page.getByTestId('top-up-submit').click();

    // The ticket holds the top-up for her; the desk takes $100 by card.
    await page.locator('[data-testid=ticket-line][data-kind=stored_value_topup]').waitFor();
    await page.getByTestId('ticket-client-name').waitFor();
    await page.getByTestId('ticket-pay').click();
    await page.getByTestId('payment-panel').waitFor();
    await expect.poll(() => page.getByTestId('pay-due').textContent()).toContain('100.00');
    await page.getByTestId('tender-add-card').click();
    expect(await page.getByTestId('tender-amount').inputValue()).toBe('100.00');
    await page.getByTestId('pay-complete').click();
    await page.getByTestId('sale-view').waitFor();

    await openBalances(page, clientId);
    await expect.poll(() => value(page, 'wallet-total')).toBe(12_000);
    expect(await page.getByTestId('wallet-total').textContent()).toBe('$120.00');
    expect(await value(page, 'wallet-principal')).toBe(10_000);
    expect(await value(page, 'wallet-bonus')).toBe(2_000);
    expect(await page.getByTestId('wallet-last-top-up').textContent()).toContain('(+$20.00 bonus)');
    await shot(page, 'stored-value-after-top-up-en');

    // ── A $100 pedicure: $90 from her wallet, $10 by card.
    await newWalkInWithService(page, amyId);
    await page.getByTestId('ticket-client-add').click();
    await page.getByTestId('client-search-input').fill('wang');
    await page.getByTestId('client-search-option').first().click();
    await page.getByTestId('ticket-client-name').waitFor();
    await expect.poll(() => page.getByTestId('ticket-pay').isEnabled()).toBe(true);
    await page.getByTestId('ticket-pay').click();
    await page.getByTestId('payment-panel').waitFor();
    await expect.poll(() => page.getByTestId('pay-due').textContent()).toContain('100.00');
    await page.getByTestId('tender-add-stored_value').click();
    await page.locator('[data-testid=tender-entry][data-kind=stored_value] [data-testid=tender-amount]').fill('90');
    await page.getByTestId('tender-add-card').click();
    // The card takes what is left.
    expect(await page.locator('[data-testid=tender-entry][data-kind=card] [data-testid=tender-amount]').inputValue()).toBe('10.00');
    await shot(page, 'stored-value-split-payment-en');
    await page.getByTestId('pay-complete').click();
    await page.getByTestId('sale-view').waitFor();

    // The completed sale shows both tenders.
    const tenders = page.getByTestId('sale-tender');
    await expect.poll(() => tenders.evaluateAll((els) => els.map((el) => el.getAttribute('data-kind')))).toEqual(['stored_value', 'card']);
    expect(await tenders.nth(0).textContent()).toContain('$90.00');
    // In proportion (the default): $90 of $120 is $75 principal and $15 bonus.
    expect(await tenders.nth(0).textContent()).toContain('Principal $75.00 + bonus $15.00');
    expect(await tenders.nth(1).textContent()).toContain('$10.00');
    await shot(page, 'stored-value-sale-en');
    const saleId = new URL(page.url()).pathname.split('/').pop() ?? '';
    const sale = await api.call<Sale>('GET', `/sales/${saleId}`);
    expect(sale.total).toBe(10_000);
    expect(sale.tenders.map((t) => [t.kind, t.amount])).toEqual([
      ['stored_value', 9_000],
      ['card', 1_000],
    ]);
    expect(sale.tenders[0]?.details).toMatchObject({ principal: 7_500, bonus: 1_500 });

    // $25 principal and $5 bonus are left.
    const wallet = await api.call<Wallet>('GET', `/clients/${clientId}/wallet`);
    expect([wallet.total, wallet.principal, wallet.bonus]).toEqual([3_000, 2_500, 500]);
    await openBalances(page, clientId);
    await expect.poll(() => value(page, 'wallet-total')).toBe(3_000);
    expect(await value(page, 'wallet-principal')).toBe(2_500);
    expect(await value(page, 'wallet-bonus')).toBe(500);
    await shot(page, 'stored-value-after-spend-en');

    // ── $30 is under the $50 default threshold: the reminder job decides, in her language, and the
    // outbox hands the messages to the log adapter, which keeps them for the dev mailbox.
    expect(DEFAULT_SETTINGS.reminders.wallet).toEqual({ kind: 'amount', value: 5_000 });
    const now = Date.now();
    await e2e.deliverMessages();
    await page.getByTestId('nav-mailbox').click();
    await page.getByTestId('mailbox-page').waitFor();
    const email = page.locator('[data-testid=mailbox-message]', { hasText: CLIENT_EMAIL });
    await email.waitFor();
    expect(await email.textContent()).toContain('Lotus Flushing：您的余额不多了');
    await email.getByRole('button').click();
    expect(await email.locator('pre').textContent()).toBe(
      '小明您好，您在Lotus Flushing的储值余额现为 $30.00。下次到店时可以充值，继续享受会员优惠。',
    );
    // The SMS goes out too, unless it is the store's quiet hours: then it waits for the morning.
    const sms = page.locator('[data-testid=mailbox-message]', { hasText: CLIENT_PHONE });
    const quiet = quietUntil(now, ZONE, DEFAULT_SETTINGS.reminders.quietHours);
    expect(await sms.count()).toBe(quiet === null ? 1 : 0);
    // One reminder, whatever runs again: the decision is recorded and the job ids are fixed.
    await e2e.deliverMessages();
    await page.getByTestId('mailbox-refresh').click();
    await expect.poll(() => page.locator('[data-testid=mailbox-message]', { hasText: CLIENT_EMAIL }).count()).toBe(1);
    await shot(page, 'stored-value-mailbox-reminder-en');

    // Her wallet says so too (the desk has no mailbox in production), and would say why had it been skipped.
    await openBalances(page, clientId);
    const note = page.getByTestId('wallet-reminder');
    expect(await note.getAttribute('data-state')).toBe('sent');
    expect(await note.textContent()).toContain(quiet === null ? 'by text and email ($30.00 left)' : 'by email ($30.00 left)');
    await shot(page, 'stored-value-reminder-on-wallet-en');
  });
});
