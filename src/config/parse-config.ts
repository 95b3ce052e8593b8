import type { ConsentConfig } from './config-types';
import { configRules, type Rule } from './config-rules';

/**
 * Receives one message per ignored field (the script tag's core, built without messages, receives `''`
 * and only counts). Its return value is ignored.
 */
export type Warn = (message: string) => void;

const UNSAFE = /^(__proto__|constructor|prototype)$/;
const MAP_KEY = /^[A-Za-z][\w.-]{0,63}$/;

const typeOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'list' : typeof v);

const describe = (rule: Rule): string =>
  typeof rule === 'string'
    ? rule === 'json'
      ? 'JSON value'
      : rule
    : 'enum' in rule
      ? `one of ${rule.enum.join(', ')}`
      : 'list' in rule
        ? `list of ${describe(rule.list)}`
        : 'anyOf' in rule
          ? rule.anyOf.map(describe).join(' or ')
          : 'object';

const shapeOf = (rule: Rule): string =>
  typeof rule === 'string'
    ? rule === 'json'
      ? '*'
      : rule
    : 'enum' in rule
      ? 'string'
      : 'list' in rule
        ? 'list'
        : 'anyOf' in rule
          ? '?'
          : 'object';

function copyJson(value: unknown, path: string, warn: Warn, depth: number): unknown {
  const t = typeOf(value);
  if (t === 'string' || t === 'number' || t === 'boolean' || t === 'null') return value;
  // A warn function's own return value is never used as a value.
  if (depth > 4) return void warn(__QUIET__ ? '' : `${path}: nested too deep, ignored`);
  if (t === 'list')
    return (value as unknown[]).slice(0, 100).map((v, i) => copyJson(v, `${path}[${i}]`, warn, depth + 1));
  if (t !== 'object') return void warn(__QUIET__ ? '' : `${path}: expected JSON value, got ${t}; ignored`);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value as object)) {
    if (UNSAFE.test(key)) warn(__QUIET__ ? '' : `${path}.${key}: unsafe key ignored`);
    else out[key] = copyJson((value as Record<string, unknown>)[key], `${path}.${key}`, warn, depth + 1);
  }
  return out;
}

/** Checks one value against its rule; returns a fresh copy, or undefined (with a warning) when it does not fit. */
function check(rule: Rule, value: unknown, path: string, warn: Warn): unknown {
  const t = typeOf(value);
  if (rule === 'json') return copyJson(value, path, warn, 0);
  if (typeof rule === 'string') {
    if (t === rule && (t !== 'number' || Number.isFinite(value))) return value;
  } else if ('enum' in rule) {
    if (rule.enum.includes(value as string)) return value;
  } else if ('anyOf' in rule) {
    const fit = rule.anyOf.find((r) => shapeOf(r) === t || shapeOf(r) === '*');
    if (fit) return check(fit, value, path, warn);
  } else if ('list' in rule) {
    if (t === 'list') {
      const items = value as unknown[];
      if (items.length > rule.max) warn(__QUIET__ ? '' : `${path}: more than ${rule.max} items, the rest ignored`);
      const out: unknown[] = [];
      items.slice(0, rule.max).forEach((item, i) => {
        const v = check(rule.list, item, `${path}[${i}]`, warn);
        if (v !== undefined) out.push(v);
      });
      return out;
    }
  } else if (t === 'object') {
    // Own keys only, and the copy is built from checked keys: nothing on the input's prototype chain
    // and no `__proto__` key can reach the result.
    const out: Record<string, unknown> = {};
    const fields = 'fields' in rule ? rule.fields : undefined;
    for (const key of Object.keys(value as object)) {
      const at = path ? `${path}.${key}` : key;
      const sub = fields
        ? Object.prototype.hasOwnProperty.call(fields, key)
          ? fields[key]
          : undefined
        : (rule as { map: Rule }).map;
      if (UNSAFE.test(key)) warn(__QUIET__ ? '' : `${at}: unsafe key ignored`);
      else if (!sub) warn(__QUIET__ ? '' : `${at}: unknown option, ignored`);
      else if (!fields && !MAP_KEY.test(key)) warn(__QUIET__ ? '' : `${at}: invalid key, ignored`);
      else {
        const v = check(sub, (value as Record<string, unknown>)[key], at, warn);
        if (v !== undefined) out[key] = v;
      }
    }
    return out;
  }
  warn(
    __QUIET__
      ? ''
      : `${path || 'config'}: expected ${describe(rule)}, got ${t === 'string' ? JSON.stringify(value) : t}; ignored`,
  );
  return undefined;
}

/**
 * Keeps only the known, well-typed fields of a configuration from any source, warning once per field
 * it drops. Never throws; never returns shared or prototype-polluted objects.
 *
 * @example
 * parseConfig({ lang: 'de', mode: 'buttons' }, console.warn); // warns about `lang`, returns { mode: 'buttons' }
 */
export function parseConfig(input: unknown, warn: Warn): ConsentConfig {
  return (check(configRules, input ?? {}, '', warn) as ConsentConfig | undefined) ?? {};
}
