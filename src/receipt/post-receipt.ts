import type { ConsentReceipt } from './receipt-types';

/**
 * A CORS-safelisted content type: the POST needs no preflight, and a request on leaving the page may
 * send it. The body is JSON all the same.
 */
export const RECEIPT_CONTENT_TYPE = 'text/plain;charset=UTF-8';

/** What the endpoint answered to a receipt. */
export interface EndpointAnswer {
  /** The HTTP status; 0 for a network error, a timeout or a redirect. */
  status: number;
  /** The media type of the answer (`application/json`, `text/html`), `redirect`, or '' for none. */
  type: string;
  /** The `receiptId` of a JSON answer (200 or 201), if it names one. */
  receiptId?: string;
}

/** The request of a receipt: never with the site's cookies, never after a redirect. */
const requestOf = (receipt: ConsentReceipt, signal?: AbortSignal): RequestInit => ({
  method: 'POST',
  body: JSON.stringify(receipt),
  headers: { 'Content-Type': RECEIPT_CONTENT_TYPE },
  // Lets the request finish when the visitor navigates away right after the click.
  keepalive: true,
  credentials: 'omit',
  // A redirect would carry the receipt to wherever it points (a 307 keeps the body), or turn the POST
  // into a GET that some page answers 200: never followed, it counts as a failure and is retried.
  redirect: 'manual',
  signal,
});

/**
 * POSTs a receipt and resolves what the endpoint answered (status 0 for a network error, a redirect or
 * after `timeoutMs`). The body is read only when it can be a delivery: a 200 or 201 in JSON.
 *
 * @example
 * const answer = await postReceipt('/receipts', receipt); // { status: 201, type: 'application/json', receiptId: '…' }
 */
export async function postReceipt(
  endpoint: string,
  receipt: ConsentReceipt,
  timeoutMs = 10_000,
): Promise<EndpointAnswer> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    const response = await fetch(endpoint, requestOf(receipt, abort.signal));
    if (response.type === 'opaqueredirect') return { status: 0, type: 'redirect' };
    const type = (response.headers.get('Content-Type') ?? '').split(';')[0].trim().toLowerCase();
    const answer: EndpointAnswer = { status: response.status, type };
    if ((response.status === 200 || response.status === 201) && /^application\/([a-z.+-]+\+)?json$/.test(type)) {
      const body: unknown = await response.json().catch(() => undefined);
      const named = (body as { receiptId?: unknown } | null)?.receiptId;
      if (typeof named === 'string') answer.receiptId = named;
    }
    return answer;
  } catch {
    return { status: 0, type: '' };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Sends a receipt as the page goes away, without waiting for the answer (the receipt stays in the outbox
 * until a page reads a confirmation). A `keepalive` fetch, not `navigator.sendBeacon`: a beacon follows
 * redirects, and a 307 or 308 would re-post the receipt to whatever origin it names.
 *
 * @example
 * addEventListener('pagehide', () => sendOnLeave('/receipts', receipt));
 */
export function sendOnLeave(endpoint: string, receipt: ConsentReceipt): void {
  try {
    // The browser may refuse it (keepalive bodies are limited to 64 KB in flight): the next page sends it.
    fetch(endpoint, requestOf(receipt)).catch(() => {});
  } catch {
    // As above.
  }
}
