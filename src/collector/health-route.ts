import type { ServerResponse } from 'node:http';
import type { ReceiptStore } from './receipt-store';
import { sendJson } from './send-json';

/**
 * `GET /health` for load balancers (no token): 200 `{ok: true}` when the
 * store answers a read of the chain head, 503 with `Retry-After` when it
 * does not (within the store's own timeouts).
 *
 * @example
 * if (path === '/health') return answerHealth(store, res);
 */
export async function answerHealth(store: ReceiptStore, res: ServerResponse): Promise<void> {
  try {
    await store.head();
    sendJson(res, 200, { ok: true, store: 'up' });
  } catch {
    // No details: this route is public, and the error may name hosts or users.
    sendJson(res, 503, { ok: false, store: 'down' }, { 'retry-after': '5' });
  }
}
