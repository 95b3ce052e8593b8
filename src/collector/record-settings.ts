/**
 * What the operator tells the collector about its processing, beyond what a
 * receipt records: who processes each category's data, where it is stored,
 * for how long, and how a visitor withdraws. Used by the ISO/IEC TS 27560
 * and Kantara views.
 *
 * @example
 * const settings: RecordSettings = {
 *   categories: { analytics: { purpose: 'анализ посещаемости', piiCategories: ['cookie'], processors: ['ООО «Яндекс»'] } },
 *   retention: 'P3Y',
 * };
 */
export interface RecordSettings {
  /** Per category id (as in receipts): its purpose, the data it touches and its processors. */
  categories?: Record<string, CategorySettings>;
  /** ISO 3166-1 alpha-2 codes of where the data is stored (default `['RU']`). */
  storageLocations?: string[];
  /** ISO 8601 duration the records and the data are kept (default: until withdrawn). */
  retention?: string;
  /** ISO 3166-1 alpha-2 codes of the jurisdictions whose law applies (default `['RU']`). */
  jurisdictions?: string[];
  /** How a visitor withdraws (default: the operator's e-mail and the site's settings link). */
  withdrawalMethod?: string;
  /** ISO 8601 duration a decision holds before the banner asks again (default `P6M`, the SDK's lifetimeMonths). */
  validity?: string;
}

/** One category in {@link RecordSettings}. */
export interface CategorySettings {
  purpose?: string;
  piiCategories?: string[];
  /** Companies processing this category's data on the operator's behalf (152-FZ art. 6 part 3). */
  processors?: string[];
}

/** The category that runs without consent in every Soglasie configuration. */
export const NECESSARY = 'necessary';

/**
 * The settings of one category, never undefined.
 *
 * @example
 * categorySettings(settings, 'analytics').processors; // ['ООО «Яндекс»']
 */
export function categorySettings(settings: RecordSettings | undefined, id: string): Required<CategorySettings> {
  const own = settings?.categories?.[id];
  return {
    purpose: own?.purpose ?? id,
    piiCategories: own?.piiCategories ?? [],
    processors: own?.processors ?? [],
  };
}

const DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$/;
const COUNTRY = /^[A-Z]{2}$/;

function stringList(value: unknown): boolean {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/**
 * Why settings are unusable (naming the field), or undefined when they are fine.
 *
 * @example
 * recordSettingsProblem({ retention: '3 years' }); // 'records.retention: expected an ISO 8601 duration such as P3Y'
 */
export function recordSettingsProblem(settings: RecordSettings): string | undefined {
  for (const name of ['retention', 'validity'] as const) {
    const value = settings[name];
    if (value !== undefined && (typeof value !== 'string' || !DURATION.test(value)))
      return `records.${name}: expected an ISO 8601 duration such as P3Y or P6M`;
  }
  for (const name of ['storageLocations', 'jurisdictions'] as const) {
    const value = settings[name];
    if (value !== undefined && (!stringList(value) || !value.every((code) => COUNTRY.test(code))))
      return `records.${name}: expected ISO 3166-1 alpha-2 codes such as ["RU"]`;
  }
  if (settings.withdrawalMethod !== undefined && typeof settings.withdrawalMethod !== 'string')
    return 'records.withdrawalMethod: expected a string';
  for (const [id, category] of Object.entries(settings.categories ?? {})) {
    if (typeof category !== 'object' || category === null) return `records.categories.${id}: expected an object`;
    if (category.purpose !== undefined && typeof category.purpose !== 'string')
      return `records.categories.${id}.purpose: expected a string`;
    for (const name of ['piiCategories', 'processors'] as const) {
      if (category[name] !== undefined && !stringList(category[name]))
        return `records.categories.${id}.${name}: expected an array of strings`;
    }
  }
  return undefined;
}
