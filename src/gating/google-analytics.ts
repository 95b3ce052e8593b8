import type { GoogleAnalyticsConfig } from '../config/config-types';
import { firstOnPage } from './first-on-page';
import { gtag } from './google-consent';
import { loadScript } from './load-script';
import type { Tracker } from './tracker';

/**
 * Google Analytics 4 without a snippet, after the Consent Mode defaults. `basic` mode (default): gtag.js
 * loads only once `analytics` is granted. `advanced` mode (opt-in): gtag.js loads at once and, with
 * everything denied, sends Google cookieless pings before consent; choose it only knowingly.
 * `src` is used as given (a self-hosted proxy must carry the id itself).
 *
 * @example
 * googleAnalytics({ id: 'G-ABC123', options: { anonymize_ip: true } });
 */
export function googleAnalytics(c?: GoogleAnalyticsConfig): Tracker | undefined {
  if (!c?.id) return;
  const load = () => {
    if (firstOnPage('ga:' + c.id)) {
      gtag('js', new Date());
      gtag('config', c.id, c.options || {});
    }
    loadScript(c.src || 'https://www.googletagmanager.com/gtag/js?id=' + c.id);
  };
  // Advanced: loaded already; granting `analytics` only has to mark it as run (for withdrawal).
  if (c.mode === 'advanced') load();
  return { need: 'analytics', load: c.mode === 'advanced' ? () => {} : load };
}
