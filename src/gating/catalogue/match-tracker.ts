import type { CatalogueEntry } from './catalogue-entry';

/** Whether `host/path?query` falls under a `host/prefix` pattern: the host or a subdomain of it, then the prefix. */
function covers(address: string, pattern: string): boolean {
  // Where the pattern must start so that its first `/` meets the address's first `/`.
  const start = address.indexOf('/') - pattern.indexOf('/');
  return start >= 0 && address.startsWith(pattern, start) && (start === 0 || address[start - 1] === '.');
}

/**
 * The catalogue entry an address belongs to, if any: the first entry with a pattern that covers it.
 * Relative addresses are read against `base`; only http(s) addresses can match.
 *
 * @example
 * matchTracker('//mc.yandex.ru/metrika/tag.js', CATALOGUE, location.href)?.category; // 'analytics'
 * matchTracker('/js/app.js', CATALOGUE, location.href); // undefined
 */
export function matchTracker(url: string, entries: CatalogueEntry[], base: string): CatalogueEntry | undefined {
  let address: string;
  try {
    const parsed = new URL(url, base);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
    address = parsed.hostname + parsed.pathname + parsed.search;
  } catch {
    return undefined;
  }
  return entries.find((entry) => entry.urls.some((pattern) => covers(address, pattern)));
}
