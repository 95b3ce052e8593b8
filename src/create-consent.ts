import type { ConsentConfig } from './config/config-types';
import { startGating } from './gating/start-gating';
import { startReceipts } from './receipt/start-receipts';
import { createConsentCore, type CreateOptions } from './store/create-consent-core';
import { openTriggers } from './store/open-triggers';
import type { Consent } from './store/consent-types';

/**
 * Creates a consent instance with everything headless joined: the stored decision, analytics gating of
 * the page and the built-in trackers, and consent receipts. No UI: join `mountUI` from `soglasie/ui`.
 *
 * @example
 * import { createConsent } from 'soglasie';
 * import { mountUI } from 'soglasie/ui';
 * const consent = createConsent({ policy: { url: '/policy.txt', version: '1' }, endpoint: '/receipts' }, { plugins: [mountUI] });
 */
export function createConsent(config: ConsentConfig = {}, options: CreateOptions = {}): Consent {
  // Receipts first: a withdrawal that reloads the page must have queued its receipt already.
  return createConsentCore(config, {
    ...options,
    plugins: [startReceipts, startGating, openTriggers, ...(options.plugins ?? [])],
  });
}
