import Cookies from 'js-cookie';
import { cookieScopes } from './cookie-scopes';
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
  const scopes = cookieScopes(location.hostname, location.pathname);
  for (const name of Object.keys(Cookies.get())) {
    if (!hit(name)) continue;
    for (const scope of scopes) Cookies.remove(name, scope);
  }
  try {
    for (const key of Object.keys(localStorage)) {
      if (hit(key)) localStorage.removeItem(key);
    }
  } catch {
    // Storage disabled: nothing was kept there either.
  }
}
