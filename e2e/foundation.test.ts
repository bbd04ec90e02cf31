import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, newPage, shot, startE2E } from './support/harness.js';

describe('first run in a real browser', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(() => e2e.close());

  it('sets up, signs in, switches to 简体中文 and shows the staff screen in Chinese', async () => {
    const page = await newPage(e2e);
    await page.goto('/');
    await page.getByTestId('setup-wizard').waitFor();

    await page.getByTestId('setup-business-name').fill('Lotus Nail & Spa');
    await page.getByTestId('setup-currency-usd').click();
    await page.getByTestId('setup-next').click();
    await page.getByTestId('setup-store-name').fill('Lotus Flushing');
    await page.getByTestId('setup-store-timezone').selectOption('America/New_York');
    await page.getByTestId('setup-next').click();
    await page.getByTestId('setup-owner-name').fill('Mei Lin');
    await page.getByTestId('setup-owner-email').fill('owner@lotus.test');
    await page.getByTestId('setup-owner-password').fill('correct-horse-battery');
    await page.getByTestId('setup-owner-password-confirm').fill('correct-horse-battery');
    await shot(page, 'foundation-setup-owner');
    await page.getByTestId('setup-finish').click();
    await page.getByTestId('setup-done').waitFor();
    await page.getByTestId('setup-go-to-app').click();

    // Sign out and back in, as the owner will tomorrow morning.
    await page.getByTestId('user-menu').click();
    await page.getByTestId('user-menu-signout').click();
    await page.getByTestId('login-page').waitFor();
    await page.getByTestId('login-email').fill('owner@lotus.test');
    await page.getByTestId('login-password').fill('correct-horse-battery');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('sidebar').waitFor();

    await page.getByTestId('language-switcher').selectOption('zh-CN');
    await page.getByTestId('nav-staff').click();
    const table = page.getByTestId('staff-table');
    await table.waitFor();
    await expect.poll(() => page.locator('h1').first().innerText()).toContain('员工');
    expect(await table.locator('thead').innerText()).toContain('姓名');
    expect(await table.innerText()).toContain('Mei Lin');
    await shot(page, 'foundation-staff-zh-CN');

    // The language is remembered for this user on the server.
    const me = await page.evaluate(async () => (await fetch('/api/v1/me')).json());
    expect(me.staff.language).toBe('zh-CN');
  });
});
