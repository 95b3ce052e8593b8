/**
 * A built-in tracker: loaded once, the first time every category it needs is granted.
 *
 * @example
 * const tracker: Tracker = { need: 'analytics', load: () => loadScript('https://example.com/t.js') };
 */
export interface Tracker {
  /** Categories that must all be granted, space-separated. */
  need: string;
  load(): void;
}
