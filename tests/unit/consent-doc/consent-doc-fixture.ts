import type { ConsentConfig } from '../../../src';

/** A configuration with everything a complete consent document needs, and one built-in tracker. */
export function completeConfig(): ConsentConfig {
  return {
    operator: {
      name: 'ООО «Инфотек»',
      ogrn: '1107154005980',
      address: '300034, Россия, г. Тула, ул. Революции, д. 21, оф. 6',
      email: 'hd@autocrm.ru',
      site: 'www.autocrm.ru',
    },
    processing: {
      purposes: ['обеспечение и улучшение функционирования Сайта'],
      data: ['файлы cookie', 'IP-адрес'],
      actions: ['сбор', 'хранение', 'удаление'],
      term: 'до его отзыва',
    },
    integrations: { yandexMetrica: { id: 12345678 } },
  };
}
