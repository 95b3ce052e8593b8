import { describe, expect, it } from 'vitest';
import { hasBearerToken } from '../../src/collector/bearer-token';
import { canonicalJson } from '../../src/collector/canonical-json';
import { chainHash, GENESIS_HASH } from '../../src/collector/chain-hash';
import { reduceIp } from '../../src/collector/client-ip';
import { isReceiptContentType } from '../../src/collector/content-type';
import { csvRow } from '../../src/collector/csv-row';
import { parseTime } from '../../src/collector/list-query';
import { tableName } from '../../src/collector/table-name';
import { createHash } from 'node:crypto';

describe('canonicalJson', () => {
  it('sorts keys recursively and keeps arrays in order', () => {
    expect(canonicalJson({ b: 1, a: { d: true, c: null }, e: [{ z: 1, y: 2 }, 'x'] })).toBe(
      '{"a":{"c":null,"d":true},"b":1,"e":[{"y":2,"z":1},"x"]}',
    );
    expect(canonicalJson('ж\u2028')).toBe(JSON.stringify('ж\u2028'));
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
  });
});

describe('chainHash', () => {
  it('is SHA-256 over prev hash, canonical JSON and ISO server time', () => {
    const expected = createHash('sha256').update(`${GENESIS_HASH}\n{"a":1}\n2025-01-01T00:00:00.000Z`).digest('hex');
    expect(chainHash(GENESIS_HASH, '{"a":1}', Date.UTC(2025, 0, 1))).toBe(expected);
  });
});

describe('reduceIp', () => {
  it.each([
    ['203.0.113.77', 'full', '203.0.113.77'],
    ['203.0.113.77', 'truncated', '203.0.113.0'],
    ['203.0.113.77', 'none', null],
    ['::ffff:203.0.113.77', 'truncated', '203.0.113.0'],
    ['::ffff:203.0.113.77', 'full', '203.0.113.77'],
    ['2001:db8:1234:5678::1', 'truncated', '2001:db8:1234::'],
    ['2001:db8::1', 'truncated', '2001:db8::'],
    ['2001:0DB8:0:0:1::', 'truncated', '2001:db8::'],
    ['::1', 'truncated', '::'],
    ['fe80::1%eth0', 'full', 'fe80::1'],
    ['64:ff9b::198.51.100.1', 'truncated', '64:ff9b::'],
    ['2001:db8:0:1::', 'truncated', '2001:db8::'],
    ['2001:db8:abcd:12:1::9', 'truncated', '2001:db8:abcd::'],
    ['not an ip', 'full', null],
  ] as const)('%s (%s) -> %s', (input, mode, expected) => {
    expect(reduceIp(input, mode)).toBe(expected);
  });
});

describe('isReceiptContentType', () => {
  it.each([
    ['application/json', true],
    ['Application/JSON; charset=utf-8', true],
    ['text/plain;charset=UTF-8', true],
    ['text/plain', true],
    ['text/plain; charset=windows-1251', false],
    ['application/x-www-form-urlencoded', false],
    ['text/html', false],
    [undefined, false],
  ] as const)('%s -> %s', (header, expected) => {
    expect(isReceiptContentType(header)).toBe(expected);
  });
});

describe('csvRow', () => {
  it('quotes, escapes and guards formulas', () => {
    expect(csvRow(['a', 'b,c', null, 3, 'say "hi"', 'line\nbreak'])).toBe('a,"b,c",,3,"say ""hi""","line\nbreak"\r\n');
    expect(csvRow(['=SUM(A1)', '+1', '-1', '@x'])).toBe("'=SUM(A1),'+1,'-1,'@x\r\n");
  });
});

describe('parseTime', () => {
  it('reads epoch seconds and ISO 8601', () => {
    expect(parseTime('1735689600')).toBe(1735689600000);
    expect(parseTime('1735689600.5')).toBe(1735689600500);
    expect(parseTime('2025-01-01T00:00:00Z')).toBe(1735689600000);
    expect(parseTime('tomorrow')).toBeNaN();
  });
});

describe('hasBearerToken', () => {
  it('accepts only the exact token', () => {
    expect(hasBearerToken('Bearer s3cret', 's3cret')).toBe(true);
    expect(hasBearerToken('bearer s3cret', 's3cret')).toBe(true);
    expect(hasBearerToken('Bearer s3cre', 's3cret')).toBe(false);
    expect(hasBearerToken('s3cret', 's3cret')).toBe(false);
    expect(hasBearerToken(undefined, 's3cret')).toBe(false);
  });
});

describe('tableName', () => {
  it('allows plain identifiers only', () => {
    expect(tableName(undefined)).toBe('soglasie_receipts');
    expect(() => tableName('x; DROP TABLE y')).toThrow(/invalid table name/);
  });
});
