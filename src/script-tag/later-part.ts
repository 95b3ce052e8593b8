import { partLoader } from './load-part';
import type { LaterPart } from './parts';

/** Runs `fn` with the later part: at once when it is here, else once it has loaded (which this asks for). */
export type UseLater = (fn: (part: LaterPart) => void) => void;

/**
 * The core's access to `soglasie-later.iife.js`, shared by everything that needs it (receipts, refusal,
 * configuration messages), so that it is fetched once, and only when one of them has work.
 */
export function createLaterPart(core: HTMLScriptElement | null, signal: AbortSignal): UseLater {
  let part: LaterPart | undefined;
  const waiting: Array<(part: LaterPart) => void> = [];
  const load = partLoader(
    core,
    'soglasie-later.iife.js',
    (loaded) => {
      part = loaded;
      for (const fn of waiting.splice(0)) fn(loaded);
    },
    signal,
  );
  return (fn) => {
    if (part) {
      fn(part);
      return;
    }
    waiting.push(fn);
    load();
  };
}
