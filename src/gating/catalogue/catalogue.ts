import { calltouch } from './calltouch';
import type { CatalogueEntry } from './catalogue-entry';
import { comagic } from './comagic';
import { googleAds } from './google-ads';
import { googleAnalytics } from './google-analytics';
import { googleTagManager } from './google-tag-manager';
import { metaPixel } from './meta-pixel';
import { roistat } from './roistat';
import { tiktokPixel } from './tiktok-pixel';
import { vkAds } from './vk-ads';
import { yandexMetrica } from './yandex-metrica';
import { youtube } from './youtube';

/**
 * The trackers Soglasie holds until their category is granted. The first entry whose pattern matches
 * wins: Google Ads' `gtag/js?id=AW-` comes before Analytics' `gtag/js`.
 *
 * @example
 * matchTracker('https://mc.yandex.ru/metrika/tag.js', CATALOGUE, location.href)?.id; // 'yandex-metrica'
 */
export const CATALOGUE: CatalogueEntry[] = [
  yandexMetrica,
  googleAds,
  googleAnalytics,
  googleTagManager,
  vkAds,
  metaPixel,
  tiktokPixel,
  roistat,
  calltouch,
  comagic,
  youtube,
];
