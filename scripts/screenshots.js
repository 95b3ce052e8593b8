// Takes the README's screenshots from the demo: `npm run screenshots` (after `npm run build`).
// Desktop 1280×720 and a 360 px phone, Russian, light and dark, banner, preferences and the viewer.
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium-launch.js';

const PORT = 8097;
const server = spawn(process.execPath, ['demo/server.js'], {
  env: { ...process.env, PORT: String(PORT) },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((ready) => server.stdout.once('data', ready));
const base = `http://127.0.0.1:${PORT}`;
const browser = await chromium.launch(chromiumLaunchOptions());
const shots = [
  ['desktop-ru', '/autocrm.html', { width: 1280, height: 720 }, null],
  ['phone-ru', '/autocrm.html', { width: 360, height: 740 }, null],
  ['desktop-ru-buttons-dark', '/autoweboffice.html', { width: 1280, height: 720 }, null],
  ['desktop-ru-preferences', '/autocrm.html', { width: 1280, height: 720 }, 'preferences'],
  ['phone-ru-policy', '/autocrm.html', { width: 360, height: 740 }, 'policy'],
  ['desktop-ru-policy-autoweboffice', '/autoweboffice.html', { width: 1280, height: 720 }, 'policy'],
];
try {
  for (const [name, path, viewport, view] of shots) {
    const context = await browser.newContext({ viewport, locale: 'ru-RU', reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.route(
      (url) => url.hostname !== '127.0.0.1',
      (route) => route.abort(),
    );
    await page.goto(base + path);
    if (view) await page.evaluate((v) => window.Soglasie.open(v), view);
    await page
      .locator(view ? 'soglasie-consent dialog' : 'soglasie-consent section')
      .first()
      .waitFor();
    if (view === 'policy') await page.locator('soglasie-consent .doc h3').first().waitFor();
    await page.screenshot({ path: `docs/screenshots/${name}.png` });
    console.log(`docs/screenshots/${name}.png`);
    await context.close();
  }
} finally {
  await browser.close();
  server.kill();
}
