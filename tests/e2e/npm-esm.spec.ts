import { banner, expect, test } from './support/fixtures';

// The npm build as a site's bundler would ship it: ES modules, its dependencies (preact, js-cookie)
// resolved by an import map as a bundler would resolve them.
const importMap = JSON.stringify({
  imports: {
    preact: '/node_modules/preact/dist/preact.mjs',
    'js-cookie': '/node_modules/js-cookie/dist/js.cookie.mjs',
  },
});
const page = (script: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<script type="importmap">${importMap}</script>
<script type="module">${script}</script></head>
<body><h1>Shop</h1><script type="text/plain" data-consent="analytics">window.__runs = (window.__runs || 0) + 1</script></body></html>`;

test.describe('the npm build (ESM) in a browser', () => {
  test('createConsent + mountUI: banner, gating and a receipt event, with no global made', async ({
    page: tab,
    server,
  }) => {
    await tab.goto(
      server.page(
        '/esm.html',
        page(`
          import { createConsent } from '/dist/index.mjs';
          import { mountUI } from '/dist/ui.mjs';
          const consent = createConsent({ policy: { url: '/policies/autocrm-policy.txt', version: '1' }, lang: 'en' }, { plugins: [mountUI()], warn: () => {} });
          window.__receipts = [];
          consent.on('receipt', (r) => window.__receipts.push(r.event));
          window.__consent = consent;
        `),
      ),
    );
    await expect(banner(tab)).toBeVisible();
    expect(await tab.evaluate(() => typeof window.Soglasie)).toBe('undefined');
    await banner(tab).getByRole('checkbox', { name: 'Analytics' }).check();
    await banner(tab).getByRole('button', { name: 'Accept', exact: true }).click();
    await expect(banner(tab)).toBeHidden();
    await expect.poll(() => tab.evaluate(() => (window as { __runs?: number }).__runs)).toBe(1);
    await expect
      .poll(() => tab.evaluate(() => (window as unknown as { __receipts: string[] }).__receipts))
      .toEqual(['accept']);
  });

  test('importing has no side effect: nothing rendered, no cookie, no listener until createConsent', async ({
    page: tab,
    server,
  }) => {
    await tab.goto(
      server.page(
        '/esm-import.html',
        page(
          `import * as core from '/dist/index.mjs'; import * as ui from '/dist/ui.mjs'; window.__ok = typeof core.createConsent === 'function' && typeof ui.mountUI === 'function';`,
        ),
      ),
    );
    await expect.poll(() => tab.evaluate(() => (window as { __ok?: boolean }).__ok)).toBe(true);
    expect(
      await tab.evaluate(() => ({
        host: !!document.querySelector('soglasie-consent'),
        cookie: document.cookie,
        runs: (window as { __runs?: number }).__runs,
      })),
    ).toEqual({ host: false, cookie: '', runs: undefined });
  });
});

// (The gtag.js and gtm.js stand-ins both answer `config` commands: one tracker pair per page.)
const AGAIN = [
  {
    name: 'Yandex.Metrica and Google Analytics 4',
    integrations: { yandexMetrica: { id: 4242 }, googleAnalytics: { id: 'G-TEST123' } },
    requests: [
      'mc.yandex.ru/metrika/tag.js',
      'mc.yandex.ru/watch/4242',
      'www.google-analytics.com/g/collect?tid=G-TEST123',
      'www.googletagmanager.com/gtag/js?id=G-TEST123',
    ],
  },
  {
    name: 'Google Tag Manager',
    integrations: { googleTagManager: { id: 'GTM-TEST' } },
    requests: ['www.googletagmanager.com/gtm.js?id=GTM-TEST'],
  },
];

test.describe('an instance made again (after destroy(), as a single-page app may) or a second one', () => {
  for (const v of AGAIN) {
    test(`${v.name}: each tracker still loads, starts and counts the page once`, async ({
      page: tab,
      server,
      analytics,
    }) => {
      await tab.goto(
        server.page(
          '/esm-again.html',
          page(`
            import { createConsent } from '/dist/index.mjs';
            const config = { policy: { url: '/policies/autocrm-policy.txt', version: '1' }, integrations: ${JSON.stringify(v.integrations)} };
            const first = createConsent(config, { warn: () => {} });
            first.accept();
            first.destroy();
            window.__both = [createConsent(config, { warn: () => {} }), createConsent(config, { warn: () => {} })].every((c) => c.has('analytics'));
          `),
        ),
      );
      await expect.poll(() => tab.evaluate(() => (window as { __both?: boolean }).__both)).toBe(true);
      await expect
        .poll(() => analytics.map((u) => u.replace(/^https:\/\//, '').replace(/&gcs=.*/, '')).sort())
        .toEqual(v.requests);
      await tab.waitForLoadState('networkidle');
      expect(analytics).toHaveLength(v.requests.length);
      expect(await tab.evaluate(() => (window as { __trackerRuns?: number }).__trackerRuns)).toBe(
        Object.keys(v.integrations).length,
      );
      // Google's queue got one start for its tag, not one per instance.
      const starts = await tab.evaluate(
        () =>
          ((window as { dataLayer?: unknown[] }).dataLayer ?? []).filter(
            (c) => (c as IArguments)[0] === 'config' || (c as { event?: string }).event === 'gtm.js',
          ).length,
      );
      expect(starts).toBe(1);
    });
  }
});
