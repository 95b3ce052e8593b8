import type { CatalogueEntry, TrackerAbout } from './catalogue-entry';

/** The Meta (Facebook) pixel: fbevents.js and its hits. */
export const metaPixel: CatalogueEntry = {
  id: 'meta-pixel',
  category: 'marketing',
  urls: ['connect.facebook.net/', 'facebook.com/tr'],
};

export const metaPixelAbout: TrackerAbout = {
  name: { ru: 'Пиксель Meta', en: 'Meta pixel' },
  processor: 'Meta Platforms, Inc.',
  names: ['_fbp', '_fbc'],
};
