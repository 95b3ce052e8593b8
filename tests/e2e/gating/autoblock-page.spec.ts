import { test, expect } from '../support/fixtures';
import { global } from '../fixtures/gating/snippets';
import { metricaSnippet } from '../fixtures/autoblock/official-snippets';
import { counts, taggedPage, trackerHosts } from './autoblock-support';

test.describe('auto-blocking: the page itself', () => {
  test("first-party scripts inserted by the page run at once, in order, as the page's own elements", async ({
    page,
    server,
  }) => {
    server.file('/js/widget.js', "window.__order.push('widget');", 'text/javascript');
    server.file('/js/chunk.js', "window.__order.push('chunk');", 'text/javascript');
    server.file('/api/jsonp', "onData('jsonp');", 'text/javascript');
    const app = `<script>
      window.__order = [];
      window.onData = function (name) { window.__order.push(name); };
      function add(src, how) {
        var s = document.createElement('script');
        s.async = false;
        if (how === 'attr') s.setAttribute('src', src); else s.src = src;
        s.id = src;
        window['el:' + src] = s;
        document.head[how === 'append' ? 'append' : 'appendChild'](s);
      }
      add('/js/widget.js', 'prop');
      add('/js/chunk.js', 'attr');
      add('/api/jsonp?callback=onData', 'append');
    </script>`;
    await page.goto(server.page('/first-party.html', taggedPage({ body: app })), { waitUntil: 'networkidle' });
    expect(await page.evaluate(() => window.Soglasie!.get().decided)).toBe(false);
    expect(await global(page, '__order')).toEqual(['widget', 'chunk', 'jsonp']);
    // Not copied: the elements in the page are those the page made, with their own address.
    expect(
      await page.evaluate(() =>
        ['/js/widget.js', '/js/chunk.js', '/api/jsonp?callback=onData'].every(
          (src) =>
            document.getElementById(src) === (window as unknown as Record<string, unknown>)['el:' + src] &&
            document.getElementById(src)!.getAttribute('src') === src,
        ),
      ),
    ).toBe(true);
  });

  test('an SPA route inserts a YouTube embed and a pixel: held until marketing is granted, then loaded once', async ({
    page,
    server,
  }) => {
    const hits = await trackerHosts(page);
    const route = `<script>
      window.goToVideo = function () {
        history.pushState({}, '', '/video');
        var frame = document.createElement('iframe');
        frame.src = 'https://www.youtube.com/embed/dQw4w9WgXcQ';
        frame.id = 'video';
        document.querySelector('main').append(frame);
        var pixel = new Image(1, 1);
        pixel.src = 'https://www.facebook.com/tr?id=1&ev=PageView';
        document.body.appendChild(pixel);
      };
    </script>`;
    await page.goto(server.page('/spa.html', taggedPage({ body: route })), { waitUntil: 'networkidle' });
    await page.evaluate(() => (window as unknown as { goToVideo(): void }).goToVideo());
    await page.evaluate(() => new Promise(requestAnimationFrame));
    expect(page.url()).toContain('/video');
    expect(hits).toEqual([]);
    // The page still reads back the address it set.
    expect(await page.evaluate(() => (document.getElementById('video') as HTMLIFrameElement).src)).toBe(
      'https://www.youtube.com/embed/dQw4w9WgXcQ',
    );

    await page.evaluate(() => window.Soglasie!.accept(['analytics']));
    await page.evaluate(() => new Promise(requestAnimationFrame));
    expect(hits).toEqual([]);
    await page.evaluate(() => window.Soglasie!.set({ marketing: true }));
    await expect.poll(() => counts(hits)).toEqual({ 'www.youtube.com/embed/dQw4w9WgXcQ': 1, 'www.facebook.com/tr': 1 });
  });

  test('under a strict CSP with nonces, a held snippet runs after consent', async ({
    page,
    server,
    consoleMessages,
  }) => {
    const hits = await trackerHosts(page);
    const csp = { 'content-security-policy': "script-src 'nonce-t3st' 'strict-dynamic'" };
    const head = metricaSnippet(12121212).replace('<script type="text/javascript">', '<script nonce="t3st">');
    const gtag = '<script async nonce="t3st" src="https://www.googletagmanager.com/gtag/js?id=G-CSP1"></script>';
    await page.goto(server.page('/csp-auto.html', taggedPage({ head: head + gtag, nonce: 't3st' }), csp), {
      waitUntil: 'networkidle',
    });
    expect(hits.filter((h) => !h.startsWith('www.googletagmanager.com/gtag/js'))).toEqual([]);
    await page.evaluate(() => window.Soglasie!.accept());
    await expect.poll(() => global(page, '__trackerRuns')).toBe(2);
    // The hit is a request the stub makes as it runs: it reaches the route a moment later.
    await expect.poll(() => counts(hits)['mc.yandex.ru/watch/12121212']).toBe(1);
    expect(consoleMessages.filter((m) => /Content Security Policy|pageerror/.test(m))).toEqual([]);
  });

  test('a tracker loaded before the tag is named once, with what to do', async ({ page, server, consoleMessages }) => {
    await trackerHosts(page);
    const early = '<script async src="https://mc.yandex.ru/metrika/tag.js"></script>';
    const html = taggedPage().replace('<title>Site</title>', '<title>Site</title>' + early);
    await page.goto(server.page('/early.html', html), { waitUntil: 'networkidle' });
    expect(consoleMessages.filter((m) => m.includes('before the Soglasie tag'))).toEqual([
      'soglasie: https://mc.yandex.ru/metrika/tag.js loaded before the Soglasie tag, which cannot hold it: put the Soglasie tag first in <head>',
    ]);
  });
});
