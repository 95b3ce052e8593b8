import { pageNonce } from './page-nonce';

/**
 * Adds an async `<script src>` to `<head>`, carrying the page's CSP nonce when it has one.
 *
 * @example
 * loadScript('https://mc.yandex.ru/metrika/tag.js');
 */
export function loadScript(src: string): void {
  const s = document.createElement('script');
  s.nonce = pageNonce();
  s.async = true;
  s.src = src;
  document.head.appendChild(s);
}
