import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join, normalize, resolve } from 'node:path';
import type { BrowserContext } from '@playwright/test';

const ROOT = resolve(import.meta.dirname, '../../..');
const STATIC: Record<string, string> = { '/dist/': join(ROOT, 'dist'), '/policies/': join(ROOT, 'demo/policies') };

/**
 * How the receipt endpoint answers: `ok` as the collector does (201/200 JSON naming the receipt), `html`
 * as a single-page app's fallback (200 text/html), `down` (503), `redirect` (307 to another origin).
 */
export type HostileMode = 'ok' | 'html' | 'down' | 'redirect';

/** A POST as the endpoint saw it. */
export interface HostilePost {
  path: string;
  host: string;
  receiptId: string | undefined;
  status: number;
}

/**
 * A site for the hostile-page tests, served on a port of 127.0.0.1 under any name (`www.site.test`,
 * `evil.site.test`: Chromium maps `*.site.test` to loopback, see scripts/chromium-launch.js), over http or
 * https (a self-signed certificate: the context needs `ignoreHTTPSErrors`). Its `/receipts` endpoint
 * fails in the ways a test chooses; `/stolen` records what a redirect carried to "another origin".
 */
export interface SiteServer {
  port: number;
  /** `scheme://host:port`. */
  origin(host: string): string;
  page(path: string, html: string): void;
  mode: HostileMode;
  /** Where `redirect` sends the POST. */
  redirectTo: string;
  posts: HostilePost[];
  /** Receipts stored (mode `ok`), by id. */
  stored: Map<string, Record<string, unknown>>;
  close(): Promise<void>;
}

let certificate: { key: Buffer; cert: Buffer } | undefined;
/** A throwaway self-signed certificate for *.site.test, made once per worker with openssl. */
function selfSigned() {
  if (certificate) return certificate;
  const dir = mkdtempSync(join(tmpdir(), 'soglasie-tls-'));
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=site.test'].concat(
      ['-addext', 'subjectAltName=DNS:site.test,DNS:*.site.test', '-keyout', join(dir, 'key.pem')],
      ['-out', join(dir, 'cert.pem')],
    ),
    { stdio: 'ignore' },
  );
  certificate = { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  return certificate;
}

export async function startSiteServer(options: { https?: boolean } = {}): Promise<SiteServer> {
  const pages = new Map<string, string>();
  const site = {
    port: 0,
    origin: (host: string) => `${options.https ? 'https' : 'http'}://${host}:${site.port}`,
    page: (path: string, html: string) => void pages.set(path, html),
    mode: 'ok' as HostileMode,
    redirectTo: '',
    posts: [] as HostilePost[],
    stored: new Map<string, Record<string, unknown>>(),
    close: () => Promise.resolve(),
  };

  const onPost = (req: IncomingMessage, res: ServerResponse, path: string, body: string) => {
    let receipt: Record<string, unknown> | undefined;
    try {
      receipt = JSON.parse(body);
    } catch {
      receipt = undefined;
    }
    const receiptId = receipt ? String(receipt.receiptId) : undefined;
    const cors = { 'access-control-allow-origin': req.headers.origin ?? '*' };
    const host = String(req.headers.host);
    if (path !== '/receipts') {
      site.posts.push({ path, host, receiptId, status: 204 });
      return void res.writeHead(204, cors).end();
    }
    const mode = site.mode;
    const status = { ok: receiptId && site.stored.has(receiptId) ? 200 : 201, html: 200, down: 503, redirect: 307 }[
      mode
    ];
    site.posts.push({ path, host, receiptId, status });
    if (mode === 'redirect') return void res.writeHead(307, { ...cors, location: site.redirectTo }).end();
    if (mode === 'html') {
      res.writeHead(200, { ...cors, 'content-type': 'text/html; charset=utf-8' });
      return void res.end('<!doctype html><title>App</title><div id="app"></div>');
    }
    if (mode === 'down') return void res.writeHead(503, { ...cors, 'content-type': 'text/plain' }).end('down');
    if (receipt && receiptId) site.stored.set(receiptId, receipt);
    res.writeHead(status, { ...cors, 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: site.stored.size, receiptId }));
  };

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (req.method === 'POST') {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => onPost(req, res, path, body));
      return;
    }
    const html = pages.get(path);
    if (html !== undefined) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      return void res.end(html);
    }
    for (const [prefix, dir] of Object.entries(STATIC)) {
      const file = normalize(join(dir, path.slice(prefix.length)));
      if (path.startsWith(prefix) && file.startsWith(dir) && existsSync(file) && statSync(file).isFile()) {
        const type = file.endsWith('.js') ? 'text/javascript' : 'text/plain; charset=utf-8';
        res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
        return void createReadStream(file).pipe(res);
      }
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  };

  const server = options.https ? createHttpsServer(selfSigned(), handler) : createHttpServer(handler);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  site.port = typeof address === 'object' && address ? address.port : 0;
  site.close = () => {
    server.closeAllConnections();
    return new Promise((done) => server.close(() => done()));
  };
  return site;
}

/**
 * Lets the context's requests to `*.site.test` through: the shared fixtures refuse every host but
 * loopback's names, and Chromium resolves these to loopback itself.
 */
export const allowSiteTest = (context: BrowserContext) =>
  context.route(
    (url) => url.hostname.endsWith('site.test'),
    (route) => route.continue(),
  );

/** A page of the site with the script tag. */
export const sdkPage = (attrs: string, body = '') =>
  `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Site</title>
<script src="/dist/soglasie.iife.js" ${attrs}></script></head><body><main><h1>Сайт</h1></main>${body}</body></html>`;

/** A page of the site without it. */
export const plainPage = (script = '') =>
  `<!doctype html><html><head><meta charset="utf-8"><title>Plain</title></head><body><p>Plain page.</p><script>${script}</script></body></html>`;
