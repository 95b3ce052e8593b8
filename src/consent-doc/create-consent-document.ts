import type { ConsentConfig, Lang } from '../config/config-types';
import { parseConfig } from '../config/parse-config';
import { resolveConfig } from '../config/resolve-config';
import { documentCategories, type DocumentCategory } from './consent-doc-parts';
import { consentDocTexts, type ConsentDocTexts } from './consent-doc-texts';
import { missingConsentFields } from './missing-consent-fields';

/** Options of {@link createConsentDocument}. */
export interface ConsentDocumentOptions {
  /** The document's language; default: the configuration's `lang`, else `ru`. */
  lang?: Lang;
}

/** A configured phrase without its own final punctuation: the document adds its own. */
const bare = (phrase: string) => phrase.trim().replace(/[.;,]+$/, '');

/** Bullet lines, each closed by `;` and the last by `.`, as a Russian enumeration is. */
function bullets(items: string[]): string[] {
  return items.map((item, index) => `· ${bare(item)}${index === items.length - 1 ? '.' : ';'}`);
}

function categoryLabel(category: DocumentCategory, texts: ConsentDocTexts): string {
  return texts.quoted(category.label || texts.categoryLabels[category.id] || category.id);
}

function purposeLine(category: DocumentCategory, texts: ConsentDocTexts): string {
  const purpose = bare(category.description) || texts.categoryPurposes[category.id];
  const names = category.services.map((service) => service.name);
  const services = names.length ? ` (${texts.services}: ${names.join(', ')})` : '';
  return `${categoryLabel(category, texts)} — ${purpose}${services}`;
}

/**
 * Writes the consent document for a site from its configuration: the plain-text consent to the
 * processing of personal data under 152-FZ art. 9 part 4 that the banner links to. It names the
 * operator (name, OGRN/INN, address), the purposes (the configured ones and each category's), the list
 * of data, the actions, the processors — the built-in trackers actually configured and the services of
 * the configured categories, with their companies and addresses — the term (read after «Согласие
 * действует» / "The consent is valid") and how to withdraw; it says that consent is given by ticking
 * categories (or the accept button in `buttons` mode) and that refusing costs nothing. The result is
 * the plain text the document viewer reads: headings, paragraphs and `·` bullets.
 *
 * Throws an Error naming the missing fields when the configuration lacks any of them: check first
 * with {@link missingConsentFields}.
 *
 * @example
 * const text = createConsentDocument(
 *   {
 *     operator: { name: 'ООО «Инфотек»', ogrn: '1107154005980', address: '300034, г. Тула, ул. Революции, д. 21', email: 'hd@autocrm.ru', site: 'autocrm.ru' },
 *     processing: { purposes: ['улучшение работы Сайта'], data: ['файлы cookie', 'IP-адрес'], actions: ['сбор', 'хранение'], term: 'до его отзыва' },
 *     integrations: { yandexMetrica: { id: 12345678 } },
 *   },
 *   { lang: 'ru' },
 * );
 * // 'Согласие на обработку персональных данных\n\nЯ, посетитель сайта autocrm.ru …'
 */
export function createConsentDocument(config: ConsentConfig, options: ConsentDocumentOptions = {}): string {
  const missing = missingConsentFields(config);
  if (missing.length) {
    throw new Error(
      `createConsentDocument: a consent under 152-FZ art. 9 part 4 needs what the configuration lacks: ${missing.join(', ')}`,
    );
  }
  const checked = parseConfig(config, () => {});
  const lang = options.lang ?? checked.lang ?? 'ru';
  if (lang !== 'ru' && lang !== 'en') {
    throw new Error(`createConsentDocument: lang must be "ru" or "en", got ${JSON.stringify(lang)}`);
  }
  const texts = consentDocTexts[lang];
  const resolved = resolveConfig(checked, () => {});
  const operator = resolved.operator;
  const processing = resolved.processing;
  const categories = documentCategories(checked, lang);

  const ids: string[] = [];
  if (operator.inn) ids.push(`${texts.inn} ${operator.inn}`);
  if (operator.ogrn) ids.push(`${texts.ogrn(operator.ogrn)} ${operator.ogrn}`);
  const operatorLine =
    `${[operator.name, ...ids].join(', ')}; ${texts.address}: ${operator.address}; ` +
    `${texts.email}: ${bare(operator.email ?? '')}.`;

  const processorLines: string[] = [];
  const abroad: string[] = [];
  for (const category of categories) {
    for (const service of category.services) {
      if (!service.processor) continue;
      const where = texts.category(categoryLabel(category, texts));
      processorLines.push(`${service.processor}, ${bare(service.processorAddress)} — ${service.name} (${where})`);
      const country = `${service.processor} (${service.abroad})`;
      if (service.abroad && !abroad.includes(country)) abroad.push(country);
    }
  }
  const processors = processorLines.length ? [texts.processors, ...bullets(processorLines)] : [texts.noProcessors];
  if (abroad.length) processors.push(texts.abroad(abroad.join(', ')));

  const ending: string[] = [];
  if (resolved.policy.url || resolved.policy.text) {
    ending.push(texts.policy(resolved.texts[lang]?.policy || texts.policyTitle));
  }
  if (resolved.consent.version) ending.push(texts.version(resolved.consent.version));

  const sections: string[][] = [
    [texts.title],
    [texts.intro(operator.site ?? '', operator.name ?? ''), texts.given[resolved.mode], texts.refusal],
    [texts.operatorHeading],
    [operatorLine],
    [texts.purposesHeading],
    [
      texts.purposes((processing.purposes ?? []).map(bare)),
      texts.byCategory,
      ...bullets(categories.map((category) => purposeLine(category, texts))),
    ],
    [texts.dataHeading],
    [texts.data, ...bullets(processing.data ?? [])],
    [texts.actionsHeading],
    [texts.actions((processing.actions ?? []).map(bare))],
    [texts.processorsHeading],
    processors,
    [texts.termHeading],
    [`${texts.term(bare(processing.term ?? ''))} ${texts.lifetime(resolved.lifetimeMonths)}`],
    [texts.withdrawHeading],
    [texts.withdraw(operator.email ?? '', bare(operator.address ?? '')), texts.afterWithdrawal],
    ending,
  ];
  // One blank line before each heading and between paragraphs: what the viewer reads as structure.
  return `${sections
    .filter((lines) => lines.length)
    .map((lines) => lines.join('\n'))
    .join('\n\n')}\n`;
}
