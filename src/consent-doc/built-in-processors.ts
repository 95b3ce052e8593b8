import type { IntegrationsConfig, Localized } from '../config/config-types';

/** A built-in tracker as a consent document names it: the service, its processor and where it is. */
export interface BuiltInProcessor {
  name: Localized;
  processor: Localized;
  processorAddress: Localized;
  /** The processor's country when it is outside Russia: sending data there is a cross-border transfer (152-FZ art. 12). */
  abroad?: Localized;
}

const google = {
  processor: 'Google LLC',
  processorAddress: {
    ru: '1600 Amphitheatre Parkway, Mountain View, CA 94043, США',
    en: '1600 Amphitheatre Parkway, Mountain View, CA 94043, USA',
  },
  abroad: { ru: 'США', en: 'the USA' },
};

/** The companies behind the built-in integrations, in the order the document lists them. */
export const builtInProcessors: Record<keyof IntegrationsConfig, BuiltInProcessor> = {
  yandexMetrica: {
    name: { ru: 'Яндекс Метрика', en: 'Yandex Metrica' },
    processor: { ru: 'ООО «Яндекс»', en: 'Yandex LLC' },
    processorAddress: {
      ru: '119021, Россия, г. Москва, ул. Льва Толстого, д. 16',
      en: '16 Leo Tolstoy St., Moscow, 119021, Russia',
    },
  },
  googleAnalytics: { name: 'Google Analytics', ...google },
  googleTagManager: { name: 'Google Tag Manager', ...google },
};
