import { createHash } from 'node:crypto';

/** `prev_hash` of the first receipt in a chain. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The tamper-evidence link of one stored receipt:
 * hex SHA-256 of `prevHash + "\n" + canonicalJson + "\n" + receivedAtIso`.
 * The newlines keep the three parts unambiguous; the ISO time keeps the
 * formula reproducible by hand (`printf '%s\n%s\n%s' … | sha256sum`).
 *
 * @example
 * const hash = chainHash(GENESIS_HASH, canonicalJson(receipt), 1735689600000);
 */
export function chainHash(prevHash: string, receiptJson: string, receivedAt: number): string {
  return createHash('sha256')
    .update(`${prevHash}\n${receiptJson}\n${new Date(receivedAt).toISOString()}`, 'utf8')
    .digest('hex');
}
