import type { YandexMetricaConfig } from '../config/config-types';
import { firstOnPage } from './first-on-page';
import { loadScript } from './load-script';
import type { Tracker } from './tracker';

interface Ym {
  (...args: unknown[]): void;
  /** Calls made before tag.js came; it replays them. */
  a?: IArguments[];
  /** When the page started, for tag.js's timings. */
  l?: number;
}

/**
 * Yandex.Metrica without a snippet: `window.ym` is Yandex's queue from the start, so `ym(id, 'reachGoal', …)`
 * made before consent waits instead of failing; each counter's `init` is queued first; tag.js itself
 * loads only when the category (default `analytics`) is granted.
 *
 * @example
 * yandexMetrica({ id: 12345678, options: { webvisor: true, clickmap: true } });
 */
export function yandexMetrica(c?: YandexMetricaConfig): Tracker | undefined {
  if (!c) return;
  const w = window as unknown as { ym?: Ym };
  let ym = w.ym;
  if (!ym) {
    // The queue of Yandex's own loader: tag.js reads `ym.a` and `ym.l`.
    const queue: Ym = function () {
      // eslint-disable-next-line prefer-rest-params -- tag.js reads `arguments` objects from its queue
      (queue.a = queue.a || []).push(arguments);
    };
    queue.l = Date.now();
    ym = w.ym = queue;
  }
  for (const id of ([] as unknown[]).concat(c.id).map(Number))
    if (id > 0 && firstOnPage('ym:' + id)) ym(id, 'init', c.options || {});
  return { need: c.category || 'analytics', load: () => loadScript(c.src || 'https://mc.yandex.ru/metrika/tag.js') };
}
