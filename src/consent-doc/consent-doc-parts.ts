import type { ConsentConfig, IntegrationsConfig, Lang, Localized } from '../config/config-types';
import { resolveConfig } from '../config/resolve-config';
import { builtInProcessors } from './built-in-processors';

/** A service named in the consent document, and the company that runs it for the operator. */
export interface DocumentService {
  name: string;
  /** Empty when the operator runs the service itself. */
  processor: string;
  processorAddress: string;
  /** The processor's country when it is outside Russia. */
  abroad: string;
  /** Where a configured service sits in the configuration (`categories[0].services[1]`); empty for a built-in one. */
  path: string;
}

/** An optional category the visitor can consent to, with what runs in it. */
export interface DocumentCategory {
  id: string;
  /** Where the category sits in the configuration (`categories[1]`); empty for a default one. */
  path: string;
  /** The category's own label, empty when it has none (the document then uses its built-in name or id). */
  label: string;
  /** The category's own description, empty when it has none. */
  description: string;
  services: DocumentService[];
}

/** The text of a localized value in one language, falling back to the other. */
export function pick(value: Localized | undefined, lang: Lang): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return value[lang] ?? value.ru ?? value.en ?? '';
}

/** The built-in integrations configured to wait for this category (Metrica and GTM can name another one). */
function builtInServices(integrations: IntegrationsConfig, categoryId: string, lang: Lang): DocumentService[] {
  const services: DocumentService[] = [];
  for (const key of Object.keys(builtInProcessors) as Array<keyof IntegrationsConfig>) {
    const tracker = integrations[key];
    if (!tracker) continue;
    const waitsFor = 'category' in tracker && tracker.category ? tracker.category : 'analytics';
    if (waitsFor !== categoryId) continue;
    const known = builtInProcessors[key];
    services.push({
      name: pick(known.name, lang),
      processor: pick(known.processor, lang),
      processorAddress: pick(known.processorAddress, lang),
      abroad: pick(known.abroad, lang),
      path: '',
    });
  }
  return services;
}

/**
 * The optional categories a consent document covers, each with its services: the services the
 * configuration lists for it, else the built-in trackers that wait for it. A category the configuration
 * does not list (the default analytics and marketing) is covered only when a tracker waits for it.
 */
export function documentCategories(config: ConsentConfig, lang: Lang): DocumentCategory[] {
  // The same categories, in the same order, as the banner shows; its warnings are the config check's job.
  const resolved = resolveConfig(config, () => {});
  const listed = config.categories ?? [];
  const categories: DocumentCategory[] = [];
  for (const category of resolved.categories.slice(1)) {
    const index = listed.findIndex((item) => item.id === category.id);
    const configured = index >= 0 ? listed[index].services : undefined;
    let services: DocumentService[];
    if (configured) {
      services = configured.map((service, serviceIndex) => ({
        name: pick(service.name, lang),
        processor: pick(service.processor, lang),
        processorAddress: pick(service.processorAddress, lang),
        abroad: '',
        path: `categories[${index}].services[${serviceIndex}]`,
      }));
    } else {
      services = builtInServices(resolved.integrations, category.id, lang);
    }
    if (index < 0 && !services.length) continue;
    categories.push({
      id: category.id,
      path: index >= 0 ? `categories[${index}]` : '',
      label: pick(category.label, lang),
      description: pick(category.description, lang),
      services,
    });
  }
  return categories;
}
