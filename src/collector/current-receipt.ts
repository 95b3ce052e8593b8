import type { ConsentReceipt } from '../receipt/receipt-types';
import type { ReceiptStore, StoredReceipt } from './receipt-store';

const PAGE = 1000;

interface Order {
  sequence: number | undefined;
  timeMs: number;
  id: number;
}

const orderOf = (row: StoredReceipt): Order => {
  const receipt = JSON.parse(row.receiptJson) as ConsentReceipt;
  return { sequence: receipt.sequence, timeMs: receipt.timestampMs ?? receipt.timestamp * 1000, id: row.id };
};

/**
 * Whether `a` is a later decision of its subject than `b`: by `sequence` when both have one (schema 2),
 * else by the client's time; on a tie, the later arrival. Arrival alone is no order: receipts of quick
 * toggles, retries and other tabs reach the collector in any order.
 */
function isLater(a: Order, b: Order): boolean {
  if (a.sequence !== undefined && b.sequence !== undefined && a.sequence !== b.sequence) return a.sequence > b.sequence;
  if (a.timeMs !== b.timeMs) return a.timeMs > b.timeMs;
  return a.id > b.id;
}

/**
 * The receipt of a subject's current decision: the one with the highest `sequence`, whatever order the
 * receipts arrived in (see isLater); `undefined` when the subject has none.
 *
 * @example
 * const row = await currentReceipt(store, subjectId);
 * if (row) console.log(JSON.parse(row.receiptJson).categories);
 */
export async function currentReceipt(store: ReceiptStore, subjectId: string): Promise<StoredReceipt | undefined> {
  let best: { row: StoredReceipt; order: Order } | undefined;
  let cursor: number | undefined;
  for (;;) {
    const rows = await store.list({ subjectId, cursor, order: 'asc', limit: PAGE });
    for (const row of rows) {
      const order = orderOf(row);
      if (!best || isLater(order, best.order)) best = { row, order };
    }
    if (rows.length < PAGE) return best?.row;
    cursor = rows[rows.length - 1]!.id;
  }
}
