/** Marks the scripts the built-in trackers add. */
export const TRACKER_MARK = 'data-soglasie-tracker';

/**
 * Whether the page already runs a script from `src` (resolved against the page); with `tracker`, only one
 * a built-in tracker added. A gated copy (`type="text/plain"`) has not run and may never run: it does not
 * count.
 *
 * @example
 * hasScript('https://mc.yandex.ru/metrika/tag.js'); // true once tag.js is on the page
 */
export function hasScript(src: string, tracker?: boolean): boolean {
  const url = new URL(src, document.baseURI).href;
  return Array.from(document.querySelectorAll<HTMLScriptElement>(tracker ? `script[${TRACKER_MARK}]` : 'script')).some(
    (s) => s.src === url && s.type.toLowerCase() != 'text/plain',
  );
}
