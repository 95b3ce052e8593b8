import { expiringCookies } from './expiring-cookies';
import { nameMatcher } from './name-matcher';

/**
 * Deletes the cookies (on every domain and path this page could reach) and `localStorage` keys whose
 * names match the patterns (trailing `*` = prefix). HttpOnly cookies and other sites' cookies are out
 * of reach of any script.
 *
 * @example
 * deleteTrackerData(['_ym*', '_ga*', '_gid']);
 */
export function deleteTrackerData(patterns: string[]): void {
  const hit = nameMatcher(patterns);
  for (const pair of document.cookie.split(';')) {
    const name = pair.split('=')[0].trim();
    if (hit(name)) for (const c of expiringCookies(name, location.hostname, location.pathname)) document.cookie = c;
  }
  try {
    for (const key of Object.keys(localStorage)) if (hit(key)) localStorage.removeItem(key);
  } catch {
    // Storage disabled: nothing was kept there either.
  }
}
