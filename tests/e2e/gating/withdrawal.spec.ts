import { test, expect, sitePage } from '../support/fixtures';
import { laterPartArrived } from '../support/later-part';
import {
  ALL_DENIED,
  cookieNames,
  counter,
  dataLayer,
  GA_ID,
  global,
  short,
  storageKeys,
  yandexSnippet,
} from '../fixtures/gating/snippets';

const POLICY = 'data-policy-url="/policies/autocrm-policy.txt"';

test.describe('withdrawal and decline after accept', () => {
  test('reloadOnWithdraw: false keeps the page, still deletes and sends denied', async ({
    page,
    server,
    analytics,
  }) => {
    const attrs = `${POLICY} data-google-analytics="${GA_ID}" data-reload-on-withdraw="false"`;
    await page.goto(server.page('/no-reload.html', sitePage({ attrs, body: yandexSnippet() })));
    await page.evaluate(() => window.Soglasie!.accept());
    await expect
      .poll(async () => (await cookieNames(page)).filter((n) => /^_(ga|ym)/.test(n)))
      .toEqual(['_ga', '_ga_TEST123', '_ym_d', '_ym_uid']);
    await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 1));

    await page.evaluate(() => window.Soglasie!.withdraw());
    await expect.poll(async () => (await cookieNames(page)).filter((n) => /^_(ga|ym)/.test(n))).toEqual([]);
    expect((await storageKeys(page)).filter((k) => k.startsWith('_ym'))).toEqual([]);
    expect((await dataLayer(page)).slice(-2)).toEqual([
      ['consent', 'update', { ...ALL_DENIED, functionality_storage: 'granted', security_storage: 'granted' }],
      { event: 'soglasie_consent', soglasie: { necessary: true, analytics: false, marketing: false } },
    ]);
    expect(await global(page, '__marker')).toBe(1);
    expect(short(analytics).length).toBeGreaterThan(0);
  });

  test('decline after accept cleans up and reloads like a withdrawal', async ({ page, server, analytics }) => {
    await page.goto(server.page('/decline.html', sitePage({ body: yandexSnippet() })));
    await page.evaluate(() => window.Soglasie!.accept());
    await expect
      .poll(async () => (await cookieNames(page)).filter((n) => n.startsWith('_ym')))
      .toEqual(['_ym_d', '_ym_uid']);
    // tag.js, then its hit: both recorded before counting what comes after the decline.
    await expect.poll(() => short(analytics).length).toBe(2);
    const seen = analytics.length;
    await Promise.all([page.waitForEvent('load'), page.evaluate(() => window.Soglasie!.decline())]);
    await page.waitForLoadState('networkidle');
    await expect.poll(async () => (await cookieNames(page)).filter((n) => n.startsWith('_ym'))).toEqual([]);
    expect(analytics).toHaveLength(seen);
  });

  test('the reload after a withdrawal waits for the cookies to go: they are not sent with it', async ({
    page,
    server,
  }) => {
    const url = server.page('/withdraw-reload.html', sitePage({ body: counter('analytics') }));
    await page.goto(url);
    await page.evaluate(() => window.Soglasie!.accept());
    await expect.poll(() => global(page, '__runs')).toBe(1);
    // What analytics left behind on this page (the sweep of the refusal file has not been needed yet).
    await page.evaluate(() => (document.cookie = '_ga=GA1.1.1.1; path=/'));
    await page.evaluate(() => window.Soglasie!.withdraw());
    const loads = () => server.cookies.filter((r) => r.path === '/withdraw-reload.html');
    await expect.poll(() => loads().length).toBe(2);
    // The reload carries the site's cookies (the withdrawal's own among them), but not analytics'.
    expect(loads()[1].cookie).toContain('soglasie=');
    expect(loads()[1].cookie).not.toContain('_ga=');
    await page.waitForLoadState('load');
  });

  test('taking back a category nothing of which ran does not reload', async ({ page, server }) => {
    await page.goto(server.page('/partial.html', sitePage({ body: counter('analytics') })));
    await page.evaluate(() => window.Soglasie!.accept());
    await expect.poll(() => global(page, '__runs')).toBe(1);
    await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 1));
    await page.evaluate(() => window.Soglasie!.set({ marketing: false }));
    // A reload would come once the later part (receipts, the sweep) has run: wait for it and for the
    // network to settle, then count the page loads the server saw.
    await laterPartArrived(page);
    expect(server.requests.filter((path) => path === '/partial.html')).toHaveLength(1);
    expect(await global(page, '__marker')).toBe(1);
    expect(await global(page, '__runs')).toBe(1);
  });

  test('a loaded iframe of the withdrawn category reloads the page, back behind its placeholder', async ({
    page,
    server,
  }) => {
    const body = `<iframe data-consent="marketing" data-src="/fixtures/gating/frame.html" title="Видео"></iframe>`;
    await page.goto(server.page('/frame-withdraw.html', sitePage({ body })));
    await page.evaluate(() => window.Soglasie!.accept());
    await expect(page.frameLocator('iframe[data-consent]').getByText('Embedded content')).toBeVisible();
    await Promise.all([page.waitForEvent('load'), page.evaluate(() => window.Soglasie!.withdraw())]);
    await expect(page.locator('[data-consent-placeholder="marketing"]')).toBeVisible();
  });

  test("deletes configured services' cookies, and nothing else", async ({ page, server }) => {
    const config = {
      reloadOnWithdraw: false,
      categories: [{ id: 'analytics', services: [{ name: 'Stats', cookies: ['stat_*', 'exact_one', '*'] }] }],
    };
    const head = `<script type="application/json" data-soglasie-config>${JSON.stringify(config)}</script>`;
    await page.goto(server.page('/services.html', sitePage({ head })));
    await page.evaluate(() => window.Soglasie!.accept());
    await page.evaluate(() => {
      for (const c of ['stat_a=1', 'stat_b=1', 'exact_one=1', 'exact_one_more=1', 'keep_me=1'])
        document.cookie = `${c}; path=/`;
    });
    await page.evaluate(() => window.Soglasie!.withdraw());
    // document.cookie writes reach the browser's cookie store a moment later.
    await expect.poll(() => cookieNames(page)).toEqual(['exact_one_more', 'keep_me', 'soglasie']);
  });

  test('deletes on every parent domain and path the page could have used', async ({ page, server }) => {
    // *.localhost stands for a real site's subdomains; the requests go to the test server.
    await page.route(
      (url) => url.hostname.endsWith('.localhost'),
      async (route) => {
        const url = new URL(route.request().url());
        url.hostname = '127.0.0.1';
        await route.fulfill({ response: await route.fetch({ url: url.toString() }) });
      },
    );
    const path = '/deep/er/page.html';
    const origin = server
      .page(path, sitePage({ attrs: `${POLICY} data-reload-on-withdraw="false"` }))
      .replace('127.0.0.1', 'www.shop.localhost');
    const domain = (d: string, name: string, p = '/') => ({ name, value: '1', domain: d, path: p });
    await page
      .context()
      .addCookies([
        domain('.shop.localhost', '_ga'),
        domain('.www.shop.localhost', '_ga_X'),
        domain('www.shop.localhost', '_gid'),
        domain('.shop.localhost', '_ym_uid', '/deep'),
        domain('www.shop.localhost', '_ym_d', '/deep/er'),
        domain('.shop.localhost', 'site_cookie'),
      ]);
    await page.goto(origin);
    await page.evaluate(() => window.Soglasie!.accept());
    expect((await page.context().cookies()).filter((c) => c.name !== 'soglasie')).toHaveLength(6);
    await page.evaluate(() => window.Soglasie!.withdraw());
    await expect
      .poll(async () => (await page.context().cookies()).map((c) => c.name).sort())
      .toEqual(['site_cookie', 'soglasie']);
    // The decisions load the receipt code through the proxy above: let it arrive before the route goes.
    await laterPartArrived(page);
    // Requests still being proxied when the test ends must not fail it afterwards.
    await page.unrouteAll({ behavior: 'ignoreErrors' });
  });

  test('a withdrawal made first in another tab still stops what ran on this page (it reloads)', async ({
    context,
    server,
  }) => {
    const url = server.page('/two-tabs.html', sitePage({ attrs: POLICY, body: counter('analytics') }));
    const here = await context.newPage();
    await here.goto(url);
    await here.evaluate(() => window.Soglasie!.accept(['analytics']));
    await expect.poll(() => global(here, '__runs')).toBe(1);
    const other = await context.newPage();
    await other.goto(url);
    await Promise.all([other.waitForEvent('load'), other.evaluate(() => window.Soglasie!.withdraw())]);
    await here.evaluate(() => ((window as unknown as { __marker: number }).__marker = 1));
    await Promise.all([here.waitForEvent('load'), here.evaluate(() => window.Soglasie!.withdraw())]);
    expect(await global(here, '__marker')).toBeUndefined();
    expect(await global(here, '__runs')).toBeUndefined();
  });

  test('a cookie that a granted category also claims is kept (GTM under marketing lists GA cookies)', async ({
    page,
    server,
  }) => {
    await page.goto(
      server.page(
        '/gtm-marketing.html',
        sitePage({
          attrs: `${POLICY} data-google-tag-manager="GTM-TEST1" data-google-tag-manager-category="marketing"`,
        }),
      ),
    );
    await page.evaluate(() => window.Soglasie!.accept(['analytics']));
    await page.evaluate(() => {
      document.cookie = '_ga=GA1.1.1; path=/';
      document.cookie = '_gcl_au=1; path=/';
    });
    await page.reload();
    await expect.poll(async () => (await cookieNames(page)).includes('_gcl_au')).toBe(false);
    expect(await cookieNames(page)).toContain('_ga');
  });

  test('the sweep spares a tracker allowed while the page was still loading', async ({ page, server }) => {
    // The page's load event waits for this image until the test lets it go.
    let release!: () => void;
    const held = new Promise<void>((ok) => (release = ok));
    await page.route('**/slow.gif', async (route) => {
      await held;
      await route.fulfill({ status: 204, body: '' });
    });
    const url = server.page('/sweep-late.html', sitePage({ body: '<img src="/slow.gif" alt="">' }));
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => !!window.Soglasie);
    await page.evaluate(() => window.Soglasie!.decline());
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => !!window.Soglasie);
    // A returning visitor who had refused accepts before the page has loaded; the tracker sets its cookie.
    // …and a cookie of marketing, still refused, shows when the sweep has run.
    await page.evaluate(() => {
      window.Soglasie!.accept(['analytics']);
      document.cookie = '_ym_uid=1; path=/';
      document.cookie = '_gcl_au=1; path=/';
    });
    release();
    await expect.poll(async () => (await cookieNames(page)).includes('_gcl_au')).toBe(false);
    expect(await cookieNames(page)).toContain('_ym_uid');
  });

  test('a refusal on record sweeps tracker cookies left behind', async ({ page, server }) => {
    const url = server.page('/sweep.html', sitePage());
    await page.goto(url);
    await page.evaluate(() => window.Soglasie!.decline());
    await page.evaluate(() => {
      document.cookie = '_ym_visorc=w; path=/';
      localStorage.setItem('_ym_retryReqs', '{}');
    });
    await page.reload();
    // The sweep runs just after the page has loaded, off its critical path.
    await expect.poll(async () => (await cookieNames(page)).filter((n) => n.startsWith('_ym'))).toEqual([]);
    await expect.poll(() => storageKeys(page)).not.toContain('_ym_retryReqs');
  });
});
