import type { Page } from 'playwright-core';

/** Opens the store's cash drawer from the Cash drawer screen, counting the float in dollars (cash needs it). */
export async function openDrawer(page: Page, float = '200') {
  await page.getByTestId('nav-cashDrawer').click();
  await page.getByTestId('shift-float').fill(float);
  await page.getByTestId('shift-open').click();
  await page.getByTestId('shift-card').waitFor();
}
