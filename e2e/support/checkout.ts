import type { Page } from 'playwright-core';

/** Opens the store's cash drawer from the Cash drawer screen, counting the float in dollars (cash needs it). */
export async function openDrawer(page: Page, float = '200') {
  await page.getByTestId('nav-cashDrawer').click();
  await page.getByTestId('shift-float').fill(float);
  await page.getByTestId('shift-open').click();
  await page.getByTestId('shift-card').waitFor();
}

/** A new walk-in ticket at checkout with this technician's first catalog service on it. */
export async function newWalkInWithService(page: Page, staffId: string) {
  await page.getByTestId('nav-checkout').click();
  await page.getByTestId('checkout-page').waitFor();
  await page.getByTestId('checkout-new-walkin').click();
  await page.getByTestId('ticket-screen').waitFor();
  await page.locator(`[data-testid=tech-chip][data-staff="${staffId}"]`).click();
  await page.locator('[data-testid=catalog-service]').first().click();
  await page.locator('[data-testid=ticket-line][data-kind=service]').waitFor();
}
