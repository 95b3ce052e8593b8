import type { CatalogueEntry, TrackerAbout } from './catalogue-entry';

/** YouTube players embedded in the page (its cookies live on YouTube's domain, out of a site's reach). */
export const youtube: CatalogueEntry = {
  id: 'youtube',
  category: 'marketing',
  urls: [
    'youtube.com/embed/',
    'youtube-nocookie.com/embed/',
    'youtube.com/iframe_api',
    'youtube.com/player_api',
    'youtube.com/s/player/',
  ],
};

export const youtubeAbout: TrackerAbout = {
  name: 'YouTube',
  processor: 'Google LLC',
  names: [],
};
