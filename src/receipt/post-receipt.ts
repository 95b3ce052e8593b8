import type { ConsentReceipt } from './receipt-types';

/**
 * A CORS-safelisted content type: the POST needs no preflight, and `sendBeacon` may send it.
 * The body is JSON all the same.
 */
export const RECEIPT_CONTENT_TYPE = 'text/plain;charset=UTF-8';

/**
 * POSTs a receipt and resolves the HTTP status, or 0 for a network error or after `timeoutMs`.
 * `keepalive` lets the request finish when the visitor navigates away right after the click;
 * `credentials: 'omit'` because the endpoint must not need (or see) the site's cookies.
 *
 * @example
 * const status = await postReceipt('/receipts', receipt); // 201
 */
export async function postReceipt(endpoint: string, receipt: ConsentReceipt, timeoutMs = 10_000): Promise<number> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    const response = await fetch(endpoint, {
      method: 'POST',
      body: JSON.stringify(receipt),
      headers: { 'Content-Type': RECEIPT_CONTENT_TYPE },
      keepalive: true,
      credentials: 'omit',
      // A redirect would turn the POST into a GET that some page answers 200: never a delivery.
      // Not followed, it is retried, and the console says why.
      redirect: 'manual',
      signal: abort.signal,
    });
    if (response.type === 'opaqueredirect')
      console.error(
        `soglasie: the receipt endpoint ${endpoint} answers with a redirect; receipts wait until it answers the POST itself`,
      );
    return response.status;
  } catch {
    return 0;
  } finally {
    clearTimeout(timer);
  }
}
