/**
 * A small, dependency-free JSON Schema validator for exactly the keywords
 * that `src/receipt/receipt.schema.json` uses. Unknown keywords make
 * {@link compileJsonSchema} throw, so a schema change can never be silently
 * ignored by the collector.
 */

/** A JSON Schema node restricted to the supported keywords. */
export interface JsonSchema {
  type?: JsonType | JsonType[];
  const?: unknown;
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  maxItems?: number;
  maxProperties?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  [annotation: string]: unknown;
}

/** JSON Schema primitive type names. */
export type JsonType = 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null';

/** Result of validating one value: the first error found, if any. */
export type JsonSchemaResult = { ok: true } | { ok: false; reason: string };

/** A compiled validator; pure and reusable. */
export type JsonSchemaValidator = (value: unknown) => JsonSchemaResult;

const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description', '$comment', 'examples', 'default']);
const KEYWORDS = new Set([
  'type',
  'const',
  'enum',
  'pattern',
  'minimum',
  'maximum',
  'maxLength',
  'maxItems',
  'maxProperties',
  'items',
  'properties',
  'required',
  'additionalProperties',
  'propertyNames',
]);

class SchemaError extends Error {}

/**
 * Compile a schema into a validator that reports the first error as
 * `path: message`, e.g. `categories.analytics: expected boolean`.
 *
 * @example
 * const validate = compileJsonSchema({ type: 'object', required: ['a'] });
 * validate({});  // { ok: false, reason: 'a: is required' }
 */
export function compileJsonSchema(schema: JsonSchema): JsonSchemaValidator {
  checkKeywords(schema, '#');
  const regexes = new Map<string, RegExp>();
  const regex = (source: string): RegExp => {
    let re = regexes.get(source);
    if (!re) regexes.set(source, (re = new RegExp(source, 'u')));
    return re;
  };
  return (value) => {
    const reason = check(schema, value, '', regex);
    return reason === undefined ? { ok: true } : { ok: false, reason };
  };
}

/** Fail fast on keywords this validator does not implement. */
function checkKeywords(schema: JsonSchema, where: string): void {
  for (const key of Object.keys(schema)) {
    if (ANNOTATIONS.has(key)) continue;
    if (!KEYWORDS.has(key)) throw new SchemaError(`unsupported JSON Schema keyword "${key}" at ${where}`);
  }
  if (schema.items) checkKeywords(schema.items, `${where}/items`);
  if (schema.propertyNames) checkKeywords(schema.propertyNames, `${where}/propertyNames`);
  if (typeof schema.additionalProperties === 'object') {
    checkKeywords(schema.additionalProperties, `${where}/additionalProperties`);
  }
  for (const [name, sub] of Object.entries(schema.properties ?? {})) {
    checkKeywords(sub, `${where}/properties/${name}`);
  }
}

function typeOf(value: unknown): JsonType | 'undefined' {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const t = typeof value;
  if (t === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (t === 'string' || t === 'boolean' || t === 'object') return t;
  return 'undefined';
}

function matchesType(actual: JsonType | 'undefined', wanted: JsonType): boolean {
  return actual === wanted || (wanted === 'number' && actual === 'integer');
}

/** `a.b`, `a[0]`, `a["odd key"]`; the root is `(root)`. */
function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  if (/^[A-Za-z_$][\w$-]*$/.test(key)) return path ? `${path}.${key}` : key;
  return `${path}[${JSON.stringify(key)}]`;
}

function fail(path: string, message: string): string {
  return `${path || '(root)'}: ${message}`;
}

function show(value: unknown): string {
  return JSON.stringify(value);
}

function check(
  schema: JsonSchema,
  value: unknown,
  path: string,
  regex: (source: string) => RegExp,
): string | undefined {
  const actual = typeOf(value);
  if (schema.type !== undefined) {
    const wanted = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!wanted.some((w) => matchesType(actual, w))) return fail(path, `expected ${wanted.join(' or ')}`);
  }
  if ('const' in schema && value !== schema.const) return fail(path, `expected ${show(schema.const)}`);
  if (schema.enum && !schema.enum.includes(value)) {
    return fail(path, `expected one of ${schema.enum.map(show).join(', ')}`);
  }
  if (typeof value === 'string') {
    // JSON Schema counts code points, not UTF-16 units.
    if (schema.maxLength !== undefined && [...value].length > schema.maxLength) {
      return fail(path, `longer than ${schema.maxLength} characters`);
    }
    if (schema.pattern !== undefined && !regex(schema.pattern).test(value)) {
      return fail(path, `does not match ${schema.pattern}`);
    }
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) return fail(path, `must be >= ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum) return fail(path, `must be <= ${schema.maximum}`);
  }
  if (Array.isArray(value)) {
    if (schema.maxItems !== undefined && value.length > schema.maxItems) {
      return fail(path, `more than ${schema.maxItems} items`);
    }
    if (schema.items) {
      for (let i = 0; i < value.length; i++) {
        const reason = check(schema.items, value[i], join(path, i), regex);
        if (reason) return reason;
      }
    }
  }
  if (actual === 'object') return checkObject(schema, value as Record<string, unknown>, path, regex);
  return undefined;
}

function checkObject(
  schema: JsonSchema,
  value: Record<string, unknown>,
  path: string,
  regex: (source: string) => RegExp,
): string | undefined {
  // Own keys only: `constructor` or `__proto__` must never resolve to
  // Object.prototype members, neither in the data nor in the schema maps.
  const keys = Object.keys(value);
  if (schema.maxProperties !== undefined && keys.length > schema.maxProperties) {
    return fail(path, `more than ${schema.maxProperties} properties`);
  }
  for (const name of schema.required ?? []) {
    if (!Object.hasOwn(value, name)) return fail(join(path, name), 'is required');
  }
  const properties = schema.properties ?? {};
  for (const key of keys) {
    if (schema.propertyNames) {
      const reason = check(schema.propertyNames, key, '', regex);
      if (reason) return fail(join(path, key), 'invalid property name');
    }
    const sub = Object.hasOwn(properties, key) ? properties[key] : undefined;
    if (sub) {
      const reason = check(sub, value[key], join(path, key), regex);
      if (reason) return reason;
    } else if (schema.additionalProperties === false) {
      return fail(join(path, key), 'unexpected property');
    } else if (typeof schema.additionalProperties === 'object') {
      const reason = check(schema.additionalProperties, value[key], join(path, key), regex);
      if (reason) return reason;
    }
  }
  return undefined;
}
