import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { banner, expect, sitePage, test } from './support/fixtures';
import type { TestServer } from './support/test-server';
import { laterPartArrived } from './support/later-part';

// A complete configuration: one with a problem loads the later part to name it.
const attrs =
  'data-policy-url="/policies/autocrm-policy.txt" data-policy-sha256="0000000000000000000000000000000000000000000000000000000000000000" data-endpoint="/receipts" ' +
  'data-consent-url="/policies/autocrm-policy.txt" data-operator-name="ООО «Инфотек»" data-operator-address="г. Тула" data-operator-email="hd@autocrm.ru" data-purposes="аналитика"';
const UI = '/dist/soglasie-ui-ru.iife.js';
// Receipts, what a refusal does and the configuration's messages come in one later part.
const LATER = '/dist/soglasie-later.iife.js';
const RECEIPTS = LATER;
const REFUSAL = LATER;
const FRAME =
  '<iframe data-consent="marketing" data-src="/fixtures/gating/frame.html" title="Видео" width="320" height="180"></iframe>';

/**
 * Waits until the page has read the endpoint's answer, not only until the endpoint stored the receipt: an
 * answer the page never read leaves the receipt in its outbox, and the next page sends it again.
 */
const answered = (page: Page) =>
  expect
    .poll(() => page.evaluate(() => Object.keys(localStorage).some((key) => key.startsWith('soglasie.outbox.'))))
    .toBe(false);

/** Decides on a first visit, waits for its receipt, and comes back: the page is now a returning visit. */
async function returnAfter(page: Page, server: TestServer, url: string, how: 'accept' | 'decline') {
  await page.goto(url);
  await page.evaluate((h) => (h === 'accept' ? window.Soglasie!.accept() : window.Soglasie!.decline()), how);
  await expect.poll(() => server.endpoint.stored.size).toBe(1);
  await answered(page);
  server.requests.length = 0;
  await page.reload({ waitUntil: 'networkidle' });
}

test.describe('the script tag in parts', () => {
  test('a first visitor gets the receipt code only with a decision; a returning visitor who decides nothing runs the core alone', async ({
    page,
    server,
  }) => {
    const url = server.page('/split.html', sitePage({ attrs }));
    await page.goto(url, { waitUntil: 'networkidle' });
    await expect(banner(page)).toBeVisible();
    expect(server.requests).toContain(UI);
    expect(server.requests).not.toContain(RECEIPTS);
    await page.evaluate(() => window.Soglasie!.accept());
    await expect.poll(() => server.endpoint.stored.size).toBe(1);
    await answered(page);
    expect(server.requests).toContain(RECEIPTS);

    server.requests.length = 0;
    await page.reload({ waitUntil: 'networkidle' });
    expect(await page.evaluate(() => window.Soglasie!.has('analytics'))).toBe(true);
    expect(server.requests).toContain('/dist/soglasie.iife.js');
    expect(server.requests).not.toContain(UI);
    expect(server.requests).not.toContain(RECEIPTS);
    // Nothing refused: nothing to sweep, no placeholder to fill.
    expect(server.requests).not.toContain(REFUSAL);
  });

  test('without an endpoint, a returning visitor runs the core alone (no receipt is owed)', async ({
    page,
    server,
  }) => {
    const url = server.page(
      '/split-no-endpoint.html',
      sitePage({ attrs: attrs.replace(' data-endpoint="/receipts"', '') }),
    );
    await page.goto(url);
    await page.evaluate(() => window.Soglasie!.accept());
    await laterPartArrived(page);
    server.requests.length = 0;
    await page.reload({ waitUntil: 'networkidle' });
    expect(await page.evaluate(() => window.Soglasie!.has('analytics'))).toBe(true);
    expect(server.requests).not.toContain(LATER);
  });

  test('a decision that refuses something sweeps what that category left on its own page; the next page runs the core alone', async ({
    page,
    server,
  }) => {
    const url = server.page('/split-refused.html', sitePage({ attrs }));
    // What a marketing tracker left behind before the tag was on the site, for the sweep to find.
    await page.context().addCookies([{ name: '_gcl_au', value: '1', url }]);
    await page.goto(url);
    // Decided once this page's after-load check has passed (one idle callback later, in order): the sweep
    // is the decision's.
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));
    await page.evaluate(() => window.Soglasie!.accept(['analytics']));
    await expect.poll(() => page.evaluate(() => document.cookie.includes('_gcl_au'))).toBe(false);
    await expect.poll(() => server.endpoint.stored.size).toBe(1);
    await answered(page);
    server.requests.length = 0;
    await page.reload({ waitUntil: 'networkidle' });
    expect(await page.evaluate(() => window.Soglasie!.has('analytics'))).toBe(true);
    expect(server.requests).not.toContain(REFUSAL);
  });

  test('a returning visitor whose refusal is not swept yet gets the refusal code only after the allowed analytics have run, and it sweeps once', async ({
    page,
    server,
  }) => {
    const body = `<script type="text/plain" data-consent="analytics">performance.mark('analytics-ran')</script>`;
    const url = server.page('/split-refused.html', sitePage({ attrs, body }));
    await page.context().addCookies([{ name: '_gcl_au', value: '1', url }]);
    // The deciding page cannot load the later part: its receipt and its sweep wait for the next page.
    let refused = 0;
    await page.route(/soglasie-later\.iife\.js/, (route) => {
      refused++;
      return route.abort('internetdisconnected');
    });
    await page.goto(url);
    await page.evaluate(() => window.Soglasie!.accept(['analytics']));
    await expect.poll(() => refused).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.cookie.includes('_gcl_au'))).toBe(true);
    await page.unroute(/soglasie-later\.iife\.js/);
    server.requests.length = 0;
    await page.reload({ waitUntil: 'load' });
    await expect.poll(() => page.evaluate(() => document.cookie.includes('_gcl_au'))).toBe(false);
    expect(server.requests).toContain(REFUSAL);
    const [ran, asked] = await page.evaluate(
      (file) => [
        performance.getEntriesByName('analytics-ran')[0]?.startTime,
        performance.getEntriesByType('resource').find((e) => e.name.includes(file))?.startTime,
      ],
      REFUSAL,
    );
    expect(ran).toBeLessThan(asked!);
    await expect.poll(() => server.endpoint.stored.size).toBe(1);
    await answered(page);
    // Swept once for this decision: the next page does not load the later part for it again.
    server.requests.length = 0;
    await page.reload({ waitUntil: 'networkidle' });
    expect(server.requests).not.toContain(REFUSAL);
  });

  test('an iframe placeholder whose code failed to load stays a closed box, and is explained once the browser is back online', async ({
    page,
    server,
    consoleMessages,
  }) => {
    await page.route(/soglasie-later\.iife\.js/, (route) => route.abort('internetdisconnected'));
    await page.goto(server.page('/split-frame.html', sitePage({ attrs, body: FRAME })));
    const placeholder = page.locator('[data-consent-placeholder="marketing"]');
    await expect(placeholder).toHaveCount(1);
    await expect
      .poll(() => consoleMessages.some((m) => m.includes('could not load') && m.includes('soglasie-later.iife.js')))
      .toBe(true);
    await expect(page.locator('iframe[data-consent]')).toBeHidden();
    await expect(placeholder).toHaveText('');
    await page.unroute(/soglasie-later\.iife\.js/);
    await page.evaluate(() => dispatchEvent(new Event('online')));
    await expect(placeholder.getByRole('button', { name: 'Разрешить' })).toBeVisible();
    expect(await page.locator('iframe[data-consent]').getAttribute('src')).toBeNull();
  });

  test('an interface file that failed to load is tried again when the browser is back online', async ({
    page,
    server,
    consoleMessages,
  }) => {
    await page.route(/soglasie-ui-ru\.iife\.js/, (route) => route.abort('internetdisconnected'));
    await page.goto(server.page('/split.html', sitePage({ attrs })));
    await expect
      .poll(() => consoleMessages.some((m) => m.includes('could not load') && m.includes('soglasie-ui-ru.iife.js')))
      .toBe(true);
    await expect(banner(page)).toBeHidden();
    await page.unroute(/soglasie-ui-ru\.iife\.js/);
    await page.evaluate(() => dispatchEvent(new Event('online')));
    await expect(banner(page)).toBeVisible();
  });

  test('a part asked for while offline and refused just after the browser is back online is tried again at once', async ({
    page,
    server,
    context,
  }) => {
    await page.clock.install();
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let asked = 0;
    await page.route(/soglasie-later\.iife\.js/, async (route) => {
      asked++;
      if (asked > 1) return route.continue();
      // The failure arrives after the `online` event, as on a phone whose connection comes back.
      await held;
      await route.abort('internetdisconnected');
    });
    await page.goto(server.page('/split-offline.html', sitePage({ attrs })), { waitUntil: 'networkidle' });
    // From here timers stand still: the retry a while later cannot load it, only one made at once.
    await page.clock.pauseAt(Date.now() + 60_000);
    await context.setOffline(true);
    const id = await page.evaluate(() => {
      window.Soglasie!.accept();
      return window.Soglasie!.get().receiptId!;
    });
    await expect.poll(() => asked).toBe(1);
    await context.setOffline(false);
    await expect.poll(() => page.evaluate(() => navigator.onLine)).toBe(true);
    release();
    await expect.poll(() => server.endpoint.stored.has(id)).toBe(true);
  });

  test('a part answered by another page (a fallback index.html) is named in the console and tried again', async ({
    page,
    server,
    consoleMessages,
  }) => {
    let served = 0;
    await page.route(
      /soglasie-ui-ru\.iife\.js/,
      (route) => (
        served++,
        route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><p>Not found</p>' })
      ),
    );
    await page.goto(server.page('/split.html', sitePage({ attrs })));
    await expect
      .poll(() => consoleMessages.some((m) => m.includes('could not load') && m.includes('soglasie-ui-ru.iife.js')))
      .toBe(true);
    await page.unroute(/soglasie-ui-ru\.iife\.js/);
    await page.evaluate(() => dispatchEvent(new Event('online')));
    await expect(banner(page)).toBeVisible();
    expect(served).toBe(1);
  });

  test('an English page loads the English interface file only', async ({ page, server }) => {
    await page.goto(server.page('/split-en.html', sitePage({ attrs: `${attrs} data-lang="en"` })), {
      waitUntil: 'networkidle',
    });
    await expect(banner(page).getByRole('button', { name: 'Decline' })).toBeVisible();
    expect(server.requests).toContain('/dist/soglasie-ui-en.iife.js');
    expect(server.requests).not.toContain(UI);
  });

  test('destroy() takes the loaded interface away too', async ({ page, server }) => {
    await page.goto(server.page('/split.html', sitePage({ attrs })));
    await expect(banner(page)).toBeVisible();
    await page.evaluate(() => window.Soglasie!.destroy());
    await expect(page.locator('soglasie-consent')).toHaveCount(0);
  });

  test('after destroy() a failed part is not tried again', async ({ page, server, consoleMessages }) => {
    await page.route(/soglasie-ui-ru\.iife\.js/, (route) => route.abort('internetdisconnected'));
    await page.goto(server.page('/split.html', sitePage({ attrs })));
    await expect.poll(() => consoleMessages.some((m) => m.includes('could not load'))).toBe(true);
    await page.unroute(/soglasie-ui-ru\.iife\.js/);
    server.requests.length = 0;
    await page.evaluate(() => {
      window.Soglasie!.destroy();
      dispatchEvent(new Event('online'));
    });
    // A later part request would come at once on `online`; a network-idle page shows there was none.
    await page.waitForLoadState('networkidle');
    expect(server.requests).not.toContain(UI);
    await expect(page.locator('soglasie-consent')).toHaveCount(0);
  });

  test('the parts are asked for with the release version, so a cached core never meets another release’s parts', async ({
    page,
    server,
  }) => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    const asked: string[] = [];
    page.on('request', (r) => asked.push(r.url()));
    await page.goto(server.page('/split.html', sitePage({ attrs })));
    await expect(banner(page)).toBeVisible();
    expect(asked).toContain(`${server.origin}/dist/soglasie-ui-ru.iife.js?v=${version}`);
    // The banner's file is asked for at high priority, ahead of the page's images.
    expect(
      await page.evaluate(() => document.querySelector('script[src*="soglasie-ui-ru"]')?.getAttribute('fetchpriority')),
    ).toBe('high');
  });

  test('a visitor who starts using the banner gets the receipt code before deciding', async ({ page, server }) => {
    const body = '<script type="text/plain" data-consent="analytics">window.__analytics = true</script>';
    await page.goto(server.page('/split-use.html', sitePage({ attrs, body })), { waitUntil: 'networkidle' });
    expect(server.requests).not.toContain(RECEIPTS);
    await banner(page).getByRole('checkbox').first().check();
    await expect.poll(() => server.requests).toContain(RECEIPTS);
    expect(await page.evaluate(() => window.Soglasie!.get().decided)).toBe(false);
  });

  test('open() on a returning visit loads the interface; closing it unchanged sends no receipt', async ({
    page,
    server,
  }) => {
    await returnAfter(page, server, server.page('/split.html', sitePage({ attrs })), 'decline');
    expect(server.requests).not.toContain(UI);
    await page.evaluate(() => window.Soglasie!.open('preferences'));
    const dialog = page.locator('soglasie-consent').getByRole('dialog');
    await expect(dialog).toBeVisible();
    expect(server.requests).toContain(UI);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await page.waitForLoadState('networkidle');
    expect(server.endpoint.posts).toHaveLength(1);
  });

  test('a decision made through the API on a returning visit loads the receipt code and delivers its receipt', async ({
    page,
    server,
  }) => {
    await returnAfter(page, server, server.page('/split.html', sitePage({ attrs })), 'accept');
    const id = await page.evaluate(() => {
      window.Soglasie!.withdraw();
      return window.Soglasie!.get().receiptId!;
    });
    await expect.poll(() => server.endpoint.stored.has(id)).toBe(true);
    expect(server.endpoint.stored.get(id)).toMatchObject({ event: 'withdraw', page: `${server.origin}/split.html` });
  });

  test('a decision recorded just before leaving is delivered by the next page', async ({ page, server }) => {
    // A returning visit: the receipt code is not loaded, and the page leaves at once after the decision.
    await returnAfter(
      page,
      server,
      server.page('/split.html', sitePage({ attrs: `${attrs} data-reload-on-withdraw="false"` })),
      'accept',
    );
    const id = await page.evaluate(() => {
      window.Soglasie!.decline();
      const receiptId = window.Soglasie!.get().receiptId!;
      location.href = '/policies/autocrm-consent.txt';
      return receiptId;
    });
    await page.waitForURL('**/autocrm-consent.txt');
    await page.goto(server.page('/next.html', sitePage({ attrs })));
    await expect.poll(() => server.endpoint.stored.has(id)).toBe(true);
    expect(server.endpoint.stored.get(id)).toMatchObject({ event: 'decline', page: `${server.origin}/split.html` });
    expect([...server.endpoint.stored.keys()].filter((k) => k === id)).toHaveLength(1);
  });
});
