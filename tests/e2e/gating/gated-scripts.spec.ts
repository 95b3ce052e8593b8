import { test, expect, sitePage } from '../support/fixtures';
import { counter, global } from '../fixtures/gating/snippets';

const order = (name: string, category = 'analytics', attrs = '') =>
  `<script type="text/plain" data-consent="${category}" ${attrs}>(window.__order = window.__order || []).push('${name}');</script>`;
const external = (name: string, attrs = '') =>
  `<script type="text/plain" data-consent="analytics" src="/fixtures/gating/external.js" data-name="${name}" ${attrs}></script>`;

test.describe('gated scripts', () => {
  test('nothing runs before consent; after it each runs once, in document order', async ({ page, server }) => {
    // External scripts arrive late: the inline scripts after them must still wait for them.
    await page.route('**/fixtures/gating/external.js', async (route) => {
      await new Promise((done) => setTimeout(done, 300));
      await route.continue();
    });
    const url = server.page(
      '/order.html',
      sitePage({
        head: order('head-inline'),
        body: external('ext-1') + order('body-inline') + external('ext-2') + order('last'),
      }),
    );
    await page.goto(url, { waitUntil: 'networkidle' });
    expect(await global(page, '__order')).toBeUndefined();
    expect(server.requests).not.toContain('/fixtures/gating/external.js');

    await page.evaluate(() => window.Soglasie!.accept());
    await expect.poll(() => global(page, '__order')).toEqual(['head-inline', 'ext-1', 'body-inline', 'ext-2', 'last']);
    // Later decisions and DOM changes never run them again.
    await page.evaluate(() => window.Soglasie!.set({ marketing: true }));
    await page.evaluate(() => document.body.append(document.createElement('div')));
    await page.evaluate(() => window.Soglasie!.accept());
    expect(await global(page, '__order')).toEqual(['head-inline', 'ext-1', 'body-inline', 'ext-2', 'last']);
    expect(server.requests.filter((p) => p === '/fixtures/gating/external.js')).toHaveLength(2);
  });

  test('keeps attributes, drops the gate, honours data-type and async', async ({ page, server }) => {
    await page.goto(
      server.page(
        '/attrs.html',
        sitePage({
          body:
            external('kept', 'async defer crossorigin="anonymous" data-extra="1" id="kept"') +
            `<script type="text/plain" data-consent="analytics" data-type="module">window.__module = typeof import.meta.url;</script>`,
        }),
      ),
    );
    await page.evaluate(() => window.Soglasie!.accept());
    await expect.poll(() => global(page, '__module')).toBe('string');
    await expect.poll(() => global(page, '__order')).toEqual(['kept']);
    const attrs = await page.evaluate(() => {
      const s = document.getElementById('kept') as HTMLScriptElement;
      return {
        names: s.getAttributeNames().sort(),
        type: s.type,
        consentLeft: document.querySelectorAll('script[data-consent]').length,
      };
    });
    expect(attrs.names).toEqual(['async', 'crossorigin', 'data-extra', 'data-name', 'defer', 'id', 'src']);
    expect(attrs.type).toBe('');
    expect(attrs.consentLeft).toBe(0);
  });

  test('a list of categories needs every one of them', async ({ page, server }) => {
    await page.goto(
      server.page(
        '/both.html',
        sitePage({ body: counter('analytics marketing') + counter('analytics', '__analytics') }),
      ),
    );
    await page.evaluate(() => window.Soglasie!.accept(['analytics']));
    await expect.poll(() => global(page, '__analytics')).toBe(1);
    expect(await global(page, '__runs')).toBeUndefined();
    await page.evaluate(() => window.Soglasie!.set({ marketing: true }));
    await expect.poll(() => global(page, '__runs')).toBe(1);
  });

  test('an empty or unknown category never runs', async ({ page, server }) => {
    await page.goto(
      server.page('/empty.html', sitePage({ body: counter('') + counter('nosuch') + counter('analytics', '__ok') })),
    );
    await page.evaluate(() => window.Soglasie!.accept());
    await expect.poll(() => global(page, '__ok')).toBe(1);
    expect(await global(page, '__runs')).toBeUndefined();
  });

  test('an allowed decision on record runs them on load, once', async ({ page, server }) => {
    const url = server.page(
      '/returning.html',
      sitePage({ head: counter('analytics'), body: counter('analytics', '__body') }),
    );
    await page.goto(url);
    await page.evaluate(() => window.Soglasie!.accept());
    await expect.poll(() => global(page, '__runs')).toBe(1);
    await page.reload({ waitUntil: 'networkidle' });
    expect(await global(page, '__runs')).toBe(1);
    expect(await global(page, '__body')).toBe(1);
  });

  test('scripts added later (SPA, tag managers) are gated too', async ({ page, server }) => {
    await page.goto(server.page('/spa.html', sitePage()), { waitUntil: 'networkidle' });
    const add = (name: string) =>
      page.evaluate((n) => {
        const s = document.createElement('script');
        s.type = 'text/plain';
        s.dataset.consent = 'analytics';
        s.text = `window.${n} = (window.${n} || 0) + 1;`;
        const wrap = document.createElement('section');
        wrap.append(s);
        document.body.append(wrap);
      }, name);
    await add('__early');
    await page.evaluate(() => new Promise(requestAnimationFrame));
    expect(await global(page, '__early')).toBeUndefined();
    await page.evaluate(() => window.Soglasie!.accept());
    await expect.poll(() => global(page, '__early')).toBe(1);
    await add('__late');
    await expect.poll(() => global(page, '__late')).toBe(1);
    expect(await global(page, '__early')).toBe(1);
  });

  test('an element a script inserts while the page is still being parsed is gated, and runs on a returning visit', async ({
    page,
    server,
  }) => {
    // Inserted mid-parse, before DOMContentLoaded, next to content the parser adds after it.
    const body = `<script>
  const s = document.createElement('script');
  s.type = 'text/plain';
  s.dataset.consent = 'analytics';
  s.text = 'window.__inserted = (window.__inserted || 0) + 1;';
  document.body.append(s);
</script><p>Ещё содержимое</p>`;
    const url = server.page('/mid-parse.html', sitePage({ body }));
    await page.goto(url, { waitUntil: 'networkidle' });
    expect(await global(page, '__inserted')).toBeUndefined();
    await page.evaluate(() => window.Soglasie!.accept());
    await expect.poll(() => global(page, '__inserted')).toBe(1);
    await page.reload({ waitUntil: 'networkidle' });
    expect(await global(page, '__inserted')).toBe(1);
  });

  test('observe: false leaves later elements alone until the next decision', async ({ page, server }) => {
    const head = '<script type="application/json" data-soglasie-config>{"observe": false}</script>';
    await page.goto(server.page('/no-observe.html', sitePage({ head })));
    await page.evaluate(() => window.Soglasie!.accept());
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.type = 'text/plain';
      s.dataset.consent = 'analytics';
      s.text = 'window.__runs = (window.__runs || 0) + 1;';
      document.body.append(s);
    });
    await page.evaluate(() => new Promise(requestAnimationFrame));
    expect(await global(page, '__runs')).toBeUndefined();
    await page.evaluate(() => window.Soglasie!.set({ marketing: true }));
    await expect.poll(() => global(page, '__runs')).toBe(1);
  });

  test('keeps the nonce, so gated scripts run under a strict CSP', async ({ page, server, consoleMessages }) => {
    const csp = { 'content-security-policy': "script-src 'nonce-t3st' 'strict-dynamic'" };
    const url = server.page(
      '/csp.html',
      sitePage({
        attrs: 'nonce="t3st" data-policy-url="/policies/autocrm-policy.txt"',
        body: counter('analytics', '__runs', 'nonce="t3st"') + counter('analytics', '__noNonce'),
      }),
      csp,
    );
    await page.goto(url);
    await page.evaluate(() => window.Soglasie!.accept());
    await expect.poll(() => global(page, '__runs')).toBe(1);
    // Under 'strict-dynamic' a copy made by Soglasie would be trusted: the gate must not turn a script
    // without the page's nonce (e.g. injected markup) into a running one.
    expect(await global(page, '__noNonce')).toBeUndefined();
    expect(consoleMessages.join('\n')).toContain('lacks the page nonce');
  });
});
