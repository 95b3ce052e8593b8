import type { ConsentReceipt } from './receipt-types';

/**
 * Whether a value read back from storage can be handled as a receipt: an object with a string
 * `receiptId` and a `documents` list. The endpoint validates the rest against the schema (a value
 * that fails it is refused with a 4xx and dropped).
 *
 * @example
 * isReceiptLike(JSON.parse(localStorage.getItem('soglasie.receipts') || 'null')); // false
 */
export function isReceiptLike(value: unknown): value is ConsentReceipt {
  const r = value as ConsentReceipt | null;
  return typeof r === 'object' && r !== null && typeof r.receiptId === 'string' && Array.isArray(r.documents);
}
