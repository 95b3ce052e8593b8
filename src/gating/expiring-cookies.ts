const EXPIRED = '=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=';

/**
 * `document.cookie` assignments that delete a cookie wherever this page could have set it: host-only and
 * on the host and every parent domain, each at `/` and every prefix of the path. There is no public
 * suffix list: the browser refuses a cookie on a public suffix (`.co.uk`), so trying that level is harmless.
 * IP addresses and single-label hosts get host-only deletion.
 *
 * @example
 * expiringCookies('_ga', 'www.shop.example.com', '/a/b');
 * // ['_ga=; expires=…; path=/', '_ga=; expires=…; path=/; domain=www.shop.example.com', …, '…; path=/a/b; domain=example.com']
 */
export function expiringCookies(name: string, host: string, path: string): string[] {
  const labels = host.split('.');
  const domains = /^[\d.]+$|:/.test(host) ? [] : labels.slice(0, -1).map((_, i) => labels.slice(i).join('.'));
  // `path=/shop` and `path=/shop/` are different cookies, and both reach /shop/cart.
  const paths = new Set(
    path.split('/').flatMap((_, i, parts) => {
      const p = parts.slice(0, i + 1).join('/');
      return i < parts.length - 1 ? [p || '/', p + '/'] : [p || '/'];
    }),
  );
  const out: string[] = [];
  for (const p of paths) for (const d of ['', ...domains]) out.push(name + EXPIRED + p + (d && '; domain=' + d));
  return out;
}
