import type { Rule } from './config-rules';
import type { ProblemCode, ProblemValues, Report } from './config-problem';
import { DEFAULT_LIFETIME_MONTHS, MAX_LIFETIME_MONTHS } from './resolve-config';

/** Receives one message per configuration problem, e.g. "lang: expected one of ru, en, got "de"; ignored". */
export type Warn = (message: string) => void;

const typeName = (value: unknown): string => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  return typeof value;
};

/** What a rule expects, in words. */
function expected(rule: Rule): string {
  if (typeof rule === 'string') return rule === 'json' ? 'JSON value' : rule;
  if ('enum' in rule) return `one of ${rule.enum.join(', ')}`;
  if ('list' in rule) return `list of ${expected(rule.list)}`;
  if ('anyOf' in rule) return rule.anyOf.map(expected).join(' or ');
  return 'object';
}

const messages: { [C in ProblemCode]: (...values: ProblemValues[C]) => string } = {
  deep: (path) => `${path}: nested too deep, ignored`,
  notJson: (path, got) => `${path}: expected JSON value, got ${got}; ignored`,
  unsafeKey: (path) => `${path}: unsafe key ignored`,
  tooMany: (path, max) => `${path}: more than ${max} items, the rest ignored`,
  unknownOption: (path) => `${path}: unknown option, ignored`,
  invalidKey: (path) => `${path}: invalid key, ignored`,
  wrongType: (path, rule, value) =>
    `${path || 'config'}: expected ${expected(rule)}, got ${typeof value === 'string' ? JSON.stringify(value) : typeName(value)}; ignored`,
  attributeNumber: (name, text) => `data-${name}: expected a number, got ${JSON.stringify(text)}; ignored`,
  attributeBoolean: (name, text) => `data-${name}: expected true/false or on/off, got ${JSON.stringify(text)}; ignored`,
  attributeUnknown: (name) => `data-${name}: unknown attribute, ignored`,
  blockNotObject: () => 'data-soglasie-config: expected a JSON object; ignored',
  blockNotJson: (error) => `data-soglasie-config: not valid JSON (${error}); ignored`,
  unsafeUrl: (field, url) => `${field}: ${JSON.stringify(url.slice(0, 40))} is not an http(s) or relative URL; ignored`,
  badDigest: (field) => `${field}.sha256: expected 64 lower-case hex digits (soglasie digest FILE); ignored`,
  categoryId: (id) => `categories: id ${JSON.stringify(id)} must match /^[a-z][a-z0-9_-]{0,31}$/; category ignored`,
  categoryDuplicate: (id) => `categories: duplicate id "${id}" ignored`,
  lifetime: (months) =>
    `lifetimeMonths: expected a number from 1 to ${MAX_LIFETIME_MONTHS}, got ${months}; using ${DEFAULT_LIFETIME_MONTHS}`,
  cookieName: (name) => `cookie.name: expected letters, digits, _ or -, got ${JSON.stringify(name)}; using "soglasie"`,
  integrationWithoutCategory: (integrations, category) =>
    `integrations: ${integrations.join(', ')} wait for the "${category}" category, which is not configured; they will never load`,
  consentIncomplete: (missing) =>
    `a consent under 152-FZ art. 9 must name the operator's name and address, the purposes, the list of data, ` +
    `the processors, the actions, the term and how to withdraw; missing: ${missing.join(', ')}`,
  unreadable: (error) => `could not be read (${String(error)}); every optional category stays denied`,
  categoryUnknown: (id) => `category "${id}" is not configured; ignored`,
  autoblockUrl: (index, entry) =>
    `autoblockUrls[${index}]: expected { url: "host/path", category }, got ${JSON.stringify(entry)}; ignored`,
  autoblockCategory: (index, category) => `autoblockUrls[${index}]: category "${category}" is not configured; ignored`,
};

/**
 * A `Report` that puts each problem into words for `warn`.
 *
 * @example
 * const report = reportTo((message) => console.warn(`soglasie: config ${message}`));
 */
export function reportTo(warn: Warn): Report {
  return (code, ...values) => warn((messages[code] as (...args: unknown[]) => string)(...values));
}
