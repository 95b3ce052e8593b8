import { expect, type Page } from '@playwright/test';

/** Waits until the page has fetched the script tag's later part and the network has settled. */
export async function laterPartArrived(page: Page): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(() =>
        performance.getEntriesByType('resource').some((entry) => entry.name.includes('soglasie-later.iife.js')),
      ),
    )
    .toBe(true);
  await page.waitForLoadState('networkidle');
}
