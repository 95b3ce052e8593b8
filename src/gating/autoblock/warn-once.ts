const warned = new Set<string>();

/**
 * One console warning per address and page view, for what the auto-blocking cannot hold.
 *
 * @example
 * warnOnce('https://mc.yandex.ru/watch/1', 'is in a <noscript> pixel: remove it');
 */
export function warnOnce(url: string, advice: string): void {
  if (warned.has(url)) return;
  warned.add(url);
  console.warn(`soglasie: ${url} ${advice}`);
}
