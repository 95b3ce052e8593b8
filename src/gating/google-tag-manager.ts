import type { GoogleTagManagerConfig } from '../config/config-types';
import { firstOnPage } from './first-on-page';
import { dataLayer } from './google-consent';
import { loadScript } from './load-script';
import type { Tracker } from './tracker';

/**
 * Google Tag Manager without a snippet: the container loads once `analytics` (or its `category`) is
 * granted, after the Consent Mode defaults, so its tags see the visitor's choice. `src` is used as given.
 *
 * @example
 * googleTagManager({ id: 'GTM-ABC123' });
 */
export function googleTagManager(c?: GoogleTagManagerConfig): Tracker | undefined {
  if (!c?.id) return;
  return {
    need: c.category || 'analytics',
    load() {
      if (firstOnPage('gtm:' + c.id)) dataLayer().push({ 'gtm.start': Date.now(), event: 'gtm.js' });
      loadScript(c.src || 'https://www.googletagmanager.com/gtm.js?id=' + c.id);
    },
  };
}
