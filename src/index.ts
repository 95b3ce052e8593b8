export { createConsent } from './create-consent';
export { createConsentCore, type CreateOptions } from './store/create-consent-core';
export { parseConfig, type Warn } from './config/parse-config';
export { resolveLang } from './config/resolve-lang';
export type * from './config/config-types';
export type * from './store/consent-types';
export type { Unsubscribe } from './store/create-emitter';
export type * from './receipt/receipt-types';
