import type { ResolvedConfig } from '../config/config-types';
import type { StoredDecision } from './stored-decision';

const MONTH = 30.44 * 24 * 3600;
const CLOCK_SKEW = 24 * 3600;

/**
 * Whether a stored decision still counts: same document versions, the same optional categories, not
 * expired, and not from the future (a tampered or skewed cookie). Otherwise the banner asks again.
 */
export function isCurrentDecision(d: StoredDecision, config: ResolvedConfig, nowSeconds: number): boolean {
  const ids = Object.keys(d.decisions);
  return (
    d.policyVersion === (config.policy.version ?? '') &&
    d.consentVersion === (config.consent.version ?? '') &&
    ids.length === config.optional.length &&
    config.optional.every((id) => id in d.decisions) &&
    d.time <= nowSeconds + CLOCK_SKEW &&
    nowSeconds < d.time + config.lifetimeMonths * MONTH
  );
}
