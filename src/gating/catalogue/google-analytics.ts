import type { CatalogueEntry, TrackerAbout } from './catalogue-entry';

/** Google Analytics 4: gtag.js (any id that Google Ads has not claimed first) and its hits. */
export const googleAnalytics: CatalogueEntry = {
  id: 'google-analytics',
  category: 'analytics',
  urls: ['googletagmanager.com/gtag/js', 'google-analytics.com/', 'analytics.google.com/'],
  google: true,
};

export const googleAnalyticsAbout: TrackerAbout = {
  name: 'Google Analytics',
  processor: 'Google LLC',
  names: ['_ga*', '_gid', '_gat*'],
};
