import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConsentConfig } from '../../../src/config/config-types';
import { parseConfig } from '../../../src/config/parse-config';
import { resolveConfig } from '../../../src/config/resolve-config';
import { createDocumentDigests } from '../../../src/receipt/create-document-digests';
import type { ReceiptDocument } from '../../../src/receipt/receipt-types';
import { memoryStorage } from './memory-storage';

const quiet = () => {};
const config = (c: ConsentConfig) => resolveConfig(parseConfig(c, quiet), quiet);
const sha = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
const POLICY = '\ufeffПолитика\r\nверсия 2\n';
const URL_ = 'https://shop.example/policy.txt';
const policyDoc = (): ReceiptDocument => ({ kind: 'policy', url: URL_, version: '2', sha256: null });

describe('createDocumentDigests', () => {
  let fetchMock: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    fetchMock = vi.fn(async () => new Response(new TextEncoder().encode(POLICY), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('fetches a document once per page load, hashes its exact bytes (BOM included) and remembers it', async () => {
    const storage = memoryStorage();
    const c = config({ policy: { url: '/policy.txt', version: '2' } });
    const digests = createDocumentDigests(c, storage);
    const docs = [policyDoc()];
    expect(digests.fill(docs)).toBe(true);
    const [a, b] = await Promise.all([digests.complete(docs), digests.complete([policyDoc()])]);
    expect(a).toEqual({
      documents: [{ ...policyDoc(), sha256: sha(new TextEncoder().encode(POLICY)) }],
      failed: false,
    });
    expect(b.documents[0].sha256).toBe(a.documents[0].sha256);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0][0]).toBe(URL_);

    // A later page: the digest is known at once, with no fetch.
    const later = createDocumentDigests(c, storage);
    const again = [policyDoc()];
    expect(later.fill(again)).toBe(false);
    expect(again[0].sha256).toBe(a.documents[0].sha256);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('never remembers an unversioned document: an edited policy is hashed again on the next page', async () => {
    const storage = memoryStorage();
    const c = config({ policy: { url: '/policy.txt' } });
    const doc = (): ReceiptDocument => ({ kind: 'policy', url: URL_, version: '', sha256: null });
    const first = await createDocumentDigests(c, storage).complete([doc()]);
    fetchMock.mockResolvedValueOnce(new Response('Политика, версия 3', { status: 200 }));
    const later = createDocumentDigests(c, storage);
    const docs = [doc()];
    expect(later.fill(docs)).toBe(true);
    const second = await later.complete(docs);
    expect(second.documents[0].sha256).toBe(sha('Политика, версия 3'));
    expect(second.documents[0].sha256).not.toBe(first.documents[0].sha256);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('hashes inline text as UTF-8 without fetching', async () => {
    const digests = createDocumentDigests(config({ consent: { text: 'Согласие', version: '1' } }), memoryStorage());
    const docs: ReceiptDocument[] = [{ kind: 'consent', url: '', version: '1', sha256: null }];
    expect(digests.fill(docs)).toBe(true);
    const { documents } = await digests.complete(docs);
    expect(documents[0].sha256).toBe(sha(Buffer.from('Согласие', 'utf8')));
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('reports a failed fetch (network error or non-2xx) and fetches again on the next try', async () => {
    const digests = createDocumentDigests(config({ policy: { url: '/policy.txt', version: '2' } }), memoryStorage());
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    expect(await digests.complete([policyDoc()])).toEqual({ documents: [policyDoc()], failed: true });
    fetchMock.mockResolvedValueOnce(new Response('gone', { status: 404 }));
    expect((await digests.complete([policyDoc()])).failed).toBe(true);
    const ok = await digests.complete([policyDoc()]);
    expect(ok.failed).toBe(false);
    expect(ok.documents[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(fetchMock).toHaveBeenCalledTimes(3);
  });

  it('leaves null what cannot be known: a receipt of an older document version', async () => {
    const digests = createDocumentDigests(config({ policy: { url: '/policy.txt', version: '3' } }), memoryStorage());
    const docs = [policyDoc()];
    expect(digests.fill(docs)).toBe(false);
    expect(await digests.complete(docs)).toEqual({ documents: [policyDoc()], failed: false });
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('leaves null without Web Crypto (plain http) and does not fetch', async () => {
    vi.stubGlobal('crypto', {});
    const digests = createDocumentDigests(config({ policy: { url: '/policy.txt', version: '2' } }), memoryStorage());
    expect(digests.fill([policyDoc()])).toBe(false);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('keeps what is already known and survives a hostile kind or a garbage cache', async () => {
    const storage = memoryStorage({ 'soglasie.digests': '[["x", "not hex"], 5, {"__proto__": 1}]' });
    const digests = createDocumentDigests(config({ policy: { url: '/policy.txt', version: '2' } }), storage);
    const known = { ...policyDoc(), sha256: 'f'.repeat(64) };
    const odd = { kind: '__proto__', url: '', version: '', sha256: null } as unknown as ReceiptDocument;
    const result = await digests.complete([known, odd]);
    expect(result.documents).toEqual([known, odd]);
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
