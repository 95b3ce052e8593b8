import { test, expect, sitePage } from '../support/fixtures';
import { trackerStub } from '../support/tracker-stubs';
import { global, short } from '../fixtures/gating/snippets';

const POLICY = 'data-policy-url="/policies/autocrm-policy.txt"';
const queue = (page: import('@playwright/test').Page) =>
  page.evaluate(() =>
    Array.from((window as unknown as { ym: { a?: ArrayLike<unknown>[] } }).ym.a ?? [], (a) => Array.from(a)),
  );

test.describe('Yandex.Metrica built in', () => {
  test('several counters; ym() calls before consent are queued, not lost', async ({ page, server, analytics }) => {
    const early = `<script>ym(11111111, 'reachGoal', 'early');</script>`;
    await page.goto(
      server.page('/ym.html', sitePage({ attrs: `${POLICY} data-yandex-metrica="11111111, 22222222"`, body: early })),
      { waitUntil: 'networkidle' },
    );
    // No init before consent: a tag.js that reached the page some other way would replay it and count a visit.
    expect(await queue(page)).toEqual([[11111111, 'reachGoal', 'early']]);
    expect(await page.locator('script[src*="tag.js"]').count()).toBe(0);
    expect(analytics).toEqual([]);

    // On consent the counters start first, then the calls that waited for them.
    await page.evaluate(() => {
      const ym = (window as unknown as { ym: { a?: IArguments[] } }).ym;
      window.Soglasie!.accept(['analytics']);
      (window as unknown as { __queued: unknown[] }).__queued = Array.from(ym.a ?? [], (a) => Array.from(a));
    });
    expect(await page.evaluate(() => (window as unknown as { __queued: unknown[] }).__queued)).toEqual([
      [11111111, 'init', {}],
      [22222222, 'init', {}],
      [11111111, 'reachGoal', 'early'],
    ]);
    await expect
      .poll(() => short(analytics).sort())
      .toEqual([
        'mc.yandex.ru/metrika/tag.js',
        'mc.yandex.ru/watch/11111111',
        'mc.yandex.ru/watch/11111111?reachGoal',
        'mc.yandex.ru/watch/22222222',
      ]);
  });

  test('init options from the config, tag.js from a self-hosted address', async ({ page, server, analytics }) => {
    server.file('/proxy/tag.js', trackerStub('https://mc.yandex.ru/metrika/tag.js')!.body, 'text/javascript');
    const config = {
      integrations: {
        yandexMetrica: {
          id: 33333333,
          options: { webvisor: true, clickmap: true, trackLinks: true, accurateTrackBounce: true },
          src: '/proxy/tag.js',
        },
      },
    };
    const head = `<script type="application/json" data-soglasie-config>${JSON.stringify(config)}</script>`;
    await page.goto(server.page('/ym-config.html', sitePage({ head })), { waitUntil: 'networkidle' });
    expect(await queue(page)).toEqual([]);
    expect(server.requests).not.toContain('/proxy/tag.js');

    await page.evaluate(() => window.Soglasie!.accept());
    await expect.poll(() => global(page, '__trackerRuns')).toBe(1);
    expect(server.requests).toContain('/proxy/tag.js');
    await expect.poll(() => short(analytics)).toEqual(['mc.yandex.ru/watch/33333333']);
  });

  test('waits for its configured category', async ({ page, server, analytics }) => {
    const config = {
      categories: [{ id: 'analytics' }, { id: 'stats' }],
      integrations: { yandexMetrica: { id: 44444444, category: 'stats' } },
    };
    const head = `<script type="application/json" data-soglasie-config>${JSON.stringify(config)}</script>`;
    await page.goto(server.page('/ym-cat.html', sitePage({ head })), { waitUntil: 'networkidle' });
    await page.evaluate(() => window.Soglasie!.accept(['analytics']));
    await page.evaluate(() => new Promise(requestAnimationFrame));
    expect(analytics).toEqual([]);
    await page.evaluate(() => window.Soglasie!.set({ stats: true }));
    await expect
      .poll(() => short(analytics).sort())
      .toEqual(['mc.yandex.ru/metrika/tag.js', 'mc.yandex.ru/watch/44444444']);
  });
});
