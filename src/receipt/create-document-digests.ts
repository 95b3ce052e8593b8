import type { ResolvedConfig } from '../config/config-types';
import { createStoredList } from './create-stored-list';
import type { StorageLike } from './open-storage';
import type { ReceiptDocument } from './receipt-types';
import { sha256Hex } from './sha256-hex';

type Cached = [key: string, sha256: string];
const isCached = (x: unknown): x is Cached =>
  Array.isArray(x) && typeof x[0] === 'string' && /^[0-9a-f]{64}$/.test(x[1]);

/** Finds and computes the digests of a receipt's documents. */
export interface DocumentDigests {
  /** Fills in (in place) digests already known from earlier pages; true when some can still be computed. */
  fill(documents: ReceiptDocument[]): boolean;
  /**
   * Computes the missing digests: inline text is hashed, a URL fetched and its exact bytes hashed.
   * `failed` when a document could not be fetched (worth another try later); a digest that can never be
   * known (no Web Crypto, the site has since moved to another document version) stays `null`.
   */
  complete(documents: ReceiptDocument[]): Promise<{ documents: ReceiptDocument[]; failed: boolean }>;
}

/**
 * Digests of the configured documents, each computed at most once per page load and, for a versioned
 * document, remembered per URL and version in storage, so later decisions (an update, a withdrawal)
 * make complete receipts at once. The version is the operator's promise that the text did not change.
 *
 * @example
 * const digests = createDocumentDigests(consent.config, openStorage());
 * const { documents } = await digests.complete(receipt.documents);
 */
export function createDocumentDigests(config: ResolvedConfig, storage: StorageLike): DocumentDigests {
  const cache = createStoredList(storage, `${config.cookie.name}.digests`, isCached, 8, 4096);
  const pending = new Map<string, Promise<string | null>>();
  const keyOf = (d: ReceiptDocument) => `${d.url}\n${d.version}`;
  // `kind` may come from storage: anything but policy or consent finds no document.
  const docOf = (d: ReceiptDocument) => (d.kind === 'policy' || d.kind === 'consent' ? config[d.kind] : undefined);
  const canCompute = (d: ReceiptDocument) => !!globalThis.crypto?.subtle && (docOf(d)?.version ?? '') === d.version;

  const compute = (d: ReceiptDocument): Promise<string | null> => {
    // A receipt made under another document version cannot be hashed from today's text.
    if (!canCompute(d)) return Promise.resolve(null);
    const text = docOf(d)?.text;
    if (!d.url) return text ? sha256Hex(text) : Promise.resolve(null);
    const key = keyOf(d);
    let job = pending.get(key);
    if (!job) {
      // Revalidated, so the digest is of the text served now; a hung server counts as a failure
      // (where AbortSignal.timeout exists: Safari < 16 just waits).
      job = fetch(d.url, { cache: 'no-cache', signal: AbortSignal.timeout?.(10_000) })
        .then((response) => {
          if (!response.ok) throw new Error(String(response.status));
          // The bytes as served, not response.text(): decoding would drop a BOM and mend bad UTF-8.
          return response.arrayBuffer();
        })
        .then(sha256Hex)
        .then((hex) => {
          // Only a version promises that the text stays the same: an unversioned document is hashed
          // again on each page, so an edited policy is never vouched for with its old digest.
          if (hex && d.version) cache.write([...cache.read().filter((c) => c[0] !== key), [key, hex]]);
          return hex;
        });
      pending.set(key, job);
      // A failed fetch may succeed later (back online): forget it so the next try fetches again.
      job.catch(() => pending.delete(key));
    }
    return job;
  };

  return {
    fill(documents) {
      const known = new Map(cache.read());
      let missing = false;
      for (const d of documents) {
        if (d.sha256) continue;
        d.sha256 = (d.url && d.version && known.get(keyOf(d))) || null;
        missing ||= !d.sha256 && canCompute(d);
      }
      return missing;
    },
    async complete(documents) {
      let failed = false;
      const done = await Promise.all(
        documents.map(async (d) => {
          if (d.sha256) return d;
          try {
            return { ...d, sha256: await compute(d) };
          } catch {
            failed = true;
            return d;
          }
        }),
      );
      return { documents: done, failed };
    },
  };
}
