import { afterEach, describe, expect, it, vi } from 'vitest';
import { takePending, type PendingDecision } from '../../../src/receipt/pending-decisions';

// localStorage as the browser shows it to Object.keys: one own property per stored key.
function fakeStorage(): Storage {
  const store = {
    getItem: (k: string) =>
      Object.prototype.hasOwnProperty.call(store, k) ? (store as unknown as Record<string, string>)[k] : null,
    setItem: (k: string, v: string) =>
      void Object.defineProperty(store, k, { value: v, enumerable: true, configurable: true, writable: true }),
    removeItem: (k: string) => void delete (store as unknown as Record<string, string>)[k],
  };
  for (const m of ['getItem', 'setItem', 'removeItem']) Object.defineProperty(store, m, { enumerable: false });
  return store as unknown as Storage;
}

const decision = (id: string, ageSeconds: number, left?: boolean): PendingDecision => ({
  detail: {
    receiptId: id,
    event: 'accept',
    method: 'api',
    snapshot: { decided: true, categories: {}, gpc: false, time: Math.floor(Date.now() / 1000) - ageSeconds },
    previous: { decided: false, categories: {}, gpc: false },
    sequence: 1,
    timeMs: Date.now() - ageSeconds * 1000,
  },
  page: 'https://shop.example/',
  lang: 'ru',
  ...(left ? { left } : {}),
});

describe('takePending', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("takes this page's decisions, those left by pages gone and stale ones — not another open tab's fresh one", () => {
    const storage = fakeStorage();
    vi.stubGlobal('localStorage', storage);
    const mine = decision('a', 0);
    for (const p of [mine, decision('b', 0), decision('c', 0, true), decision('d', 120)])
      storage.setItem(`soglasie.pending.${p.detail.receiptId}`, JSON.stringify(p));
    storage.setItem('soglasie.pending.e', '{"__proto__": {"x": 1}}');
    storage.setItem('other.pending.f', JSON.stringify(decision('f', 0, true)));

    const taken = takePending('soglasie', [mine])
      .map((p) => p.detail.receiptId)
      .sort();
    expect(taken).toEqual(['a', 'c', 'd']);
    expect(Object.keys(storage).sort()).toEqual(['other.pending.f', 'soglasie.pending.b']);
    expect(takePending('soglasie', [])).toEqual([]);
  });

  it('works from memory alone when storage is blocked', () => {
    vi.stubGlobal('localStorage', undefined);
    expect(takePending('soglasie', [decision('a', 0)]).map((p) => p.detail.receiptId)).toEqual(['a']);
  });
});
