import Cookies from 'js-cookie';
import type { ResolvedConfig } from '../config/config-types';
import { decodeDecision, encodeDecision, type StoredDecision } from './stored-decision';

const DAY = 24 * 3600;

/** Reads the consent cookie; `undefined` when absent or unreadable. */
export function readDecisionCookie(config: ResolvedConfig): StoredDecision | undefined {
  return decodeDecision(Cookies.get(config.cookie.name));
}

/** Writes the consent cookie for the configured lifetime: first-party, SameSite=Lax, Secure on https. */
export function writeDecisionCookie(config: ResolvedConfig, d: StoredDecision): void {
  Cookies.set(config.cookie.name, encodeDecision(d), {
    expires: Math.ceil((config.lifetimeMonths * 30.44 * DAY) / DAY),
    path: config.cookie.path,
    domain: config.cookie.domain,
    sameSite: 'Lax',
    secure: location.protocol === 'https:',
  });
}
