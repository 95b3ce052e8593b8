import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { banner, expect, sitePage, test } from './support/fixtures';

const docs =
  'data-policy-url="/policies/autocrm-policy.txt" data-consent-url="/policies/autocrm-consent.txt" data-operator-name="ООО «Инфотек»" data-operator-address="300034, Россия, г. Тула, ул. Революции, д. 21, оф. 6" data-operator-email="hd@autocrm.ru" data-yandex-metrica="123" data-google-analytics="G-TEST"';
// Something of the marketing category on the page, so that the interface offers it.
const MARKETING = '<script type="text/plain" data-consent="marketing">window.__marketing = true</script>';
const decided = (page: Page) => page.evaluate(() => window.Soglasie!.get().decided);
const categories = (page: Page) => page.evaluate(() => window.Soglasie!.get().categories);

test.describe('banner: checkbox mode (default)', () => {
  test('boxes are unticked and labelled with purpose and services; «Принять выбранное» with nothing ticked keeps only the necessary, as the hint beside it says', async ({
    page,
    server,
  }) => {
    await page.goto(server.page('/cb.html', sitePage({ attrs: docs, body: MARKETING })));
    const region = banner(page);
    const analytics = region.getByRole('checkbox', { name: 'Аналитика (Яндекс Метрика, Google Analytics)' });
    await expect(analytics).not.toBeChecked();
    await expect(region.getByRole('checkbox', { name: 'Маркетинг' })).not.toBeChecked();
    await expect(region.getByRole('link', { name: 'Согласие на обработку персональных данных' })).toBeVisible();
    const accept = region.getByRole('button', { name: 'Принять выбранное', exact: true });
    // Said before the press, and read with the button.
    await expect(accept).toHaveAccessibleDescription('Ничего не отмечено: будут работать только необходимые cookie.');
    await analytics.check();
    await expect(region.getByText('Ничего не отмечено', { exact: false })).toBeHidden();
    await accept.click();
    await expect(region).toBeHidden();
    expect(await categories(page)).toEqual({ necessary: true, analytics: true, marketing: false });
  });

  test('«Принять выбранное» with nothing ticked is a decision for the necessary only, not an error', async ({
    page,
    server,
  }) => {
    await page.goto(server.page('/cb-none.html', sitePage({ attrs: docs })));
    await banner(page).getByRole('button', { name: 'Принять выбранное', exact: true }).click();
    await expect(banner(page)).toBeHidden();
    expect(await decided(page)).toBe(true);
    expect(await categories(page)).toEqual({ necessary: true, analytics: false, marketing: false });
  });

  test('Отклонить refuses everything optional', async ({ page, server }) => {
    await page.goto(server.page('/cb.html', sitePage({ attrs: docs })));
    await banner(page).getByRole('checkbox').first().check();
    await banner(page).getByRole('button', { name: 'Отклонить' }).click();
    expect(await categories(page)).toEqual({ necessary: true, analytics: false, marketing: false });
  });

  test('Отклонить carries the same weight as Принять', async ({ page, server }) => {
    await page.goto(server.page('/cb.html', sitePage({ attrs: docs })));
    const look = (name: string) =>
      banner(page)
        .getByRole('button', { name, exact: true })
        .evaluate((el) =>
          ['backgroundColor', 'color', 'borderColor', 'fontWeight', 'height'].map(
            (k) => getComputedStyle(el)[k as 'color'],
          ),
        );
    expect(await look('Отклонить')).toEqual(await look('Принять выбранное'));
  });

  test('Escape and the close control hide the banner and grant nothing', async ({ page, server }) => {
    await page.goto(server.page('/cb.html', sitePage({ attrs: docs })));
    await banner(page).getByRole('checkbox').first().check();
    await page.keyboard.press('Escape');
    await expect(banner(page)).toBeHidden();
    expect(await decided(page)).toBe(false);
    await page.reload();
    await banner(page).getByRole('checkbox').first().check();
    await banner(page).getByRole('button', { name: 'Закрыть' }).click();
    await expect(banner(page)).toBeHidden();
    expect(await decided(page)).toBe(false);
    expect(await categories(page)).toEqual({ necessary: true, analytics: false, marketing: false });
  });

  test('keyboard only: Tab to a box, Space, Tab to Принять, Enter', async ({ page, server }) => {
    await page.goto(server.page('/kb.html', sitePage({ attrs: docs })));
    await expect(banner(page)).toBeVisible();
    const focusedName = () =>
      page.evaluate(() => {
        let el: Element | null = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return el
          ? `${el.tagName.toLowerCase()}:${el.getAttribute('aria-label') ?? (el as HTMLElement).innerText ?? ''}`
          : '';
      });
    // Tab until the analytics box has focus (the only box: the page has nothing of marketing).
    for (let i = 0; i < 10 && !(await focusedName()).startsWith('input'); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await focusedName()).toBe('button:Принять выбранное');
    const ring = await page.evaluate(() => {
      const el = document.querySelector('soglasie-consent')!.shadowRoot!.activeElement!;
      const s = getComputedStyle(el);
      return `${s.outlineStyle} ${s.outlineWidth}`;
    });
    expect(ring).toBe('solid 3px');
    await page.keyboard.press('Enter');
    expect(await categories(page)).toEqual({ necessary: true, analytics: true, marketing: false });
  });
});

test.describe('banner: buttons mode', () => {
  test('Принять все, Отклонить все and Настроить carry equal visual weight', async ({ page, server }) => {
    await page.goto(server.page('/btn.html', sitePage({ attrs: `${docs} data-mode="buttons"` })));
    const names = ['Принять все', 'Отклонить все'];
    const boxes = [];
    for (const name of names) {
      const button = banner(page).getByRole('button', { name });
      boxes.push(
        await button.evaluate((el) => {
          const s = getComputedStyle(el);
          const r = el.getBoundingClientRect();
          return {
            // Sized by their labels; the same height, type and colours.
            h: Math.round(r.height),
            font: `${s.fontSize} ${s.fontWeight}`,
            bg: s.backgroundColor,
            color: s.color,
          };
        }),
      );
    }
    expect(boxes[0]).toEqual(boxes[1]);
    await expect(banner(page).getByRole('button', { name: 'Настроить' })).toBeVisible();
    await banner(page).getByRole('button', { name: 'Отклонить все' }).click();
    expect(await categories(page)).toEqual({ necessary: true, analytics: false, marketing: false });
  });

  test('closing the preferences before deciding brings the question back, with focus on Настроить', async ({
    page,
    server,
  }) => {
    await page.goto(server.page('/btn.html', sitePage({ attrs: `${docs} data-mode="buttons"` })));
    await banner(page).getByRole('button', { name: 'Настроить' }).click();
    const dialog = page.getByRole('dialog', { name: 'Настройки cookie' });
    // The consent document can be read from the preferences too: consent can be given there.
    await expect(dialog.getByRole('link', { name: 'Согласие на обработку персональных данных' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(banner(page).getByRole('button', { name: 'Настроить' })).toBeFocused();
    expect(await decided(page)).toBe(false);
  });

  test('Настроить opens the preferences; switches start unticked; Сохранить grants what was switched on', async ({
    page,
    server,
  }) => {
    await page.goto(server.page('/btn.html', sitePage({ attrs: `${docs} data-mode="buttons"`, body: MARKETING })));
    await banner(page).getByRole('button', { name: 'Настроить' }).click();
    const dialog = page.getByRole('dialog', { name: 'Настройки cookie' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('switch', { name: /Необходимые/ })).toBeDisabled();
    await expect(dialog.getByRole('switch', { name: /Необходимые/ })).toBeChecked();
    await expect(dialog.getByRole('switch', { name: /Аналитика/ })).not.toBeChecked();
    await expect(dialog.getByText('Яндекс Метрика — обработчик: ООО «Яндекс»')).toBeVisible();
    // A switch is named by its category alone; the description is its description.
    await expect(dialog.getByRole('switch', { name: 'Маркетинг', exact: true })).toHaveAccessibleDescription(
      'Показ и оценка рекламы.',
    );
    await dialog.getByRole('switch', { name: 'Маркетинг', exact: true }).check();
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await expect(dialog).toBeHidden();
    // …and screen readers hear that it was saved: the dialog they used is gone.
    await expect(page.getByRole('status')).toHaveText('Сохранено.');
    expect(await categories(page)).toEqual({ necessary: true, analytics: false, marketing: true });
  });
});

test.describe('preferences dialog', () => {
  test('opens from a page link with data-soglasie-open, shows the receipt, traps focus, Escape closes and restores focus', async ({
    page,
    server,
  }) => {
    await page.goto(
      server.page(
        '/prefs.html',
        sitePage({ attrs: docs, body: '<footer><a href="#" data-soglasie-open>Настройки cookie</a></footer>' }),
      ),
    );
    await page.evaluate(() => window.Soglasie!.accept(['analytics']));
    const receiptId = await page.evaluate(() => window.Soglasie!.get().receiptId);
    const link = page.getByRole('link', { name: 'Настройки cookie' });
    await link.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Настройки cookie' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByText(`Квитанция № ${receiptId}`, { exact: false })).toBeVisible();
    await expect(dialog.getByText('hd@autocrm.ru', { exact: false })).toBeVisible();
    await expect(dialog.getByRole('switch', { name: /Аналитика/ })).toBeChecked();
    for (let i = 0; i < 8; i++) await page.keyboard.press('Tab');
    const inside = await page.evaluate(() => document.activeElement?.tagName.toLowerCase());
    expect(inside).toBe('soglasie-consent');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(link).toBeFocused();
  });

  test('withdraw takes every optional consent back', async ({ page, server }) => {
    await page.goto(server.page('/prefs.html', sitePage({ attrs: `${docs} data-reload-on-withdraw="false"` })));
    await page.evaluate(() => window.Soglasie!.accept());
    await page.evaluate(() => window.Soglasie!.open());
    await page.getByRole('dialog').getByRole('button', { name: 'Отозвать согласие' }).click();
    expect(await page.evaluate(() => window.Soglasie!.get())).toMatchObject({
      decided: true,
      event: 'withdraw',
      categories: { analytics: false, marketing: false },
    });
  });

  test('a floating button reopens the preferences when configured', async ({ page, server }) => {
    await page.goto(server.page('/fab.html', sitePage({ attrs: `${docs} data-floating-button` })));
    await page.evaluate(() => window.Soglasie!.decline());
    await page.getByRole('button', { name: 'Настройки cookie' }).click();
    await expect(page.getByRole('dialog', { name: 'Настройки cookie' })).toBeVisible();
  });

  test('the floating button is there on every later page too, and withdrawal works from it', async ({
    page,
    server,
  }) => {
    const url = server.page(
      '/fab-later.html',
      sitePage({ attrs: `${docs} data-floating-button data-reload-on-withdraw="false"` }),
    );
    await page.goto(url);
    await banner(page).getByRole('checkbox').first().check();
    await banner(page).getByRole('button', { name: 'Принять выбранное', exact: true }).click();
    await page.goto(url);
    await page.getByRole('button', { name: 'Настройки cookie' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Отозвать согласие' }).click();
    expect(await categories(page)).toEqual({ necessary: true, analytics: false, marketing: false });
  });
});

test.describe('policy and consent viewer', () => {
  for (const [file, heading, email] of [
    ['autocrm-policy.txt', 'Политика конфиденциальности', 'hd@autocrm.ru'],
    ['autoweboffice-policy.txt', 'ПОЛИТИКА ОБРАБОТКИ ПЕРСОНАЛЬНЫХ ДАННЫХ CRM «АВТОВЕБОФИС»', 'zakaz@autoweboffice.com'],
  ]) {
    test(`reads ${file}: headings, no Word bookmarks, e-mails as links, scrolls inside`, async ({ page, server }) => {
      await page.goto(server.page('/viewer.html', sitePage({ attrs: `data-policy-url="/policies/${file}"` })));
      await banner(page).getByRole('link', { name: 'Политика конфиденциальности' }).click();
      const dialog = page.getByRole('dialog');
      if (heading === 'Политика конфиденциальности') {
        // The document's first line is the dialog's title: shown once, as the title.
        await expect(dialog.getByRole('heading', { name: heading, exact: true })).toHaveCount(1);
        await expect(dialog.locator('.doc').getByRole('heading').first()).toBeVisible();
      } else {
        await expect(dialog.locator('.doc').getByRole('heading', { name: heading, exact: true }).first()).toBeVisible();
      }
      await expect(dialog).not.toContainText('[bookmark');
      await expect(dialog.getByRole('link', { name: email }).first()).toHaveAttribute('href', `mailto:${email}`);
      const scroll = await dialog.locator('.doc').evaluate((el) => ({
        inner: el.scrollHeight > el.clientHeight,
        page: document.documentElement.scrollHeight <= innerHeight + 1,
      }));
      expect(scroll).toEqual({ inner: true, page: true });
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(banner(page)).toBeVisible();
    });
  }

  test('HTML in a document is shown as text, never parsed', async ({ page, server }) => {
    server.file(
      '/evil.txt',
      'Заголовок\n\n<img src=x onerror="window.__xss=1"><b>жирный</b> <script>window.__xss=2</script>',
      'text/plain; charset=utf-8',
    );
    await page.goto(server.page('/evil.html', sitePage({ attrs: 'data-policy-url="/evil.txt"' })));
    await banner(page).getByRole('link', { name: 'Политика конфиденциальности' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('<img src=x onerror="window.__xss=1"><b>жирный</b>');
    expect(await dialog.locator('img, b, script').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  });

  test('a failed load shows an error with a direct link', async ({ page, server }) => {
    await page.goto(server.page('/missing.html', sitePage({ attrs: 'data-policy-url="/policies/missing.txt"' })));
    await banner(page).getByRole('link', { name: 'Политика конфиденциальности' }).click();
    const alert = page.getByRole('dialog').getByRole('alert');
    await expect(alert).toContainText('Не удалось загрузить документ.');
    await expect(alert.getByRole('link', { name: 'Открыть документ по ссылке' })).toHaveAttribute(
      'href',
      '/policies/missing.txt',
    );
  });

  test('a document that failed to load is fetched again when opened again', async ({ page, server }) => {
    let calls = 0;
    await page.route('**/policies/flaky.txt', (route) =>
      ++calls === 1
        ? route.fulfill({ status: 503, body: '' })
        : route.fulfill({ status: 200, contentType: 'text/plain; charset=utf-8', body: 'Политика\n\nТекст политики.' }),
    );
    await page.goto(server.page('/flaky.html', sitePage({ attrs: 'data-policy-url="/policies/flaky.txt"' })));
    const link = banner(page).getByRole('link', { name: 'Политика конфиденциальности' });
    await link.click();
    await expect(page.getByRole('dialog').getByRole('alert')).toContainText('Не удалось загрузить документ.');
    await page.keyboard.press('Escape');
    await link.click();
    await expect(page.getByRole('dialog')).toContainText('Текст политики.');
  });
});

test.describe('on the page', () => {
  test('a page with no way back to the preferences gets a warning; a data-soglasie-open link silences it', async ({
    page,
    server,
    consoleMessages,
  }) => {
    const warned = () => consoleMessages.some((m) => m.includes('no [data-soglasie-open] link and no floating button'));
    await page.goto(server.page('/no-way-back.html', sitePage({ attrs: docs })));
    await expect.poll(warned).toBe(true);
    consoleMessages.length = 0;
    await page.goto(
      server.page(
        '/way-back.html',
        sitePage({ attrs: docs, body: '<footer><a href="#" data-soglasie-open>Настройки cookie</a></footer>' }),
      ),
    );
    await expect(banner(page)).toBeVisible();
    await page.waitForFunction(() => document.readyState === 'complete');
    expect(warned()).toBe(false);
  });

  test('the interface tells screen readers its language when it differs from the page', async ({ page, server }) => {
    await page.goto(server.page('/lang.html', sitePage({ attrs: `${docs} data-lang="en"` })));
    await expect(banner(page)).toBeVisible();
    expect(await page.locator('soglasie-consent').getAttribute('lang')).toBe('en');
  });

  test('a service whose name the configuration check dropped is left out, not shown as "undefined"', async ({
    page,
    server,
  }) => {
    const head = `<script type="application/json" data-soglasie-config>${JSON.stringify({
      categories: [
        {
          id: 'analytics',
          services: [
            { name: 5, processor: 'ООО «Икс»' },
            { name: 'Счётчик', processor: 'ООО «Игрек»' },
          ],
        },
      ],
    })}</script>`;
    await page.goto(server.page('/service-bad.html', sitePage({ attrs: docs, head })));
    await expect(banner(page).getByRole('checkbox', { name: 'Аналитика (Счётчик)' })).toBeVisible();
    await page.evaluate(() => window.Soglasie!.open('preferences'));
    const dialog = page.getByRole('dialog', { name: 'Настройки cookie' });
    await expect(dialog.getByText('Счётчик — обработчик: ООО «Игрек»')).toBeVisible();
    await expect(dialog.getByText(/undefined/)).toHaveCount(0);
  });

  test('in English the built-in trackers and their processors are named in English', async ({ page, server }) => {
    await page.goto(server.page('/lang-trackers.html', sitePage({ lang: 'en', attrs: docs })));
    await expect(
      banner(page).getByRole('checkbox', { name: 'Analytics (Yandex Metrica, Google Analytics)' }),
    ).toBeVisible();
    await page.evaluate(() => window.Soglasie!.open('preferences'));
    const dialog = page.getByRole('dialog', { name: 'Cookie settings' });
    await expect(dialog.getByText('Yandex Metrica — processor: Yandex LLC')).toBeVisible();
    await expect(dialog.getByText('Google Analytics — processor: Google LLC')).toBeVisible();
  });

  test('a page that swaps its <body> (Turbo, pjax) can still open the preferences', async ({ page, server }) => {
    await page.goto(server.page('/swap.html', sitePage({ attrs: docs })));
    await page.evaluate(() => window.Soglasie!.decline());
    await page.evaluate(() => {
      const body = document.createElement('body');
      body.innerHTML = '<main><h1>Другая страница</h1></main>';
      document.documentElement.replaceChild(body, document.body);
    });
    await page.evaluate(() => window.Soglasie!.open('preferences'));
    await expect(page.getByRole('dialog', { name: 'Настройки cookie' })).toBeVisible();
  });

  test('a page link focused from the keyboard scrolls clear of the bar instead of hiding behind it (WCAG 2.4.11)', async ({
    page,
    server,
  }) => {
    const body = Array.from({ length: 60 }, (_, i) => `<p><a href="#l${i}">Ссылка ${i}</a></p>`).join('');
    // The page's own inline scroll padding, to be given back.
    const head = `<script>document.documentElement.style.scrollPaddingBottom = '10px'</script>`;
    await page.goto(server.page('/focus-clear.html', sitePage({ attrs: docs, body, head })));
    await expect(banner(page)).toBeVisible();
    const top = (await banner(page).boundingBox())!.y;
    let hidden = 0;
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const bottom = await page.evaluate(() =>
        document.activeElement?.localName === 'a' ? document.activeElement.getBoundingClientRect().bottom : 0,
      );
      if (bottom > top) hidden++;
    }
    expect(hidden).toBe(0);
    // Once decided, the page's own scroll padding is back.
    await page.evaluate(() => window.Soglasie!.decline());
    await expect.poll(() => page.evaluate(() => document.documentElement.style.scrollPaddingBottom)).toBe('10px');
  });

  for (const [name, css] of [
    ['', ''],
    [' (html and body 100% high)', 'html,body{height:100%}body{overflow-x:hidden}'],
  ]) {
    test(`the end of the page can be scrolled clear of the bar while it shows${name}`, async ({ page, server }) => {
      const body = `<style>${css}</style><main style="height:1500px">Страница</main><footer><a href="/contacts">Реквизиты оператора</a></footer>`;
      await page.goto(server.page('/page-end.html', sitePage({ attrs: docs, body })));
      await expect(banner(page)).toBeVisible();
      const end = () =>
        page.evaluate(
          () => (window.scrollTo(0, 1e6), document.querySelector('footer a')!.getBoundingClientRect().bottom),
        );
      expect(await end()).toBeLessThanOrEqual((await banner(page).boundingBox())!.y);
      // Once decided, the page is as long as it was.
      await page.evaluate(() => window.Soglasie!.decline());
      await expect(banner(page)).toBeHidden();
      expect(await page.evaluate(() => document.querySelector('soglasie-space'))).toBeNull();
      // (Within the body's margin of the window's bottom, no bar's height above it.)
      expect(await end()).toBeGreaterThan((await page.evaluate(() => innerHeight)) - 20);
    });
  }

  test('the page-end spacer stays last as content comes, does not double after a cached snapshot comes back, and holds while the preferences are open', async ({
    page,
    server,
  }) => {
    const body = `<main style="height:1500px">Страница</main><footer>Подвал</footer>`;
    await page.goto(server.page('/page-end-more.html', sitePage({ attrs: `${docs} data-mode="buttons"`, body })));
    await expect(banner(page)).toBeVisible();
    const last = () =>
      page.evaluate(() => [
        document.body.lastElementChild!.localName,
        document.querySelectorAll('soglasie-space').length,
      ]);
    // Content added after load (a chat widget, a late part of the page).
    await page.evaluate(() =>
      document.body.append(Object.assign(document.createElement('p'), { textContent: 'Позже' })),
    );
    await expect.poll(last).toEqual(['soglasie-space', 1]);
    // Turbo's cache: the body is cloned, and the clone comes back later.
    await page.evaluate(() => document.body.replaceWith(document.body.cloneNode(true)));
    await expect.poll(last).toEqual(['soglasie-space', 1]);
    await expect(banner(page)).toBeVisible();
    // At the page's end, «Настроить» opens the dialog over a page that stays put.
    await page.evaluate(() => window.scrollTo(0, 1e6));
    const y = await page.evaluate(() => scrollY);
    await banner(page).getByRole('button', { name: 'Настроить' }).click();
    await expect(page.getByRole('dialog', { name: 'Настройки cookie' })).toBeVisible();
    expect(await page.evaluate(() => scrollY)).toBe(y);
  });

  test('a page that grows past the window after the bar showed (an app rendering its content) gets the spacer then', async ({
    page,
    server,
  }) => {
    const body = `<div id="app"></div><footer><a href="/contacts">Реквизиты оператора</a></footer>`;
    await page.goto(server.page('/page-grows.html', sitePage({ attrs: docs, body })));
    await expect(banner(page)).toBeVisible();
    await page.evaluate(() => (document.getElementById('app')!.style.height = '1500px'));
    const end = () =>
      page.evaluate(
        () => (window.scrollTo(0, 1e6), document.querySelector('footer a')!.getBoundingClientRect().bottom),
      );
    await expect.poll(end).toBeLessThanOrEqual((await banner(page).boundingBox())!.y);
  });

  test('a page shorter than the window gets no spacer: a footer pushed down by a flex body stays where it is', async ({
    page,
    server,
  }) => {
    const body = `<style>body{display:flex;flex-direction:column;min-height:100vh;margin:0}footer{margin-top:auto}</style><main>Вход</main><footer>Подвал</footer>`;
    await page.goto(server.page('/page-short.html', sitePage({ attrs: docs, body })));
    await expect(banner(page)).toBeVisible();
    await page.evaluate(() => new Promise(requestAnimationFrame));
    expect(
      await page.evaluate(() => [
        document.querySelectorAll('soglasie-space').length,
        Math.round(document.querySelector('footer')!.getBoundingClientRect().bottom) - innerHeight,
      ]),
    ).toEqual([0, 0]);
  });

  test('after a <body> swap the banner and the floating button are there at once, without a call', async ({
    page,
    server,
  }) => {
    const swap = () => {
      const body = document.createElement('body');
      body.innerHTML = '<main><h1>Другая страница</h1></main>';
      document.body.replaceWith(body);
    };
    await page.goto(server.page('/swap-fab.html', sitePage({ attrs: `${docs} data-floating-button` })));
    await expect(banner(page)).toBeVisible();
    await page.evaluate(swap);
    await expect(banner(page)).toBeVisible();
    await banner(page).getByRole('button', { name: 'Отклонить' }).click();
    const fab = page.locator('soglasie-consent').getByRole('button', { name: 'Настройки cookie' });
    await expect(fab).toBeVisible();
    await page.evaluate(swap);
    await expect(fab).toBeVisible();
  });

  test('an open preferences dialog stays modal through a <body> swap, and a page that replaces the body’s content keeps the banner', async ({
    page,
    server,
  }) => {
    await page.goto(server.page('/swap-modal.html', sitePage({ attrs: docs })));
    await expect(banner(page)).toBeVisible();
    // pjax, morphing: the body stays, its content goes.
    await page.evaluate(() => (document.body.innerHTML = '<main><h1>Другая страница</h1></main>'));
    await expect(banner(page)).toBeVisible();
    await page.evaluate(() => window.Soglasie!.open('preferences'));
    const dialog = page.getByRole('dialog', { name: 'Настройки cookie' });
    await expect(dialog).toBeVisible();
    await page.evaluate(() => {
      const body = document.createElement('body');
      body.innerHTML = '<main><h1>Третья страница</h1></main>';
      document.body.replaceWith(body);
    });
    await expect(dialog).toBeVisible();
    expect(await dialog.evaluate((d) => d.matches(':modal'))).toBe(true);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(banner(page)).toBeVisible();
  });
});

test.describe('isolation', () => {
  test('hostile page CSS cannot hide or blank the banner', async ({ page, server }) => {
    const hostile =
      '<style>* { color: transparent !important; font-size: 2px !important } button { display: none !important } section, dialog { display: none !important }</style>';
    await page.goto(server.page('/hostile.html', sitePage({ attrs: docs, head: hostile })));
    const accept = banner(page).getByRole('button', { name: 'Принять выбранное', exact: true });
    await expect(accept).toBeVisible();
    const style = await accept.evaluate((el) => ({
      color: getComputedStyle(el).color,
      size: getComputedStyle(el).fontSize,
    }));
    expect(style.color).not.toBe('rgba(0, 0, 0, 0)');
    expect(style.size).toBe('15px');
    const text = await banner(page)
      .locator('p')
      .first()
      .evaluate((el) => getComputedStyle(el).color);
    expect(text).not.toBe('rgba(0, 0, 0, 0)');
  });

  test('our styles do not leak into the page', async ({ page, server }) => {
    await page.goto(
      server.page('/leak.html', sitePage({ attrs: docs, body: '<button id="own">Кнопка сайта</button>' })),
    );
    await expect(banner(page)).toBeVisible();
    const own = await page.locator('#own').evaluate((el) => getComputedStyle(el).minHeight);
    expect(own).not.toBe('44px');
  });

  test("works under Content-Security-Policy: script-src 'self'; style-src 'self' without a nonce", async ({
    page,
    server,
    consoleMessages,
  }) => {
    const csp = { 'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'" };
    await page.goto(server.page('/csp.html', sitePage({ attrs: docs }), csp));
    const accept = banner(page).getByRole('button', { name: 'Принять выбранное', exact: true });
    await expect(accept).toBeVisible();
    const bg = await accept.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(bg).toBe('rgb(26, 86, 219)');
    await banner(page).getByRole('link', { name: 'Политика конфиденциальности' }).click();
    await expect(page.getByRole('dialog').getByRole('heading').first()).toBeVisible();
    expect(consoleMessages.filter((m) => /Content Security Policy|Refused/i.test(m))).toEqual([]);
  });

  test('fits a 320 px phone without horizontal scrolling; the page does not shift', async ({ page, server }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(server.page('/phone.html', sitePage({ attrs: docs })));
    await expect(banner(page)).toBeVisible();
    const fit = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      h1Top: document.querySelector('h1')!.getBoundingClientRect().top,
    }));
    expect(fit.scrollWidth).toBeLessThanOrEqual(320);
    const box = await banner(page).getByRole('button', { name: 'Отклонить' }).boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(320);
    expect(box!.height).toBeGreaterThanOrEqual(24);
  });

  test('a returning visitor never sees the banner, not even for a frame', async ({ page, server }) => {
    const url = server.page('/return.html', sitePage({ attrs: docs }));
    await page.goto(url);
    await page.evaluate(() => window.Soglasie!.decline());
    await page.addInitScript(() => {
      (window as { __seen?: boolean }).__seen = false;
      new MutationObserver(() => {
        const host = document.querySelector('soglasie-consent');
        if (host?.shadowRoot?.querySelector('section, dialog')) (window as { __seen?: boolean }).__seen = true;
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(url);
    await page.waitForLoadState('load');
    expect(await page.evaluate(() => (window as { __seen?: boolean }).__seen)).toBe(false);
  });
});

test.describe('accessibility (axe-core, WCAG 2.2 AA)', () => {
  for (const lang of ['ru', 'en'] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      test(`banner, preferences and viewer have no violations (${lang}, ${scheme})`, async ({ page, server }) => {
        await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
        await page.goto(server.page(`/a11y-${lang}.html`, sitePage({ lang, attrs: `${docs} data-lang="${lang}"` })));
        const axe = () =>
          new AxeBuilder({ page })
            .include('soglasie-consent')
            .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
            .analyze();
        await expect(banner(page)).toBeVisible();
        expect((await axe()).violations).toEqual([]);
        await page.evaluate(() => window.Soglasie!.open());
        await expect(page.getByRole('dialog')).toBeVisible();
        expect((await axe()).violations).toEqual([]);
        await page.evaluate(() => window.Soglasie!.open('policy'));
        await expect(page.getByRole('dialog').getByRole('heading').nth(1)).toBeVisible();
        expect((await axe()).violations).toEqual([]);
      });
    }
  }
});

test.describe('positions and layout', () => {
  test('modal position: a dialog that blocks the page; Escape closes it and grants nothing', async ({
    page,
    server,
  }) => {
    await page.goto(server.page('/modal.html', sitePage({ attrs: `${docs} data-position="modal"` })));
    const dialog = page.getByRole('dialog', { name: 'Согласие на обработку персональных данных и cookie' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Отклонить' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    expect(await decided(page)).toBe(false);
  });

  test('box position sits in the corner, narrower than the page', async ({ page, server }) => {
    await page.goto(server.page('/box.html', sitePage({ attrs: `${docs} data-position="box"` })));
    const box = await banner(page).boundingBox();
    expect(box!.width).toBeLessThanOrEqual(420);
    expect(box!.x).toBeGreaterThan(500);
  });

  test('no layout shift of the host page while the banner appears and goes (CLS 0)', async ({ page, server }) => {
    await page.addInitScript(() => {
      (window as { __cls?: number }).__cls = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as Array<PerformanceEntry & { value: number }>)
          (window as { __cls?: number }).__cls! += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(server.page('/cls.html', sitePage({ attrs: docs, body: '<p>'.repeat(30) + 'Конец страницы.' })));
    await expect(banner(page)).toBeVisible();
    await banner(page).getByRole('button', { name: 'Отклонить' }).click();
    await expect(banner(page)).toBeHidden();
    expect(await page.evaluate(() => (window as { __cls?: number }).__cls)).toBe(0);
  });

  test("the banner stays above the page's own fixed elements (a chat widget, a sticky footer)", async ({
    page,
    server,
  }) => {
    const widget =
      '<div id="widget" style="position:fixed;left:0;right:0;bottom:0;height:300px;z-index:100000;background:#eee">Чат</div>';
    await page.goto(server.page('/over.html', sitePage({ attrs: docs, body: widget })));
    await banner(page).getByRole('checkbox').first().check();
    await banner(page).getByRole('button', { name: 'Принять выбранное', exact: true }).click();
    expect(await decided(page)).toBe(true);
  });

  for (const [kind, css] of [
    ['flex', 'body{display:flex;flex-direction:column;min-height:100vh;gap:24px;margin:0}main{flex:1}'],
    ['grid', 'body{display:grid;min-height:100vh;gap:24px;margin:0}'],
  ]) {
    test(`the host takes no room in a ${kind} page layout with gaps: the footer stays where it was`, async ({
      page,
      server,
    }) => {
      await page.goto(
        server.page(
          `/${kind}.html`,
          sitePage({ attrs: docs, head: `<style>${css}</style>`, body: '<footer>Подвал</footer>' }),
        ),
      );
      await expect(banner(page)).toBeVisible();
      const footerTop = () => page.locator('footer').evaluate((el) => el.getBoundingClientRect().top);
      const withHost = await footerTop();
      await page.evaluate(() => document.querySelector('soglasie-consent')!.remove());
      expect(withHost).toBe(await footerTop());
    });
  }
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 320, height: 568 }, hasTouch: true, isMobile: true });
  const inView = async (page: Page, name: string) => {
    const box = await banner(page).getByRole('button', { name, exact: true }).boundingBox();
    return !!box && box.y >= 0 && box.y + box.height <= page.viewportSize()!.height;
  };

  test('on a 320×568 screen «Принять выбранное» and «Отклонить» are in sight, and so is the hint with them', async ({
    page,
    server,
  }) => {
    await page.goto(server.page('/phone.html', sitePage({ attrs: docs })));
    await expect(banner(page)).toBeVisible();
    expect([await inView(page, 'Принять выбранное'), await inView(page, 'Отклонить')]).toEqual([true, true]);
    const hint = banner(page).getByText('Ничего не отмечено', { exact: false });
    await expect(hint).toBeVisible();
    const box = (await hint.boundingBox())!;
    expect(box.y >= 0 && box.y + box.height <= 568).toBe(true);
  });

  test('in buttons mode, held in landscape, all three choices are in sight', async ({ page, server }) => {
    await page.setViewportSize({ width: 568, height: 320 });
    // A site's own, longer wording: more than the bar can show at once.
    const textButtons = 'Мы обрабатываем персональные данные посетителей и используем cookie. '.repeat(6);
    const head = `<script type="application/json" data-soglasie-config>${JSON.stringify({ texts: { ru: { textButtons } } })}</script>`;
    await page.goto(server.page('/phone-buttons.html', sitePage({ attrs: `${docs} data-mode="buttons"`, head })));
    await expect(banner(page)).toBeVisible();
    expect([
      await inView(page, 'Принять все'),
      await inView(page, 'Отклонить все'),
      await inView(page, 'Настроить'),
    ]).toEqual([true, true, true]);
  });

  // Where a page scrolls depends on its CSS: the window (by default, and with a guard on <body> alone),
  // or <body> itself (html and body both set).
  const SCROLLERS = [
    ['the window', ''],
    ['the window, with body { overflow-x: hidden }', 'html,body{height:100%}body{overflow-x:hidden}'],
    ['<body> itself', 'html,body{height:100%;overflow:auto;margin:0}'],
  ];
  for (const [name, css] of SCROLLERS) {
    test(`the page behind an open dialog stays where it was and does not scroll, and scrolls again once closed: page scrolled by ${name}`, async ({
      page,
      server,
    }) => {
      const body = `<style>${css}</style><div id="mark">Начало</div><div style="height:3000px">Длинная страница</div>`;
      await page.goto(server.page('/phone-lock.html', sitePage({ attrs: docs, body })));
      await page.evaluate(() => window.Soglasie!.decline());
      const scrollTo = (y: number) =>
        page.evaluate((y) => (document.scrollingElement!.scrollTop = document.body.scrollTop = y), y);
      const top = () => page.evaluate(() => Math.round(document.getElementById('mark')!.getBoundingClientRect().top));
      const start = await top();
      await scrollTo(200);
      const before = await top();
      expect(before).toBe(start - 200);
      await page.evaluate(() => window.Soglasie!.open('preferences'));
      const dialog = page.getByRole('dialog', { name: 'Настройки cookie' });
      await expect(dialog).toBeVisible();
      expect(await top()).toBe(before);
      await page.mouse.move(160, 20);
      await page.mouse.wheel(0, 400);
      await page.evaluate(() => new Promise(requestAnimationFrame));
      expect(await top()).toBe(before);
      await dialog.getByRole('button', { name: 'Закрыть' }).tap();
      await expect(dialog).toBeHidden();
      expect(await top()).toBe(before);
      expect(
        await page.evaluate(() => [document.documentElement.style.overflow, document.body.style.overflow]),
      ).toEqual(['', '']);
      await scrollTo(600);
      expect(await top()).toBe(before - 400);
    });
  }

  test('a scroll lock of the page’s own (a menu) that ends while a dialog is open is not put back when the dialog closes', async ({
    page,
    server,
  }) => {
    const body = `<div style="height:3000px">Длинная страница</div>`;
    await page.goto(server.page('/phone-own-lock.html', sitePage({ attrs: docs, body })));
    await page.evaluate(() => window.Soglasie!.decline());
    await page.evaluate(() => (document.documentElement.style.overflow = 'hidden'));
    await page.evaluate(() => window.Soglasie!.open('preferences'));
    const dialog = page.getByRole('dialog', { name: 'Настройки cookie' });
    await expect(dialog).toBeVisible();
    // The menu closes behind the dialog and lets the page scroll again.
    await page.evaluate(() => (document.documentElement.style.overflow = ''));
    await dialog.getByRole('button', { name: 'Закрыть' }).tap();
    await expect(dialog).toBeHidden();
    expect(await page.evaluate(() => document.documentElement.style.overflow)).toBe('');
  });
});

test.describe('text size', () => {
  test('the interface follows the browser’s font-size setting, never below 15px', async ({ page, server }) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Page.enable');
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 24 } });
    await page.goto(server.page('/font-size.html', sitePage({ attrs: docs })));
    const accept = banner(page).getByRole('button', { name: 'Принять выбранное', exact: true });
    await expect(accept).toBeVisible();
    expect(await accept.evaluate((el) => getComputedStyle(el).fontSize)).toBe('22.5px');
  });
});
