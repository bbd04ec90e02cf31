import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_JOB_KIND, importJobHandler } from '../src/server/modules/clients/import/index.js';
import { systemClock } from '../src/server/platform/clock.js';
import { JobWorker } from '../src/server/platform/jobs/index.js';
import { type E2E, newPage, shot, startE2E } from './support/harness.js';

// Clients in a real browser, once in English and once in 简体中文: create 王小明, find her by typing the
// pinyin initials "wxm", open her card, and import a small CSV through the wizard up to its report.

const fixture = (name: string) => resolve('e2e/fixtures', name);
const OWNER = { email: 'owner@lotus.test', password: 'correct-horse-battery' };

/** Waits until the results on screen answer `q` (not the previous query's, kept while typing). */
const resultsFor = (page: Page, q: string) => page.locator(`[data-testid="clients-results-panel"][data-query="${q}"]`).waitFor();

/** The number shown in one of the wizard's count tiles. */
const count = async (page: Page, testId: string) =>
  Number(await page.getByTestId(testId).locator('[data-value]').getAttribute('data-value'));

async function createWangXiaoming(page: Page, phone: string) {
  await page.getByTestId('clients-new').click();
  await page.getByTestId('client-drawer').waitFor();
  await page.getByTestId('client-form-last-name').fill('王');
  await page.getByTestId('client-form-first-name').fill('小明');
  await page.getByTestId('client-form-preferred-name').fill('Mandy');
  await page.getByTestId('client-form-phone').fill(phone);
  await page.getByTestId('client-form-allergy').fill('Latex');
  await page.getByTestId('client-form-submit').click();
  await page.getByTestId('client-profile').waitFor();
  expect(await page.getByTestId('client-name').textContent()).toBe('王小明');
}

async function findByInitials(page: Page, lang: string) {
  await page.getByTestId('client-back').click();
  const search = page.getByTestId('clients-search');
  await search.waitFor();
  await search.fill('wxm');
  await resultsFor(page, 'wxm');
  const names = await page.getByTestId('client-row-name').allTextContents();
  expect(names.length).toBeGreaterThan(0);
  expect(names.every((n) => n === '王小明')).toBe(true);
  await shot(page, `clients-search-wxm-${lang}`);
  // The first result is active: Enter opens it, as at the front desk.
  await search.press('Enter');
  await page.getByTestId('client-profile').waitFor();
  expect(await page.getByTestId('client-name').textContent()).toBe('王小明');
  expect(await page.getByTestId('client-allergy').textContent()).toContain('Latex');
  await shot(page, `clients-profile-${lang}`);
}

async function importFile(page: Page, file: string, lang: string) {
  await page.goto('/clients/import');
  await page.getByTestId('import-file').setInputFiles(fixture(file));
  await page.getByTestId('import-mapping').waitFor();
  await shot(page, `clients-import-mapping-${lang}`);
  await page.getByTestId('import-preview').click();
  await page.getByTestId('import-dry-run').waitFor();
  await shot(page, `clients-import-preview-${lang}`);
  const willCreate = await count(page, 'dry-create');
  expect(await count(page, 'dry-fail')).toBe(1);
  await page.getByTestId('import-run').click();
  await page.locator('[data-testid="import-report"][data-status="done"]').waitFor({ timeout: 30_000 });
  expect(await count(page, 'import-created')).toBe(willCreate);
  expect(await count(page, 'import-failed-count')).toBe(1);
  await shot(page, `clients-import-report-${lang}`);
  return willCreate;
}

describe('clients in a real browser', () => {
  let e2e: E2E;
  // The harness runs no job worker: run the import jobs here, the way the platform worker does.
  let worker: JobWorker;

  beforeAll(async () => {
    e2e = await startE2E();
    worker = new JobWorker({ database: e2e.db, clock: systemClock, pollMs: 200 }).register(
      IMPORT_JOB_KIND,
      importJobHandler({ database: e2e.db, clock: systemClock }),
    );
    worker.start();
  });
  afterAll(async () => {
    await worker?.stop();
    await e2e?.close();
  });

  it('in English: creates 王小明, finds her by "wxm", imports a Square export', async () => {
    const page = await newPage(e2e);
    // Set the business up through the API from one of the app's pages (API answers forbid scripts); the
    // session cookie lands in this browser.
    await page.goto('/');
    const status = await page.evaluate(async (owner) => {
      const response = await fetch('/api/v1/setup', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          business: { name: 'Lotus Nail & Spa', currency: 'USD', language: 'en' },
          store: { name: 'Lotus Flushing', timeZone: 'America/New_York' },
          owner: { name: 'Mei Lin', ...owner },
        }),
      });
      return response.status;
    }, OWNER);
    expect(status).toBe(201);

    await page.goto('/clients');
    await page.getByTestId('clients-empty').waitFor();
    await shot(page, 'clients-empty-en');
    await createWangXiaoming(page, '(415) 555-0101');
    await findByInitials(page, 'en');

    expect(await importFile(page, 'clients-square.csv', 'en')).toBe(4);
    expect(await page.getByTestId('import-done-title').textContent()).toContain('4 clients imported');
    await page.getByTestId('import-view-clients').click();
    await page.getByTestId('clients-search').fill('4155550162');
    await resultsFor(page, '4155550162');
    // Square's nickname column became her preferred name: the list calls her "Jo Lee", legal name beside it.
    expect(await page.getByTestId('client-row-name').allTextContents()).toEqual(['Jo Lee']);
    await page.getByText('Jordan Lee', { exact: true }).waitFor();
    await shot(page, 'clients-after-import-en');
  });

  it('in 简体中文: the same client twice is refused, 王小明 is found by "wxm", a Chinese CSV is imported', async () => {
    const page = await newPage(e2e, { locale: 'zh-CN' });
    await page.goto('/login');
    await page.getByTestId('login-email').fill(OWNER.email);
    await page.getByTestId('login-password').fill(OWNER.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('sidebar').waitFor();
    await page.getByTestId('language-switcher').selectOption('zh-CN');
    await page.getByTestId('nav-clients').click();
    await page.getByTestId('clients-page').waitFor();
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('客户');

    // Same phone as the card made in English: 409 client_exists, with a way to open that card.
    await page.getByTestId('clients-new').click();
    await page.getByTestId('client-form-last-name').fill('王');
    await page.getByTestId('client-form-first-name').fill('小明');
    await page.getByTestId('client-form-phone').fill('415-555-0101');
    await page.getByTestId('client-form-submit').click();
    await page.getByTestId('client-exists-open').waitFor();
    expect(await page.getByTestId('client-exists').textContent()).toContain('该客户已存在');
    await shot(page, 'clients-exists-zh-CN');
    await page.getByTestId('client-exists-open').click();
    await page.getByTestId('client-profile').waitFor();
    expect(await page.getByTestId('client-phone').textContent()).toBe('(415) 555-0101');

    await page.getByTestId('client-back').click();
    await createWangXiaoming(page, '(415) 555-0102');
    await findByInitials(page, 'zh-CN');

    expect(await importFile(page, 'clients-chinese.csv', 'zh-CN')).toBe(3);
    expect(await page.getByTestId('import-done-title').textContent()).toContain('已导入 3 位客户');
    await page.getByTestId('import-view-clients').click();
    await page.getByTestId('clients-search').fill('oynn');
    await resultsFor(page, 'oynn');
    expect(await page.getByTestId('client-row-name').allTextContents()).toEqual(['欧阳娜娜']);
    await shot(page, 'clients-after-import-zh-CN');
  });
});
