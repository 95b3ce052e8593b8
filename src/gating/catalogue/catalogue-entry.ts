import type { Localized } from '../../config/config-types';

/**
 * What the auto-blocking needs to know of a tracker: the addresses of its scripts, frames and pixels,
 * and the category that allows it. Kept apart from `TrackerAbout` so that the core, which every page
 * view runs, carries only this.
 *
 * @example
 * const entry: CatalogueEntry = { id: 'roistat', category: 'analytics', urls: ['cloud.roistat.com/'] };
 */
export interface CatalogueEntry {
  /** Kebab-case name, e.g. `yandex-metrica`; a site's own entry uses its URL pattern. */
  id: string;
  /** The category that must be granted before it loads. */
  category: string;
  /**
   * `host/path-prefix` patterns: the host matches itself and its subdomains, the rest is a prefix of the
   * path and query (`www.googletagmanager.com/gtag/js?id=AW-`).
   */
  urls: string[];
  /** A Google tag: Consent Mode v2 defaults go into `dataLayer` before it can run. */
  google?: boolean;
}

/**
 * What the preferences dialog and the withdrawal sweep need to know of a tracker.
 *
 * @example
 * const about: TrackerAbout = { name: 'Roistat', processor: { ru: 'ООО «Ройстат»', en: 'Roistat LLC' }, names: ['roistat_*'] };
 */
export interface TrackerAbout {
  name: Localized;
  /** The company that processes the data. */
  processor: Localized;
  /** Cookies and `localStorage` keys it sets on the site; a trailing `*` is a prefix. */
  names: string[];
}
