import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sha256Hex } from '../../../src/receipt/sha256-hex';

describe('sha256Hex', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('matches the FIPS 180-2 test vectors', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('hashes a string as UTF-8 and bytes as they are', async () => {
    const text = 'Политика конфиденциальности\r\n';
    const hex = createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex');
    expect(await sha256Hex(text)).toBe(hex);
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, 0x41]);
    expect(await sha256Hex(bom)).toBe(createHash('sha256').update(bom).digest('hex'));
  });

  it('is null where Web Crypto is missing (plain http)', async () => {
    vi.stubGlobal('crypto', {});
    expect(await sha256Hex('abc')).toBeNull();
  });
});
