import type { ServerResponse } from 'node:http';
import { parseListQuery } from './list-query';
import { currentReceipt } from './current-receipt';
import type { ReceiptStore } from './receipt-store';
import { toReceiptView } from './receipt-view';
import { sendJson } from './send-json';

/**
 * `GET /receipts?subjectId=&from=&to=&limit=&cursor=&order=`: one page of
 * receipts and `nextCursor` (null on the last page); with `subjectId`, also
 * `current`, the receipt of the subject's current decision (see currentReceipt).
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
  if (!query.subjectId) {
    sendJson(res, 200, { items: page.map(toReceiptView), nextCursor });
    return;
  }
  // With a subject: also its current decision, by sequence rather than arrival.
  const current = await currentReceipt(store, query.subjectId);
  sendJson(res, 200, { items: page.map(toReceiptView), nextCursor, current: current ? toReceiptView(current) : null });
}
