import { calltouchAbout } from './calltouch';
import type { TrackerAbout } from './catalogue-entry';
import { comagicAbout } from './comagic';
import { googleAdsAbout } from './google-ads';
import { googleAnalyticsAbout } from './google-analytics';
import { googleTagManagerAbout } from './google-tag-manager';
import { metaPixelAbout } from './meta-pixel';
import { roistatAbout } from './roistat';
import { tiktokPixelAbout } from './tiktok-pixel';
import { vkAdsAbout } from './vk-ads';
import { yandexMetricaAbout } from './yandex-metrica';
import { youtubeAbout } from './youtube';

/**
 * Names, processors and stored names of the catalogue's trackers, by their `id`: for the preferences
 * dialog and the withdrawal sweep, which load after the core.
 *
 * @example
 * TRACKER_ABOUT['yandex-metrica'].processor; // { ru: 'ООО «Яндекс»', en: 'Yandex LLC' }
 */
export const TRACKER_ABOUT: Record<string, TrackerAbout> = {
  'yandex-metrica': yandexMetricaAbout,
  'google-ads': googleAdsAbout,
  'google-analytics': googleAnalyticsAbout,
  'google-tag-manager': googleTagManagerAbout,
  'vk-ads': vkAdsAbout,
  'meta-pixel': metaPixelAbout,
  'tiktok-pixel': tiktokPixelAbout,
  roistat: roistatAbout,
  calltouch: calltouchAbout,
  comagic: comagicAbout,
  youtube: youtubeAbout,
};
