import type { PartScript, Parts } from './parts';

/**
 * Loads a part from the folder the core's tag came from, once, and gives what it brings to `ready`.
 * The URL carries this release's version, so that a cached core never meets the parts of another
 * release. Under a nonce-based CSP the part gets the core's nonce. A failed load (offline, a server
 * hiccup, a fallback page served instead) is tried again when the browser is back online or after a
 * while: what the part would do (show the banner, send a receipt) waits, and recorded decisions stay in
 * localStorage meanwhile. `signal` ends all of it (destroy()). Returns the function that starts the load.
 */
export function partLoader<F extends keyof Parts>(
  core: HTMLScriptElement | null,
  file: F,
  ready: (part: Parts[F]) => void,
  signal: AbortSignal,
  urgent = false,
): () => void {
  let asked = false;
  let failures = 0;
  const load = () => {
    if (asked || signal.aborted) return;
    asked = true;
    const askedOffline = navigator.onLine === false;
    let joined: Parts[F] | undefined;
    const tag: PartScript = document.createElement('script');
    tag.src = new URL(`${file}?v=${__SDK_VERSION__.split('@')[1]}`, core?.src || location.href).href;
    if (core && core.nonce) tag.nonce = core.nonce;
    // Browsers fetch an inserted script at low priority; the banner should not wait behind images.
    if (urgent) tag.setAttribute('fetchpriority', 'high');
    tag.soglasieJoin = (part) => {
      joined = part as Parts[F];
    };
    tag.onload = () => {
      if (signal.aborted) return;
      if (joined) ready(joined);
      else retry();
    };
    tag.onerror = () => retry();
    const retry = () => {
      tag.remove();
      if (signal.aborted) return;
      console.error(`soglasie: could not load ${tag.src}; trying again later`);
      asked = false;
      // Asked while offline, failed once back online: the `online` event has come and gone.
      if (askedOffline && navigator.onLine) {
        load();
        return;
      }
      const again = () => {
        removeEventListener('online', again);
        clearTimeout(timer);
        load();
      };
      addEventListener('online', again, { signal });
      const timer = setTimeout(again, 5000 * 2 ** Math.min(failures++, 6));
      signal.addEventListener('abort', () => clearTimeout(timer));
    };
    document.head.appendChild(tag);
  };
  return load;
}
