/**
 * Runs `fn` once the page has loaded and the browser is idle: for work that must happen on every page
 * (a sweep, leftovers from earlier pages) but not on its critical path.
 */
export function afterLoad(fn: () => void, signal?: AbortSignal): void {
  const run = () => signal?.aborted || fn();
  const idle = () =>
    'requestIdleCallback' in window ? requestIdleCallback(run, { timeout: 2000 }) : setTimeout(run, 1);
  if (document.readyState === 'complete') idle();
  else addEventListener('load', idle, { once: true, signal });
}
