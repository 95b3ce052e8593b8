import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Add CORS headers when the request's Origin is on the allow-list (`'*'`
 * allows any). Returns whether it was allowed; a missing Origin (same-origin
 * or non-browser client) is not "allowed" and gets no headers.
 *
 * @example
 * applyCors(req, res, ['https://shop.example']);
 */
export function applyCors(req: IncomingMessage, res: ServerResponse, origins: readonly string[]): boolean {
  const origin = req.headers.origin;
  res.appendHeader('vary', 'Origin');
  if (!origin || !(origins.includes(origin) || origins.includes('*'))) return false;
  res.setHeader('access-control-allow-origin', origin);
  res.setHeader('access-control-expose-headers', 'Content-Type');
  return true;
}

/**
 * Answer an OPTIONS preflight: 204 with the allowed methods and headers for
 * an allowed origin, 403 without CORS headers otherwise.
 *
 * @example
 * if (req.method === 'OPTIONS') return answerPreflight(req, res, origins);
 */
export function answerPreflight(req: IncomingMessage, res: ServerResponse, origins: readonly string[]): void {
  const allowed = applyCors(req, res, origins);
  if (allowed) {
    res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
    res.setHeader('access-control-allow-headers', 'Content-Type, Authorization');
    res.setHeader('access-control-max-age', '86400');
  }
  res.writeHead(allowed ? 204 : 403, { 'content-length': '0' });
  res.end();
}

/**
 * What is wrong with an allow-list, or `undefined`: each entry must be `'*'` or an origin exactly as
 * browsers send it. `https://shop.example/` or `shop.example` would never match, and every receipt
 * from the site would fail its preflight.
 *
 * @example
 * originProblem(['https://shop.example/']); // '"https://shop.example/" is not an origin …; did you mean https://shop.example?'
 */
export function originProblem(origins: readonly string[]): string | undefined {
  for (const origin of origins) {
    let canonical: string | undefined;
    try {
      canonical = new URL(origin).origin;
    } catch {
      // Not a URL at all: no suggestion.
    }
    // 'null' is what sandboxed frames and file: pages send: never a site to allow.
    if (origin !== '*' && (origin !== canonical || origin === 'null'))
      return `${JSON.stringify(origin)} is not an origin (scheme://host[:port], as browsers send it)${canonical && canonical !== 'null' ? `; did you mean ${canonical}?` : ''}`;
  }
  return undefined;
}
