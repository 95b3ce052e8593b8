import { createHash, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCollector, type Collector } from '../../src/collector/create-collector';
import { fetchDocumentDigest } from '../../src/collector/fetch-document-digest';
import { getJson, postJson } from './support/http';
import { makeReceipt } from './support/make-receipt';
import { storeTargets, type StoreFixture } from './support/store-targets';

const TOKEN = 'console-token';
const POLICY = 'Политика обработки персональных данных, редакция 3.\n';
const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** One server: /docs/* are the site's documents, the rest is the collector (set once the port is known). */
async function listen(): Promise<{ server: Server; origin: string; use(collector: Collector): void }> {
  let collector: Collector | undefined;
  const server = createServer((req, res) => {
    if (req.url === '/docs/policy.txt') return res.end(POLICY);
    if (req.url === '/docs/big.txt') return res.end('x'.repeat(64 * 1024));
    if (req.url === '/docs/moved.txt') {
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
      return res.end();
    }
    if (req.url === '/docs/slow.txt') return res.write('still');
    collector!.handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, origin, use: (value) => (collector = value) };
}

describe('fetchDocumentDigest', () => {
  let site: Awaited<ReturnType<typeof listen>>;
  beforeAll(async () => {
    site = await listen();
  });
  afterAll(() => {
    site.server.closeAllConnections();
    site.server.close();
  });

  it("hashes a document of the operator's own origin", async () => {
    const result = await fetchDocumentDigest(`${site.origin}/docs/policy.txt`, { privateOrigins: [site.origin] });
    expect(result).toEqual({ ok: true, sha256: sha256(POLICY), bytes: Buffer.byteLength(POLICY), status: 200 });
  });

  it('refuses what a hostile receipt could point it at', async () => {
    const own = { privateOrigins: [site.origin] };
    expect(await fetchDocumentDigest(`${site.origin}/docs/policy.txt`)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^refused: 127\.0\.0\.1 is a private or loopback address/),
    });
    expect(await fetchDocumentDigest('http://localhost:9/x', {})).toMatchObject({
      reason: expect.stringMatching(/private or loopback/),
    });
    expect(await fetchDocumentDigest('http://169.254.169.254/latest/meta-data/', own)).toMatchObject({
      reason: 'refused: 169.254.169.254 is a link-local address',
    });
    expect(await fetchDocumentDigest('http://[::1]:9/x')).toMatchObject({ reason: expect.stringMatching(/::1/) });
    expect(await fetchDocumentDigest('file:///etc/passwd', own)).toMatchObject({
      reason: 'refused: only http and https',
    });
    expect(await fetchDocumentDigest(`http://user:pw@127.0.0.1/`, own)).toMatchObject({
      reason: 'refused: credentials in the URL',
    });
    expect(await fetchDocumentDigest(`${site.origin}/docs/moved.txt`, own)).toMatchObject({
      reason: 'redirected (302) to http://169.254.169.254/latest/meta-data/: not followed',
    });
  });

  it('bounds size and time', async () => {
    const own = { privateOrigins: [site.origin] };
    expect(await fetchDocumentDigest(`${site.origin}/docs/big.txt`, { ...own, maxBytes: 1024 })).toEqual({
      ok: false,
      reason: 'larger than 1024 bytes',
    });
    expect(await fetchDocumentDigest(`${site.origin}/docs/slow.txt`, { ...own, timeoutMs: 200 })).toEqual({
      ok: false,
      reason: 'no complete answer within 200 ms',
    });
  });
});

for (const target of storeTargets) {
  describe.skipIf(!!target.skip)(`console routes (${target.name})`, () => {
    let fixture: StoreFixture;
    let collector: Collector;
    let site: Awaited<ReturnType<typeof listen>>;
    const receipt = makeReceipt();

    beforeAll(async () => {
      fixture = await target.open();
      site = await listen();
      // The receipts below are posted server to server (no Origin header).
      collector = await createCollector({
        ...fixture.choice,
        token: TOKEN,
        origins: [site.origin],
        allowNoOrigin: true,
        onError: () => {},
      });
      site.use(collector);
      receipt.documents = [
        { kind: 'policy', url: `${site.origin}/docs/policy.txt`, version: '3', sha256: sha256(POLICY) },
        { kind: 'consent', url: `${site.origin}/docs/missing.txt`, version: '3', sha256: 'd'.repeat(64) },
      ];
      // With origins listed, a receipt's page must be on one of them.
      receipt.page = `${site.origin}/`;
      const second = { ...makeReceipt(), page: `${site.origin}/` };
      expect((await postJson(site.origin, receipt)).status).toBe(201);
      expect((await postJson(site.origin, second)).status).toBe(201);
    });
    afterAll(async () => {
      site.server.closeAllConnections();
      site.server.close();
      await collector?.close();
      await fixture?.cleanup();
    });

    it('serves the console page with a strict CSP and no receipt data', async () => {
      const page = await fetch(`${site.origin}/console`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toBe(
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      );
      const html = await page.text();
      expect(html).toContain('<meta name="soglasie-base" content="/receipts" />');
      expect(html).not.toContain(receipt.subjectId);
      expect(html).not.toMatch(/<script>|<style>| style=/);
      const css = await fetch(`${site.origin}/console/console.css`);
      expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
      expect((await fetch(`${site.origin}/console/..%2Fcreate-collector.ts`)).status).toBe(404);
      expect((await fetch(`${site.origin}/console/index.html`)).status).toBe(200);
      expect((await fetch(`${site.origin}/console`, { method: 'POST' })).status).toBe(405);
    });

    it('reports the chain and verifies it on request, behind the token', async () => {
      expect((await getJson(`${site.origin}/receipts/chain`)).status).toBe(401);
      expect((await fetch(`${site.origin}/receipts/chain/verify`, { method: 'POST' })).status).toBe(401);
      const before = await getJson(`${site.origin}/receipts/chain`, TOKEN);
      expect(before.body).toMatchObject({ head: { count: 2 }, lastVerify: null });
      const run = await fetch(`${site.origin}/receipts/chain/verify`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      const body = await run.json();
      expect(body.lastVerify.report).toMatchObject({ ok: true, checked: 2 });
      expect((await getJson(`${site.origin}/receipts/chain`, TOKEN)).body.lastVerify).toEqual(body.lastVerify);
      await fixture.sql(`UPDATE $table SET receipt = replace(receipt, 'checkbox', 'button')`);
      const broken = await fetch(`${site.origin}/receipts/chain/verify`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect((await broken.json()).lastVerify.report).toMatchObject({ ok: false, broken: { id: 1 } });
      expect((await getJson(`${site.origin}/receipts/chain/verify`, TOKEN)).status).toBe(405);
    });

    it("checks a receipt's documents against the published text", async () => {
      expect((await getJson(`${site.origin}/receipts/${receipt.receiptId}/documents`)).status).toBe(401);
      const { status, body } = await getJson(`${site.origin}/receipts/${receipt.receiptId}/documents`, TOKEN);
      expect(status).toBe(200);
      expect(body.documents.map((document: { check: unknown }) => document.check)).toEqual([
        { status: 'match', currentSha256: sha256(POLICY), bytes: Buffer.byteLength(POLICY) },
        { status: 'unavailable', reason: 'HTTP 404' },
      ]);
      expect((await getJson(`${site.origin}/receipts/${randomUUID()}/documents`, TOKEN)).status).toBe(404);
    });
  });
}
