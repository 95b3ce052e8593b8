import type { CatalogueEntry, TrackerAbout } from './catalogue-entry';

/** Yandex.Metrica (tag.js, hits, Webvisor's recordings). */
export const yandexMetrica: CatalogueEntry = {
  id: 'yandex-metrica',
  category: 'analytics',
  urls: ['mc.yandex.ru/', 'mc.yandex.com/', 'mc.yandex.by/', 'mc.yandex.kz/', 'mc.webvisor.org/', 'mc.webvisor.com/'],
};

export const yandexMetricaAbout: TrackerAbout = {
  name: { ru: 'Яндекс Метрика', en: 'Yandex Metrica' },
  processor: { ru: 'ООО «Яндекс»', en: 'Yandex LLC' },
  names: ['_ym*'],
};
