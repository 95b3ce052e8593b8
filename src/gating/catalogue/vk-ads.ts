import type { CatalogueEntry, TrackerAbout } from './catalogue-entry';

/** The VK Ads pixel, which is the Top@Mail.ru counter, and VK's older retargeting pixel. */
export const vkAds: CatalogueEntry = {
  id: 'vk-ads',
  category: 'marketing',
  urls: ['top-fwz1.mail.ru/', 'top.mail.ru/', 'vk.com/rtrg', 'vk.ru/rtrg'],
};

export const vkAdsAbout: TrackerAbout = {
  name: { ru: 'Пиксель VK Рекламы (Top@Mail.ru)', en: 'VK Ads pixel (Top@Mail.ru)' },
  processor: { ru: 'ООО «ВК»', en: 'VK LLC' },
  names: ['tmr_*'],
};
