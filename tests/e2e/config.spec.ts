import { banner, expect, sitePage, test } from './support/fixtures';

const configBlock = (json: string) => `<script type="application/json" data-soglasie-config>${json}</script>`;

test.describe('script-tag configuration', () => {
  test('data-* attributes configure mode, language, cookie name and documents', async ({
    page,
    server,
    consoleMessages,
  }) => {
    await page.goto(
      server.page(
        '/attrs.html',
        sitePage({
          attrs:
            'data-policy-url="/policies/autocrm-policy.txt" data-policy-version="7" data-consent-url="/policies/autocrm-consent.txt" data-mode="buttons" data-lang="en" data-cookie-name="my_consent" data-lifetime-months="3"',
        }),
      ),
    );
    await expect(banner(page).getByRole('button', { name: 'Accept all' })).toBeVisible();
    await expect(banner(page).getByRole('button', { name: 'Reject all' })).toBeVisible();
    const config = await page.evaluate(() => {
      const c = window.Soglasie!.config;
      return {
        mode: c.mode,
        lang: c.lang,
        cookie: c.cookie.name,
        months: c.lifetimeMonths,
        policy: c.policy,
        consent: c.consent.url,
      };
    });
    expect(config).toEqual({
      mode: 'buttons',
      lang: 'en',
      cookie: 'my_consent',
      months: 3,
      policy: { url: '/policies/autocrm-policy.txt', version: '7' },
      consent: '/policies/autocrm-consent.txt',
    });
    await banner(page).getByRole('button', { name: 'Reject all' }).click();
    const names = (await page.context().cookies()).map((c) => c.name);
    expect(names).toContain('my_consent');
    expect(names).not.toContain('soglasie');
    expect(consoleMessages.filter((m) => m.startsWith('soglasie: config') && !m.includes('152-FZ'))).toEqual([]);
  });

  test('a JSON block gives the full config; data-* attributes win over it', async ({ page, server }) => {
    const json = JSON.stringify({
      mode: 'buttons',
      lang: 'ru',
      categories: [{ id: 'analytics', label: { ru: 'Статистика' } }, { id: 'video' }],
      texts: { ru: { acceptAll: 'Согласен со всем' } },
    });
    await page.goto(
      server.page(
        '/json.html',
        sitePage({ head: configBlock(json), attrs: 'data-policy-url="/policies/autocrm-policy.txt" data-lang="ru"' }),
      ),
    );
    await expect(banner(page).getByRole('button', { name: 'Согласен со всем' })).toBeVisible();
    expect(await page.evaluate(() => window.Soglasie!.config.optional)).toEqual(['analytics', 'video']);
  });

  test('wrong types and unknown keys are ignored with one warning each that names the field', async ({
    page,
    server,
    consoleMessages,
  }) => {
    const json = JSON.stringify({ mode: 'popup', lifetimeMonths: '6', colour: 'red', lang: 'ru' });
    await page.goto(
      server.page(
        '/bad.html',
        sitePage({
          head: configBlock(json),
          attrs:
            'data-foo="1" data-floating-button="yes" data-policy-url="/policies/autocrm-policy.txt" data-lifetime-months="soon"',
        }),
      ),
    );
    await expect(banner(page)).toBeVisible();
    // What was ignored is ignored: the defaults hold (the core counts problems silently; it must not turn the count into a value).
    expect(
      await page.evaluate(() => [window.Soglasie!.config.lifetimeMonths, window.Soglasie!.config.floatingButton]),
    ).toEqual([6, false]);
    const warnings = () => consoleMessages.filter((m) => m.startsWith('soglasie: config'));
    await expect
      .poll(warnings)
      .toEqual(
        expect.arrayContaining([
          'soglasie: config data-lifetime-months: expected a number, got "soon"; ignored',
          'soglasie: config data-foo: unknown attribute, ignored',
          'soglasie: config mode: expected one of checkbox, buttons, got "popup"; ignored',
          'soglasie: config lifetimeMonths: expected number, got "6"; ignored',
          'soglasie: config colour: unknown option, ignored',
        ]),
      );
    expect(warnings().filter((m) => m.includes('colour'))).toHaveLength(1);
    // The messages come from soglasie-later.iife.js, which a correctly configured page that decides nothing never loads.
    expect(server.requests).toContain('/dist/soglasie-later.iife.js');
  });

  test('a correctly configured page loads no checker; a misconfigured one names its problems on every visit', async ({
    page,
    server,
    consoleMessages,
  }) => {
    const good =
      'data-policy-url="/policies/autocrm-policy.txt" data-consent-url="/policies/autocrm-consent.txt" data-operator-name="ООО «Инфотех»" data-operator-address="г. Тула" data-operator-email="hd@autocrm.ru" data-purposes="аналитика"';
    await page.goto(server.page('/good.html', sitePage({ attrs: good })), { waitUntil: 'networkidle' });
    await expect(banner(page)).toBeVisible();
    expect(server.requests).not.toContain('/dist/soglasie-later.iife.js');
    expect(consoleMessages.filter((m) => m.startsWith('soglasie: config'))).toEqual([]);

    // Attributes other tools put on script tags are not ours and not a mistake: no checker for them.
    await page.goto(
      server.page('/foreign.html', sitePage({ attrs: `${good} data-cfasync="false" data-nscript="afterInteractive"` })),
      { waitUntil: 'networkidle' },
    );
    expect(server.requests).not.toContain('/dist/soglasie-later.iife.js');

    // A returning visitor (no banner, no interface file) on a page with a typo still gets the warning.
    await page.evaluate(() => window.Soglasie!.decline());
    await page.goto(server.page('/typo.html', sitePage({ attrs: `${good} data-postion="box"` })), {
      waitUntil: 'networkidle',
    });
    await expect.poll(() => consoleMessages).toContain('soglasie: config data-postion: unknown attribute, ignored');
    expect(await page.evaluate(() => window.Soglasie!.get().decided)).toBe(true);
  });

  test('a broken JSON block never breaks the page: one warning, everything optional denied', async ({
    page,
    server,
    consoleMessages,
  }) => {
    await page.goto(
      server.page(
        '/broken.html',
        sitePage({ head: configBlock('{"mode": "buttons",,}'), body: '<script>window.__after = true</script>' }),
      ),
    );
    await expect(banner(page)).toBeVisible();
    expect(await page.evaluate(() => (window as { __after?: boolean }).__after)).toBe(true);
    await expect.poll(() => consoleMessages.some((m) => /data-soglasie-config: not valid JSON/.test(m))).toBe(true);
    expect(await page.evaluate(() => window.Soglasie!.get().categories)).toEqual({
      necessary: true,
      analytics: false,
      marketing: false,
    });
  });

  test('__proto__ and constructor keys in the JSON block pollute nothing', async ({
    page,
    server,
    consoleMessages,
  }) => {
    const json =
      '{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}, "texts": {"ru": {"__proto__": {"polluted": 1}}}, ' +
      '"integrations": {"yandexMetrica": {"id": 1, "options": {"__proto__": {"polluted": 1}}}}, "policy": {"__proto__": {"url": "javascript:alert(1)"}}}';
    await page.goto(server.page('/proto.html', sitePage({ head: configBlock(json) })));
    await expect(banner(page)).toBeVisible();
    const result = await page.evaluate(() => ({
      polluted: ({} as Record<string, unknown>).polluted,
      policyUrl: window.Soglasie!.config.policy.url,
    }));
    expect(result).toEqual({ polluted: undefined, policyUrl: '/policies/autocrm-policy.txt' });
    await expect
      .poll(() => consoleMessages.filter((m) => m.includes('unsafe key ignored')).length)
      .toBeGreaterThanOrEqual(4);
  });

  test('a tampered or garbage consent cookie counts as no decision', async ({ page, server, context }) => {
    const url = server.page('/tampered.html', sitePage());
    for (const value of ['1|garbage', '1|x|__proto__:1||||', '%E0%A4%A', 'a'.repeat(3000)]) {
      await context.clearCookies();
      await context.addCookies([{ name: 'soglasie', value, url: server.origin }]);
      await page.goto(url);
      await expect(banner(page)).toBeVisible();
      expect(
        await page.evaluate(() => ({
          decided: window.Soglasie!.get().decided,
          polluted: ({} as Record<string, unknown>).polluted,
        })),
      ).toEqual({ decided: false, polluted: undefined });
    }
  });

  test('a document version with ; , / and spaces survives the cookie, written byte for byte as js-cookie (earlier releases) wrote it', async ({
    page,
    server,
    context,
  }) => {
    const url = server.page(
      '/versions.html',
      sitePage({
        attrs: 'data-policy-url="/policies/autocrm-policy.txt" data-policy-version="2025; ред. 2/1, от 1 мая"',
      }),
    );
    await page.goto(url);
    await page.evaluate(() => window.Soglasie!.accept());
    const subject = await page.evaluate(() => window.Soglasie!.get().subjectId);
    await page.reload();
    expect(await page.evaluate(() => window.Soglasie!.get())).toMatchObject({
      decided: true,
      subjectId: subject,
      categories: { analytics: true },
    });
    await expect(banner(page)).toBeHidden();
    const [stored] = (await context.cookies()).filter((c) => c.name === 'soglasie');
    // The codec escapes the versions itself; the cookie writer escapes the result again, as js-cookie did.
    expect(stored.value).toMatch(/^2\|[0-9a-f-]{36}\|analytics:1%2Cmarketing:1\|2025%253B%2520/);
    // Byte for byte what js-cookie (earlier releases) wrote: it percent-encoded the value but left these
    // characters as they are: # $ & + / : < = > ? @ [ ] ^ ` { | }
    const legacy = encodeURIComponent(decodeURIComponent(stored.value)).replace(
      /%(23|24|26|2B|2F|3A|3C|3D|3E|3F|40|5B|5D|5E|60|7B|7C|7D)/g,
      decodeURIComponent,
    );
    expect(stored.value).toBe(legacy);
  });

  test('a new policy version asks again, keeping the same pseudonymous subject', async ({ page, server }) => {
    await page.goto(
      server.page(
        '/v1.html',
        sitePage({ attrs: 'data-policy-url="/policies/autocrm-policy.txt" data-policy-version="1"' }),
      ),
    );
    await page.evaluate(() => window.Soglasie!.accept());
    const subject = await page.evaluate(() => window.Soglasie!.get().subjectId);
    await page.goto(
      server.page(
        '/v1.html',
        sitePage({ attrs: 'data-policy-url="/policies/autocrm-policy.txt" data-policy-version="2"' }),
      ),
    );
    await expect(banner(page)).toBeVisible();
    expect(await page.evaluate(() => window.Soglasie!.get())).toMatchObject({ decided: false, subjectId: subject });
  });

  test('GPC keeps marketing denied even on accept all', async ({ page, server }) => {
    await page.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }),
    );
    await page.goto(
      server.page(
        '/gpc.html',
        sitePage({
          attrs: 'data-policy-url="/policies/autocrm-policy.txt" data-mode="buttons"',
          // Something of each category, so that both are offered.
          body: '<script type="text/plain" data-consent="analytics">1</script><script type="text/plain" data-consent="marketing">1</script>',
        }),
      ),
    );
    await banner(page).getByRole('button', { name: 'Принять все' }).click();
    expect(await page.evaluate(() => window.Soglasie!.get())).toMatchObject({
      gpc: true,
      categories: { analytics: true, marketing: false },
    });
    // The preferences cannot pretend otherwise: the marketing switch is off and cannot be switched on.
    await page.evaluate(() => window.Soglasie!.open('preferences'));
    const marketing = page.getByRole('dialog').getByRole('switch', { name: /Маркетинг/ });
    await expect(marketing).toBeDisabled();
    await expect(marketing).not.toBeChecked();
  });

  test('every change is mirrored as a soglasie:change DOM event', async ({ page, server }) => {
    await page.goto(
      server.page(
        '/events.html',
        sitePage({
          body: `<script>window.__events = []; addEventListener('soglasie:change', (e) => __events.push(e.detail.event));</script>`,
        }),
      ),
    );
    await page.evaluate(() => {
      window.Soglasie!.accept();
      window.Soglasie!.withdraw();
    });
    expect(await page.evaluate(() => (window as unknown as { __events: string[] }).__events)).toEqual([
      'accept',
      'withdraw',
    ]);
  });
});
