import type { EndpointAnswer } from './post-receipt';

/** What to do with a receipt after the endpoint answered. */
export type DeliveryOutcome = 'delivered' | 'retry' | 'drop';

// The collector refuses this very body: sending it again cannot help.
const FINAL = [400, 413, 415, 422];
const JSON_TYPE = /^application\/([a-z.+-]+\+)?json$/;

/**
 * Sorts an endpoint's answer to a receipt. Only the collector's own answer is a delivery: 201 or 200 in
 * JSON naming the receipt's id — a 200 `text/html` is a single-page app's fallback or a misrouted proxy,
 * not a stored receipt. A 400, 413, 415 or 422 in JSON refuses the receipt itself, for good. Anything
 * else — 5xx, 408, 429, a redirect, no answer, but also a 401/403 from a firewall's challenge, a 404
 * during a deploy or a 2xx that is not the collector's — is tried again later: a passing fault loses nothing.
 *
 * @example
 * deliveryOutcome({ status: 201, type: 'application/json', receiptId: id }, id); // 'delivered'
 * deliveryOutcome({ status: 200, type: 'text/html' }, id); // 'retry'
 * deliveryOutcome({ status: 400, type: 'application/json' }, id); // 'drop'
 */
export function deliveryOutcome(answer: EndpointAnswer, receiptId: string): DeliveryOutcome {
  const { status, type } = answer;
  if ((status === 200 || status === 201) && JSON_TYPE.test(type) && answer.receiptId === receiptId) return 'delivered';
  return FINAL.includes(status) && JSON_TYPE.test(type) ? 'drop' : 'retry';
}

/**
 * The answer in words, for the console: `503 text/html`, `200 application/json without this receipt's id`,
 * `a redirect`, `no answer`.
 */
export function describeAnswer(answer: EndpointAnswer, receiptId: string): string {
  if (answer.type === 'redirect') return 'a redirect (not followed)';
  if (answer.status === 0) return 'no answer (network error or timeout)';
  const what = `${answer.status} ${answer.type || 'without a Content-Type'}`;
  if (!JSON_TYPE.test(answer.type) || (answer.status !== 200 && answer.status !== 201)) return what;
  return answer.receiptId === receiptId ? what : `${what} without this receipt's id`;
}
