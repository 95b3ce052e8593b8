import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import type { ChainHead } from './receipt-store';

/** A chain head signed with the operator's Ed25519 key, to be kept outside the database. */
export interface SignedHead {
  format: 'soglasie-chain-head/1';
  /** Id of the last row the head covers (null for an empty chain). */
  lastId: number | null;
  lastHash: string;
  count: number;
  /** When it was signed, ISO 8601. */
  signedAt: string;
  /** The signer's public key (SPKI PEM), so the file can be checked on its own. */
  publicKey: string;
  /** Base64 Ed25519 signature over the canonical JSON of the fields above. */
  signature: string;
}

function signedText(head: Omit<SignedHead, 'signature'>): Buffer {
  return Buffer.from(canonicalJson(head), 'utf8');
}

/**
 * Read an Ed25519 private key (PEM, e.g. from `openssl genpkey -algorithm ed25519`).
 *
 * @example
 * const key = loadSigningKey(readFileSync('./head-key.pem', 'utf8'));
 */
export function loadSigningKey(pem: string): KeyObject {
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`expected an Ed25519 key, got ${key.asymmetricKeyType}`);
  return key;
}

/**
 * Sign a chain head.
 *
 * @example
 * const signed = signHead(await store.head(), loadSigningKey(pem));
 */
export function signHead(head: ChainHead, key: KeyObject, now = new Date()): SignedHead {
  const unsigned = {
    format: 'soglasie-chain-head/1' as const,
    lastId: head.lastId,
    lastHash: head.lastHash,
    count: head.count,
    signedAt: now.toISOString(),
    publicKey: createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString(),
  };
  return { ...unsigned, signature: sign(null, signedText(unsigned), key).toString('base64') };
}

/**
 * Parse a signed head and check its signature, against `publicKeyPem` when
 * given (the key you published) or else the key in the file. Throws with the
 * reason when it is not a valid signed head.
 *
 * @example
 * const head = readSignedHead(readFileSync('head.json', 'utf8'), readFileSync('head-key.pub', 'utf8'));
 */
export function readSignedHead(text: string, publicKeyPem?: string): SignedHead {
  let value: SignedHead;
  try {
    value = JSON.parse(text) as SignedHead;
  } catch {
    throw new Error('not JSON');
  }
  if (value?.format !== 'soglasie-chain-head/1') throw new Error('not a soglasie-chain-head/1 file');
  const { signature, ...unsigned } = value;
  const key = createPublicKey(publicKeyPem ?? unsigned.publicKey);
  if (publicKeyPem !== undefined && key.export({ type: 'spki', format: 'pem' }).toString() !== unsigned.publicKey)
    throw new Error('signed by another key than the one given');
  if (typeof signature !== 'string' || !verify(null, signedText(unsigned), key, Buffer.from(signature, 'base64')))
    throw new Error('the signature does not match: the file was edited');
  return value;
}
