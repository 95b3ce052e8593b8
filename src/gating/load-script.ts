import { hasScript, TRACKER_MARK } from './has-script';
import { pageNonce } from './page-nonce';

/**
 * Adds an async `<script src>` to `<head>`, carrying the page's CSP nonce when it has one, unless the
 * page runs that script already.
 *
 * @example
 * loadScript('https://mc.yandex.ru/metrika/tag.js');
 */
export function loadScript(src: string): void {
  // A tracker runs once per page, however many instances ask (an app that makes its instance again
  // after destroy(), a second bundle) and whether the page's own gated copy ran first: a second copy
  // would count every visit twice.
  if (hasScript(src)) return;
  const s = document.createElement('script');
  s.nonce = pageNonce();
  s.async = true;
  s.src = src;
  s.setAttribute(TRACKER_MARK, '');
  document.head.appendChild(s);
}
