import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from './send-json';

/** Strict: the page's own files only, no inline code or style, no framing, no third party. */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};

// Next to this module: src/collector/console/ in the sources, dist/console/ in the package.
const FOLDER = new URL('./console/', import.meta.url);

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * Serve the operator console: `/console` is the page, `/console/NAME.js|css`
 * its files (the page's links follow `consolePath`). The page holds no receipt data; it asks the read API for it with
 * the token the operator types. `base` (the receipts path) is written into a
 * `<meta>` tag so the page knows where the API is.
 *
 * @example
 * if (path === '/console' || path.startsWith('/console/')) return serveConsole(req, res, '/console', '/receipts');
 */
export async function serveConsole(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  consolePath: string,
  base: string,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendJson(res, 405, { error: 'method not allowed' }, { allow: 'GET, HEAD' });
    return;
  }
  const rest = path.slice(consolePath.length).replace(/^\/+/, '');
  const name = rest === '' ? 'index.html' : rest;
  if (!/^[a-z][a-z0-9-]*\.(js|css)$/.test(name) && name !== 'index.html') {
    sendJson(res, 404, { error: 'not found' });
    return;
  }
  let body: string;
  try {
    body = await readFile(new URL(name, FOLDER), 'utf8');
  } catch {
    sendJson(res, 404, { error: 'not found' });
    return;
  }
  if (name === 'index.html') {
    body = body
      .replace('content="/receipts"', `content="${escapeAttribute(base)}"`)
      .replaceAll('="/console/', `="${escapeAttribute(consolePath)}/`);
  }
  res.writeHead(200, {
    'content-type': TYPES[name.slice(name.lastIndexOf('.') + 1)]!,
    'content-length': String(Buffer.byteLength(body)),
    'content-security-policy': CONSOLE_CSP,
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}
