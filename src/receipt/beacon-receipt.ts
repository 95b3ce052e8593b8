import { RECEIPT_CONTENT_TYPE } from './post-receipt';
import type { ConsentReceipt } from './receipt-types';

/**
 * Queues a receipt with `navigator.sendBeacon`, which outlives the page; whether it is stored is never
 * known, so the caller keeps it in the outbox. Returns whether the browser took it.
 *
 * @example
 * addEventListener('pagehide', () => beaconReceipt('/receipts', receipt));
 */
export function beaconReceipt(endpoint: string, receipt: ConsentReceipt): boolean {
  try {
    return navigator.sendBeacon(endpoint, new Blob([JSON.stringify(receipt)], { type: RECEIPT_CONTENT_TYPE }));
  } catch {
    return false;
  }
}
