import { describe, expect, it } from 'vitest';
import { createConsentDocument, missingConsentFields, type ConsentConfig } from '../../../src';
import { parsePlainText, withoutTitle, type Block } from '../../../src/ui/parse-plain-text';
import { completeConfig } from './consent-doc-fixture';

const text = (block: Block) => block.parts.map((part) => (typeof part === 'string' ? part : part.text)).join('');
const headings = (doc: string) =>
  parsePlainText(doc)
    .filter((block) => block.kind === 'h')
    .map(text);

describe('createConsentDocument', () => {
  it('writes every element of 152-FZ art. 9 part 4 from a complete configuration', () => {
    const doc = createConsentDocument(completeConfig(), { lang: 'ru' });
    for (const part of [
      'ООО «Инфотек», ОГРН 1107154005980',
      'адрес: 300034, Россия, г. Тула, ул. Революции, д. 21, оф. 6',
      'сайта www.autocrm.ru',
      'в целях: обеспечение и улучшение функционирования Сайта.',
      '· файлы cookie;\n· IP-адрес.',
      'следующие действия: сбор, хранение, удаление.',
      'ООО «Яндекс», 119021, Россия, г. Москва, ул. Льва Толстого, д. 16 — Яндекс Метрика (категория «Аналитика»)',
      'Согласие действует до его отзыва.',
      'Сайт помнит мой выбор 6 месяцев',
      'ч. 2 ст. 9 Федерального закона № 152-ФЗ',
      'письмом на адрес hd@autocrm.ru',
      'я сам(а) ставлю отметку у категории',
      'Заранее отметки не проставлены',
      'Отказ от согласия ничего мне не стоит и не ограничивает доступ к Сайту',
    ]) {
      expect(doc).toContain(part);
    }
    expect(doc).not.toMatch(/оставаясь|прекратить использование/i);
  });

  it('is plain text the viewer reads as a title, seven numbered sections, paragraphs and bullets', () => {
    const doc = createConsentDocument(completeConfig(), { lang: 'ru' });
    expect(headings(doc)).toEqual([
      'Согласие на обработку персональных данных',
      '1. Оператор',
      '2. Цели обработки',
      '3. Перечень персональных данных',
      '4. Действия с персональными данными',
      '5. Лица, обрабатывающие данные по поручению Оператора',
      '6. Срок действия согласия',
      '7. Отзыв согласия',
    ]);
    const blocks = parsePlainText(doc);
    expect(blocks.filter((block) => block.kind === 'li').map(text)).toContain('IP-адрес.');
    expect(withoutTitle(blocks, 'Согласие на обработку персональных данных')[0].kind).toBe('p');
    expect(blocks.flatMap((block) => block.parts).filter((part) => typeof part !== 'string')).toContainEqual({
      text: 'hd@autocrm.ru',
      href: 'mailto:hd@autocrm.ru',
    });
  });

  it('writes English with the English headings and company names', () => {
    const doc = createConsentDocument({ ...completeConfig(), lang: 'en' });
    expect(headings(doc)).toEqual([
      'Consent to personal data processing',
      '1. The Operator',
      '2. Purposes of processing',
      '3. The personal data processed',
      '4. Actions with the personal data',
      '5. Those who process the data on behalf of the Operator',
      '6. Term of the consent',
      '7. Withdrawing the consent',
    ]);
    expect(doc).toContain(
      'Yandex LLC, 16 Leo Tolstoy St., Moscow, 119021, Russia — Yandex Metrica (category “Analytics”)',
    );
    expect(doc).toContain('I tick the category myself');
    expect(doc).toContain('Refusing costs me nothing');
    expect(doc).toContain('art. 9 part 2 of Federal Law No. 152-FZ');
    expect(createConsentDocument({ ...completeConfig(), lang: 'en' }, { lang: 'ru' })).toMatch(/^Согласие/);
  });

  it('names as processors only the trackers configured, with a cross-border note for Google', () => {
    const metricaOnly = createConsentDocument(completeConfig());
    expect(metricaOnly).toContain('ООО «Яндекс»');
    expect(metricaOnly).not.toMatch(/Google|трансграничн|«Маркетинг»/);

    const both = createConsentDocument({
      ...completeConfig(),
      integrations: {
        yandexMetrica: { id: 1 },
        googleAnalytics: { id: 'G-TEST' },
        googleTagManager: { id: 'GTM-TEST', category: 'marketing' },
      },
    });
    expect(both).toContain(
      'Google LLC, 1600 Amphitheatre Parkway, Mountain View, CA 94043, США — Google Analytics (категория «Аналитика»)',
    );
    expect(both).toContain('— Google Tag Manager (категория «Маркетинг»)');
    expect(both).toContain('«Маркетинг» — показ и оценка рекламы (сервисы: Google Tag Manager)');
    expect(both).toContain('Передача данных Google LLC (США) является трансграничной');
  });

  it("names the services a category lists instead of the built-in ones, and a category of the site's own", () => {
    const config: ConsentConfig = {
      ...completeConfig(),
      categories: [
        {
          id: 'analytics',
          services: [
            {
              name: 'Top.Mail.Ru',
              processor: 'ООО «ВК»',
              processorAddress: '125167, г. Москва, Ленинградский пр-т, д. 39, стр. 79',
            },
          ],
        },
        {
          id: 'video',
          label: 'Видео',
          description: 'показ встроенных видеороликов',
          services: [{ name: 'Свой видеосервер' }],
        },
      ],
    };
    const doc = createConsentDocument(config);
    expect(doc).toContain(
      '· ООО «ВК», 125167, г. Москва, Ленинградский пр-т, д. 39, стр. 79 — Top.Mail.Ru (категория «Аналитика»).',
    );
    expect(doc).not.toContain('Яндекс');
    expect(doc).toContain('«Видео» — показ встроенных видеороликов (сервисы: Свой видеосервер)');
    expect(doc).not.toContain('Свой видеосервер (категория');
  });

  it('says no one else processes the data when no service has a processor', () => {
    const doc = createConsentDocument({
      ...completeConfig(),
      integrations: {},
      categories: [{ id: 'analytics', services: [{ name: 'Matomo на нашем сервере' }] }],
    });
    expect(doc).toContain('Оператор не поручает обработку данных другим лицам.');
  });

  it("words buttons mode as accepting, names a sole trader's OGRNIP and INN, and the policy and version", () => {
    const base = completeConfig();
    const doc = createConsentDocument({
      ...base,
      mode: 'buttons',
      operator: { ...base.operator, name: 'ИП Круглов А. В.', ogrn: '312505316600058', inn: '505311167358' },
      policy: { url: '/policy.txt' },
      consent: { url: '/consent.txt', version: '3' },
      texts: { ru: { policy: 'Политика обработки персональных данных' } },
      lifetimeMonths: 3,
    });
    expect(doc).toContain('ИП Круглов А. В., ИНН 505311167358, ОГРНИП 312505316600058;');
    expect(doc).toContain('кнопкой принятия в окне согласия');
    expect(doc).toContain('Сайт помнит мой выбор 3 месяца');
    expect(doc).toContain('С документом «Политика обработки персональных данных» Оператора я ознакомлен(а).');
    expect(doc.trimEnd().endsWith('Редакция: 3.')).toBe(true);
  });

  it('refuses an incomplete configuration, naming what is missing', () => {
    const base = completeConfig();
    expect(() => createConsentDocument({ ...base, processing: { ...base.processing, term: undefined } })).toThrow(
      /152-FZ art\. 9 part 4.*: processing\.term$/,
    );
    expect(() => createConsentDocument(base, { lang: 'de' as 'ru' })).toThrow('lang must be "ru" or "en", got "de"');
  });
});

describe('missingConsentFields', () => {
  it('is empty for a complete configuration', () => {
    expect(missingConsentFields(completeConfig())).toEqual([]);
  });

  it('names every field an empty configuration lacks', () => {
    expect(missingConsentFields({})).toEqual([
      'operator.name',
      'operator.ogrn or operator.inn',
      'operator.address',
      'operator.email',
      'processing.purposes',
      'processing.data',
      'processing.actions',
      'processing.term',
      'categories or integrations',
    ]);
  });

  it('names a processor without an address, a category without a purpose, and fields of the wrong type', () => {
    const base = completeConfig();
    const config = {
      ...base,
      processing: { ...base.processing, purposes: 'аналитика' },
      categories: [
        { id: 'analytics', services: [{ name: 'Top.Mail.Ru', processor: 'ООО «ВК»' }] },
        { id: 'video', label: 'Видео' },
      ],
    } as unknown as ConsentConfig;
    expect(missingConsentFields(config)).toEqual([
      'processing.purposes',
      'categories[0].services[0].processorAddress',
      'categories[1].description',
    ]);
  });
});
