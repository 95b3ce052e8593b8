import { banner, expect, sitePage, test } from './support/fixtures';

test.describe('window.Soglasie', () => {
  test('an element named Soglasie before the tag (DOM clobbering) neither stops the SDK nor passes for it', async ({
    page,
    server,
    consoleMessages,
  }) => {
    const head = '<img name="Soglasie" src="data:,">';
    await page.goto(server.page('/clobbered.html', sitePage({ head })));
    await expect(banner(page)).toBeVisible();
    expect(await page.evaluate(() => typeof window.Soglasie!.get)).toBe('function');
    expect(await page.evaluate(() => window.Soglasie!.get().decided)).toBe(false);
    expect(consoleMessages.some((m) => m.includes('window.Soglasie was held by <img name="Soglasie">'))).toBe(true);
  });

  test('a second copy of the tag keeps the first instance', async ({ page, server }) => {
    const body = '<script src="/dist/soglasie.iife.js" data-policy-url="/policies/autocrm-policy.txt"></script>';
    await page.goto(server.page('/twice.html', sitePage({ body })));
    await expect(banner(page)).toHaveCount(1);
    await page.evaluate(() => window.Soglasie!.accept());
    expect(await page.evaluate(() => window.Soglasie!.get().decided)).toBe(true);
    expect(await page.locator('soglasie-consent').count()).toBe(1);
  });
});
