const queue: HTMLScriptElement[] = [];
let waiting = false;

const pump = (): void => {
  while (!waiting && queue.length) {
    const old = queue.shift()!;
    if (!old.isConnected) continue;
    const s = document.createElement('script');
    for (const { name, value } of Array.from(old.attributes)) if (!/^(type|data-consent|data-type)$/.test(name)) s.setAttribute(name, value);
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
 * `data-type` (e.g. `module`) when given.
 *
 * @example
 * runScript(document.querySelector('script[data-consent="analytics"]')!);
 */
export function runScript(original: HTMLScriptElement): void {
  queue.push(original);
  pump();
}
