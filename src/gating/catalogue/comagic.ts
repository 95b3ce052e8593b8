import type { CatalogueEntry, TrackerAbout } from './catalogue-entry';

/** CoMagic (UIS), call tracking. */
export const comagic: CatalogueEntry = {
  id: 'comagic',
  category: 'analytics',
  urls: ['app.comagic.ru/', 'app.uiscom.ru/'],
};

export const comagicAbout: TrackerAbout = {
  name: 'CoMagic',
  processor: 'CoMagic (UIS)',
  names: ['_comagic*'],
};
