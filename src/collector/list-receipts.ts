import type { ServerResponse } from 'node:http';
import { parseListQuery } from './list-query';
import type { ReceiptStore } from './receipt-store';
import { toReceiptView } from './receipt-view';
import { sendJson } from './send-json';

/**
 * `GET /receipts?subjectId=&from=&to=&limit=&cursor=&order=`: one page of
 * receipts and `nextCursor` (null on the last page).
 *
 * @example
 * await listReceipts(store, new URLSearchParams('subjectId=…&limit=50'), res);
 */
export async function listReceipts(store: ReceiptStore, params: URLSearchParams, res: ServerResponse): Promise<void> {
  const query = parseListQuery(params);
  if ('error' in query) {
    sendJson(res, 400, { error: query.error });
    return;
  }
  // One extra row tells whether another page exists.
  const rows = await store.list({ ...query, limit: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const nextCursor = rows.length > query.limit ? String(page[page.length - 1]!.id) : null;
  sendJson(res, 200, { items: page.map(toReceiptView), nextCursor });
}
