export { createConsent, type CreateOptions } from './create-consent';
export type { Warn } from './config/config-messages';
export type * from './config/config-types';
export type * from './store/consent-types';
export type { Unsubscribe } from './store/create-emitter';
export type * from './receipt/receipt-types';
