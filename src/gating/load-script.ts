import { pageNonce } from './page-nonce';

/**
 * Adds an async `<script src>` to `<head>`, carrying the page's CSP nonce when it has one, unless the
 * page has that script already; says whether it added it.
 *
 * @example
 * if (loadScript('https://www.googletagmanager.com/gtm.js?id=GTM-ABC123')) dataLayer().push({ event: 'gtm.js' });
 */
export function loadScript(src: string): boolean {
  // A tracker runs once per page, however many instances ask (an app that makes its instance again
  // after destroy(), a second bundle): a second copy would count every visit twice. A gated copy
  // (type="text/plain") has not run and may never run: it does not count.
  const url = new URL(src, document.baseURI).href;
  if (Array.from(document.scripts).some((s) => s.src === url && s.type.toLowerCase() != 'text/plain')) return false;
  const s = document.createElement('script');
  s.nonce = pageNonce();
  s.async = true;
  s.src = src;
  document.head.appendChild(s);
  return true;
}
