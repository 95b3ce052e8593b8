/** What to do with a receipt after the endpoint answered. */
export type DeliveryOutcome = 'delivered' | 'retry' | 'drop';

/**
 * Sorts an HTTP status (0 for a network error or timeout): 2xx is stored; a network error, 408, 429
 * or 5xx is worth retrying; any other 4xx means the endpoint refuses this receipt for good.
 * (408 is the server saying it timed out, so it counts with timeouts.)
 *
 * @example
 * deliveryOutcome(201); // 'delivered'
 * deliveryOutcome(503); // 'retry'
 * deliveryOutcome(400); // 'drop'
 */
export function deliveryOutcome(status: number): DeliveryOutcome {
  if (status >= 200 && status < 300) return 'delivered';
  return status >= 400 && status < 500 && status !== 408 && status !== 429 ? 'drop' : 'retry';
}
