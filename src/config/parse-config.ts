import type { ConsentConfig } from './config-types';
import type { Report } from './config-problem';
import { configRules, type Rule } from './config-rules';

const UNSAFE = /^(__proto__|constructor|prototype)$/;
const MAP_KEY = /^[A-Za-z][\w.-]{0,63}$/;

const typeOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'list' : typeof v);

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

function copyJson(value: unknown, path: string, report: Report, depth: number): unknown {
  const t = typeOf(value);
  if (t === 'string' || t === 'number' || t === 'boolean' || t === 'null') return value;
  if (depth > 4) {
    report('deep', path);
    return undefined;
  }
  if (t === 'list')
    return (value as unknown[]).slice(0, 100).map((v, i) => copyJson(v, `${path}[${i}]`, report, depth + 1));
  if (t !== 'object') {
    report('notJson', path, t);
    return undefined;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value as object)) {
    if (UNSAFE.test(key)) report('unsafeKey', `${path}.${key}`);
    else out[key] = copyJson((value as Record<string, unknown>)[key], `${path}.${key}`, report, depth + 1);
  }
  return out;
}

/** Checks one value against its rule; returns a fresh copy, or undefined (reporting why) when it does not fit. */
function check(rule: Rule, value: unknown, path: string, report: Report): unknown {
  const t = typeOf(value);
  if (rule === 'json') return copyJson(value, path, report, 0);
  if (typeof rule === 'string') {
    if (t === rule && (t !== 'number' || Number.isFinite(value))) return value;
  } else if ('enum' in rule) {
    if (rule.enum.includes(value as string)) return value;
  } else if ('anyOf' in rule) {
    const fit = rule.anyOf.find((r) => shapeOf(r) === t || shapeOf(r) === '*');
    if (fit) return check(fit, value, path, report);
  } else if ('list' in rule) {
    if (t === 'list') {
      const items = value as unknown[];
      if (items.length > rule.max) report('tooMany', path, rule.max);
      const out: unknown[] = [];
      items.slice(0, rule.max).forEach((item, i) => {
        const v = check(rule.list, item, `${path}[${i}]`, report);
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
      if (UNSAFE.test(key)) report('unsafeKey', at);
      else if (!sub) report('unknownOption', at);
      else if (!fields && !MAP_KEY.test(key)) report('invalidKey', at);
      else {
        const v = check(sub, (value as Record<string, unknown>)[key], at, report);
        if (v !== undefined) out[key] = v;
      }
    }
    return out;
  }
  report('wrongType', path, rule, value);
  return undefined;
}

/**
 * Keeps only the known, well-typed fields of a configuration from any source, reporting once per field
 * it drops. Never throws; never returns shared or prototype-polluted objects.
 *
 * @example
 * parseConfig({ lang: 'de', mode: 'buttons' }, reportTo(console.warn)); // reports `lang`, returns { mode: 'buttons' }
 */
export function parseConfig(input: unknown, report: Report): ConsentConfig {
  return (check(configRules, input ?? {}, '', report) as ConsentConfig | undefined) ?? {};
}
