import type { ServerResponse } from 'node:http';
import type { ConsentReceipt } from '../receipt/receipt-types';
import { csvRow } from './csv-row';
import { toIso27560Record } from './iso27560-record';
import { parseListQuery } from './list-query';
import type { ReceiptStore, StoredReceipt } from './receipt-store';
import { toReceiptView } from './receipt-view';
import type { RecordSettings } from './record-settings';
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

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
  iso27560: 'application/x-ndjson; charset=utf-8',
};
const FILE_NAMES = { csv: 'receipts.csv', ndjson: 'receipts.ndjson', iso27560: 'receipts.iso27560.ndjson' };

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

function exportLine(row: StoredReceipt, format: keyof typeof FILE_NAMES, settings: RecordSettings): string {
  if (format === 'csv') return csvLine(row);
  if (format === 'iso27560') return `${JSON.stringify(toIso27560Record(row, settings))}\n`;
  return `${JSON.stringify(toReceiptView(row))}\n`;
}

/**
 * `GET /receipts/export?format=ndjson|csv|iso27560[&subjectId=&from=&to=]`:
 * every matching receipt in chain order (`iso27560`: one ISO/IEC TS 27560
 * record per line), streamed in batches with backpressure so memory stays
 * flat however large the table is.
 *
 * @example
 * await exportReceipts(store, new URLSearchParams('format=csv'), res);
 */
export async function exportReceipts(
  store: ReceiptStore,
  params: URLSearchParams,
  res: ServerResponse,
  settings: RecordSettings = {},
): Promise<void> {
  const format = params.get('format') ?? 'ndjson';
  if (format !== 'ndjson' && format !== 'csv' && format !== 'iso27560') {
    sendJson(res, 400, { error: 'format: expected ndjson, csv or iso27560' });
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
    'content-type': CONTENT_TYPES[format],
    'content-disposition': `attachment; filename="${FILE_NAMES[format]}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  if (format === 'csv') res.write(csvRow([...CSV_COLUMNS]));
  let cursor = query.cursor;
  for (;;) {
    const rows = await store.list({ ...query, order: 'asc', limit: BATCH, cursor });
    for (const row of rows) {
      if (res.destroyed) return;
      const line = exportLine(row, format, settings);
      if (!res.write(line)) await drained(res);
    }
    if (rows.length < BATCH) break;
    cursor = rows[rows.length - 1]!.id;
  }
  res.end();
}
