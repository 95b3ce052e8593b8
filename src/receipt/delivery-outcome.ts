/** What to do with a receipt after the endpoint answered. */
export type DeliveryOutcome = 'delivered' | 'retry' | 'drop';

// The endpoint refuses this very body: sending it again cannot help.
const FINAL = [400, 413, 415, 422];

/**
 * Sorts an HTTP status (0 for a network error, a timeout or a redirect): 2xx is stored; 400, 413, 415
 * and 422 refuse the receipt itself for good; anything else — 5xx, 408, 429, but also a 401/403 from a
 * firewall's challenge or a 404 during a deploy — is tried again later, so a passing fault loses nothing.
 *
 * @example
 * deliveryOutcome(201); // 'delivered'
 * deliveryOutcome(503); // 'retry'
 * deliveryOutcome(400); // 'drop'
 */
export function deliveryOutcome(status: number): DeliveryOutcome {
  if (status >= 200 && status < 300) return 'delivered';
  return FINAL.includes(status) ? 'drop' : 'retry';
}
