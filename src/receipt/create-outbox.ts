import { isReceiptLike } from './is-receipt-like';
import type { StorageLike } from './open-storage';
import type { ConsentReceipt } from './receipt-types';

/** A receipt waiting for the endpoint. */
export interface OutboxEntry {
  receipt: ConsentReceipt;
  /** Failed tries so far. */
  attempts: number;
  /** Not to be tried before this time (ms since the epoch). */
  nextAt: number;
  /** A tab is sending it until this time (ms): the others leave it alone. */
  lock?: number;
  /** Tries left to compute missing document digests; absent once the receipt is complete. */
  hash?: number;
}

/** The receipts waiting for the endpoint, shared by every tab of the site. */
export interface Outbox {
  /** Every valid entry, oldest decision first. */
  read(): OutboxEntry[];
  /** Stores an entry; past the bounds the oldest ones go, with a console warning. */
  add(entry: OutboxEntry): void;
  /** Replaces (or with `undefined`, removes) the entry of a receipt as it is in storage now. */
  update(receiptId: string, change: (entry: OutboxEntry) => OutboxEntry | undefined): void;
}

/** At most this many receipts and characters: a site whose endpoint is down for weeks must not fill the visitor's storage. */
export const OUTBOX_MAX_ENTRIES = 50;
export const OUTBOX_MAX_CHARS = 65536;

const isEntry = (x: unknown): x is OutboxEntry => {
  const e = x as OutboxEntry | null;
  return (
    typeof e === 'object' &&
    e !== null &&
    isReceiptLike(e.receipt) &&
    Number.isFinite(e.attempts) &&
    Number.isFinite(e.nextAt)
  );
};

/**
 * The outbox: one storage key per receipt, `${prefix}.outbox.${receiptId}` (the prefix is the cookie
 * name, so two instances on one site keep apart). One key each, not one list, because tabs write at
 * the same time and each has its own cached copy of localStorage: rewriting a shared list would let
 * one tab's write silently erase a receipt another tab just added. With a key each, the worst a race
 * can do is bring back a receipt just delivered, which is sent once more and deduped.
 *
 * @example
 * const outbox = createOutbox(openStorage(), 'soglasie');
 * outbox.add({ receipt, attempts: 0, nextAt: 0 });
 */
export function createOutbox(storage: StorageLike, prefix: string): Outbox {
  const base = `${prefix}.outbox.`;
  const get = (key: string): OutboxEntry | undefined => {
    try {
      const entry: unknown = JSON.parse(storage.getItem(key) || 'null');
      // JSON.parse makes `__proto__` an own key, never a prototype: checking the shape is enough.
      if (isEntry(entry) && key === base + entry.receipt.receiptId) return entry;
    } catch {
      // Garbage under our prefix: removed below.
    }
    storage.removeItem(key);
  };
  const read = () =>
    storage
      .keys()
      .filter((key) => key.startsWith(base))
      .map(get)
      .filter((e): e is OutboxEntry => !!e)
      .sort((a, b) => a.receipt.timestamp - b.receipt.timestamp);
  const put = (entry: OutboxEntry) => storage.setItem(base + entry.receipt.receiptId, JSON.stringify(entry));

  return {
    read,
    add(entry) {
      put(entry);
      const all = read();
      let chars = 0;
      for (const e of all) chars += JSON.stringify(e).length;
      while (all.length > OUTBOX_MAX_ENTRIES || chars > OUTBOX_MAX_CHARS) {
        const old = all.shift() as OutboxEntry;
        chars -= JSON.stringify(old).length;
        storage.removeItem(base + old.receipt.receiptId);
        console.warn(`soglasie: receipt outbox full; dropped the oldest, ${old.receipt.receiptId}`);
      }
    },
    update(receiptId, change) {
      const key = base + receiptId;
      const entry = storage.getItem(key) && get(key);
      if (!entry) return;
      const next = change(entry);
      if (next) put(next);
      else storage.removeItem(key);
    },
  };
}
