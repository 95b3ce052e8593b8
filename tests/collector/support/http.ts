import { request } from 'node:http';

/** POST a receipt (or any body) as JSON. */
export function postJson(base: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}/receipts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : body instanceof Uint8Array ? new Uint8Array(body) : JSON.stringify(body),
  });
}

/** GET with an optional bearer token, returning the parsed JSON and status. */
export async function getJson(url: string, token?: string): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}

/**
 * Send a raw request with node:http, writing `chunks` (optionally without
 * Content-Length) and resolving with the status, or with 'error' when the
 * server cut the connection before a response arrived.
 */
export function rawPost(
  url: string,
  chunks: Buffer[],
  options: { headers?: Record<string, string>; abortAfterFirstChunk?: boolean } = {},
): Promise<number | 'error' | 'aborted'> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...options.headers } });
    let settled = false;
    const settle = (value: number | 'error' | 'aborted'): void => {
      if (!settled) {
        settled = true;
        resolve(value);
      }
    };
    req.on('response', (res) => {
      res.resume();
      settle(res.statusCode ?? 0);
    });
    req.on('error', () => settle('error'));
    if (options.abortAfterFirstChunk) {
      req.write(chunks[0]);
      setTimeout(() => {
        req.destroy();
        settle('aborted');
      }, 50);
      return;
    }
    (async () => {
      for (const chunk of chunks) {
        if (settled || req.destroyed) return;
        if (!req.write(chunk)) await new Promise((r) => req.once('drain', r));
      }
      req.end();
    })().catch(() => settle('error'));
  });
}
