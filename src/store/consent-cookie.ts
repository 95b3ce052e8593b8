import Cookies from 'js-cookie';
import type { ResolvedConfig } from '../config/config-types';
import { decodeDecision, encodeDecision, type StoredDecision } from './stored-decision';

const HOST_PREFIX = '__Host-';

/**
 * The consent cookie's name as written. On https with no cookie domain (and path `/`) it is
 * `__Host-` + the name: the browser then refuses any copy with a Domain or another path, so a sibling
 * subdomain cannot plant one. Elsewhere (http, or a domain shared with the subdomains) it is the name.
 *
 * @example
 * consentCookieName(consent.config); // '__Host-soglasie' on https://shop.example
 */
export function consentCookieName(config: ResolvedConfig): string {
  const { name, domain, path } = config.cookie;
  return !domain && path === '/' && location.protocol === 'https:' ? HOST_PREFIX + name : name;
}

/**
 * Whether the cookie can only have been written by a page of this host (a `__Host-` cookie). Only
 * then does a page act on it on the visitor's behalf, e.g. rebuild and send its receipt: with a plain
 * name, a cookie may come from a sibling subdomain.
 */
export const isHostOnlyCookie = (config: ResolvedConfig): boolean => consentCookieName(config).startsWith(HOST_PREFIX);

/** The raw value of every cookie of the name the page sees: several when copies were planted under another domain or path. */
function cookieValues(name: string): string[] {
  const values: string[] = [];
  let cookies: string;
  try {
    cookies = document.cookie || '';
  } catch {
    // A sandboxed frame: no cookies to read.
    return values;
  }
  for (const pair of cookies.split('; ')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at) === name) values.push(pair.slice(at + 1));
  }
  return values;
}

function decode(name: string, raw: string): StoredDecision | undefined {
  // A value that is not valid percent-encoding is a tampered cookie: no decision.
  try {
    return decodeDecision(Cookies.converter.read(raw, name));
  } catch {
    return undefined;
  }
}

/**
 * Percent-encoded by js-cookie, which leaves `|` and `:` as they are: the value reads
 * `2|…|analytics:1%2Cmarketing:0|…`, so a server that matches `analytics:1` in the raw cookie keeps
 * working. It lives as long as the decision counts (`lifetimeMonths` from the decision).
 */
function write(config: ResolvedConfig, name: string, d: StoredDecision): void {
  const hostOnly = name.startsWith(HOST_PREFIX);
  const days = Math.ceil(config.lifetimeMonths * 30.44);
  Cookies.set(name, encodeDecision(d), {
    expires: new Date(d.timeMs + days * 864e5),
    path: hostOnly ? '/' : config.cookie.path,
    domain: hostOnly ? undefined : config.cookie.domain,
    sameSite: 'Lax',
    secure: location.protocol === 'https:',
  });
}

/**
 * Deletes the copies of the cookie under every domain this page may set (this host and its parents)
 * and every path on the way to this page: the visitor's own decision then stands alone again.
 */
function removeCopies(name: string): void {
  const labels = location.hostname.split('.');
  const domains: Array<string | undefined> = [undefined];
  for (let i = 0; i < labels.length - 1; i++) domains.push(labels.slice(i).join('.'));
  const paths = ['/'];
  let path = '';
  for (const segment of location.pathname.split('/').slice(1, -1)) {
    path += '/' + segment;
    paths.push(path, path + '/');
  }
  for (const domain of domains) for (const p of paths) Cookies.remove(name, { domain, path: p });
}

/**
 * The cookie of an earlier release, under the plain name, on a host that now uses `__Host-`: taken over
 * once, but only when it provably was this host's own (deleting the host-only cookie leaves none of the
 * name behind). A copy a sibling planted for the whole domain survives that deletion and counts for nothing.
 */
function takeOver(config: ResolvedConfig, name: string): StoredDecision | undefined {
  const legacy = config.cookie.name;
  const values = cookieValues(legacy);
  if (values.length !== 1) return undefined;
  Cookies.remove(legacy, { path: '/' });
  const d = cookieValues(legacy).length === 0 ? decode(legacy, values[0]) : undefined;
  if (d) write(config, name, d);
  return d;
}

/**
 * Reads the consent cookie; `undefined` when absent, unreadable — or in conflict: several cookies of the
 * name mean someone else (a sibling subdomain, a longer path) wrote one. None of them is trusted then:
 * everything optional stays denied, the most restrictive decision there is, and the banner asks again.
 *
 * @example
 * const decision = readDecisionCookie(consent.config);
 */
export function readDecisionCookie(config: ResolvedConfig): StoredDecision | undefined {
  const name = consentCookieName(config);
  const values = cookieValues(name);
  if (values.length === 1) return decode(name, values[0]);
  if (values.length === 0 && name !== config.cookie.name) return takeOver(config, name);
  return undefined;
}

/**
 * Writes the consent cookie: SameSite=Lax, Secure on https, `__Host-` where it can be (see
 * consentCookieName). Copies someone else planted are deleted first, or every later page would find a
 * conflict again. Never throws (a sandboxed frame may refuse cookies).
 */
export function writeDecisionCookie(config: ResolvedConfig, d: StoredDecision): void {
  try {
    const name = consentCookieName(config);
    if (cookieValues(name).length > 1) removeCopies(name);
    write(config, name, d);
  } catch {
    // No cookie here: the decision holds for this page only.
  }
}

/**
 * Marks the cookie's receipt as confirmed by the endpoint, when the cookie (alone, untouched) still holds
 * that receipt: later pages then know there is nothing to rebuild.
 *
 * @example
 * consent.on('delivered', ({ receiptId }) => confirmDecisionCookie(consent.config, receiptId));
 */
export function confirmDecisionCookie(config: ResolvedConfig, receiptId: string): void {
  try {
    const name = consentCookieName(config);
    const values = cookieValues(name);
    const d = values.length === 1 ? decode(name, values[0]) : undefined;
    if (d && d.receiptId === receiptId && !d.confirmed) write(config, name, { ...d, confirmed: true });
  } catch {
    // As above.
  }
}
