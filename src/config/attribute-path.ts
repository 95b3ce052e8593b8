import { configRules, type Rule } from './config-rules';

/** How an attribute's text becomes a value. */
export type Coerce = 'string' | 'number' | 'boolean' | 'list';

// Sections whose fields an attribute may name without the section: data-purposes, data-yandex-metrica.
const FLAT = ['processing', 'integrations'];

const own = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);
const camel = (words: string[]) => words.map((w, i) => (i ? w.charAt(0).toUpperCase() + w.slice(1) : w)).join('');

const coercion = (rule: Rule): Coerce | undefined =>
  typeof rule === 'string'
    ? rule === 'json'
      ? undefined
      : rule
    : 'enum' in rule
      ? 'string'
      : ('list' in rule && rule.list === 'string') ||
          ('anyOf' in rule && rule.anyOf.some((r) => typeof r === 'object' && 'list' in r))
        ? 'list'
        : undefined;

function walk(rule: Rule, words: string[], path: string[]): [string[], Coerce] | undefined {
  if (typeof rule !== 'object' || !('fields' in rule)) {
    const how = !words.length && coercion(rule);
    return how ? [path, how] : undefined;
  }
  // A section named alone sets its id: data-yandex-metrica="12345678".
  if (!words.length) return own(rule.fields, 'id') ? walk(rule.fields.id, words, [...path, 'id']) : undefined;
  for (let n = words.length; n > 0; n--) {
    const key = camel(words.slice(0, n));
    const found = own(rule.fields, key) && walk(rule.fields[key], words.slice(n), [...path, key]);
    if (found) return found;
  }
  return undefined;
}

/**
 * The config path a script-tag attribute sets (its name without `data-`, in kebab case) and how its
 * text is read. Every option with one value has one: `policy-url` → policy.url, `lifetime-months` →
 * lifetimeMonths, `google-analytics-mode` → integrations.googleAnalytics.mode, `purposes` (a
 * comma-separated list) → processing.purposes. Options that hold objects or lists of objects
 * (categories, texts, tracker options) are set in the JSON block.
 *
 * @example
 * attributePath('yandex-metrica'); // [['integrations', 'yandexMetrica', 'id'], 'list']
 */
export function attributePath(name: string): [string[], Coerce] | undefined {
  const words = name.split('-');
  const fields = (configRules as { fields: Record<string, Rule> }).fields;
  let found = walk(configRules, words, []);
  for (const section of FLAT) found ??= walk(fields[section], words, [section]);
  return found;
}
