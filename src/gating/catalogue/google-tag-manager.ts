import type { CatalogueEntry, TrackerAbout } from './catalogue-entry';

/** Google Tag Manager's container. The tags it adds are held by their own entries. */
export const googleTagManager: CatalogueEntry = {
  id: 'google-tag-manager',
  category: 'analytics',
  urls: ['googletagmanager.com/gtm.js'],
  google: true,
};

export const googleTagManagerAbout: TrackerAbout = {
  name: 'Google Tag Manager',
  processor: 'Google LLC',
  names: ['_ga*', '_gid', '_gat*'],
};
