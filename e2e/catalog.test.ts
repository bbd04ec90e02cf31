import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OWNER_PASSWORD, SETUP_BODY, Session } from '../test/support/app.js';
import { type E2E, newPage, shot, startE2E } from './support/harness.js';

describe('catalog in a real browser', () => {
  let e2e: E2E;
  let storeId: string;
  beforeAll(async () => {
    e2e = await startE2E();
    // The business, its store and a technician, through the API.
    const owner = new Session(e2e.app);
    const setup = await owner.post('/api/v1/setup', SETUP_BODY);
    expect(setup.statusCode).toBe(201);
    storeId = setup.json().stores[0].id;
    const tech = await owner.post('/api/v1/staff', {
      name: 'Lily Wang',
      displayName: 'Lily',
      email: 'lily@lotus.test',
      role: 'technician',
      storeIds: [storeId],
      language: 'en',
    });
    expect(tech.statusCode).toBe(201);
  });
  afterAll(() => e2e.close());

  it('creates a category and a service with a Chinese name and a staff price, shown in English and 简体中文', async () => {
    const page = await newPage(e2e);
    await page.goto('/login');
    await page.getByTestId('login-email').fill(SETUP_BODY.owner.email);
    await page.getByTestId('login-password').fill(OWNER_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('sidebar').waitFor();

    await page.getByTestId('nav-catalog').click();
    await page.getByTestId('catalog-page').waitFor();
    await page.getByTestId('services-empty').waitFor();

    // A category, with its Simplified Chinese name and a colour.
    await page.getByTestId('category-add').first().click();
    await page.getByTestId('category-form-name').fill('Manicures');
    await page.getByTestId('category-form-name-zh-CN').fill('手部美甲');
    await page.getByTestId('category-form-color-e91e63').click();
    await page.getByTestId('category-form-submit').click();
    await page.getByTestId('category-dialog').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('service-group-name').allInnerTexts()).toContain('Manicures');

    // A service in it: 45 min, $40.00, Lily charges $45.00.
    await page.getByTestId('service-add').click();
    const drawer = page.getByTestId('service-drawer');
    await drawer.waitFor();
    await page.getByTestId('service-form-name').fill('Gel Manicure');
    await page.getByTestId('service-form-name-zh-CN').fill('凝胶美甲');
    await page.getByTestId('service-form-category').selectOption({ label: 'Manicures' });
    await page.getByTestId('service-form-duration').selectOption('45');
    await page.getByTestId('service-form-buffer-after').selectOption('5');
    await page.getByTestId('service-form-price').fill('40');

    // Validation speaks before the server does: a price with three decimals is refused.
    await page.getByTestId('service-form-price').fill('40.005');
    await page.getByTestId('service-form-submit').click();
    await expect.poll(() => drawer.locator('[role="alert"]').allInnerTexts()).toContainEqual(expect.stringContaining('25.50'));
    await page.getByTestId('service-form-price').fill('40');

    const lily = page.getByTestId('service-staff-row').filter({ hasText: 'Lily' });
    await lily.getByTestId('service-staff-check').check();
    await lily.getByTestId('service-staff-price').fill('45');
    await expect.poll(() => page.getByTestId('timeline-total').innerText()).toContain('50 min');
    await shot(page, 'catalog-service-drawer-en');
    await page.getByTestId('service-form-submit').click();
    await drawer.waitFor({ state: 'detached' });

    const row = page.getByTestId('service-row').filter({ hasText: 'Gel Manicure' });
    await row.waitFor();
    expect(await row.getByTestId('service-row-price').innerText()).toBe('$40.00');
    expect(await row.getByTestId('service-row-duration').innerText()).toBe('45 min');
    expect(await row.innerText()).toContain('1 technician');
    await shot(page, 'catalog-services-en');

    // The server has the staff price in cents and the translation.
    const services = await page.evaluate(async () => (await fetch('/api/v1/services')).json());
    expect(services.data).toHaveLength(1);
    expect(services.data[0]).toMatchObject({
      name: 'Gel Manicure',
      nameTranslations: { 'zh-CN': '凝胶美甲' },
      price: 4000,
      durationMin: 45,
      bufferAfterMin: 5,
    });
    expect(services.data[0].staff).toEqual([expect.objectContaining({ price: 4500, durationMin: null })]);

    // In 简体中文 the menu reads in Chinese, with Chinese durations.
    await page.getByTestId('language-switcher').selectOption('zh-CN');
    await expect.poll(() => page.locator('h1').first().innerText()).toBe('项目与商品');
    const zhRow = page.getByTestId('service-row').first();
    await expect.poll(() => zhRow.getByTestId('service-row-name').innerText()).toBe('凝胶美甲');
    expect(await zhRow.getByTestId('service-row-duration').innerText()).toBe('45分钟');
    expect(await page.getByTestId('service-group-name').first().innerText()).toBe('手部美甲');
    await shot(page, 'catalog-services-zh-CN');

    // The editor in Chinese shows Lily's own price.
    await zhRow.locator('button').first().click();
    await page.getByTestId('service-drawer').waitFor();
    await expect.poll(() => page.getByTestId('service-staff-price').first().inputValue()).toBe('45.00');
    await shot(page, 'catalog-service-drawer-zh-CN');
  });
});
