import type { StorageLike } from '../../../src/receipt/open-storage';

/** An in-memory Storage stand-in that can be told to fail like a full or blocked localStorage. */
export function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  const storage = {
    data,
    failWrites: false,
    getItem: (key: string) => data.get(key) ?? null,
    setItem(key: string, value: string) {
      if (storage.failWrites) throw new DOMException('quota', 'QuotaExceededError');
      data.set(key, String(value));
    },
    removeItem: (key: string) => void data.delete(key),
    keys: () => [...data.keys()],
    get length() {
      return data.size;
    },
    key: (i: number) => [...data.keys()][i] ?? null,
    clear: () => data.clear(),
  };
  return storage satisfies StorageLike;
}
