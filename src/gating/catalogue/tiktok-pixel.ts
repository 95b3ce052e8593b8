import type { CatalogueEntry, TrackerAbout } from './catalogue-entry';

/** The TikTok pixel. */
export const tiktokPixel: CatalogueEntry = {
  id: 'tiktok-pixel',
  category: 'marketing',
  urls: ['analytics.tiktok.com/'],
};

export const tiktokPixelAbout: TrackerAbout = {
  name: { ru: 'Пиксель TikTok', en: 'TikTok pixel' },
  processor: 'TikTok Pte. Ltd.',
  names: ['_ttp', '_tt_enable_cookie', 'ttcsid*'],
};
