import type { ConsentMode, Lang } from '../config/config-types';

/** The fixed wording of a consent document in one language; the configuration fills in the rest. */
export interface ConsentDocTexts {
  title: string;
  intro: (site: string, operator: string) => string;
  given: Record<ConsentMode, string>;
  refusal: string;
  operatorHeading: string;
  inn: string;
  /** A 13-digit OGRN is a company's, a 15-digit one a sole trader's. */
  ogrn: (ogrn: string) => string;
  address: string;
  email: string;
  purposesHeading: string;
  purposes: (purposes: string[]) => string;
  byCategory: string;
  quoted: (label: string) => string;
  categoryLabels: Record<string, string>;
  categoryPurposes: Record<string, string>;
  services: string;
  dataHeading: string;
  data: string;
  actionsHeading: string;
  actions: (actions: string[]) => string;
  processorsHeading: string;
  processors: string;
  /** The label comes quoted. */
  category: (label: string) => string;
  noProcessors: string;
  abroad: (processors: string) => string;
  termHeading: string;
  term: (term: string) => string;
  lifetime: (months: number) => string;
  withdrawHeading: string;
  withdraw: (email: string, address: string) => string;
  afterWithdrawal: string;
  policy: (title: string) => string;
  policyTitle: string;
  version: (version: string) => string;
}

/** 1 месяц, 2 месяца, 5 месяцев, 11 месяцев, 21 месяц. */
function monthsRu(months: number): string {
  const lastTwo = months % 100;
  const last = months % 10;
  if (lastTwo >= 11 && lastTwo <= 14) return `${months} месяцев`;
  if (last === 1) return `${months} месяц`;
  if (last >= 2 && last <= 4) return `${months} месяца`;
  return `${months} месяцев`;
}

const ru: ConsentDocTexts = {
  title: 'Согласие на обработку персональных данных',
  intro: (site, operator) =>
    `Я, посетитель сайта${site ? ` ${site}` : ''} (далее — Сайт), свободно, своей волей и в своём интересе ` +
    `даю согласие оператору — ${operator} (далее — Оператор) — на обработку моих персональных данных ` +
    `на условиях, изложенных ниже.`,
  given: {
    checkbox:
      'Согласие даётся отдельно по каждой категории из раздела 2: я сам(а) ставлю отметку у категории в окне ' +
      'согласия на Сайте и подтверждаю выбор. Заранее отметки не проставлены; согласие действует только для ' +
      'отмеченных мной категорий.',
    buttons:
      'Согласие даётся отдельно по каждой категории из раздела 2: кнопкой принятия в окне согласия на Сайте ' +
      '(для всех категорий) или отметками, которые я сам(а) ставлю в настройках согласия (для отмеченных ' +
      'категорий). Согласие действует только для принятых мной категорий.',
  },
  refusal:
    'Отказ от согласия ничего мне не стоит и не ограничивает доступ к Сайту: сервисы не принятых мной ' +
    'категорий не загружаются, а файлы cookie, без которых Сайт не работает (в том числе запоминающие мой ' +
    'выбор), используются без согласия.',
  operatorHeading: '1. Оператор',
  inn: 'ИНН',
  ogrn: (ogrn) => (ogrn.length === 15 ? 'ОГРНИП' : 'ОГРН'),
  address: 'адрес',
  email: 'электронная почта',
  purposesHeading: '2. Цели обработки',
  purposes: (purposes) => `Персональные данные обрабатываются в целях: ${purposes.join('; ')}.`,
  byCategory: 'По категориям, на которые даётся согласие:',
  quoted: (label) => `«${label}»`,
  categoryLabels: { analytics: 'Аналитика', marketing: 'Маркетинг' },
  categoryPurposes: {
    analytics: 'анализ посещаемости Сайта и того, как посетители им пользуются',
    marketing: 'показ и оценка рекламы',
  },
  services: 'сервисы',
  dataHeading: '3. Перечень персональных данных',
  data: 'Обрабатываются следующие данные:',
  actionsHeading: '4. Действия с персональными данными',
  actions: (actions) =>
    `Оператор вправе совершать с данными следующие действия: ${actions.join(', ')}. ` +
    'Обработка ведётся автоматизированным способом.',
  processorsHeading: '5. Лица, обрабатывающие данные по поручению Оператора',
  processors: 'Для принятых мной категорий Оператор поручает обработку данных следующим лицам:',
  category: (label) => `категория ${label}`,
  noProcessors: 'Оператор не поручает обработку данных другим лицам.',
  abroad: (processors) =>
    `Передача данных ${processors} является трансграничной (ст. 12 Федерального закона № 152-ФЗ).`,
  termHeading: '6. Срок действия согласия',
  term: (term) => `Согласие действует ${term}.`,
  lifetime: (months) => `Сайт помнит мой выбор ${monthsRu(months)}, после чего запрашивает согласие снова.`,
  withdrawHeading: '7. Отзыв согласия',
  withdraw: (email, address) =>
    'Я могу отозвать согласие в любой момент (ч. 2 ст. 9 Федерального закона № 152-ФЗ «О персональных ' +
    `данных»): в окне настроек согласия на Сайте, письмом на адрес ${email} или письменным заявлением ` +
    `по адресу Оператора: ${address}.`,
  afterWithdrawal:
    'После отзыва Сайт перестаёт загружать сервисы отозванных категорий и удаляет их файлы cookie, а ' +
    'Оператор прекращает обработку данных и уничтожает их в сроки, установленные ст. 21 Федерального закона ' +
    '№ 152-ФЗ. Отзыв согласия не ограничивает доступ к Сайту.',
  policy: (title) => `С документом «${title}» Оператора я ознакомлен(а).`,
  policyTitle: 'Политика конфиденциальности',
  version: (version) => `Редакция: ${version}.`,
};

const en: ConsentDocTexts = {
  title: 'Consent to personal data processing',
  intro: (site, operator) =>
    `I, a visitor of the website${site ? ` ${site}` : ''} (the Site), freely, of my own will and in my own ` +
    `interest, give my consent to the operator ${operator} (the Operator) to process my personal data on ` +
    `the terms below.`,
  given: {
    checkbox:
      'Consent is given for each category of section 2 separately: I tick the category myself in the ' +
      'consent window on the Site and confirm my choice. Nothing is ticked in advance; the consent covers ' +
      'only the categories I ticked.',
    buttons:
      'Consent is given for each category of section 2 separately: with the accept button in the consent ' +
      'window on the Site (all categories) or with the boxes I tick myself in the consent settings (the ' +
      'ticked categories). The consent covers only the categories I accepted.',
  },
  refusal:
    'Refusing costs me nothing and does not limit my access to the Site: the services of the categories I ' +
    'did not accept are not loaded, and the cookies the Site cannot work without (including those that ' +
    'remember my choice) are used without consent.',
  operatorHeading: '1. The Operator',
  inn: 'INN',
  ogrn: (ogrn) => (ogrn.length === 15 ? 'OGRNIP' : 'OGRN'),
  address: 'address',
  email: 'e-mail',
  purposesHeading: '2. Purposes of processing',
  purposes: (purposes) => `The personal data are processed for: ${purposes.join('; ')}.`,
  byCategory: 'By the categories consent is given for:',
  quoted: (label) => `“${label}”`,
  categoryLabels: { analytics: 'Analytics', marketing: 'Marketing' },
  categoryPurposes: {
    analytics: 'analysing visits to the Site and how visitors use it',
    marketing: 'showing and measuring advertising',
  },
  services: 'services',
  dataHeading: '3. The personal data processed',
  data: 'The following data are processed:',
  actionsHeading: '4. Actions with the personal data',
  actions: (actions) =>
    `The Operator may perform the following actions with the data: ${actions.join(', ')}. ` +
    'The processing is automated.',
  processorsHeading: '5. Those who process the data on behalf of the Operator',
  processors: 'For the categories I accepted, the Operator entrusts the processing to:',
  category: (label) => `category ${label}`,
  noProcessors: 'The Operator does not entrust the processing to anyone else.',
  abroad: (processors) =>
    `Transferring the data to ${processors} is a cross-border transfer (art. 12 of Federal Law No. 152-FZ).`,
  termHeading: '6. Term of the consent',
  term: (term) => `The consent is valid ${term}.`,
  lifetime: (months) =>
    `The Site remembers my choice for ${months} ${months === 1 ? 'month' : 'months'}, then asks for consent again.`,
  withdrawHeading: '7. Withdrawing the consent',
  withdraw: (email, address) =>
    'I may withdraw the consent at any time (art. 9 part 2 of Federal Law No. 152-FZ “On Personal Data”): ' +
    `in the consent settings on the Site, by e-mail to ${email} or by a written notice to the Operator's ` +
    `address: ${address}.`,
  afterWithdrawal:
    'After a withdrawal the Site stops loading the services of the withdrawn categories and deletes their ' +
    'cookies, and the Operator stops processing the data and destroys them within the time limits of art. 21 ' +
    'of Federal Law No. 152-FZ. Withdrawing does not limit access to the Site.',
  policy: (title) => `I have read the Operator's “${title}”.`,
  policyTitle: 'Privacy policy',
  version: (version) => `Version: ${version}.`,
};

/** The consent document's wording in each built-in language. */
export const consentDocTexts: Record<Lang, ConsentDocTexts> = { ru, en };
