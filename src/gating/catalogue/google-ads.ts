import type { CatalogueEntry, TrackerAbout } from './catalogue-entry';

/** Google Ads conversion tracking and remarketing (gtag.js with an `AW-` id, DoubleClick). */
export const googleAds: CatalogueEntry = {
  id: 'google-ads',
  category: 'marketing',
  urls: [
    'googletagmanager.com/gtag/js?id=AW-',
    'googletagmanager.com/gtag/js?id=DC-',
    'googleadservices.com/',
    'doubleclick.net/',
    'google.com/pagead/',
    'google.ru/pagead/',
  ],
  google: true,
};

export const googleAdsAbout: TrackerAbout = {
  name: 'Google Ads',
  processor: 'Google LLC',
  names: ['_gcl*'],
};
