// The demo in one process, no build step of its own (run `npm run build` first):
//   node demo/server.js            # PORT=8080 by default, 127.0.0.1 only
// Serves demo/ at /, dist/ at /dist/, offline analytics stubs at /stub/, the
// consent-receipt collector (SQLite in demo/.data/) at /receipts, and the
// data behind demo/receipts.html at /demo-api/.
import { createReadStream, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HOST = '127.0.0.1';
const PORT = Number(process.env.PORT ?? 8080);
const DEMO_DIR = resolve(fileURLToPath(new URL('.', import.meta.url)));
const ROOT_DIR = resolve(DEMO_DIR, '..');
const DIST_DIR = join(ROOT_DIR, 'dist');
const DATA_DIR = join(DEMO_DIR, '.data');
// Fixed on purpose: it only guards a loopback demo, and visitors need to see it.
const DEMO_TOKEN = 'soglasie-demo-token';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

// Stand-ins for mc.yandex.ru/metrika/tag.js and googletagmanager.com/gtag/js:
// they take over the queue the page built and log instead of sending.
const STUBS = {
  '/stub/metrika-tag.js': `(function () {
  var queued = (window.ym && window.ym.a) || [];
  function ym() {
    console.info('[stub Metrica] would send:', Array.prototype.slice.call(arguments));
  }
  ym.l = Date.now();
  window.ym = ym;
  console.info('[stub Metrica] tag.js loaded (offline stub: nothing leaves the browser)');
  for (var i = 0; i < queued.length; i++) ym.apply(null, queued[i]);
})();
`,
  '/stub/gtag.js': `(function () {
  var dataLayer = (window.dataLayer = window.dataLayer || []);
  function report(entry) {
    var args = entry && typeof entry === 'object' && typeof entry.length === 'number' ? Array.prototype.slice.call(entry) : entry;
    console.info('[stub gtag] would send:', args);
  }
  console.info('[stub gtag] gtag.js loaded (offline stub: nothing leaves the browser)');
  for (var i = 0; i < dataLayer.length; i++) report(dataLayer[i]);
  var push = dataLayer.push;
  dataLayer.push = function () {
    for (var j = 0; j < arguments.length; j++) report(arguments[j]);
    return push.apply(dataLayer, arguments);
  };
})();
`,
};

let collectorModule;
try {
  collectorModule = await import(pathToFileURL(join(DIST_DIR, 'collector.mjs')).href);
} catch (error) {
  console.error(`Cannot load ${join(DIST_DIR, 'collector.mjs')}: run \`npm run build\` first.\n${error.message}`);
  process.exit(1);
}
const { createCollector, verifyChain, toReceiptView, toKantaraReceipt } = collectorModule;

mkdirSync(DATA_DIR, { recursive: true });
// The folder ignores itself, so the demo database never ends up in a commit.
writeFileSync(join(DATA_DIR, '.gitignore'), '*\n');
const collector = await createCollector({ db: join(DATA_DIR, 'receipts.sqlite'), token: DEMO_TOKEN, ip: 'truncated' });

function send(res, status, type, body, extra = {}) {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...extra,
  });
  res.end(body);
}

function sendJson(res, status, value) {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

/**
 * Map a URL path onto a file under `base`, or null when it would leave it.
 * Dot-segments and dotfiles (.data holds the database) are refused outright.
 */
function safePath(base, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter(Boolean);
  if (segments.some((segment) => segment.startsWith('.'))) return null;
  const file = resolve(base, ...segments);
  return file === base || file.startsWith(base + sep) ? file : null;
}

function serveFile(req, res, base, urlPath) {
  let file = safePath(base, urlPath);
  if (!file) return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
  let stat;
  try {
    stat = statSync(file);
    if (stat.isDirectory()) {
      file = join(file, 'index.html');
      stat = statSync(file);
    }
  } catch {
    return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
  }
  if (!stat.isFile()) return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
  res.writeHead(200, {
    'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': stat.size,
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  if (req.method === 'HEAD') return res.end();
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

async function demoApi(path, res) {
  const store = collector.store;
  if (path === '/demo-api/latest') {
    const rows = await store.list({ order: 'desc', limit: 50 });
    return sendJson(res, 200, { items: rows.map(toReceiptView), total: (await store.head()).count });
  }
  if (path === '/demo-api/verify') return sendJson(res, 200, await verifyChain(store));
  const kantara = /^\/demo-api\/kantara\/([0-9a-f-]{36})$/.exec(path);
  if (kantara) {
    const row = await store.get(kantara[1]);
    return row
      ? sendJson(res, 200, toKantaraReceipt(JSON.parse(row.receiptJson)))
      : sendJson(res, 404, { error: 'receipt not found' });
  }
  return sendJson(res, 404, { error: 'not found' });
}

const server = createServer({ requestTimeout: 30_000 }, (req, res) => {
  const url = req.url ?? '/';
  const path = url.split('?')[0];
  // The collector's own routes: receipts, its read API and the operator console.
  if (path === '/receipts' || path.startsWith('/receipts/') || path === '/console' || path.startsWith('/console/'))
    return collector.handler(req, res);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    req.resume();
    return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed', { allow: 'GET, HEAD' });
  }
  if (path.startsWith('/demo-api/')) {
    return void demoApi(path, res).catch((error) => {
      console.error(error);
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
    });
  }
  if (Object.hasOwn(STUBS, path)) return send(res, 200, 'text/javascript; charset=utf-8', STUBS[path]);
  if (path.startsWith('/dist/')) return serveFile(req, res, DIST_DIR, path.slice('/dist/'.length));
  return serveFile(req, res, DEMO_DIR, path);
});

server.on('error', (error) => {
  console.error(`Cannot listen on ${HOST}:${PORT}: ${error.message}`);
  process.exit(1);
});

server.listen(PORT, HOST, () => {
  const origin = `http://${HOST}:${server.address().port}`;
  console.log(`soglasie demo:     ${origin}/`);
  console.log(`stored receipts:   ${origin}/receipts.html`);
  console.log(`collector:         POST ${origin}/receipts  (SQLite ${join(DATA_DIR, 'receipts.sqlite')})`);
  console.log(`read side token:   ${DEMO_TOKEN}`);
  console.log(`operator console:  ${origin}/console`);
  console.log(
    `  e.g. curl -H 'Authorization: Bearer ${DEMO_TOKEN}' '${origin}/receipts?order=desc&limit=5'  (the latest five)`,
  );
});

const stop = () => {
  server.close(() => collector.close().then(() => process.exit(0)));
  server.closeAllConnections();
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
