import type { Consent } from '../store/consent-types';
import { googleConsent } from './google-consent';
import { pageNonce } from './page-nonce';
import { runScript } from './run-script';

const SELECTOR = '[data-consent]';
// gtag/GTM snippets, also served first-party or server-side (https://sgtm.site.ru/gtm.js?id=…).
const GOOGLE = /googletagmanager\.com|gtag\(|gtm\.js|gtag\/js/;

/**
 * A scanner of `data-consent` elements under a root. Each allowed element is let go exactly once:
 * a `<script type="text/plain">` runs (in document order), an iframe/img/… gets its `data-src` and
 * `data-srcset`. A denied iframe is hidden behind a `<div data-consent-placeholder>` until allowed, which
 * `explain` fills. Every `data-consent` value let go is
 * added to `ran`; an empty value is never allowed. On a page with a CSP nonce, a gated script without
 * that nonce never runs: under `'strict-dynamic'` the copy would be trusted, turning injected markup
 * into script.
 *
 * @example
 * const scan = gateElements(consent, new Set(), (box, need) => explainFrame(consent, box, need));
 * scan(document);
 */
export function gateElements(
  consent: Consent,
  ran: Set<string>,
  explain: (box: HTMLElement, need: string) => void,
  signal?: AbortSignal,
): (root: ParentNode) => void {
  const done = new WeakSet<Element>();
  const warned = new WeakSet<Element>();
  const held = new Map<HTMLElement, [placeholder: HTMLElement, display: string]>();
  // destroy(): no placeholder stays behind with a button that would decide without a receipt.
  signal?.addEventListener('abort', () => {
    held.forEach(([box, display], el) => {
      box.remove();
      el.style.display = display;
    });
    held.clear();
  });
  return (root) => {
    const found = Array.from(root.querySelectorAll<HTMLElement>(SELECTOR));
    const media = new Set<HTMLMediaElement | null>();
    if ((root as Element).matches?.(SELECTOR)) found.unshift(root as HTMLElement);
    for (const el of found) {
      const need = el.getAttribute('data-consent')!.trim();
      const script = el instanceof HTMLScriptElement;
      const live = script
        ? el.type.toLowerCase() !== 'text/plain'
        : el.hasAttribute('src') && !el.hasAttribute('data-src') && !el.hasAttribute('data-srcset');
      // The commonest mistake, and a leak: the browser has loaded it before anyone could ask. (A
      // lazy-loading stand-in, src="data:…" with data-src, is fine.)
      if (live && !done.has(el) && !warned.has(el)) {
        warned.add(el);
        console.warn(
          'soglasie: this element loaded before consent: gate scripts with type="text/plain", other elements with data-src instead of src',
          el,
        );
      }
      if (done.has(el) || (script && live)) continue;
      if (!need || !consent.has(need)) {
        if (el instanceof HTMLIFrameElement && !held.has(el)) {
          const height = el.getAttribute('height') || '';
          // A frame the page keeps out of sight (a tracking pixel in an iframe) gets no placeholder either.
          if (
            el.hidden ||
            el.style.display == 'none' ||
            el.style.visibility == 'hidden' ||
            /^[01]$/.test(height) ||
            /^[01]$/.test(el.getAttribute('width') || '')
          )
            continue;
          const box = document.createElement('div');
          box.setAttribute('data-consent-placeholder', need);
          // As tall as the frame it stands for (its height attribute, else an iframe's default 150px):
          // when its text arrives, and when the frame takes its place, nothing below it moves. A frame
          // placed absolutely (a responsive ratio wrapper) is stood for in the same place instead.
          box.style.cssText = `padding:12px;border:1px solid #8888;box-sizing:border-box;overflow:auto;${
            getComputedStyle(el).position == 'absolute'
              ? 'position:absolute;inset:0'
              : `min-height:${/^\d+$/.test(height) ? height : 150}px`
          }`;
          held.set(el, [box, el.style.display]);
          el.style.display = 'none';
          el.before(box);
          explain(box, need);
        }
        continue;
      }
      done.add(el);
      if (script && pageNonce() && el.nonce !== pageNonce()) {
        console.warn('soglasie: gated script lacks the page nonce', el);
        continue;
      }
      ran.add(need);
      if (script) {
        // A pasted gtag/GTM snippet gets the Consent Mode defaults and the decision before it runs.
        if (GOOGLE.test(el.src + el.text)) googleConsent(consent.get(), true);
        runScript(el);
        continue;
      }
      for (const attr of ['src', 'srcset', 'poster']) {
        const value = el.getAttribute('data-' + attr);
        if (value !== null) el.setAttribute(attr, value);
      }
      // A <source> already in a <video>/<audio> is only read when the element loads again.
      if (el.localName === 'source') media.add(el.parentElement as HTMLMediaElement);
      const hold = held.get(el);
      if (hold) {
        hold[0].remove();
        el.style.display = hold[1];
        held.delete(el);
      }
    }
    // Once per player, after all its sources are set.
    media.forEach((m) => m?.load?.());
  };
}
