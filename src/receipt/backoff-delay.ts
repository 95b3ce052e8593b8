const BASE = 2000;
const CAP = 3600_000;

/**
 * Milliseconds to wait after the `attempts`-th failed try: 2 s doubling up to one hour, with "equal
 * jitter" (half fixed, half random) so that many visitors cut off by one outage do not all retry at
 * the same moment.
 *
 * @example
 * backoffDelay(1); // 1000–2000
 * backoffDelay(3); // 4000–8000
 * backoffDelay(40); // 1800000–3600000
 */
export function backoffDelay(attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(CAP, BASE * 2 ** Math.min(Math.max(attempts, 1) - 1, 30));
  return Math.round((ceiling / 2) * (1 + random()));
}
