import type { ConsentSnapshot } from '../store/consent-types';

interface GoogleWindow {
  dataLayer?: unknown[];
  gtag?: typeof gtag;
}

/** Consent Mode v2 types and the category that grants each. */
const TYPES: Record<string, string> = {
  ad_storage: 'marketing',
  ad_user_data: 'marketing',
  ad_personalization: 'marketing',
  analytics_storage: 'analytics',
  functionality_storage: 'necessary',
  personalization_storage: 'personalization',
  security_storage: 'necessary',
};

let started = false;

/**
 * The page's `dataLayer`, created when missing.
 *
 * @example
 * dataLayer().push({ event: 'signup' });
 */
export const dataLayer = (): unknown[] => {
  const w = window as GoogleWindow;
  return (w.dataLayer = w.dataLayer || []);
};

/**
 * Google's command queue: gtag.js reads `arguments` objects from `dataLayer` (arrays are ignored).
 *
 * @example
 * gtag('event', 'sign_up');
 */
export function gtag(..._args: unknown[]): void {
  // eslint-disable-next-line prefer-rest-params -- gtag.js needs the `arguments` object itself
  dataLayer().push(arguments);
}

/**
 * Consent Mode v2 for a snapshot: every type `granted` or `denied` after its category.
 *
 * @example
 * consentTypes({ necessary: true, analytics: true }).analytics_storage; // 'granted'
 */
export const consentTypes = (categories: Record<string, boolean> = {}): Record<string, string> =>
  Object.fromEntries(Object.keys(TYPES).map((type) => [type, categories[TYPES[type]] ? 'granted' : 'denied']));

/**
 * Sends Consent Mode v2 state to Google. With `start`, the first call pushes the all-denied default
 * (before any Google tag can read the queue) and defines `window.gtag`; after that, each call pushes the
 * visitor's decision (a withdrawal pushes `denied`) and a `soglasie_consent` event with the categories.
 * Before `start` it does nothing: pages without Google get no `dataLayer`.
 *
 * @example
 * googleConsent(consent.get(), true); // defaults, then the stored decision
 * consent.on('change', ({ snapshot }) => googleConsent(snapshot));
 */
export function googleConsent(snapshot: ConsentSnapshot, start?: boolean): void {
  if (start) {
    if (started) return;
    started = true;
    const w = window as GoogleWindow;
    w.gtag = w.gtag || gtag;
    gtag('consent', 'default', { ...consentTypes(), wait_for_update: 500 });
  }
  if (started && snapshot.decided) {
    gtag('consent', 'update', consentTypes(snapshot.categories));
    // Consent Mode binds Google's tags only: GTM triggers of other tags (VK, Top.Mail.ru) fire on this.
    dataLayer().push({ event: 'soglasie_consent', soglasie: { ...snapshot.categories } });
  }
}
