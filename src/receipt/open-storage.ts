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
 * the visitor or a full quota must not break consent, only make the outbox forget on the next load.
 *
 * @example
 * const storage = openStorage();
 * storage.setItem('soglasie.outbox', '[]');
 */
export function openStorage(): StorageLike {
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
      try {
        (local() as Storage).setItem(key, value);
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
