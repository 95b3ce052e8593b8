const seen = new Set<string>();

/**
 * True the first time a key is asked for on this page (per bundle): a tracker's start (Metrica's
 * `init`, GA's `config`, GTM's start) goes out once, however many instances ask — an app that makes its
 * instance again after `destroy()` would otherwise count the page twice.
 *
 * @example
 * if (firstOnPage('ga:G-ABC123')) gtag('config', 'G-ABC123');
 */
export const firstOnPage = (key: string): boolean => !seen.has(key) && !!seen.add(key);
