import { test, expect } from '../support/fixtures';
import { global, dataLayer } from '../fixtures/gating/snippets';
import { gtagSnippet, gtmNoscript, gtmSnippet, metricaSnippet } from '../fixtures/autoblock/official-snippets';
import { counts, taggedPage, trackerHosts } from './autoblock-support';

const YM = 87654321;
const GA = 'G-AUTO123';
const GTM = 'GTM-AUTO1';
// Page code that calls the trackers' functions before any decision, as sites do on load and on clicks.
const EARLY_CALLS = `<script>ym(${YM}, 'reachGoal', 'early'); window.__early = 'ok';</script>`;

test.describe('auto-blocking: the official snippets pasted verbatim after the tag', () => {
  test('Metrica: nothing before a decision, one tag.js and its hits after accept', async ({
    page,
    server,
    consoleMessages,
  }) => {
    const hits = await trackerHosts(page);
    await page.goto(server.page('/ym.html', taggedPage({ head: metricaSnippet(YM), body: EARLY_CALLS })), {
      waitUntil: 'networkidle',
    });
    expect(hits).toEqual([]);
    expect(await global(page, '__early')).toBe('ok');
    expect(await global(page, '__trackerRuns')).toBeUndefined();
    expect(consoleMessages.filter((m) => m.startsWith('pageerror'))).toEqual([]);
    // The honest limit: the <noscript> pixel is named, with what to do.
    expect(consoleMessages).toContainEqual(
      expect.stringMatching(/mc\.yandex\.ru\/watch\/87654321 .*<noscript>.*remove/),
    );

    await page.evaluate(() => window.Soglasie!.accept());
    await expect
      .poll(() => counts(hits))
      .toEqual({
        'mc.yandex.ru/metrika/tag.js': 1,
        [`mc.yandex.ru/watch/${YM}`]: 2,
      });
    expect(hits).toContain(`mc.yandex.ru/watch/${YM}?reachGoal`);
    expect(await global(page, '__trackerRuns')).toBe(1);
  });

  test('Metrica: nothing after decline, on this page or the next', async ({ page, server }) => {
    const hits = await trackerHosts(page);
    const url = server.page('/ym-no.html', taggedPage({ head: metricaSnippet(YM), body: EARLY_CALLS }));
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.evaluate(() => window.Soglasie!.decline());
    await page.evaluate(() => new Promise(requestAnimationFrame));
    await page.goto(url, { waitUntil: 'networkidle' });
    expect(await page.evaluate(() => window.Soglasie!.get().decided)).toBe(true);
    expect(hits).toEqual([]);
    expect(await global(page, '__trackerRuns')).toBeUndefined();
  });

  test('gtag.js: not run before a decision, Consent Mode update before it runs after accept', async ({
    page,
    server,
    consoleMessages,
  }) => {
    const hits = await trackerHosts(page);
    const early = `<script>gtag('event', 'early_click'); window.__early = 'ok';</script>`;
    await page.goto(server.page('/gtag.html', taggedPage({ head: gtagSnippet(GA), body: early })), {
      waitUntil: 'networkidle',
    });
    // Chromium's preload scanner fetches a <script src> of the HTML before any script can act; it is
    // never run and sends nothing (docs/autoblock.md). No other request, and no hit.
    expect(hits.filter((h) => !h.startsWith('www.googletagmanager.com/gtag/js'))).toEqual([]);
    expect(await global(page, '__trackerRuns')).toBeUndefined();
    expect(await global(page, '__early')).toBe('ok');
    expect(consoleMessages.filter((m) => m.startsWith('pageerror'))).toEqual([]);
    // The defaults are first in dataLayer, ahead of the snippet's own calls.
    expect((await dataLayer(page))[0]).toEqual([
      'consent',
      'default',
      expect.objectContaining({ analytics_storage: 'denied' }),
    ]);

    await page.evaluate(() => window.Soglasie!.accept(['analytics']));
    await expect.poll(() => global(page, '__trackerRuns')).toBe(1);
    await expect
      .poll(() => hits.filter((h) => h.includes('/g/collect')))
      .toEqual([`www.google-analytics.com/g/collect?tid=${GA}&gcs=G111`]);
    // Run once; fetched at most twice (the preload scanner's copy is not reused for the released script).
    expect(counts(hits)['www.googletagmanager.com/gtag/js']).toBeLessThanOrEqual(2);
    const layer = await dataLayer(page);
    const update = layer.findIndex((e) => Array.isArray(e) && e[0] === 'consent' && e[1] === 'update');
    expect(update).toBeGreaterThan(0);
    expect((layer[update] as unknown[])[2]).toMatchObject({ analytics_storage: 'granted', ad_storage: 'denied' });
  });

  test('gtag.js: never run after decline, also on the next page', async ({ page, server }) => {
    const hits = await trackerHosts(page);
    const url = server.page('/gtag-no.html', taggedPage({ head: gtagSnippet(GA) }));
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.evaluate(() => window.Soglasie!.decline());
    await page.goto(url, { waitUntil: 'networkidle' });
    expect(await global(page, '__trackerRuns')).toBeUndefined();
    expect(hits.filter((h) => !h.startsWith('www.googletagmanager.com/gtag/js'))).toEqual([]);
  });

  test('GTM: the container and the tags it adds wait; each loads once, by its own category', async ({
    page,
    server,
  }) => {
    const hits = await trackerHosts(page);
    const url = server.page('/gtm.html', taggedPage({ head: gtmSnippet(GTM), body: gtmNoscript(GTM) }));
    await page.goto(url, { waitUntil: 'networkidle' });
    expect(hits).toEqual([]);
    // GTM reads dataLayer in order: the defaults come before the snippet's gtm.js event.
    expect((await dataLayer(page))[0]).toEqual([
      'consent',
      'default',
      expect.objectContaining({ ad_storage: 'denied' }),
    ]);

    await page.evaluate(() => window.Soglasie!.accept(['analytics']));
    await expect
      .poll(() => counts(hits))
      .toEqual({
        'www.googletagmanager.com/gtm.js': 1,
        'mc.yandex.ru/metrika/tag.js': 1,
        'mc.yandex.ru/watch/55555555': 1,
      });
    // The container's marketing pixel is held until marketing is granted.
    await page.evaluate(() => window.Soglasie!.set({ marketing: true }));
    await expect.poll(() => counts(hits)['top-fwz1.mail.ru/counter']).toBe(1);
    expect(await global(page, '__gtmRuns')).toBe(1);
    expect(await global(page, '__trackerRuns')).toBe(1);
    expect(await page.evaluate(() => window.Soglasie!.trackers!().map((t) => t.id))).toEqual([
      'google-tag-manager',
      'vk-ads',
      'yandex-metrica',
    ]);
  });

  test('GTM: nothing after decline, on this page or the next', async ({ page, server }) => {
    const hits = await trackerHosts(page);
    const url = server.page('/gtm-no.html', taggedPage({ head: gtmSnippet(GTM), body: gtmNoscript(GTM) }));
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.evaluate(() => window.Soglasie!.decline());
    await page.goto(url, { waitUntil: 'networkidle' });
    expect(hits).toEqual([]);
    expect(await global(page, '__gtmRuns')).toBeUndefined();
  });

  test('a returning visitor who allowed everything: the snippets run at once', async ({ page, server }) => {
    await trackerHosts(page);
    const url = server.page('/all.html', taggedPage({ head: metricaSnippet(YM) + gtmSnippet(GTM) }));
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.evaluate(() => window.Soglasie!.accept());
    const next = await page.context().newPage();
    const nextHits = await trackerHosts(next);
    await next.goto(url);
    await expect.poll(() => global(next, '__gtmRuns')).toBe(1);
    // The snippet's tag.js?id=… and the container's tag.js.
    await expect.poll(() => counts(nextHits)['mc.yandex.ru/metrika/tag.js']).toBe(2);
    expect(await global(next, '__trackerRuns')).toBeGreaterThanOrEqual(1);
  });

  test('data-autoblock="off" leaves the snippets alone', async ({ page, server }) => {
    const hits = await trackerHosts(page);
    await page.goto(server.page('/off.html', taggedPage({ head: metricaSnippet(YM), attrs: 'data-autoblock="off"' })), {
      waitUntil: 'networkidle',
    });
    expect(counts(hits)['mc.yandex.ru/metrika/tag.js']).toBe(1);
  });
});
