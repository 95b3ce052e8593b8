import { hasScript } from './has-script';

const queue: HTMLScriptElement[] = [];
let waiting = false;

const pump = (): void => {
  while (!waiting && queue.length) {
    const old = queue.shift()!;
    // A copy of a tracker's script that a built-in tracker has loaded would run it twice. (The same
    // widget script twice, each reading its own tag's attributes, is the page's own business.)
    if (!old.isConnected || (old.src && hasScript(old.src, true))) continue;
    const s = document.createElement('script');
    for (const { name, value } of Array.from(old.attributes))
      if (!/^(type|data-consent|data-type)$/.test(name)) s.setAttribute(name, value);
    const type = old.getAttribute('data-type');
    if (type) s.type = type;
    // Chrome hides a nonce from getAttribute, but the property keeps it.
    s.nonce = old.nonce;
    s.text = old.text;
    // A classic external script without `async` must finish before the next one starts, as in the parser.
    if (old.src && !old.hasAttribute('async')) {
      waiting = true;
      s.onload = s.onerror = () => {
        waiting = false;
        pump();
      };
    }
    old.replaceWith(s);
  }
};

/**
 * Runs a gated `<script type="text/plain">` in its place, after every one queued before it: a live copy
 * with its attributes (`async`, `defer`, `nonce`, `src`, …), minus `type`/`data-consent`, typed as its
 * `data-type` (e.g. `module`) when given. A copy of a script that a built-in tracker has loaded is not run.
 *
 * @example
 * runScript(document.querySelector('script[data-consent="analytics"]')!);
 */
export function runScript(original: HTMLScriptElement): void {
  queue.push(original);
  pump();
}
