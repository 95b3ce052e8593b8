/** Where a cookie may have been set: js-cookie's `path` and `domain` attributes (no domain: host-only). */
export interface CookieScope {
  path: string;
  domain?: string;
}

/**
 * Every scope in which this page could have set a cookie: host-only and on the host and every parent
 * domain, each at `/` and every prefix of the path. There is no public suffix list: the browser refuses a
 * cookie on a public suffix (`.co.uk`), so trying that level is harmless. IP addresses and single-label
 * hosts get host-only scopes.
 *
 * @example
 * for (const scope of cookieScopes(location.hostname, location.pathname)) Cookies.remove('_ga', scope);
 */
export function cookieScopes(host: string, path: string): CookieScope[] {
  const labels = host.split('.');
  const isAddress = /^[\d.]+$|:/.test(host);
  const domains = isAddress ? [] : labels.slice(0, -1).map((_, i) => labels.slice(i).join('.'));
  // `path=/shop` and `path=/shop/` are different cookies, and both reach /shop/cart.
  const paths = new Set(
    path.split('/').flatMap((_, i, parts) => {
      const prefix = parts.slice(0, i + 1).join('/');
      return i < parts.length - 1 ? [prefix || '/', prefix + '/'] : [prefix || '/'];
    }),
  );
  const scopes: CookieScope[] = [];
  for (const scopePath of paths) {
    scopes.push({ path: scopePath });
    for (const domain of domains) scopes.push({ path: scopePath, domain });
  }
  return scopes;
}
