import type { ServerResponse } from 'node:http';
import type { ConsentReceipt } from '../receipt/receipt-types';
import { csvRow } from './csv-row';
import { parseListQuery } from './list-query';
import type { ReceiptStore, StoredReceipt } from './receipt-store';
import { toReceiptView } from './receipt-view';
import { sendJson } from './send-json';

const BATCH = 500;

/** Column order of the CSV export. */
export const CSV_COLUMNS = [
  'id',
  'receipt_id',
  'subject_id',
  'received_at',
  'event',
  'method',
  'timestamp',
  'categories',
  'ip',
  'user_agent',
  'prev_hash',
  'hash',
  'receipt',
] as const;

/** Resolve when the socket wants more, or is gone; leaves no listeners behind. */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

function csvLine(row: StoredReceipt): string {
  const receipt = JSON.parse(row.receiptJson) as ConsentReceipt;
  return csvRow([
    row.id,
    row.receiptId,
    row.subjectId,
    new Date(row.receivedAt).toISOString(),
    receipt.event,
    receipt.method,
    receipt.timestamp,
    JSON.stringify(receipt.categories),
    row.ip,
    row.userAgent,
    row.prevHash,
    row.hash,
    row.receiptJson,
  ]);
}

/**
 * `GET /receipts/export?format=ndjson|csv[&subjectId=&from=&to=]`: every
 * matching receipt in chain order, streamed in batches with backpressure so
 * memory stays flat however large the table is.
 *
 * @example
 * await exportReceipts(store, new URLSearchParams('format=csv'), res);
 */
export async function exportReceipts(store: ReceiptStore, params: URLSearchParams, res: ServerResponse): Promise<void> {
  const format = params.get('format') ?? 'ndjson';
  if (format !== 'ndjson' && format !== 'csv') {
    sendJson(res, 400, { error: 'format: expected ndjson or csv' });
    return;
  }
  const filters = new URLSearchParams(params);
  filters.delete('format');
  const query = parseListQuery(filters, BATCH);
  if ('error' in query) {
    sendJson(res, 400, { error: query.error });
    return;
  }
  res.writeHead(200, {
    'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
    'content-disposition': `attachment; filename="receipts.${format}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  if (format === 'csv') res.write(csvRow([...CSV_COLUMNS]));
  let cursor = query.cursor;
  for (;;) {
    const rows = await store.list({ ...query, order: 'asc', limit: BATCH, cursor });
    for (const row of rows) {
      if (res.destroyed) return;
      const line = format === 'csv' ? csvLine(row) : `${JSON.stringify(toReceiptView(row))}\n`;
      if (!res.write(line)) await drained(res);
    }
    if (rows.length < BATCH) break;
    cursor = rows[rows.length - 1]!.id;
  }
  res.end();
}
