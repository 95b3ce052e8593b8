import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Collector, CollectorOptions } from '../../../src/collector/index';
import { banner, expect, test } from '../support/fixtures';
import { POLICY_PATH, POLICY_SHA256 } from './receipt-helpers';
import { allowSiteTest, plainPage, sdkPage, startSiteServer, type SiteServer } from './site-server';

// Issue 18: hostile sibling subdomains (mapped to loopback by Chromium's host-resolver rules) and
// endpoints that fail in odd ways.

const attrs = (extra = '') =>
  `data-endpoint="/receipts" data-policy-url="${POLICY_PATH}" data-policy-version="2025-01" data-operator-name="ООО «Инфотех»" data-yandex-metrica="12345678" ${extra}`;

/** The consent cookies the page sees, whatever their prefix. */
const consentCookies = (page: Page) =>
  page.evaluate(() => document.cookie.split('; ').filter((pair) => /^(__Host-)?soglasie=/.test(pair)));

/** The banner asks again and nothing is granted: the planted decision was not taken. */
async function expectUndecided(page: Page) {
  await expect(banner(page)).toBeVisible();
  expect(await page.evaluate(() => window.Soglasie!.get())).toMatchObject({
    decided: false,
    categories: { analytics: false, marketing: false },
  });
}

/** The visitor declines on this page and the endpoint stores it; returns its receiptId. */
async function declineAndStore(page: Page, site: SiteServer) {
  const receiptId = await page.evaluate(() => {
    window.Soglasie!.decline();
    return window.Soglasie!.get().receiptId as string;
  });
  await expect.poll(() => site.stored.has(receiptId)).toBe(true);
  return receiptId;
}

/** localStorage filled to its quota by the page itself (a site's own cache, say). */
const fillStorage = (page: Page) =>
  page.evaluate(() => {
    let size = 1 << 20;
    let n = 0;
    while (size >= 16) {
      try {
        localStorage.setItem(`site-cache-${n++}`, 'x'.repeat(size));
      } catch {
        size >>= 1;
      }
    }
  });

/** The page has read the endpoint's answer to every receipt POST so far. */
const answered = (page: Page, count: number) =>
  expect
    .poll(() =>
      page.evaluate(
        () =>
          performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/receipts') && 'responseEnd' in e)
            .length,
      ),
    )
    .toBeGreaterThanOrEqual(count);

test.describe('hostile pages: cookie tossing', () => {
  test.describe('https, no cookie domain', () => {
    test.use({ ignoreHTTPSErrors: true });
    let site: SiteServer;
    test.beforeAll(async () => {
      site = await startSiteServer({ https: true });
    });
    test.afterAll(() => site.close());

    test('a consent cookie planted from a sibling subdomain grants nothing and sends no receipt', async ({
      page,
      context,
      analytics,
    }) => {
      await allowSiteTest(context);
      site.mode = 'ok';
      site.page('/index.html', sdkPage(attrs()));
      site.page('/evil.html', sdkPage(attrs().replace('data-yandex-metrica', 'data-off')));
      // evil.site.test makes a well-formed "everything granted" value with the SDK itself, then plants it
      // for the whole domain under every name the SDK might read.
      await page.goto(site.origin('evil.site.test') + '/evil.html');
      const planted = await page.evaluate(() => {
        window.Soglasie!.accept();
        const pair = document.cookie.split('; ').find((p) => /^(__Host-)?soglasie=/.test(p))!;
        const value = pair.slice(pair.indexOf('=') + 1);
        for (const name of ['soglasie', '__Host-soglasie'])
          document.cookie = `${name}=${value}; Domain=site.test; Path=/; Secure; SameSite=Lax`;
        return window.Soglasie!.get().receiptId as string;
      });
      const www = site.origin('www.site.test');

      await page.goto(www + '/index.html');
      await expectUndecided(page);
      // The visitor's own decision is what counts, and the only receipt www sends.
      const own = await declineAndStore(page, site);
      await page.goto(www + '/index.html');
      expect(await page.evaluate(() => window.Soglasie!.get().receiptId)).toBe(own);
      await expect(banner(page)).toBeHidden();
      const fromWww = site.posts.filter((p) => p.host.startsWith('www.')).map((p) => p.receiptId);
      expect(fromWww).not.toContain(planted);
      expect(new Set(fromWww)).toEqual(new Set([own]));
      expect(analytics.filter((url) => url.includes('yandex'))).toEqual([]);
      // What www wrote is a __Host- cookie, which no sibling can set.
      expect((await consentCookies(page)).filter((pair) => pair.startsWith('__Host-soglasie='))).toHaveLength(1);
    });
  });

  test.describe('http, a cookie domain shared with the subdomains', () => {
    let site: SiteServer;
    test.beforeAll(async () => {
      site = await startSiteServer();
    });
    test.afterAll(() => site.close());

    test('two cookies of the name are a conflict: nothing granted, the banner asks, the visitor’s answer clears it', async ({
      page,
      context,
      analytics,
    }) => {
      await allowSiteTest(context);
      site.mode = 'ok';
      const shared = attrs('data-cookie-domain="site.test"');
      site.page('/index.html', sdkPage(shared));
      site.page('/shop/item.html', sdkPage(shared));
      site.page('/shop/other.html', sdkPage(shared));
      site.page('/plant.html', plainPage());
      const www = site.origin('www.site.test');
      await page.goto(www + '/index.html');
      const declined = await declineAndStore(page, site);

      // evil.site.test turns the visitor's refusal into a grant, under a longer path: it is read first there.
      await page.goto(site.origin('evil.site.test') + '/plant.html');
      await page.evaluate(() => {
        const pair = document.cookie.split('; ').find((p) => p.startsWith('soglasie='))!;
        const value = pair.slice(pair.indexOf('=') + 1).replace(/:0/g, ':1');
        document.cookie = `soglasie=${value}; Domain=site.test; Path=/shop; SameSite=Lax`;
      });

      await page.goto(www + '/shop/item.html');
      expect(await consentCookies(page)).toHaveLength(2);
      await expectUndecided(page);
      const again = await declineAndStore(page, site);

      await page.goto(www + '/shop/other.html');
      await expect(banner(page)).toBeHidden();
      expect(await page.evaluate(() => window.Soglasie!.get())).toMatchObject({
        decided: true,
        receiptId: again,
        categories: { analytics: false, marketing: false },
      });
      expect(await consentCookies(page)).toHaveLength(1);
      expect(analytics.filter((url) => url.includes('yandex'))).toEqual([]);
      // Only the visitor's own two decisions reached the endpoint.
      expect(new Set(site.posts.map((p) => p.receiptId))).toEqual(new Set([declined, again]));
    });
  });
});

test.describe('hostile pages: storage full and the endpoint down', () => {
  test.use({ ignoreHTTPSErrors: true });
  let site: SiteServer;
  test.beforeAll(async () => {
    site = await startSiteServer({ https: true });
  });
  test.afterAll(() => site.close());

  test('the next page rebuilds the receipt from the cookie and sends it, with the digest computed again', async ({
    page,
    context,
  }) => {
    await allowSiteTest(context);
    site.page('/a.html', sdkPage(attrs()));
    site.page('/b.html', sdkPage(attrs()));
    site.page('/plain.html', plainPage());
    const www = site.origin('www.site.test');
    site.mode = 'down';
    await page.goto(www + '/a.html');
    await fillStorage(page);
    const id = await page.evaluate(() => {
      window.Soglasie!.accept();
      return window.Soglasie!.get().receiptId as string;
    });
    await expect.poll(() => site.posts.filter((p) => p.receiptId === id).length).toBe(1);
    await answered(page, 1);
    // Leaving: the page's last try meets the outage too.
    await page.goto(www + '/plain.html');
    await expect.poll(() => site.posts.filter((p) => p.receiptId === id).length).toBe(2);
    expect(site.stored.size).toBe(0);

    site.mode = 'ok';
    await page.goto(www + '/b.html');
    await expect.poll(() => site.stored.has(id)).toBe(true);
    expect(site.stored.get(id)).toMatchObject({
      receiptId: id,
      event: 'accept',
      categories: { necessary: true, analytics: true, marketing: true },
      documents: [{ kind: 'policy', version: '2025-01', sha256: POLICY_SHA256 }],
    });
    // The cookie now says its receipt was confirmed: the next page does not send it again.
    await expect
      .poll(async () => (await consentCookies(page))[0])
      .toMatch(/^__Host-soglasie=2\|.*\|[cbag][aduw][01]1\|/);
  });
});

test.describe('hostile pages: endpoints that lie', () => {
  let site: SiteServer;
  test.beforeAll(async () => {
    site = await startSiteServer();
  });
  test.afterAll(() => site.close());

  test('a 200 text/html answer is not a delivery: a console error names it and the receipt is retried', async ({
    page,
    consoleMessages,
  }) => {
    site.mode = 'html';
    site.page('/a.html', sdkPage(attrs()));
    site.page('/b.html', sdkPage(attrs()));
    const origin = site.origin('127.0.0.1');
    await page.goto(origin + '/a.html');
    const id = await page.evaluate(() => {
      window.Soglasie!.accept();
      return window.Soglasie!.get().receiptId as string;
    });
    await expect
      .poll(() => consoleMessages.find((m) => m.includes('soglasie:') && m.includes(id)))
      .toMatch(/200.*text\/html/);
    const waiting = await page.evaluate(() =>
      Object.keys(localStorage).filter((k) => k.startsWith('soglasie.outbox.')),
    );
    expect(waiting).toEqual([`soglasie.outbox.${id}`]);
    site.mode = 'ok';
    await page.goto(origin + '/b.html');
    await expect.poll(() => site.stored.has(id)).toBe(true);
  });

  test('a 307 to another origin is never followed with a receipt, by the page or when it leaves', async ({ page }) => {
    site.mode = 'redirect';
    site.redirectTo = `http://localhost:${site.port}/stolen`;
    site.page('/a.html', sdkPage(attrs()));
    site.page('/b.html', sdkPage(attrs()));
    site.page('/plain.html', plainPage());
    const origin = site.origin('127.0.0.1');
    await page.goto(origin + '/a.html');
    const id = await page.evaluate(() => {
      window.Soglasie!.accept();
      return window.Soglasie!.get().receiptId as string;
    });
    await expect.poll(() => site.posts.filter((p) => p.receiptId === id).length).toBe(1);
    await answered(page, 1);
    await page.goto(origin + '/plain.html');
    // The try on leaving meets the redirect too.
    await expect.poll(() => site.posts.filter((p) => p.path === '/receipts' && p.receiptId === id).length).toBe(2);
    site.mode = 'ok';
    await page.goto(origin + '/b.html');
    await expect.poll(() => site.stored.has(id)).toBe(true);
    expect(site.posts.filter((p) => p.path === '/stolen')).toEqual([]);
  });
});

test.describe('hostile pages: order', () => {
  let site: SiteServer;
  let collector: Collector;
  let collectorServer: Server;
  let collectorOrigin: string;
  test.beforeAll(async () => {
    site = await startSiteServer();
    // The built collector, as a site runs it (the sources import their JSON schema the bundler's way).
    const built = new URL('../../../dist/collector.mjs', import.meta.url).href;
    const { createCollector } = (await import(built)) as {
      createCollector: (options: CollectorOptions) => Promise<Collector>;
    };
    collector = await createCollector({
      db: join(mkdtempSync(join(tmpdir(), 'soglasie-order-')), 'receipts.sqlite'),
      origins: ['*'],
      token: 'read',
    });
    collectorServer = createServer(collector.handler);
    await new Promise<void>((done) => collectorServer.listen(0, '127.0.0.1', done));
    const address = collectorServer.address();
    collectorOrigin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  test.afterAll(async () => {
    collectorServer.closeAllConnections();
    await new Promise((done) => collectorServer.close(done));
    await collector.close();
    await site.close();
  });

  test('50 quick toggles ending in decline: the collector’s current decision is the decline, the chain intact', async ({
    page,
  }) => {
    test.setTimeout(60_000);
    site.page('/toggle.html', sdkPage(attrs().replace('"/receipts"', `"${collectorOrigin}/receipts"`)));
    await page.goto(site.origin('127.0.0.1') + '/toggle.html');
    const subjectId = await page.evaluate(() => {
      for (let i = 0; i < 50; i++) {
        if (i % 2 === 0) window.Soglasie!.accept();
        else window.Soglasie!.decline();
      }
      return window.Soglasie!.get().subjectId as string;
    });
    const read = async () => {
      const response = await fetch(`${collectorOrigin}/receipts?subjectId=${subjectId}&limit=1000`, {
        headers: { authorization: 'Bearer read' },
      });
      return (await response.json()) as {
        items: Array<{ receipt: Record<string, unknown> }>;
        current: { receipt: Record<string, unknown> } | null;
      };
    };
    await expect.poll(async () => (await read()).items.length, { timeout: 50_000 }).toBe(50);
    const { items, current } = await read();
    expect(current?.receipt).toMatchObject({
      event: 'decline',
      sequence: 50,
      categories: { necessary: true, analytics: false, marketing: false },
    });
    const bySequence = items.map((item) => item.receipt).sort((a, b) => Number(a.sequence) - Number(b.sequence));
    expect(bySequence.map((r) => r.sequence)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    for (let i = 1; i < 50; i++) {
      expect(bySequence[i].previousReceiptId).toBe(bySequence[i - 1].receiptId);
      expect(Number(bySequence[i].timestampMs)).toBeGreaterThanOrEqual(Number(bySequence[i - 1].timestampMs));
    }
  });
});
