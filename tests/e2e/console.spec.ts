import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { Collector } from '../../src/collector/create-collector';
import { compileJsonSchema, type JsonSchema } from '../../src/collector/validate-json-schema';
import type { ConsentReceipt } from '../../src/receipt/receipt-types';
import { makeReceipt } from '../collector/support/make-receipt';
import { storeTargets, type StoreFixture } from '../collector/support/store-targets';

// The operator console of the built package (dist/), against a real collector on SQLite, and on
// PostgreSQL when SOGLASIE_PG_URL is set. One server: /docs/* are the site's documents, the rest the collector.
const TOKEN = 'console-e2e-token';
const POLICY = 'Политика обработки персональных данных ООО «Ромашка», редакция 3.\n';
const CONSENT_NOW = 'Согласие на обработку персональных данных, редакция 4 (изменена).\n';
const CONSENT_THEN = 'Согласие на обработку персональных данных, редакция 3.\n';
const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
const schema = JSON.parse(readFileSync('src/collector/iso27560.schema.json', 'utf8')) as JsonSchema;

// Axe and PDF rendering are slow on a shared 2-core machine.
/** The PDF's /Title, which Chromium writes as UTF-16BE hex. */
function pdfTitle(source: string): string {
  const hex = /\/Title <FEFF([0-9A-F]+)>/.exec(source)?.[1] ?? '';
  return Buffer.from(hex, 'hex').swap16().toString('utf16le');
}

test.describe.configure({ mode: 'serial', timeout: 180_000 });

for (const target of storeTargets) {
  test.describe(`console (${target.name})`, () => {
    test.skip(!!target.skip, String(target.skip));
    let fixture: StoreFixture;
    let collector: Collector;
    let server: Server;
    let origin = '';
    const subjectId = randomUUID();
    const history: ConsentReceipt[] = [];

    test.beforeAll(async () => {
      fixture = await target.open();
      server = createServer((req, res) => {
        if (req.url === '/docs/policy.txt') return res.end(POLICY);
        if (req.url === '/docs/consent.txt') return res.end(CONSENT_NOW);
        collector.handler(req, res);
      });
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const { createCollector } = (await import(
        resolve('dist/collector.mjs')
      )) as typeof import('../../src/collector/index');
      collector = await createCollector({
        ...fixture.choice,
        token: TOKEN,
        origins: [origin],
        // The receipts below are posted server to server (no Origin header).
        allowNoOrigin: true,
        records: { categories: { analytics: { purpose: 'анализ посещаемости', processors: ['ООО «Яндекс»'] } } },
        onError: () => {},
      });
      const documents = [
        { kind: 'policy' as const, url: `${origin}/docs/policy.txt`, version: '3', sha256: sha256(POLICY) },
        { kind: 'consent' as const, url: `${origin}/docs/consent.txt`, version: '3', sha256: sha256(CONSENT_THEN) },
      ];
      // 22 decisions of one subject (a page of 20 and one of 2), chained; other subjects in between.
      for (let index = 0; index < 22; index++) {
        const event = index === 0 ? 'accept' : index === 21 ? 'withdraw' : 'update';
        const receipt = makeReceipt({
          subjectId,
          event,
          timestamp: 1764806400 + index * 60,
          categories: { necessary: true, analytics: event !== 'withdraw' && index % 2 === 0, marketing: false },
          documents,
          page: `${origin}/shop`,
          ...(index > 0 ? { previousReceiptId: history[index - 1]!.receiptId } : {}),
        });
        history.push(receipt);
        for (const body of [receipt, makeReceipt({ page: `${origin}/` })]) {
          const res = await fetch(`${origin}/receipts`, { method: 'POST', body: JSON.stringify(body) });
          expect(res.status).toBe(201);
        }
      }
    });
    test.afterAll(async () => {
      server?.closeAllConnections();
      server?.close();
      await collector?.close();
      await fixture?.cleanup();
    });

    /** Every request the page makes, and CSP complaints on its console. */
    function watch(page: Page): { urls: string[]; bodies: string[]; problems: string[] } {
      const seen = { urls: [] as string[], bodies: [] as string[], problems: [] as string[] };
      page.on('request', (request) => seen.urls.push(request.url()));
      page.on('response', async (response) => {
        seen.bodies.push(await response.text().catch(() => ''));
      });
      page.on('console', (message) => {
        if (message.type() === 'error' && !/401/.test(message.text())) seen.problems.push(message.text());
      });
      page.on('pageerror', (error) => seen.problems.push(error.message));
      return seen;
    }

    async function signIn(page: Page, token = TOKEN): Promise<void> {
      await page.goto(`${origin}/console`);
      await page.getByLabel('Read token').fill(token);
      await page.getByRole('button', { name: 'Sign in' }).click();
    }

    test('without the token no receipt data reaches the page', async ({ page }) => {
      const seen = watch(page);
      await signIn(page, 'wrong-token');
      await expect(page.getByRole('status')).toHaveText('The collector refused this token.');
      await expect(page.locator('#app')).toBeHidden();
      expect(await page.evaluate(() => fetch('/receipts').then((r) => r.status))).toBe(401);
      const everything = seen.bodies.join('\n') + (await page.content());
      for (const receipt of history) expect(everything).not.toContain(receipt.receiptId);
      expect(everything).not.toContain(subjectId);
      expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
      expect(seen.urls.every((url) => url.startsWith(`${origin}/`))).toBe(true);
    });

    test('find a subject, page through, open a receipt, check digests, history, accessible', async ({ page }) => {
      const seen = watch(page);
      await signIn(page);
      await expect(page.getByRole('status')).toHaveText('Signed in.');
      await expect(page.locator('#chain-facts')).toContainText('Receipts in the chain44');
      await page.getByLabel('Subject id or receipt id').fill(subjectId);
      await page.getByRole('button', { name: 'Search' }).click();
      const rows = page.locator('#results tbody tr');
      await expect(rows).toHaveCount(20);
      // Newest first: the withdrawal, then the updates before it.
      await expect(rows.nth(0)).toContainText(history[21]!.receiptId);
      await expect(rows.nth(0)).toContainText('withdraw');
      await expect(rows.nth(1)).toContainText(history[20]!.receiptId);
      await page.getByRole('button', { name: 'Older' }).click();
      await expect(rows).toHaveCount(2);
      await expect(rows.nth(1)).toContainText(history[0]!.receiptId);
      await expect(page.getByRole('button', { name: 'Older' })).toBeDisabled();
      await page.getByRole('button', { name: 'Newer' }).click();
      await expect(rows).toHaveCount(20);

      await page.getByRole('button', { name: `Open receipt ${history[20]!.receiptId}` }).click();
      const receipt = page.locator('#receipt');
      await expect(page.getByRole('heading', { name: `Receipt ${history[20]!.receiptId}` })).toBeFocused();
      await expect(receipt).toContainText(sha256(POLICY));
      await expect(receipt).toContainText('ООО «Ромашка»');
      await expect(receipt).toContainText(history[19]!.receiptId);
      await page.getByRole('button', { name: 'Check digests against the published documents' }).click();
      await expect(receipt.locator('[data-check="0"]')).toHaveText('matches the text published now');
      await expect(receipt.locator('[data-check="1"]')).toHaveText(
        `DIFFERS from the text published now (now ${sha256(CONSENT_NOW)})`,
      );
      // History: all 22 in order; the previous one opens from there.
      await expect(receipt.locator('.history li')).toHaveCount(22);
      await expect(receipt.locator('.history li[aria-current]')).toContainText('(this receipt)');
      await page.getByRole('button', { name: history[19]!.receiptId, exact: true }).click();
      await expect(page.getByRole('heading', { name: `Receipt ${history[19]!.receiptId}` })).toBeFocused();

      const axe = await new AxeBuilder({ page }).analyze();
      expect(axe.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
      expect(seen.problems).toEqual([]);
      expect(seen.urls.every((url) => url.startsWith(`${origin}/`))).toBe(true);
    });

    test('a receipt id opens it; verify now; the certificate prints on one A4 page', async ({ page }) => {
      // Headless Chromium would hold a print job open; page.pdf() below is the print.
      await page.addInitScript(() => {
        window.print = () => {
          (window as unknown as { printed: number }).printed =
            ((window as unknown as { printed?: number }).printed ?? 0) + 1;
        };
      });
      await signIn(page);
      await page.getByLabel('Subject id or receipt id').fill(history[2]!.receiptId);
      await page.getByRole('button', { name: 'Search' }).click();
      await expect(page.getByRole('heading', { name: `Receipt ${history[2]!.receiptId}` })).toBeFocused();
      await page.getByRole('button', { name: 'Verify now' }).click();
      await expect(page.locator('#verify-result')).toHaveText(/^intact: 44 checked at /);

      await page.getByLabel('Certificate language').selectOption('ru');
      await page.getByRole('button', { name: 'Print certificate' }).click();
      const certificate = page.locator('#certificate');
      await expect(certificate).toContainText('Справка о согласии на обработку персональных данных');
      expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
      await page.emulateMedia({ media: 'print' });
      await expect(page.locator('main')).toBeHidden();
      await expect(certificate).toBeVisible();
      const text = await certificate.innerText();
      for (const expected of [
        'ООО «Ромашка»',
        subjectId,
        history[2]!.receiptId,
        'изменение решения',
        'analytics\tсогласие дано',
        'marketing\tсогласия нет',
        'necessary\tбез согласия (необходимые)',
        sha256(POLICY),
        sha256(CONSENT_THEN),
        'целостна, проверено записей: 44',
        'всего 44',
        history[1]!.receiptId,
      ]) {
        expect(text).toContain(expected);
      }
      const row = await page.evaluate(
        (id) =>
          fetch(`/receipts/${id}`, {
            headers: { authorization: `Bearer ${sessionStorage.getItem('soglasie-console-token')}` },
          }).then((r) => r.json()),
        history[2]!.receiptId,
      );
      expect(text).toContain(`#${row.id}`);
      expect(text).toContain(row.hash);
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const source = pdf.toString('latin1');
      expect(source.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
      // A4 is 595 × 842 points.
      expect(source).toMatch(/\/MediaBox\s*\[0 0 59[56](\.\d+)? 84[12](\.\d+)?\]/);
      expect(pdfTitle(source)).toBe(`Справка о согласии на обработку персональных данных — ${history[2]!.receiptId}`);

      // English, and the PDF's own title names the receipt.
      await page.emulateMedia({ media: 'screen' });
      await page.getByLabel('Certificate language').selectOption('en');
      await page.getByRole('button', { name: 'Print certificate' }).click();
      await expect(certificate).toContainText('Certificate of consent to the processing of personal data');
      expect(await certificate.innerText()).toContain('analytics\tconsent given');
      await page.emulateMedia({ media: null });
      const english = (await page.pdf({ format: 'A4' })).toString('latin1');
      expect(english.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
      expect(pdfTitle(english)).toBe(
        `Certificate of consent to the processing of personal data — ${history[2]!.receiptId}`,
      );
    });

    test('exports the current filter as CSV, NDJSON and ISO/IEC TS 27560', async ({ page }) => {
      await signIn(page);
      await page.getByLabel('Subject id or receipt id').fill(subjectId);
      await page.getByRole('button', { name: 'Search' }).click();
      await expect(page.locator('#results tbody tr')).toHaveCount(20);
      const download = async (name: string): Promise<{ file: string; text: string }> => {
        const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
        return { file: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
      };
      const csv = await download('CSV');
      expect(csv.file).toBe('receipts.csv');
      const lines = csv.text.trim().split('\r\n');
      expect(lines[0]).toMatch(/^id,receipt_id,subject_id,/);
      expect(lines).toHaveLength(23);
      expect(lines.slice(1).every((line) => line.includes(subjectId))).toBe(true);

      const ndjson = await download('NDJSON');
      expect(ndjson.file).toBe('receipts.ndjson');
      const views = ndjson.text
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(views.map((view) => view.receiptId)).toEqual(history.map((receipt) => receipt.receiptId));

      const iso = await download('ISO/IEC TS 27560');
      expect(iso.file).toBe('receipts.iso27560.ndjson');
      const records = iso.text
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      const validate = compileJsonSchema(schema);
      expect(records.map((record) => validate(record))).toEqual(records.map(() => ({ ok: true })));
      expect(records[21].events[0]).toMatchObject({ eventState: 'withdrawn', previousEventId: history[20]!.receiptId });
      expect(records[0].purposes.find((p: { purposeId: string }) => p.purposeId === 'analytics')).toMatchObject({
        thirdPartyDisclosure: true,
        recipients: ['ООО «Яндекс»'],
      });
    });

    test('works on a phone: one column, no sideways scrolling of the page, accessible', async ({ browser }) => {
      const context = await browser.newContext({
        viewport: { width: 360, height: 740 },
        isMobile: true,
        hasTouch: true,
      });
      const page = await context.newPage();
      await signIn(page);
      await page.getByLabel('Subject id or receipt id').fill(history[5]!.receiptId);
      await page.getByRole('button', { name: 'Search' }).click();
      await expect(page.getByRole('heading', { name: `Receipt ${history[5]!.receiptId}` })).toBeFocused();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      const axe = await new AxeBuilder({ page }).analyze();
      expect(axe.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
      await context.close();
    });
  });
}
