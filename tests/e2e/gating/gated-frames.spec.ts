import { test, expect, sitePage } from '../support/fixtures';
import { short } from '../fixtures/gating/snippets';

const FRAME = '/fixtures/gating/frame.html';
const iframe = (category: string) =>
  `<iframe data-consent="${category}" data-src="${FRAME}" title="Видео" width="320" height="180"></iframe>`;

test.describe('gated iframes and pixels', () => {
  test('an iframe waits behind a placeholder whose button allows its category', async ({ page, server }) => {
    await page.goto(server.page('/frame.html', sitePage({ body: iframe('marketing') })), { waitUntil: 'networkidle' });
    const placeholder = page.locator('[data-consent-placeholder="marketing"]');
    await expect(placeholder).toBeVisible();
    await expect(placeholder).toContainText('Маркетинг');
    await expect(page.locator('iframe[data-consent]')).toBeHidden();
    expect(await page.locator('iframe[data-consent]').getAttribute('src')).toBeNull();
    expect(server.requests).not.toContain(FRAME);

    await placeholder.getByRole('button', { name: 'Разрешить' }).click();
    await expect(placeholder).toHaveCount(0);
    await expect(page.locator('iframe[data-consent]')).toBeVisible();
    await expect(page.frameLocator('iframe[data-consent]').getByText('Embedded content')).toBeVisible();
    expect(await page.evaluate(() => [window.Soglasie!.has('marketing'), window.Soglasie!.has('analytics')])).toEqual([
      true,
      false,
    ]);
    expect(await page.evaluate(() => window.Soglasie!.get().method)).toBe('button');
  });

  test('the placeholder is as tall as the frame: nothing below it moves when its text comes, nor when the frame opens', async ({
    page,
    server,
  }) => {
    // An embed styled as sites do (block, no border), so that the frame's box is its height attribute.
    const frame = `<iframe data-consent="marketing" data-src="${FRAME}" title="Видео" height="180" style="display:block;border:0"></iframe>`;
    const body = `${frame}<p id="below">Ниже</p><iframe data-consent="analytics" data-src="${FRAME}" title="Карта"></iframe>`;
    // The placeholder's text comes with the refusal file: held back until the empty box is measured.
    let release!: () => void;
    const held = new Promise<void>((done) => (release = done));
    await page.route(/soglasie-later\.iife\.js/, async (route) => {
      await held;
      await route.continue();
    });
    // (The held file holds the load event back too.)
    await page.goto(server.page('/frame-size.html', sitePage({ body })), { waitUntil: 'domcontentloaded' });
    const placeholder = page.locator('[data-consent-placeholder="marketing"]');
    await expect(placeholder).toHaveCount(1);
    const below = async () => (await page.locator('#below').boundingBox())!.y;
    const top = await below();
    release();
    await expect(placeholder.getByRole('button', { name: 'Разрешить' })).toBeVisible();
    expect(await below()).toBe(top);
    expect((await placeholder.boundingBox())!.height).toBe(180);
    // Without a height attribute: an iframe's default height.
    expect((await page.locator('[data-consent-placeholder="analytics"]').boundingBox())!.height).toBe(150);
    await placeholder.getByRole('button', { name: 'Разрешить' }).click();
    await expect(page.frameLocator('iframe[data-consent="marketing"]').getByText('Embedded content')).toBeVisible();
    expect(await below()).toBe(top);
  });

  test('in a responsive wrapper (an absolutely placed frame) the placeholder fills the wrapper and the page keeps its height', async ({
    page,
    server,
  }) => {
    const body = `<div id="wrap" style="position:relative;width:320px;padding-top:56.25%"><iframe data-consent="marketing" data-src="${FRAME}" height="315" title="Видео" style="position:absolute;inset:0;width:100%;height:100%;border:0"></iframe></div><p id="below">Ниже</p>`;
    await page.goto(server.page('/frame-ratio.html', sitePage({ body })));
    const placeholder = page.locator('[data-consent-placeholder="marketing"]');
    await expect(placeholder.getByRole('button', { name: 'Разрешить' })).toBeVisible();
    const [wrap, box, below] = [
      (await page.locator('#wrap').boundingBox())!,
      (await placeholder.boundingBox())!,
      (await page.locator('#below').boundingBox())!,
    ];
    expect([box.y, box.height]).toEqual([wrap.y, wrap.height]);
    // The wrapper is only its ratio padding: the placeholder added nothing to it.
    expect(wrap.height).toBeCloseTo(await page.evaluate(() => document.body.clientWidth * 0.5625), 0);
    expect(below.y).toBeGreaterThanOrEqual(wrap.y + wrap.height);
  });

  test('a frame the page keeps out of sight (a tracking pixel in an iframe) gets no placeholder, and still waits for consent', async ({
    page,
    server,
  }) => {
    const hidden = [
      'height="0" width="0"',
      'width="1" height="1"',
      'hidden',
      'style="display:none"',
      'style="visibility:hidden"',
    ];
    const body = hidden
      .map((a, i) => `<iframe data-consent="marketing" data-src="${FRAME}?${i}" ${a} title="Пиксель"></iframe>`)
      .join('');
    await page.goto(server.page('/frame-hidden.html', sitePage({ body })), { waitUntil: 'networkidle' });
    await expect(page.locator('[data-consent-placeholder]')).toHaveCount(0);
    expect(server.requests.filter((r) => r.startsWith(FRAME))).toEqual([]);
    await page.evaluate(() => window.Soglasie!.accept());
    await expect.poll(() => server.requests.filter((r) => r.startsWith(FRAME)).length).toBe(hidden.length);
  });

  test('the placeholder speaks the page language and uses the configured label', async ({ page, server }) => {
    const head = `<script type="application/json" data-soglasie-config>{"categories": [{"id": "analytics"}, {"id": "video", "label": {"ru": "Видео", "en": "Video players"}}]}</script>`;
    await page.goto(server.page('/frame-en.html', sitePage({ lang: 'en', head, body: iframe('video') })));
    const placeholder = page.locator('[data-consent-placeholder="video"]');
    await expect(placeholder).toContainText('Video players');
    await expect(placeholder.getByRole('button', { name: 'Allow' })).toBeVisible();
  });

  test('a decision on record loads the iframe without a placeholder', async ({ page, server }) => {
    const url = server.page('/frame-back.html', sitePage({ body: iframe('marketing') }));
    await page.goto(url);
    await page.evaluate(() => window.Soglasie!.accept());
    await page.reload();
    await expect(page.frameLocator('iframe[data-consent]').getByText('Embedded content')).toBeVisible();
    await expect(page.locator('[data-consent-placeholder]')).toHaveCount(0);
  });

  test('a pixel loads only after consent', async ({ page, server, analytics }) => {
    const body = `<img data-consent="analytics" data-src="https://mc.yandex.ru/watch/1?pixel" alt="" width="1" height="1">`;
    await page.goto(server.page('/pixel.html', sitePage({ body })), { waitUntil: 'networkidle' });
    expect(analytics).toEqual([]);
    await page.evaluate(() => window.Soglasie!.accept());
    await expect.poll(() => short(analytics)).toEqual(['mc.yandex.ru/watch/1?pixel']);
  });

  test('the placeholder of a category the site never configured opens the preferences instead of saving a refusal', async ({
    page,
    server,
  }) => {
    await page.goto(server.page('/frame-typo.html', sitePage({ body: iframe('video') })));
    await page.locator('[data-consent-placeholder="video"]').getByRole('button', { name: 'Разрешить' }).click();
    await expect(page.getByRole('dialog', { name: 'Настройки cookie' })).toBeVisible();
    expect(await page.evaluate(() => window.Soglasie!.get().decided)).toBe(false);
  });

  test('a <source> in a <video> is let go and the player picks it up', async ({ page, server }) => {
    const body = `<video width="320" height="180"><source data-consent="marketing" data-src="/fixtures/gating/clip.mp4" type="video/mp4"></video>`;
    await page.goto(server.page('/video.html', sitePage({ body })), { waitUntil: 'networkidle' });
    expect(await page.locator('video').evaluate((v: HTMLVideoElement) => v.currentSrc)).toBe('');
    await page.evaluate(() => window.Soglasie!.accept());
    await expect
      .poll(() => page.locator('video').evaluate((v: HTMLVideoElement) => v.currentSrc))
      .toMatch(/\/fixtures\/gating\/clip\.mp4$/);
  });

  test('an element marked for consent but loading anyway (src instead of data-src, a script without type="text/plain") is named in the console', async ({
    page,
    server,
    consoleMessages,
  }) => {
    const body = `<iframe data-consent="marketing" src="${FRAME}" title="Видео"></iframe><script data-consent="analytics">window.__early = 1</script>${iframe('marketing')}`;
    await page.goto(server.page('/mistakes.html', sitePage({ body })));
    await expect.poll(() => consoleMessages.filter((m) => m.includes('loaded before consent')).length).toBe(2);
  });

  test('destroy() takes the placeholders away: no button is left that would decide without a receipt', async ({
    page,
    server,
  }) => {
    await page.goto(server.page('/frame-destroy.html', sitePage({ body: iframe('marketing') })));
    await expect(page.locator('[data-consent-placeholder]')).toBeVisible();
    await page.evaluate(() => window.Soglasie!.destroy());
    await expect(page.locator('[data-consent-placeholder]')).toHaveCount(0);
    expect(await page.locator('iframe[data-consent]').getAttribute('src')).toBeNull();
  });

  test('an iframe added later gets its placeholder', async ({ page, server }) => {
    await page.goto(server.page('/frame-late.html', sitePage()));
    await page.evaluate((html) => document.body.insertAdjacentHTML('beforeend', html), iframe('marketing'));
    await expect(page.locator('[data-consent-placeholder]')).toBeVisible();
    await page.evaluate(() => window.Soglasie!.accept());
    await expect(page.frameLocator('iframe[data-consent]').getByText('Embedded content')).toBeVisible();
  });
});
