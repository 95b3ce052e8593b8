import type { ResolvedConfig } from '../config/config-types';
import { decodeDecision, encodeDecision, type StoredDecision } from './stored-decision';

/** Reads the consent cookie; `undefined` when absent or unreadable. */
export function readDecisionCookie(config: ResolvedConfig): StoredDecision | undefined {
  const prefix = config.cookie.name + '=';
  for (const pair of document.cookie.split('; ')) {
    if (!pair.startsWith(prefix)) continue;
    // A value that is not valid percent-encoding is a tampered cookie: no decision.
    try {
      return decodeDecision(decodeURIComponent(pair.slice(prefix.length)));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * Writes the consent cookie for the configured lifetime: first-party, SameSite=Lax, Secure on https.
 * Percent-encoded, so that version strings with `;` or `,` cannot break out of the value, except `|` and
 * `:`: the value reads `1|…|analytics:1%2Cmarketing:0|…` as in earlier releases (js-cookie), so a server
 * that matches `analytics:1` in the raw cookie keeps working.
 */
export function writeDecisionCookie(config: ResolvedConfig, d: StoredDecision): void {
  const { name, path, domain } = config.cookie;
  // An attribute cannot smuggle in another: anything after a `;` is cut.
  const attr = (key: string, value: string | undefined) => (value ? `; ${key}=${value.split(';')[0]}` : '');
  const days = Math.ceil(config.lifetimeMonths * 30.44);
  document.cookie =
    `${name}=${encodeURIComponent(encodeDecision(d)).replace(/%7C|%3A/g, decodeURIComponent)}; expires=${new Date(Date.now() + days * 864e5).toUTCString()}` +
    attr('path', path) +
    attr('domain', domain) +
    '; SameSite=Lax' +
    (location.protocol === 'https:' ? '; Secure' : '');
}
