/**
 * Hex SHA-256 of bytes, or of a string's UTF-8 encoding, with Web Crypto. Resolves `null` where
 * `crypto.subtle` does not exist: browsers offer it only in secure contexts (https, localhost), so on
 * plain http a receipt carries `sha256: null` rather than a hand-rolled hash in the bundle.
 *
 * @example
 * await sha256Hex('abc'); // 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 */
export async function sha256Hex(data: BufferSource | string): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const digest = await subtle.digest('SHA-256', typeof data === 'string' ? new TextEncoder().encode(data) : data);
  return Array.from(new Uint8Array(digest), (b) => (b + 256).toString(16).slice(1)).join('');
}
