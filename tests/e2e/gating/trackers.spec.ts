import { test, expect, sitePage } from '../support/fixtures';
import {
  counter,
  cookieNames,
  GA_ID,
  global,
  GTM_ID,
  gtagSnippet,
  short,
  storageKeys,
  yandexSnippet,
  YM_ID,
} from '../fixtures/gating/snippets';

const POLICY = 'data-policy-url="/policies/autocrm-policy.txt"';
const TAG_JS = 'mc.yandex.ru/metrika/tag.js';
const GTAG_JS = `www.googletagmanager.com/gtag/js?id=${GA_ID}`;
const COLLECT = `www.google-analytics.com/g/collect?tid=${GA_ID}&gcs=G111`;

/** Every way a site installs a tracker, with the analytics requests expected once `analytics` is granted. */
const VARIANTS = [
  {
    name: 'pasted Yandex.Metrica snippet',
    html: sitePage({ body: yandexSnippet() + counter('analytics') }),
    expected: [TAG_JS, `mc.yandex.ru/watch/${YM_ID}`],
    cookies: ['_ym_d', '_ym_uid'],
  },
  {
    name: 'pasted gtag.js snippet',
    html: sitePage({ head: gtagSnippet(), body: counter('analytics') }),
    expected: [GTAG_JS, COLLECT],
    cookies: ['_ga', '_ga_TEST123'],
  },
  {
    name: 'built-in Yandex.Metrica',
    html: sitePage({ attrs: `${POLICY} data-yandex-metrica="${YM_ID}"`, body: counter('analytics') }),
    expected: [TAG_JS, `mc.yandex.ru/watch/${YM_ID}`],
    cookies: ['_ym_d', '_ym_uid'],
  },
  {
    name: 'built-in Google Analytics 4',
    html: sitePage({ attrs: `${POLICY} data-google-analytics="${GA_ID}"`, body: counter('analytics') }),
    expected: [GTAG_JS, COLLECT],
    cookies: ['_ga', '_ga_TEST123'],
  },
  {
    name: 'built-in Google Tag Manager',
    html: sitePage({ attrs: `${POLICY} data-google-tag-manager="${GTM_ID}"`, body: counter('analytics') }),
    expected: [`www.googletagmanager.com/gtm.js?id=${GTM_ID}`],
    cookies: [],
  },
];

// A cookie is the visitor's to edit: garbage, a decision from the future, a decision missing a category.
const UUID = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const TAMPERED = [
  '1|garbage',
  `1|${UUID}|analytics:1,marketing:1|||zzzzzzzzz|${UUID}|ba0`,
  `1|${UUID}|analytics:1|||${Math.floor(Date.now() / 1000).toString(36)}|${UUID}|ba0`,
];

const trackerCookie = (names: string[]) => names.filter((n) => /^_(ym|ga|gid)/.test(n));

for (const v of VARIANTS) {
  test.describe(v.name, () => {
    test('is silent before consent', async ({ page, server, analytics }) => {
      await page.goto(server.page('/t.html', v.html), { waitUntil: 'networkidle' });
      expect(analytics).toEqual([]);
      expect(await global(page, '__runs')).toBeUndefined();
      expect(await global(page, '__trackerRuns')).toBeUndefined();
    });

    test('stays silent after a reload with a declined decision', async ({ page, server, analytics }) => {
      await page.goto(server.page('/t.html', v.html));
      await page.evaluate(() => window.Soglasie!.decline());
      await page.reload({ waitUntil: 'networkidle' });
      expect(await page.evaluate(() => window.Soglasie!.get().decided)).toBe(true);
      expect(analytics).toEqual([]);
      expect(await global(page, '__runs')).toBeUndefined();
      expect(await global(page, '__trackerRuns')).toBeUndefined();
    });

    for (const [i, value] of TAMPERED.entries()) {
      test(`stays silent with a tampered consent cookie #${i + 1}`, async ({ page, server, analytics }) => {
        const url = server.page('/t.html', v.html);
        await page.context().addCookies([{ name: 'soglasie', value, url }]);
        await page.goto(url, { waitUntil: 'networkidle' });
        expect(await page.evaluate(() => window.Soglasie!.get().decided)).toBe(false);
        expect(analytics).toEqual([]);
        expect(await global(page, '__runs')).toBeUndefined();
        expect(await global(page, '__trackerRuns')).toBeUndefined();
      });
    }

    test('makes exactly the expected requests after consent, and again on the next load', async ({
      page,
      server,
      analytics,
    }) => {
      await page.goto(server.page('/t.html', v.html), { waitUntil: 'networkidle' });
      await page.evaluate(() => window.Soglasie!.accept());
      await expect.poll(() => short(analytics).sort()).toEqual([...v.expected].sort());
      await expect.poll(() => global(page, '__trackerRuns')).toBe(1);
      expect(await global(page, '__runs')).toBe(1);
      await page.reload({ waitUntil: 'networkidle' });
      await expect.poll(() => short(analytics).sort()).toEqual([...v.expected, ...v.expected].sort());
      expect(await global(page, '__trackerRuns')).toBe(1);
    });

    test('on withdrawal deletes its cookies and storage, reloads, and stays silent', async ({
      page,
      server,
      analytics,
    }) => {
      await page.goto(server.page('/t.html', v.html));
      await page.evaluate(() => window.Soglasie!.accept());
      await expect.poll(() => short(analytics).sort()).toEqual([...v.expected].sort());
      await expect.poll(async () => trackerCookie(await cookieNames(page))).toEqual(v.cookies);
      const seen = analytics.length;

      await Promise.all([page.waitForEvent('load'), page.evaluate(() => window.Soglasie!.withdraw())]);
      await page.waitForLoadState('networkidle');
      await expect.poll(async () => trackerCookie(await cookieNames(page))).toEqual([]);
      expect((await storageKeys(page)).filter((k) => k.startsWith('_ym'))).toEqual([]);
      expect(await page.evaluate(() => window.Soglasie!.get().event)).toBe('withdraw');
      expect(await global(page, '__runs')).toBeUndefined();
      expect(await global(page, '__trackerRuns')).toBeUndefined();
      expect(analytics).toHaveLength(seen);
    });
  });
}

test('the built-in GA and a gated copy of gtag.js for another category: loaded once, whichever is granted', async ({
  page,
  server,
  analytics,
}) => {
  // The site's own copy waits for `marketing`; the built-in tracker needs `analytics` only.
  const body = `<script type="text/plain" data-consent="marketing" async src="https://${GTAG_JS}"></script>`;
  const url = server.page('/t-copy.html', sitePage({ attrs: `${POLICY} data-google-analytics="${GA_ID}"`, body }));
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.evaluate(() => window.Soglasie!.accept(['analytics']));
  await expect.poll(() => short(analytics).sort()).toEqual([GTAG_JS, COLLECT].sort());
  await page.waitForLoadState('networkidle');
  expect(await global(page, '__trackerRuns')).toBe(1);
  // Marketing too: the page's copy is not run a second time, now or on the next page.
  await page.evaluate(() => window.Soglasie!.accept(['analytics', 'marketing']));
  await page.waitForLoadState('networkidle');
  expect(await global(page, '__trackerRuns')).toBe(1);
  await page.reload({ waitUntil: 'networkidle' });
  expect(await global(page, '__trackerRuns')).toBe(1);
  expect(short(analytics).filter((u) => u === GTAG_JS)).toHaveLength(2);
});
