import { canonicalJson } from './canonical-json';
import { chainHash, GENESIS_HASH } from './chain-hash';
import type { ReceiptStore, StoredReceipt } from './receipt-store';

/** The first broken link found by {@link verifyChain}. */
export interface ChainBreak {
  /** Row id where the chain stops being provable. */
  id: number;
  reason: string;
}

/** Outcome of {@link verifyChain}. */
export interface ChainReport {
  ok: boolean;
  /** Rows walked before stopping. */
  checked: number;
  /** Hash of the last good row (the genesis hash when none). */
  lastHash: string;
  broken?: ChainBreak;
}

/** Why one row does not continue the chain, or undefined when it does. */
function rowProblem(row: StoredReceipt, expectedPrev: string, previousId: number | null): string | undefined {
  if (row.prevHash !== expectedPrev) {
    return previousId === null
      ? 'prev_hash is not the genesis hash: an earlier receipt was deleted or the row was edited'
      : `prev_hash does not match the hash of row ${previousId}: a receipt in between was deleted or the row was edited`;
  }
  let receipt: { receiptId?: unknown; subjectId?: unknown };
  try {
    receipt = JSON.parse(row.receiptJson) as typeof receipt;
  } catch {
    return 'stored receipt is not valid JSON: the row was edited';
  }
  if (chainHash(row.prevHash, canonicalJson(receipt), row.receivedAt) !== row.hash) {
    return 'hash does not match the stored receipt and time: the row was edited';
  }
  if (receipt.receiptId !== row.receiptId || receipt.subjectId !== row.subjectId) {
    return 'receipt_id or subject_id column differs from the stored receipt: the row was edited';
  }
  return undefined;
}

/**
 * Walk the hash chain in insertion order and report the first broken link:
 * an edited row, a deleted row (the next row's prev_hash no longer matches)
 * or a deleted tail (the chain head records more rows than exist).
 * Safe on a live database: rows appended after the walk starts are ignored.
 *
 * @example
 * const report = await verifyChain(store);
 * if (!report.ok) console.error(`broken at row ${report.broken!.id}: ${report.broken!.reason}`);
 */
export async function verifyChain(store: ReceiptStore, options: { batchSize?: number } = {}): Promise<ChainReport> {
  const batchSize = options.batchSize ?? 1000;
  // The head is read first: it is the snapshot the walk is checked against.
  const head = await store.head();
  let expected = GENESIS_HASH;
  let previousId: number | null = null;
  let checked = 0;
  let cursor: number | undefined;
  const broken = (id: number, reason: string): ChainReport => ({
    ok: false,
    checked,
    lastHash: expected,
    broken: { id, reason },
  });

  walk: for (;;) {
    const rows = await store.list({ order: 'asc', limit: batchSize, cursor });
    for (const row of rows) {
      if (head.lastId === null) return broken(row.id, 'row exists but the chain head records an empty chain');
      if (row.id > head.lastId) break walk;
      const problem = rowProblem(row, expected, previousId);
      if (problem) return broken(row.id, problem);
      expected = row.hash;
      previousId = row.id;
      checked++;
    }
    if (rows.length < batchSize) break;
    cursor = rows[rows.length - 1]!.id;
  }

  if (checked !== head.count || previousId !== head.lastId || expected !== head.lastHash) {
    const id = head.lastId ?? previousId ?? 0;
    const reason =
      checked < head.count
        ? `${head.count - checked} receipt(s) missing at the end of the chain: the head records row ${head.lastId} as last`
        : 'the chain head does not match the last row: the head or the last row was edited';
    return broken(id, reason);
  }
  return { ok: true, checked, lastHash: expected };
}
