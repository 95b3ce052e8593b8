import { test as base, expect, type Page } from '@playwright/test';
import { startTestServer, type TestServer } from './test-server';
import { ANALYTICS_HOSTS, trackerStub } from './tracker-stubs';

interface Fixtures {
  /** The worker's server, reset for this test. */
  server: TestServer;
  /** URLs of every request the page made to an analytics host, in order. */
  analytics: string[];
  /** Console warnings and errors of the page. */
  consoleMessages: string[];
}

export const test = base.extend<Fixtures, { workerServer: TestServer }>({
  workerServer: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's parameter list
    async ({}, use) => {
      const server = await startTestServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  server: async ({ workerServer }, use) => {
    workerServer.reset();
    await use(workerServer);
  },
  // Every request off this machine is intercepted: analytics hosts get stand-in scripts, anything
  // else is refused. No test reaches the network.
  analytics: [
    async ({ context }, use) => {
      const hits: string[] = [];
      await context.route(
        (url) => url.hostname !== '127.0.0.1' && url.hostname !== 'localhost',
        async (route) => {
          const url = route.request().url();
          const host = new URL(url).hostname;
          // A test's own page route may have handled it already (while it is being removed): nothing to do.
          if (!ANALYTICS_HOSTS.test(host)) return route.abort('blockedbyclient').catch(() => {});
          hits.push(url);
          const stub = trackerStub(url);
          if (stub) return route.fulfill({ status: 200, contentType: stub.contentType, body: stub.body });
          return route.fulfill({ status: 204, body: '' });
        },
      );
      await use(hits);
    },
    { auto: true },
  ],
  consoleMessages: async ({ page }, use) => {
    const messages: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'warning' || m.type() === 'error') messages.push(m.text());
    });
    page.on('pageerror', (e) => messages.push(`pageerror: ${e.message}`));
    await use(messages);
  },
});

export { expect };

/** A page that loads the built script-tag bundle the way a site does. */
export function sitePage(opts: { attrs?: string; head?: string; body?: string; lang?: string } = {}): string {
  return `<!doctype html>
<html lang="${opts.lang ?? 'ru'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Test site</title>${opts.head ?? ''}
<script src="/dist/soglasie.iife.js" ${opts.attrs ?? 'data-policy-url="/policies/autocrm-policy.txt"'}></script>
</head><body><main><h1>Сайт</h1><p>Содержимое страницы.</p></main>${opts.body ?? ''}</body></html>`;
}

/** The banner inside the Shadow DOM (Playwright's locators pierce open shadow roots). */
export const banner = (page: Page) => page.getByRole('region', { name: /cookie|персональн|consent|согласи/i });
