import { test, expect, sitePage } from '../support/fixtures';
import { ALL_DENIED, cookieNames, dataLayer, GA_ID, gtagSnippet, short } from '../fixtures/gating/snippets';

const POLICY = 'data-policy-url="/policies/autocrm-policy.txt"';
const consentCalls = async (page: import('@playwright/test').Page): Promise<unknown[][]> =>
  (await dataLayer(page)).filter((e): e is unknown[] => Array.isArray(e) && e[0] === 'consent');

test.describe('Google Consent Mode v2', () => {
  test('defaults come first: all seven types denied, waiting for an update', async ({ page, server }) => {
    // Site code calling gtag() before consent is queued behind the defaults.
    const early = `<script>gtag('event', 'early');</script>`;
    await page.goto(
      server.page('/ga.html', sitePage({ attrs: `${POLICY} data-google-analytics="${GA_ID}"`, body: early })),
    );
    const layer = await dataLayer(page);
    expect(layer[0]).toEqual(['consent', 'default', { ...ALL_DENIED, wait_for_update: 500 }]);
    expect(layer).toContainEqual(['event', 'early']);
    expect(await page.locator('script[src*="googletagmanager"]').count()).toBe(0);
  });

  test('the update maps categories: analytics alone leaves advertising denied', async ({ page, server, analytics }) => {
    await page.goto(server.page('/ga.html', sitePage({ attrs: `${POLICY} data-google-analytics="${GA_ID}"` })));
    await page.evaluate(() => window.Soglasie!.accept(['analytics']));
    await expect.poll(() => short(analytics)).toContain(`www.google-analytics.com/g/collect?tid=${GA_ID}&gcs=G111`);
    const layer = await dataLayer(page);
    const update = {
      ...ALL_DENIED,
      analytics_storage: 'granted',
      functionality_storage: 'granted',
      security_storage: 'granted',
    };
    expect(layer.slice(0, 5)).toEqual([
      ['consent', 'default', { ...ALL_DENIED, wait_for_update: 500 }],
      ['consent', 'update', update],
      // For a tag manager's other tags, which Consent Mode does not bind.
      { event: 'soglasie_consent', soglasie: { necessary: true, analytics: true, marketing: false } },
      ['js', expect.anything()],
      ['config', GA_ID, {}],
    ]);

    await page.evaluate(() => window.Soglasie!.set({ marketing: true }));
    expect((await consentCalls(page)).at(-1)).toEqual([
      'consent',
      'update',
      { ...update, ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted' },
    ]);
  });

  test('a declined decision on record is sent at once, after the defaults', async ({ page, server }) => {
    const url = server.page('/ga.html', sitePage({ attrs: `${POLICY} data-google-analytics="${GA_ID}"` }));
    await page.goto(url);
    await page.evaluate(() => window.Soglasie!.decline());
    await page.reload();
    expect(await consentCalls(page)).toEqual([
      ['consent', 'default', { ...ALL_DENIED, wait_for_update: 500 }],
      ['consent', 'update', { ...ALL_DENIED, functionality_storage: 'granted', security_storage: 'granted' }],
    ]);
  });

  test('a container under marketing waits for marketing; every decision is a soglasie_consent event for its triggers', async ({
    page,
    server,
    analytics,
  }) => {
    await page.goto(
      server.page(
        '/gtm.html',
        sitePage({
          attrs: `${POLICY} data-google-tag-manager="GTM-TEST1" data-google-tag-manager-category="marketing"`,
        }),
      ),
    );
    await page.evaluate(() => window.Soglasie!.accept(['analytics']));
    await page.waitForLoadState('networkidle');
    expect(short(analytics).filter((u) => u.includes('gtm.js'))).toEqual([]);
    await page.evaluate(() => window.Soglasie!.set({ marketing: true }));
    await expect
      .poll(() => short(analytics).filter((u) => u.includes('gtm.js')))
      .toEqual(['www.googletagmanager.com/gtm.js?id=GTM-TEST1']);
    const events = (await dataLayer(page)).filter((e) => (e as { event?: string }).event === 'soglasie_consent');
    expect(events).toEqual([
      { event: 'soglasie_consent', soglasie: { necessary: true, analytics: true, marketing: false } },
      { event: 'soglasie_consent', soglasie: { necessary: true, analytics: true, marketing: true } },
    ]);
  });

  test('a first-party or server-side GTM snippet (no googletagmanager.com, no gtag) gets the defaults first', async ({
    page,
    server,
  }) => {
    const snippet = `<script type="text/plain" data-consent="analytics">(window.dataLayer = window.dataLayer || []).push({ 'gtm.start': 1, event: 'gtm.js' }); /* https://sgtm.example.ru/gtm.js?id=GTM-X */</script>`;
    await page.goto(server.page('/sgtm.html', sitePage({ attrs: POLICY, body: snippet })));
    await page.evaluate(() => window.Soglasie!.accept(['analytics']));
    await expect.poll(async () => (await dataLayer(page)).length).toBeGreaterThan(1);
    const layer = await dataLayer(page);
    expect(layer[0]).toEqual(['consent', 'default', { ...ALL_DENIED, wait_for_update: 500 }]);
    expect(layer.findIndex((e) => (e as { event?: string }).event === 'gtm.js')).toBeGreaterThan(1);
  });

  test('a pasted gtag.js snippet gets the defaults and the decision before it runs', async ({ page, server }) => {
    await page.goto(server.page('/gtag.html', sitePage({ head: gtagSnippet() })));
    expect(await dataLayer(page)).toEqual([]);
    await page.evaluate(() => window.Soglasie!.accept(['analytics']));
    await expect
      .poll(async () => (await dataLayer(page)).map((e) => (Array.isArray(e) ? e.slice(0, 2).join(' ') : e)))
      .toEqual(expect.arrayContaining(['consent default', 'consent update', `config ${GA_ID}`]));
    const order = (await dataLayer(page)).map((e) => (Array.isArray(e) ? e.slice(0, 2).join(' ') : ''));
    expect(order.indexOf('consent default')).toBe(0);
    expect(order.indexOf('consent update')).toBeLessThan(order.indexOf(`config ${GA_ID}`));
  });

  test('"advanced" mode loads Google before consent, cookieless', async ({ page, server, analytics }) => {
    await page.goto(
      server.page(
        '/ga-adv.html',
        sitePage({ attrs: `${POLICY} data-google-analytics="${GA_ID}" data-google-analytics-mode="advanced"` }),
      ),
      {
        waitUntil: 'networkidle',
      },
    );
    // gtag.js, then its cookieless hit: recorded as they come, so wait for both.
    await expect
      .poll(() => short(analytics))
      .toEqual([
        `www.googletagmanager.com/gtag/js?id=${GA_ID}`,
        `www.google-analytics.com/g/collect?tid=${GA_ID}&gcs=G100`,
      ]);
    await expect.poll(async () => (await cookieNames(page)).filter((n) => n.startsWith('_ga'))).toEqual([]);
    await page.evaluate(() => window.Soglasie!.accept());
    expect((await consentCalls(page)).at(-1)?.[2]).toMatchObject({ analytics_storage: 'granted' });
  });

  test('without a Google integration the page gets no dataLayer', async ({ page, server }) => {
    await page.goto(server.page('/plain.html', sitePage()));
    await page.evaluate(() => window.Soglasie!.accept());
    expect(await page.evaluate(() => 'dataLayer' in window || 'gtag' in window)).toBe(false);
  });
});
