import type { ResolvedConfig } from '../../config/config-types';
import type { ConsentPlugin, FoundTracker } from '../../store/consent-types';
import { CATALOGUE } from '../catalogue/catalogue';
import type { CatalogueEntry } from '../catalogue/catalogue-entry';
import { googleTagManager } from '../catalogue/google-tag-manager';
import { yandexMetrica } from '../catalogue/yandex-metrica';
import { dataLayer, googleConsent } from '../google-consent';
import { ymQueue } from '../yandex-metrica';
import { startAutoblock } from './start-autoblock';
import { warnOnce } from './warn-once';

/** The built-in trackers the configuration starts, as found trackers. */
function builtIn(config: ResolvedConfig): FoundTracker[] {
  const { yandexMetrica: ym, googleAnalytics: ga, googleTagManager: gtm } = config.integrations;
  const found: FoundTracker[] = [];
  if (ym) found.push({ id: 'yandex-metrica', category: ym.category || 'analytics' });
  if (ga) found.push({ id: 'google-analytics', category: 'analytics' });
  if (gtm) found.push({ id: 'google-tag-manager', category: gtm.category || 'analytics' });
  return found;
}

/**
 * The auto-blocking as the script tag joins it (see `startAutoblock`): the site's own `autoblockUrls` and
 * a built-in tracker's own category come before the catalogue; a held Google tag finds the Consent Mode
 * defaults in `dataLayer` ahead of everything, and a held Metrica a `ym` queue, so that the official
 * snippets' calls neither throw nor send; a decision lets go what it grants (after the gating has sent
 * Google the update). Also sets `consent.trackers()` and emits `trackers`. Join it after `gatePage`.
 *
 * @example
 * createConsentCore(config, { plugins: [gatePage(refusalActions), autoblock] });
 */
export const autoblock: ConsentPlugin = (consent, emit) => {
  const { config } = consent;
  const found = builtIn(config);
  consent.trackers = () => found.slice();
  if (!config.autoblock) return;
  const { yandexMetrica: ym, googleTagManager: gtm } = config.integrations;
  const entries: CatalogueEntry[] = config.autoblockUrls.map(({ url, category }) => ({
    id: url,
    category,
    urls: [url],
  }));
  if (ym?.category) entries.push({ ...yandexMetrica, category: ym.category });
  if (gtm?.category) entries.push({ ...googleTagManager, category: gtm.category });

  const blocker = startAutoblock({
    entries: entries.concat(CATALOGUE),
    granted: (category) => consent.has(category),
    onFound(entry) {
      if (entry.google) {
        // Google's tags read dataLayer in order: the defaults go ahead of what the page pushed already
        // (GTM's snippet pushes its start event before it adds the container).
        const layer = dataLayer();
        const before = layer.length;
        googleConsent(consent.get(), true);
        layer.unshift(...layer.splice(before));
      }
      if (entry.id === 'yandex-metrica') ymQueue();
      if (!config.categories.some((category) => category.id === entry.category))
        warnOnce(
          entry.urls[0],
          `is held for the "${entry.category}" category, which is not configured: add it, or map the address in autoblockUrls`,
        );
      if (!found.some((known) => known.id === entry.id)) {
        found.push({ id: entry.id, category: entry.category });
        emit('trackers', found.slice());
      }
    },
  });
  const off = consent.on('change', () => blocker.release());
  return () => {
    off();
    blocker.stop();
  };
};
