import type { CatalogueEntry, TrackerAbout } from './catalogue-entry';

/** Calltouch, call tracking. */
export const calltouch: CatalogueEntry = {
  id: 'calltouch',
  category: 'analytics',
  urls: ['mod.calltouch.ru/', 'cdn.calltouch.ru/'],
};

export const calltouchAbout: TrackerAbout = {
  name: 'Calltouch',
  processor: 'Calltouch',
  names: ['_ct', '_ct_*', 'call_s', 'cted'],
};
