import { banner, expect, sitePage, test } from './support/fixtures';

const attrs =
  'data-policy-url="/policies/autocrm-policy.txt" data-operator-name="ООО «Инфотек»" data-operator-email="hd@autocrm.ru" data-floating-button';
const analytics = '<script type="text/plain" data-consent="analytics">window.__ran = (window.__ran || 0) + 1</script>';

test.describe('withdrawal and the preferences, second edition', () => {
  test('a withdrawal that reloads the page says so on the page after the reload', async ({ page, server }) => {
    const url = server.page('/notice.html', sitePage({ attrs, body: analytics }));
    await page.goto(url);
    await page.evaluate(() => window.Soglasie!.accept());
    await expect.poll(() => page.evaluate(() => (window as { __ran?: number }).__ran)).toBe(1);
    await Promise.all([page.waitForEvent('load'), page.evaluate(() => window.Soglasie!.withdraw())]);
    // A new page: the script that ran is gone, and the notice is on screen.
    const notice = page.locator('soglasie-consent').getByText('Согласие отозвано.', { exact: true }).first();
    await expect(notice).toBeVisible();
    await notice.locator('..').getByRole('button', { name: 'Закрыть' }).click();
    await expect(notice).toBeHidden();
    // Shown once: not again on the next page.
    await page.reload();
    await expect(page.locator('soglasie-consent').getByText('Согласие отозвано.', { exact: true })).toHaveCount(0);
  });

  test('the withdrawal e-mail is a mailto: link', async ({ page, server }) => {
    await page.goto(server.page('/mailto.html', sitePage({ attrs })));
    await page.evaluate(() => window.Soglasie!.open('preferences'));
    const link = page.getByRole('dialog').getByRole('link', { name: 'hd@autocrm.ru' });
    await expect(link).toHaveAttribute('href', 'mailto:hd@autocrm.ru');
  });

  test('before a first decision, buttons mode offers accept-all and refuse-all in the preferences too', async ({
    page,
    server,
  }) => {
    await page.goto(
      server.page('/prefs-all.html', sitePage({ attrs: `${attrs} data-mode="buttons"`, body: analytics })),
    );
    await banner(page).getByRole('button', { name: 'Настроить' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('button', { name: 'Отклонить все' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Принять все' }).click();
    await expect(dialog).toBeHidden();
    expect(await page.evaluate(() => window.Soglasie!.get().categories.analytics)).toBe(true);
  });
});
