import type { StorageLike } from './open-storage';

/** A bounded list kept as JSON under one storage key. */
export interface StoredList<T> {
  /** The valid items, oldest first; garbage, a hostile value or a missing key read as none. */
  read(): T[];
  /** Stores the list; past the bounds the oldest items go first (each passed to `onDrop`). */
  write(items: T[]): void;
}

/**
 * A list in storage that never throws and never trusts what it reads back: another script, an old
 * version or the visitor may have written anything under the key.
 *
 * @example
 * const log = createStoredList(openStorage(), 'soglasie.receipts', isReceipt, 20, 32768);
 * log.write([...log.read(), receipt]);
 */
export function createStoredList<T>(
  storage: StorageLike,
  key: string,
  valid: (item: unknown) => item is T,
  maxItems: number,
  maxChars: number,
  onDrop?: (item: T) => void,
): StoredList<T> {
  return {
    read() {
      try {
        const items: unknown = JSON.parse(storage.getItem(key) || '[]');
        // JSON.parse makes `__proto__` an own key, never a prototype: checking each item is enough.
        return Array.isArray(items) ? items.filter(valid) : [];
      } catch {
        return [];
      }
    },
    write(items) {
      items = items.slice();
      let json = JSON.stringify(items);
      while (items.length && (items.length > maxItems || json.length > maxChars)) {
        onDrop?.(items.shift() as T);
        json = JSON.stringify(items);
      }
      if (items.length) storage.setItem(key, json);
      else storage.removeItem(key);
    },
  };
}
