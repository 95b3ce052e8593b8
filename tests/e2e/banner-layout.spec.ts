import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { banner, expect, test } from './support/fixtures';

// The autocrm.ru demo's configuration and texts, as a visitor meets them.
const config = readFileSync(new URL('./fixtures/ui/autocrm-config.json', import.meta.url), 'utf8');
const demoPage = (mode: 'checkbox' | 'buttons', extraHead = '') => `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>AutoCRM</title>${extraHead}
<script type="application/json" data-soglasie-config>${config}</script>
<script src="/dist/soglasie.iife.js" data-mode="${mode}" data-policy-url="/policies/autocrm-policy.txt"
  data-consent-url="/policies/autocrm-policy.txt"></script>
</head><body><header><a href="/">AutoCRM</a> <a href="/price">Цены</a></header>
<main><h1>CRM для автосалонов</h1><p>Заявки, сделки, склад и сервис.</p></main>
<script type="text/plain" data-consent="analytics">window.__ran = true</script></body></html>`;

const coverage = async (page: Page) => {
  const box = (await banner(page).boundingBox())!;
  const viewport = page.viewportSize()!;
  return (box.width * box.height) / (viewport.width * viewport.height);
};

test.describe('the banner, second edition', () => {
  test('on a 360×740 phone it covers at most half the screen in buttons mode, 60% in checkbox mode', async ({
    page,
    server,
  }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(server.page('/layout-buttons.html', demoPage('buttons')));
    await expect(banner(page)).toBeVisible();
    expect(await coverage(page)).toBeLessThanOrEqual(0.5);
    await page.goto(server.page('/layout-checkbox.html', demoPage('checkbox')));
    await expect(banner(page)).toBeVisible();
    expect(await coverage(page)).toBeLessThanOrEqual(0.6);
  });

  test('at 1920 px no decision button is wider than 480 px, and accept and decline are the same size', async ({
    page,
    server,
  }) => {
    await page.setViewportSize({ width: 1920, height: 1000 });
    for (const mode of ['buttons', 'checkbox'] as const) {
      await page.goto(server.page(`/layout-wide-${mode}.html`, demoPage(mode)));
      const accept = banner(page).getByRole('button', { name: /^Принять/ });
      const decline = banner(page).getByRole('button', { name: /^Отклонить/ });
      const a = (await accept.boundingBox())!;
      const d = (await decline.boundingBox())!;
      expect(a.width).toBeLessThanOrEqual(480);
      expect(d.width).toBeLessThanOrEqual(480);
      expect(Math.abs(a.height - d.height)).toBeLessThan(1);
    }
  });

  test('the banner is the first thing the keyboard reaches, and after a decision focus goes on from the page start', async ({
    page,
    server,
  }) => {
    await page.goto(server.page('/layout-tab.html', demoPage('buttons')));
    await expect(banner(page)).toBeVisible();
    // Not focused on load.
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => document.activeElement?.localName);
    if (first !== 'soglasie-consent') await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('soglasie-consent');
    // Tab to «Отклонить все» and press it.
    const decline = banner(page).getByRole('button', { name: 'Отклонить все' });
    for (let i = 0; i < 8 && !(await decline.evaluate((el) => el.matches(':focus'))); i++) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await expect(banner(page)).toBeHidden();
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('AutoCRM');
  });

  test('checkbox mode says what «Принять выбранное» does with nothing ticked, and hides a category the page has nothing of', async ({
    page,
    server,
  }) => {
    await page.goto(server.page('/layout-words.html', demoPage('checkbox')));
    const region = banner(page);
    await expect(region.getByText('Ничего не отмечено: будут работать только необходимые cookie.')).toBeVisible();
    await expect(region.getByRole('checkbox', { name: /Аналитика/ })).toBeVisible();
    // The demo site has no marketing service and no marketing element.
    await expect(region.getByRole('checkbox', { name: /Маркетинг/ })).toHaveCount(0);
    await region.getByRole('button', { name: 'Принять выбранное' }).click();
    await expect(region).toBeHidden();
    expect(await page.evaluate(() => window.Soglasie!.get().categories)).toEqual({
      necessary: true,
      analytics: false,
      marketing: false,
    });
  });

  for (const [what, css] of [
    ['a 62.5% root', 'html{font-size:62.5%}'],
    ['a 38 px !important on every element', '*{font-size:38px!important}'],
  ]) {
    test(`the banner's text size is the browser's, whatever the page sets (${what})`, async ({ page, server }) => {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(server.page(`/layout-font-${what.length}.html`, demoPage('buttons', `<style>${css}</style>`)));
      const accept = banner(page).getByRole('button', { name: 'Принять все' });
      await expect(accept).toBeVisible();
      const size = await accept.evaluate((el) => getComputedStyle(el).fontSize);
      // The browser's default 16 px × 0.9375 = 15 px (the floor is 15 px too).
      expect(size).toBe('15px');
      expect((await accept.boundingBox())!.height).toBeLessThan(60);
    });
  }
});
