/**
 * Runs `fn` once the page has loaded and the browser is idle: for work that must happen on every page
 * (a sweep, leftovers from earlier pages) but not on its critical path.
 */
export function afterLoad(fn: () => void, signal?: AbortSignal): void {
  const idle = () => ('requestIdleCallback' in window ? requestIdleCallback(() => fn(), { timeout: 2000 }) : setTimeout(fn, 1));
  if (document.readyState === 'complete') idle();
  else addEventListener('load', idle, { once: true, signal });
}
