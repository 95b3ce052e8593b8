/** The part of `Storage` the receipts use; a `Map` can stand in for it in tests. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  /** Every key there is. */
  keys(): string[];
}

// Values localStorage refused (unavailable, blocked, full): kept for this page's life instead.
const memory = new Map<string, string>();

/**
 * `localStorage` where it works, else memory for this page: Safari private mode, storage blocked by
 * the visitor or a full quota must not break consent, only make the outbox forget on the next load
 * (the consent cookie can still rebuild the last receipt, see start-receipts). When storage is full,
 * the keys in `spare` — the SDK's own entries it can do without, such as its log of receipts made
 * and its cache of digests — are deleted first, and the write is tried once more. Never throws.
 *
 * @example
 * const storage = openStorage(['soglasie.receipts', 'soglasie.digests']);
 * storage.setItem('soglasie.outbox.…', '{…}');
 */
export function openStorage(spare: string[] = []): StorageLike {
  // Opened on first use, not at start: Chromium opens the storage area synchronously, a cost a
  // returning visitor's page load should not pay when no receipt is made.
  let opened = false;
  let area: Storage | undefined;
  const local = (): Storage | undefined => {
    if (!opened) {
      opened = true;
      try {
        area = window.localStorage;
      } catch {
        // A SecurityError when storage is blocked: memory only.
      }
    }
    return area;
  };
  return {
    getItem(key) {
      if (memory.has(key)) return memory.get(key) as string;
      try {
        return local()?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
    setItem(key, value) {
      const area = local();
      try {
        (area as Storage).setItem(key, value);
        memory.delete(key);
        return;
      } catch {
        // Blocked, or full: make room below.
      }
      try {
        let freed = false;
        for (const other of spare) {
          if (other === key || area?.getItem(other) === null) continue;
          area?.removeItem(other);
          freed = true;
        }
        if (!freed) throw new Error('nothing to free');
        (area as Storage).setItem(key, value);
        memory.delete(key);
      } catch {
        memory.set(key, value);
      }
    },
    removeItem(key) {
      memory.delete(key);
      try {
        local()?.removeItem(key);
      } catch {
        // Nothing to clean where nothing could be written.
      }
    },
    keys() {
      const keys = new Set(memory.keys());
      try {
        const l = local();
        for (let i = 0; l && i < l.length; i++) keys.add(l.key(i) as string);
      } catch {
        // Unreadable storage has no keys.
      }
      return [...keys];
    },
  };
}
