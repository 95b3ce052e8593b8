import { banner, expect, sitePage, test } from './support/fixtures';

const gated = `<script type="text/plain" data-consent="analytics">window.__runs = (window.__runs || 0) + 1;</script>`;
const runs = (page: import('@playwright/test').Page) =>
  page.evaluate(() => (window as { __runs?: number }).__runs ?? 0);

test.describe('the script tag slice', () => {
  test('shows a banner in an open shadow root: text, policy link, an unticked box, «Принять» and «Отклонить»', async ({
    page,
    server,
  }) => {
    await page.goto(server.page('/slice.html', sitePage({ body: gated })));
    const region = banner(page);
    await expect(region).toBeVisible();
    const isShadow = await page.evaluate(
      () => !!document.querySelector('soglasie-consent')?.shadowRoot?.querySelector('section'),
    );
    expect(isShadow).toBe(true);
    await expect(region.getByText(/cookie/i).first()).toBeVisible();
    await expect(region.getByRole('link', { name: 'Политика конфиденциальности' })).toBeVisible();
    const box = region.getByRole('checkbox').first();
    await expect(box).not.toBeChecked();
    await expect(region.getByRole('button', { name: 'Принять выбранное', exact: true })).toBeVisible();
    await expect(region.getByRole('button', { name: 'Отклонить', exact: true })).toBeVisible();
    expect(await page.evaluate(() => typeof window.Soglasie?.accept)).toBe('function');
  });

  test('the policy link opens the policy text', async ({ page, server }) => {
    await page.goto(server.page('/slice.html', sitePage()));
    await banner(page).getByRole('link', { name: 'Политика конфиденциальности' }).click();
    const dialog = page.getByRole('dialog', { name: 'Политика конфиденциальности' });
    await expect(dialog).toBeVisible();
    await expect(
      dialog.getByText('определяет порядок обработки и защиты персональных данных', { exact: false }),
    ).toBeVisible();
  });

  test('a gated script runs only after accept, exactly once, and again once after reload without a banner', async ({
    page,
    server,
  }) => {
    await page.goto(server.page('/slice.html', sitePage({ body: gated })));
    await expect(banner(page)).toBeVisible();
    expect(await runs(page)).toBe(0);
    await banner(page).getByRole('checkbox').first().check();
    await banner(page).getByRole('button', { name: 'Принять выбранное', exact: true }).click();
    await expect(banner(page)).toBeHidden();
    await expect.poll(() => runs(page)).toBe(1);
    await page.evaluate(() => window.Soglasie!.accept(['analytics']));
    expect(await runs(page)).toBe(1);

    const cookie = (await page.context().cookies()).find((c) => c.name === 'soglasie');
    expect(cookie?.sameSite).toBe('Lax');
    await page.reload();
    await expect.poll(() => runs(page)).toBe(1);
    await expect(banner(page)).toBeHidden();
    expect(await page.evaluate(() => window.Soglasie!.has('analytics'))).toBe(true);
  });

  test('after decline no gated script runs, before or after reload', async ({ page, server }) => {
    await page.goto(server.page('/slice.html', sitePage({ body: gated })));
    await banner(page).getByRole('button', { name: 'Отклонить', exact: true }).click();
    await expect(banner(page)).toBeHidden();
    expect(await page.evaluate(() => window.Soglasie!.get().decided)).toBe(true);
    expect(await runs(page)).toBe(0);
    await page.reload();
    await expect(page.locator('h1')).toBeVisible();
    expect(await page.evaluate(() => window.Soglasie!.get().decided)).toBe(true);
    await expect(banner(page)).toBeHidden();
    expect(await runs(page)).toBe(0);
  });
});
