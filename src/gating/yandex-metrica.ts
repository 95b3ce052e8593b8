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

// An `arguments` object, which is what tag.js reads from its queue.
const callOf = function (..._args: unknown[]): IArguments {
  // eslint-disable-next-line prefer-rest-params -- tag.js reads `arguments` objects from its queue
  return arguments;
};

/**
 * `window.ym`, made Yandex's queue when missing: `ym(id, 'reachGoal', …)` made before tag.js has come
 * waits in it instead of failing, and tag.js replays it.
 *
 * @example
 * ymQueue()(12345678, 'reachGoal', 'signup');
 */
export function ymQueue(): Ym {
  const w = window as unknown as { ym?: Ym };
  if (!w.ym) {
    const queue: Ym = function () {
      // eslint-disable-next-line prefer-rest-params -- tag.js reads `arguments` objects from its queue
      (queue.a = queue.a || []).push(arguments);
    };
    queue.l = Date.now();
    w.ym = queue;
  }
  return w.ym;
}

/**
 * Yandex.Metrica without a snippet: `window.ym` is Yandex's queue from the start, so page calls made
 * before consent wait instead of failing. Each counter's `init` goes in only when the category (default
 * `analytics`) is granted, at the head of the queue, just before tag.js loads: a tag.js that reached the
 * page some other way (a stray snippet, a tag manager) finds no `init` to replay before then.
 *
 * @example
 * yandexMetrica({ id: 12345678, options: { webvisor: true, clickmap: true } });
 */
export function yandexMetrica(c?: YandexMetricaConfig): Tracker | undefined {
  if (!c) return;
  ymQueue();
  return {
    need: c.category || 'analytics',
    load() {
      const ym = ymQueue();
      const inits = ([] as unknown[])
        .concat(c.id)
        .map(Number)
        .filter((id) => id > 0 && firstOnPage('ym:' + id))
        .map((id) => callOf(id, 'init', c.options || {}));
      // Still a queue (tag.js not run yet): the counters start before the calls that wait for them.
      if (ym.a) ym.a.unshift(...inits);
      else inits.forEach((call) => ym(...Array.from(call)));
      loadScript(c.src || 'https://mc.yandex.ru/metrika/tag.js');
    },
  };
}
