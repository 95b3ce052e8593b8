import type { ResolvedConfig } from '../config/config-types';
import { CATALOGUE } from './catalogue/catalogue';
import { TRACKER_ABOUT } from './catalogue/tracker-about';

/** What the built-in trackers store, by the category that allows them. */
const BUILT_IN: Record<string, string[]> = { analytics: ['_ga*', '_gid'], marketing: ['_gcl*'] };

/**
 * Cookie and storage names to delete when these categories are taken back: the built-in trackers'
 * (`_ym*`, `_ga*`, `_gid` for analytics, `_gcl*` for marketing), those of the auto-blocking's catalogue
 * (`tmr_*`, `_fbp`, `roistat_*`, …) and each service's `cookies`. A trailing `*` is a prefix.
 *
 * @example
 * trackerNames(consent.config, ['analytics']); // ['_ym*', '_ga*', '_gid', …services' cookies]
 */
export function trackerNames(config: ResolvedConfig, categories: string[]): string[] {
  // Metrica's under its own category when it has one, else under analytics (a pasted snippet too).
  const ym = config.integrations.yandexMetrica?.category || 'analytics';
  // Once each: a built-in tracker's own service entry lists its cookies as well.
  return [
    ...new Set(
      categories.flatMap((id) => [
        ...(id === ym ? ['_ym*'] : []),
        ...(BUILT_IN[id] || []),
        // What the catalogue's trackers of this category store (the auto-blocking may have let them run).
        // Metrica's are above, under its own category.
        ...CATALOGUE.filter((entry) => entry.category === id && entry.id !== 'yandex-metrica').flatMap(
          (entry) => TRACKER_ABOUT[entry.id].names,
        ),
        ...(config.categories.find((c) => c.id === id)?.services || []).flatMap((s) => s.cookies || []),
      ]),
    ),
  ];
}
