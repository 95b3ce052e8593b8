const FOCUSABLE = 'a[href],button,input,select,textarea,summary,[tabindex]:not([tabindex="-1"])';

/**
 * Puts focus on the page's first control after our host, without scrolling: where a keyboard user who
 * met the banner first goes on from once it has gone.
 */
export function focusPageStart(host: HTMLElement): void {
  for (const element of Array.from(document.body.querySelectorAll<HTMLElement>(FOCUSABLE))) {
    if (host.contains(element) || element.closest('[inert],[hidden]') || element.hasAttribute('disabled')) continue;
    element.focus({ preventScroll: true });
    if (document.activeElement === element) return;
  }
}
