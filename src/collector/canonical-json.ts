/**
 * Serialise JSON data with object keys sorted recursively, so the same data
 * always hashes the same regardless of the order a client wrote its keys.
 *
 * @example
 * canonicalJson({ b: 1, a: { d: true, c: null } }); // '{"a":{"c":null,"d":true},"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    // undefined, functions and symbols have no JSON form; receipts never hold them.
    if (text === undefined) throw new TypeError('canonicalJson: value is not JSON data');
    return text;
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const parts = Object.keys(record)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
  return `{${parts.join(',')}}`;
}
