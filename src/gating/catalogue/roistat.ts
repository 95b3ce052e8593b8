import type { CatalogueEntry, TrackerAbout } from './catalogue-entry';

/** Roistat, end-to-end analytics. */
export const roistat: CatalogueEntry = {
  id: 'roistat',
  category: 'analytics',
  urls: ['cloud.roistat.com/'],
};

export const roistatAbout: TrackerAbout = {
  name: 'Roistat',
  processor: 'Roistat',
  names: ['roistat_*', 'roistat'],
};
