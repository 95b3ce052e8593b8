import { describe, expect, it } from 'vitest';
import { compileJsonSchema, type JsonSchema } from '../../src/collector/validate-json-schema';
import { validateReceipt } from '../../src/collector/validate-receipt';
import { makeReceipt } from './support/make-receipt';

const reason = (value: unknown): string | undefined => {
  const result = validateReceipt(value);
  return result.ok ? undefined : result.reason;
};

describe('validateReceipt', () => {
  it('accepts a complete receipt and the optional fields', () => {
    expect(reason(makeReceipt())).toBeUndefined();
    expect(
      reason(makeReceipt({ gpc: true, previousReceiptId: makeReceipt().receiptId, documents: [], operator: {} })),
    ).toBeUndefined();
  });

  it('names the path and the problem', () => {
    expect(reason(makeReceipt({ categories: { analytics: 1 as unknown as boolean } }))).toBe(
      'categories.analytics: expected boolean',
    );
    expect(reason({ ...makeReceipt(), schema: 3 })).toBe('schema: expected one of 1, 2');
    expect(reason(makeReceipt({ method: 'voice' as 'api' }))).toBe(
      'method: expected one of "checkbox", "button", "api", "gpc"',
    );
    expect(reason(makeReceipt({ timestamp: 999 }))).toBe('timestamp: must be >= 1000000000');
    expect(reason(makeReceipt({ timestamp: 1e12 }))).toBe('timestamp: must be <= 99999999999');
    expect(reason(makeReceipt({ language: 'rus' }))).toBe('language: does not match ^[a-z]{2}$');
    expect(reason(makeReceipt({ sdk: 'x'.repeat(65) }))).toBe('sdk: longer than 64 characters');
    expect(reason(makeReceipt({ operator: { name: 'x', phone: '1' } as never }))).toBe(
      'operator.phone: unexpected property',
    );
    const docs = makeReceipt().documents;
    expect(reason(makeReceipt({ documents: [{ ...docs[0]!, sha256: 'xyz' }] }))).toBe(
      'documents[0].sha256: does not match ^[0-9a-f]{64}$',
    );
    expect(reason(makeReceipt({ documents: [{ ...docs[0]!, sha256: 5 as never }] }))).toBe(
      'documents[0].sha256: expected string or null',
    );
    const { url: _url, ...noUrl } = docs[0]!;
    expect(reason(makeReceipt({ documents: [noUrl as never] }))).toBe('documents[0].url: is required');
    expect(reason(null)).toBe('(root): expected object');
  });

  it('counts string length in code points', () => {
    expect(reason(makeReceipt({ sdk: '😀'.repeat(64) }))).toBeUndefined();
    expect(reason(makeReceipt({ sdk: '😀'.repeat(65) }))).toBe('sdk: longer than 64 characters');
  });

  it('limits categories by count and name', () => {
    const many = Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`c${i}`, true]));
    expect(reason(makeReceipt({ categories: many }))).toBe('categories: more than 32 properties');
    expect(reason(makeReceipt({ categories: { ['a'.repeat(33)]: true } }))).toMatch(/invalid property name/);
  });

  it('treats __proto__ and constructor as plain keys', () => {
    const polluted = JSON.parse(JSON.stringify(makeReceipt()).replace('{', '{"__proto__":{"isAdmin":true},'));
    expect(reason(polluted)).toBe('__proto__: unexpected property');
    const proto = JSON.parse(JSON.stringify(makeReceipt()).replace('"necessary":true', '"__proto__":true'));
    expect(reason(proto)).toBe('categories.__proto__: invalid property name');
    expect(reason(makeReceipt({ categories: { constructor: true, tostring: false } }))).toBeUndefined();
    // `constructor` must not resolve to Object.prototype.constructor in the schema's property map.
    const operator = JSON.parse('{"constructor":"x"}');
    expect(reason(makeReceipt({ operator }))).toBe('operator.constructor: unexpected property');
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('requires own properties, not inherited ones', () => {
    const inherited = Object.create(makeReceipt()) as object;
    expect(reason(inherited)).toBe('schema: is required');
  });
});

describe('compileJsonSchema', () => {
  it('refuses keywords it does not implement', () => {
    expect(() => compileJsonSchema({ type: 'string', format: 'email' } as JsonSchema)).toThrow(
      /unsupported JSON Schema keyword "format"/,
    );
    expect(() => compileJsonSchema({ properties: { a: { oneOf: [] } } } as JsonSchema)).toThrow(/#\/properties\/a/);
  });

  it('lets integers pass as numbers but not the reverse', () => {
    const validate = compileJsonSchema({ type: 'number' });
    expect(validate(1)).toEqual({ ok: true });
    expect(compileJsonSchema({ type: 'integer' })(1.5)).toEqual({ ok: false, reason: '(root): expected integer' });
  });
});
