// Screenshots of the operator console for the README: `npm run build && node scripts/console-screenshots.js`.
// A collector on a throwaway SQLite file with one visitor's history; desktop 1280 px, a 360 px phone and the
// printed certificate (print media, A4 width).
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { createCollector } from '../dist/collector.mjs';
import { chromiumLaunchOptions } from './chromium-launch.js';

const TOKEN = 'screenshot-token';
const POLICY = 'Политика ООО «Инфотек» в отношении обработки персональных данных, редакция от 1 сентября 2025 г.\n';
const CONSENT = 'Согласие на обработку персональных данных посетителя сайта autocrm.ru, редакция 3.\n';
const sha256 = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

const dir = mkdtempSync(join(tmpdir(), 'soglasie-console-shots-'));
let collector;
const server = createServer((req, res) => {
  if (req.url === '/policy.txt') return res.end(POLICY);
  if (req.url === '/consent.txt') return res.end(CONSENT);
  collector.handler(req, res);
});
await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
const origin = `http://127.0.0.1:${server.address().port}`;
collector = await createCollector({ db: join(dir, 'receipts.sqlite'), token: TOKEN, origins: [origin] });

const operator = {
  name: 'ООО «Инфотек»',
  inn: '7107520130',
  ogrn: '1107154005980',
  address: '300034, г. Тула, ул. Революции, д. 21, оф. 6',
  email: 'hd@autocrm.ru',
};
const documents = [
  { kind: 'policy', url: `${origin}/policy.txt`, version: '2025-09-01', sha256: sha256(POLICY) },
  { kind: 'consent', url: `${origin}/consent.txt`, version: '3', sha256: sha256(CONSENT) },
];
const subjectId = randomUUID();
const decisions = [
  ['accept', 'checkbox', { necessary: true, analytics: true, marketing: false }],
  ['update', 'checkbox', { necessary: true, analytics: true, marketing: true }],
  ['update', 'button', { necessary: true, analytics: true, marketing: false }],
];
let previous;
const ids = [];
for (const [index, [event, method, categories]] of decisions.entries()) {
  for (let other = 0; other < 3; other++) {
    await post({ ...base(randomUUID(), 1764838800 + index * 86400 + other * 600), event: 'decline', method: 'button' });
  }
  const receipt = { ...base(subjectId, 1764842400 + index * 86400), event, method, categories };
  if (previous) receipt.previousReceiptId = previous;
  await post(receipt);
  previous = receipt.receiptId;
  ids.push(receipt.receiptId);
}

function base(subject, timestamp) {
  return {
    schema: 1,
    receiptId: randomUUID(),
    subjectId: subject,
    timestamp,
    event: 'accept',
    method: 'checkbox',
    categories: { necessary: true, analytics: false, marketing: false },
    documents,
    operator,
    page: 'https://autocrm.ru/catalog',
    language: 'ru',
    sdk: 'soglasie@0.1.0',
  };
}

async function post(receipt) {
  const res = await fetch(`${origin}/receipts`, { method: 'POST', body: JSON.stringify(receipt) });
  if (res.status !== 201) throw new Error(`POST: ${res.status} ${await res.text()}`);
}

const browser = await chromium.launch(chromiumLaunchOptions());
try {
  for (const [name, viewport] of [
    ['console-desktop', { width: 1280, height: 900 }],
    ['console-phone', { width: 360, height: 740 }],
  ]) {
    const context = await browser.newContext({ viewport, locale: 'ru-RU', reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.print = () => {};
    });
    await page.goto(`${origin}/console`);
    await page.getByLabel('Read token').fill(TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Verify now' }).click();
    await page.locator('#verify-result', { hasText: 'intact' }).waitFor();
    await page.getByLabel('Subject id or receipt id').fill(subjectId);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('button', { name: `Open receipt ${ids[1]}` }).click();
    await page.getByRole('button', { name: 'Check digests against the published documents' }).click();
    await page.locator('[data-check="1"][data-status]').waitFor();
    // The phone shows the top of the receipt: its id and first fields.
    await page.evaluate(() => document.getElementById('receipt-title').scrollIntoView());
    await page.screenshot({ path: `docs/screenshots/${name}.png`, fullPage: name === 'console-desktop' });
    console.log(`docs/screenshots/${name}.png`);
    if (name === 'console-desktop') {
      await page.getByLabel('Certificate language').selectOption('ru');
      await page.getByRole('button', { name: 'Print certificate' }).click();
      await page.emulateMedia({ media: 'print' });
      await page.setViewportSize({ width: 794, height: 1123 });
      await page.screenshot({ path: 'docs/screenshots/console-certificate.png' });
      console.log('docs/screenshots/console-certificate.png');
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.closeAllConnections();
  server.close();
  await collector.close();
  rmSync(dir, { recursive: true, force: true });
}
