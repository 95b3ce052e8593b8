import type { CategoryConfig } from '../config/config-types';
import type { Consent } from '../store/consent-types';

/**
 * The optional categories the interface offers: those the site listed itself, and of the default ones
 * only those the page has something of — a built-in tracker (it names itself as the category's service)
 * a tracker the page has (a pasted snippet held by auto-blocking) or a gated element (`data-consent`). A «Маркетинг» box on a site with no marketing service would ask
 * for a consent that covers nothing.
 *
 * @example
 * shownCategories(consent).map((category) => category.id); // ['analytics']
 */
export function shownCategories(consent: Consent): CategoryConfig[] {
  const { config } = consent;
  const optional = config.categories.slice(1);
  if (config.categoriesListed) return optional;
  const trackers = consent.trackers ? consent.trackers() : [];
  return optional.filter((category) => {
    if (trackers.some((tracker) => tracker.category === category.id)) return true;
    if (category.services?.length) return true;
    if (consent.get().categories[category.id]) return true;
    return Boolean(document.querySelector(`[data-consent~="${category.id}"]`));
  });
}
