import type { ConsentPlugin } from '../store/consent-types';
import { gatePage } from './gate-page';
import { refusalActions } from './refusal-actions';

/**
 * Gates the page: `data-consent` elements and the built-in trackers (Yandex.Metrica, GA4, GTM) stay
 * silent until their categories are granted, and go quiet when taken back: their cookies and `_ym*`
 * storage go, Google gets `denied`, and the page reloads (`reloadOnWithdraw`, default true) if something
 * of a withdrawn category ran here, since a loaded tracker cannot be unloaded. `createConsent` joins it.
 *
 * @example
 * // What createConsent does; a headless core can join it the same way:
 * createConsentCore({ integrations: { yandexMetrica: { id: 12345678 } } }, { plugins: [startReceipts, startGating] });
 */
export const startGating: ConsentPlugin = gatePage(refusalActions);
