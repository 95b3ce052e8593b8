import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');
const STATIC: Record<string, string> = {
  '/dist/': join(ROOT, 'dist'),
  '/policies/': join(ROOT, 'demo/policies'),
  '/fixtures/': join(ROOT, 'tests/e2e/fixtures'),
  // For pages that use the npm build as ES modules, with an import map for its dependencies.
  '/node_modules/preact/': join(ROOT, 'node_modules/preact'),
  '/node_modules/js-cookie/': join(ROOT, 'node_modules/js-cookie'),
};
const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.css': 'text/css',
};

/** How the fake receipt endpoint answers. */
export type EndpointMode = 'ok' | 'fail' | 'hang' | 'throttle' | 'reject' | 'redirect';

/** A receipt POST as the endpoint saw it. */
export interface SeenPost {
  contentType: string;
  body: string;
  receipt: Record<string, unknown> | undefined;
  status: number;
}

/**
 * The e2e tests' web server on 127.0.0.1: the built bundles, the policies, fixture files, pages a test
 * registers, and a receipt endpoint whose failures a test controls.
 */
export interface TestServer {
  origin: string;
  /** Serves `html` at `path` (with extra headers, e.g. a CSP). */
  page(path: string, html: string, headers?: Record<string, string>): string;
  /** Serves any body at `path`. */
  file(path: string, body: string, type: string, status?: number): string;
  endpoint: {
    mode: EndpointMode;
    posts: SeenPost[];
    /** Receipts stored, deduplicated by receiptId. */
    stored: Map<string, Record<string, unknown>>;
    /** Requests held open in `hang` mode; destroyed on reset() and close(). */
    hanging: ServerResponse[];
  };
  /** Paths requested, in order (to prove e.g. that a document was or was not fetched). */
  requests: string[];
  /** The Cookie header of each request, in order (to prove what a request carried). */
  cookies: Array<{ path: string; cookie: string }>;
  reset(): void;
  close(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  const pages = new Map<string, { body: string; type: string; status: number; headers: Record<string, string> }>();
  const endpoint: TestServer['endpoint'] = { mode: 'ok', posts: [], stored: new Map(), hanging: [] };
  const requests: string[] = [];
  const cookies: TestServer['cookies'] = [];

  const onReceipt = (req: IncomingMessage, res: ServerResponse, body: string) => {
    const cors = { 'access-control-allow-origin': req.headers.origin ?? '*' };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        ...cors,
        'access-control-allow-methods': 'POST',
        'access-control-allow-headers': 'content-type',
      });
      return res.end();
    }
    let receipt: Record<string, unknown> | undefined;
    try {
      receipt = JSON.parse(body);
    } catch {
      receipt = undefined;
    }
    const mode = endpoint.mode;
    const status =
      mode === 'ok'
        ? receipt && endpoint.stored.has(String(receipt.receiptId))
          ? 200
          : 201
        : mode === 'fail'
          ? 500
          : mode === 'throttle'
            ? 429
            : mode === 'reject'
              ? 400
              : mode === 'redirect'
                ? 301
                : 0;
    endpoint.posts.push({ contentType: String(req.headers['content-type'] ?? ''), body, receipt, status });
    if (mode === 'hang') return void endpoint.hanging.push(res);
    // A proxy rule that sends the POST elsewhere: browsers follow with a GET.
    if (mode === 'redirect') return void res.writeHead(301, { ...cors, location: '/moved' }).end();
    if (status < 300 && receipt) endpoint.stored.set(String(receipt.receiptId), receipt);
    res.writeHead(status, { ...cors, 'content-type': 'application/json' });
    res.end(JSON.stringify(status < 300 ? { receiptId: receipt?.receiptId } : { error: mode }));
  };

  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    cookies.push({ path, cookie: req.headers.cookie ?? '' });
    if (path === '/receipts') {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => onReceipt(req, res, body));
      return;
    }
    const page = pages.get(path);
    if (page) {
      res.writeHead(page.status, { 'content-type': page.type, 'cache-control': 'no-store', ...page.headers });
      return void res.end(page.body);
    }
    for (const [prefix, dir] of Object.entries(STATIC)) {
      if (!path.startsWith(prefix)) continue;
      const file = normalize(join(dir, path.slice(prefix.length)));
      if (file.startsWith(dir) && existsSync(file) && statSync(file).isFile()) {
        res.writeHead(200, {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          'cache-control': 'no-store',
        });
        return void createReadStream(file).pipe(res);
      }
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const release = () => endpoint.hanging.splice(0).forEach((res) => res.destroy());
  return {
    origin,
    page(path, html, headers = {}) {
      pages.set(path, { body: html, type: 'text/html; charset=utf-8', status: 200, headers });
      return origin + path;
    },
    file(path, body, type, status = 200) {
      pages.set(path, { body, type, status, headers: {} });
      return origin + path;
    },
    endpoint,
    requests,
    cookies,
    reset() {
      release();
      pages.clear();
      requests.length = 0;
      cookies.length = 0;
      endpoint.mode = 'ok';
      endpoint.posts.length = 0;
      endpoint.stored.clear();
    },
    close: () => {
      release();
      server.closeAllConnections();
      return new Promise((done) => server.close(() => done()));
    },
  };
}
