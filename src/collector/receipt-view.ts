import type { ConsentReceipt } from '../receipt/receipt-types';
import type { StoredReceipt } from './receipt-store';

/** A stored receipt as the read API returns it. */
export interface ReceiptView {
  id: number;
  receiptId: string;
  subjectId: string;
  /** Server time, ISO 8601. */
  receivedAt: string;
  ip: string | null;
  userAgent: string | null;
  prevHash: string;
  hash: string;
  receipt: ConsentReceipt;
}

/**
 * Shape a stored row for the read API (times as ISO, receipt parsed).
 *
 * @example
 * const row = await store.get(receiptId);
 * if (row) console.log(toReceiptView(row).receivedAt); // '2026-11-22T12:00:00.000Z'
 */
export function toReceiptView(row: StoredReceipt): ReceiptView {
  return {
    id: row.id,
    receiptId: row.receiptId,
    subjectId: row.subjectId,
    receivedAt: new Date(row.receivedAt).toISOString(),
    ip: row.ip,
    userAgent: row.userAgent,
    prevHash: row.prevHash,
    hash: row.hash,
    receipt: JSON.parse(row.receiptJson) as ConsentReceipt,
  };
}
