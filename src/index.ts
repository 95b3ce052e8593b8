export { createConsent, type CreateOptions } from './create-consent';
export type { Warn } from './config/config-messages';
export type * from './config/config-types';
export type * from './store/consent-types';
export type { Unsubscribe } from './store/create-emitter';
export type * from './receipt/receipt-types';
export { createConsentDocument, type ConsentDocumentOptions } from './consent-doc/create-consent-document';
export { missingConsentFields } from './consent-doc/missing-consent-fields';
