import type { CategoryConfig, Lang, Localized, ResolvedConfig } from '../config/config-types';
import { builtInTexts } from './built-in-texts';
import type { Texts } from './texts-ru';

/** The interface strings for a language, with the site's overrides applied. */
export function textsFor(config: ResolvedConfig, lang: Lang): Texts {
  return { ...(builtInTexts[lang] ?? builtInTexts.ru ?? builtInTexts.en)!, ...config.texts[lang] };
}

/** Fills `{name}` placeholders; values are plain text and stay text when rendered. */
export const fill = (template: string, values: Record<string, string | undefined>): string =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);

/** A localized config value in the wanted language, falling back to any given one. */
export const localize = (value: Localized | undefined, lang: Lang): string | undefined =>
  typeof value === 'string' ? value : value && (value[lang] ?? value.ru ?? value.en);

/** A category's label, e.g. «Аналитика (Яндекс Метрика, Google Analytics)». */
export function categoryLabel(cat: CategoryConfig, lang: Lang, t: Texts): string {
  const base = localize(cat.label, lang) ?? (t as Record<string, string>)[cat.id] ?? cat.id;
  const names = (cat.services ?? []).map((s) => localize(s.name, lang)).filter(Boolean);
  return names.length ? `${base} (${names.join(', ')})` : base;
}

/** A category's description. */
export const categoryText = (cat: CategoryConfig, lang: Lang, t: Texts): string =>
  localize(cat.description, lang) ?? (t as Record<string, string>)[`${cat.id}Text`] ?? '';
