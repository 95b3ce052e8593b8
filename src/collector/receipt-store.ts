import type { ConsentReceipt } from '../receipt/receipt-types';

/** One receipt as the collector stored it. */
export interface StoredReceipt {
  /** Row id; ascending in chain (insertion) order, gaps allowed. */
  id: number;
  receiptId: string;
  subjectId: string;
  /** Server time, milliseconds since the epoch. */
  receivedAt: number;
  /** Client IP per the collector's `ip` mode; null for `none`. */
  ip: string | null;
  userAgent: string | null;
  /** Canonical JSON of the receipt exactly as stored (and hashed). */
  receiptJson: string;
  prevHash: string;
  hash: string;
  /** Place in the chain (1, 2, …) where the store keeps one apart from the id (PostgreSQL). */
  position?: number;
}

/** What the collector hands to {@link ReceiptStore.append}. */
export interface AppendInput {
  receipt: ConsentReceipt;
  /** `canonicalJson(receipt)`. */
  receiptJson: string;
  ip: string | null;
  userAgent: string | null;
}

/** Result of an append: `created` is false when the receiptId was already stored. */
export interface AppendResult {
  record: StoredReceipt;
  created: boolean;
}

/** Filters and keyset paging for {@link ReceiptStore.list}. */
export interface ListQuery {
  subjectId?: string;
  /** Server time lower bound, ms, inclusive. */
  from?: number;
  /** Server time upper bound, ms, exclusive. */
  to?: number;
  /** Keyset cursor: rows after this id (asc) or before it (desc). */
  cursor?: number;
  order?: 'asc' | 'desc';
  limit: number;
  /**
   * Also return rows the chain head does not cover. Only `verifyChain` asks
   * for them (to name them); the read side never serves them.
   */
  uncovered?: boolean;
  /** Order by chain position and page by it (`cursor` is a position); only rows with one. For verify. */
  chainOrder?: boolean;
  /** Only rows stored but not yet linked into the chain (PostgreSQL). For verify. */
  unlinked?: boolean;
}

/** The store's own record of the chain's end, kept apart from the rows so a deleted tail shows. */
export interface ChainHead {
  lastId: number | null;
  lastHash: string;
  count: number;
}

/**
 * Persistence for receipts. Implementations must serialise `append` so the
 * hash chain never forks, also across processes sharing one database, and
 * must make a repeated `receiptId` a no-op that returns the stored row.
 *
 * @example
 * const store = await openSqliteStore({ path: './receipts.sqlite' });
 * const { record, created } = await store.append({ receipt, receiptJson, ip: null, userAgent: null });
 * await store.close();
 */
export interface ReceiptStore {
  /** Store a receipt (idempotent by receiptId) and extend the chain. */
  append(input: AppendInput): Promise<AppendResult>;
  /** A receipt the chain head covers; undefined for unknown or uncovered ones. */
  get(receiptId: string): Promise<StoredReceipt | undefined>;
  /** Rows the chain head covers (plus uncovered ones with `uncovered: true`). */
  list(query: ListQuery): Promise<StoredReceipt[]>;
  head(): Promise<ChainHead>;
  /** How the chain is ordered: by row id (SQLite, the default) or by a separate position (PostgreSQL). */
  readonly chainOrder?: 'id' | 'position';
  close(): Promise<void>;
}
