import type { ConsentConfig } from '../config/config-types';
import { parseConfig } from '../config/parse-config';
import { documentCategories } from './consent-doc-parts';
import { consentDocTexts } from './consent-doc-texts';

/**
 * What a configuration lacks for a complete consent document under 152-FZ art. 9 part 4: the
 * configuration paths to fill in, empty when nothing is missing. It asks for the operator's name,
 * OGRN or INN, address and withdrawal e-mail, the purposes, the list of data, the actions, the term,
 * something to consent to (a category or a built-in tracker), the purpose (description) of each category
 * of the site's own, and the address of every processor named in a category's services. A field of the wrong type counts as missing.
 *
 * @example
 * missingConsentFields({ operator: { name: 'ООО «Инфотек»' } });
 * // ['operator.ogrn or operator.inn', 'operator.address', 'operator.email', 'processing.purposes', …]
 */
export function missingConsentFields(config: ConsentConfig): string[] {
  const checked = parseConfig(config, () => {});
  const operator = checked.operator ?? {};
  const processing = checked.processing ?? {};
  const missing: string[] = [];
  if (!operator.name) missing.push('operator.name');
  if (!operator.ogrn && !operator.inn) missing.push('operator.ogrn or operator.inn');
  if (!operator.address) missing.push('operator.address');
  if (!operator.email) missing.push('operator.email');
  if (!processing.purposes?.length) missing.push('processing.purposes');
  if (!processing.data?.length) missing.push('processing.data');
  if (!processing.actions?.length) missing.push('processing.actions');
  if (!processing.term) missing.push('processing.term');
  const categories = documentCategories(checked, 'ru');
  if (!categories.length) missing.push('categories or integrations');
  for (const category of categories) {
    // The purpose of a category of the site's own is its description; analytics and marketing have one built in.
    if (!category.description && !(category.id in consentDocTexts.ru.categoryPurposes)) {
      missing.push(`${category.path}.description`);
    }
    for (const service of category.services) {
      if (service.processor && !service.processorAddress) missing.push(`${service.path}.processorAddress`);
    }
  }
  return missing;
}
