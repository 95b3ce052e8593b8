import { reportTo, type Warn } from './config/config-messages';
import type { ConsentConfig } from './config/config-types';
import { startGating } from './gating/start-gating';
import { startReceipts } from './receipt/start-receipts';
import type { Consent, ConsentPlugin } from './store/consent-types';
import { createConsentCore } from './store/create-consent-core';
import { openTriggers } from './store/open-triggers';

/** Options for `createConsent` beyond the configuration. */
export interface CreateOptions {
  /** Joined to the instance after the built-in ones, in order: e.g. `mountUI()`. */
  plugins?: ConsentPlugin[];
  /** Where configuration warnings go; default `console.warn` with a `soglasie: config` prefix. */
  warn?: Warn;
}

const defaultWarn: Warn = (message) => console.warn(`soglasie: config ${message}`);

/**
 * Creates a consent instance with everything headless joined: the stored decision, analytics gating of
 * the page and the built-in trackers, and consent receipts. No UI: join `mountUI()` from `soglasie/ui`.
 *
 * @example
 * import { createConsent } from 'soglasie';
 * import { mountUI } from 'soglasie/ui';
 * const consent = createConsent(
 *   { policy: { url: '/policy.txt', version: '1' }, endpoint: '/receipts' },
 *   { plugins: [mountUI()] },
 * );
 */
export function createConsent(config: ConsentConfig = {}, options: CreateOptions = {}): Consent {
  // Receipts first: a withdrawal that reloads the page must have queued its receipt already.
  return createConsentCore(config, {
    report: reportTo(options.warn ?? defaultWarn),
    plugins: [startReceipts, startGating, openTriggers, ...(options.plugins ?? [])],
  });
}
