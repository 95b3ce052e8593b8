// A static server on 127.0.0.1 (port 0) for the benchmark pages, the built bundles, the peers'
// dist files (from bench/node_modules, installed by bench/peers.js) and the policy text. It never compresses (the benchmark gzips bodies itself, so the
// byte figures do not depend on server settings) and tells the browser not to cache.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '..');
const STATIC = {
  '/dist/': join(ROOT, 'dist'),
  '/policies/': join(ROOT, 'demo/policies'),
  '/nm/': join(ROOT, 'bench/node_modules'),
};
const TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
};

/** gzip -9 size of a body, memoised by path (bodies are static for the whole run). */
const gzipSizes = new Map();

/**
 * @param {Record<string, string>} pages path → HTML
 * @returns {Promise<{ origin: string, gzipSize(path: string): number | undefined, rawSize(path: string): number | undefined, close(): Promise<void> }>}
 */
export async function startServer(pages) {
  const bodies = new Map();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    try {
      let body;
      let type;
      if (pages[path] !== undefined) {
        body = Buffer.from(pages[path]);
        type = TYPES['.html'];
      } else {
        const prefix = Object.keys(STATIC).find((p) => path.startsWith(p));
        if (!prefix) throw Object.assign(new Error('not found'), { code: 'ENOENT' });
        const base = STATIC[prefix];
        const file = normalize(join(base, path.slice(prefix.length)));
        if (!file.startsWith(base + sep)) throw Object.assign(new Error('outside'), { code: 'ENOENT' });
        body = await readFile(file);
        type = TYPES[extname(file)] ?? 'application/octet-stream';
      }
      bodies.set(path, body);
      res.writeHead(200, { 'content-type': type, 'content-length': body.length, 'cache-control': 'no-store' });
      res.end(body);
    } catch (error) {
      res.writeHead(error.code === 'ENOENT' || error.code === 'EISDIR' ? 404 : 500, { 'content-type': 'text/plain' });
      res.end(String(error.message));
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    gzipSize(path) {
      if (gzipSizes.has(path)) return gzipSizes.get(path);
      const body = bodies.get(path);
      if (!body) return undefined;
      const size = gzipSync(body, { level: 9 }).length;
      gzipSizes.set(path, size);
      return size;
    },
    rawSize: (path) => bodies.get(path)?.length,
    close: () =>
      new Promise((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}
