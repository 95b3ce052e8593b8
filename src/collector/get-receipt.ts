import type { ServerResponse } from 'node:http';
import type { ConsentReceipt } from '../receipt/receipt-types';
import { toIso27560Record } from './iso27560-record';
import { toKantaraReceipt } from './kantara-receipt';
import type { ReceiptStore } from './receipt-store';
import { toReceiptView } from './receipt-view';
import type { RecordSettings } from './record-settings';
import { sendJson } from './send-json';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * `GET /receipts/:receiptId[?format=kantara|iso27560]`: one stored receipt,
 * as the collector's view, a Kantara Consent Receipt v1.1 or an
 * ISO/IEC TS 27560 consent record.
 *
 * @example
 * await getReceipt(store, receiptId, url.searchParams, res);
 */
export async function getReceipt(
  store: ReceiptStore,
  receiptId: string,
  params: URLSearchParams,
  res: ServerResponse,
  settings: RecordSettings = {},
): Promise<void> {
  const format = params.get('format') ?? 'json';
  if (format !== 'json' && format !== 'kantara' && format !== 'iso27560') {
    sendJson(res, 400, { error: 'format: expected json, kantara or iso27560' });
    return;
  }
  const row = UUID.test(receiptId) ? await store.get(receiptId) : undefined;
  if (!row) {
    sendJson(res, 404, { error: 'receipt not found' });
    return;
  }
  if (format === 'kantara') {
    sendJson(res, 200, toKantaraReceipt(JSON.parse(row.receiptJson) as ConsentReceipt, settings));
    return;
  }
  if (format === 'iso27560') {
    sendJson(res, 200, toIso27560Record(row, settings));
    return;
  }
  sendJson(res, 200, toReceiptView(row));
}
