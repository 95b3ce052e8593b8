import { canonicalJson } from './canonical-json';
import { chainHash, GENESIS_HASH } from './chain-hash';
import type { ChainHead, ReceiptStore, StoredReceipt } from './receipt-store';

const STALE_AFTER_MS = 60_000;

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
      : `prev_hash does not match the hash of row ${previousId}: a receipt in between was deleted, this row was inserted, or it was edited`;
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
 * an edited or inserted row, a deleted row (the next row's prev_hash no
 * longer matches), a deleted tail (the chain head records more rows than
 * exist), or rows after the head that it does not account for.
 * Safe on a live database: rows the collector appends meanwhile are not reported.
 * With `anchor` (a head signed earlier and kept elsewhere), the chain must
 * still hold that head's last row, with its hash, at its position: a rewound
 * or recomputed chain fails even when it is consistent in itself.
 *
 * @example
 * const report = await verifyChain(store);
 * if (!report.ok) console.error(`broken at row ${report.broken!.id}: ${report.broken!.reason}`);
 */
export async function verifyChain(
  store: ReceiptStore,
  options: { batchSize?: number; anchor?: ChainHead } = {},
): Promise<ChainReport> {
  const anchor = options.anchor;
  let anchorSeen = anchor === undefined || anchor.lastId === null;
  const batchSize = options.batchSize ?? 1000;
  const byPosition = store.chainOrder === 'position';
  // Stored but not yet linked (PostgreSQL): normal for a moment, suspicious if still there after the walk.
  const unlinkedBefore = await store.list({ order: 'asc', limit: 1000, unlinked: true, uncovered: true });
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
    const rows = await store.list({ order: 'asc', limit: batchSize, cursor, uncovered: true, chainOrder: true });
    for (const row of rows) {
      if (head.lastId === null) return broken(row.id, 'row exists but the chain head records an empty chain');
      if (byPosition ? row.position! > head.count : row.id > head.lastId) break walk;
      if (byPosition && row.position !== checked + 1)
        return broken(
          row.id,
          `chain position ${checked + 1} is missing before row ${row.id} (position ${row.position}): a receipt was deleted`,
        );
      const problem = rowProblem(row, expected, previousId);
      if (problem) return broken(row.id, problem);
      expected = row.hash;
      previousId = row.id;
      checked++;
      if (anchor && row.id === anchor.lastId) {
        if (row.hash !== anchor.lastHash || checked !== anchor.count)
          return broken(
            row.id,
            `row ${row.id} is not what the signed head recorded (hash ${anchor.lastHash}, receipt number ${anchor.count}): the chain was recomputed`,
          );
        anchorSeen = true;
      }
    }
    if (rows.length < batchSize) break;
    const last = rows[rows.length - 1]!;
    cursor = byPosition ? last.position : last.id;
  }

  if (checked !== head.count || previousId !== head.lastId || expected !== head.lastHash) {
    const id = head.lastId ?? previousId ?? 0;
    const reason =
      checked < head.count
        ? `${head.count - checked} receipt(s) missing at the end of the chain: the head records row ${head.lastId} as last`
        : 'the chain head does not match the last row: the head or the last row was edited';
    return broken(id, reason);
  }
  if (!anchorSeen) {
    return broken(
      anchor!.lastId!,
      `row ${anchor!.lastId} of the signed head is not in the chain: the chain was rewound or rewritten`,
    );
  }
  const extra = await uncoveredRows(store, byPosition ? head.count : head.lastId);
  if (extra.length > 0) {
    const shown = extra.slice(0, 10).join(', ');
    const more = extra.length > 10 ? ` and ${extra.length - 10} more` : '';
    return broken(
      extra[0]!,
      `row(s) ${shown}${more} after the chain head (row ${head.lastId ?? 'none'}) are not covered by it: added outside the collector`,
    );
  }
  const unlinkedAfter = new Set(
    (await store.list({ order: 'asc', limit: 1000, unlinked: true, uncovered: true })).map((row) => row.id),
  );
  // A linking round takes milliseconds (seconds on a starved machine): a row still unlinked a minute
  // after it was stored, and throughout the walk, is not waiting for the sequencer.
  const cutoff = Date.now() - STALE_AFTER_MS;
  const stale = unlinkedBefore
    .filter((row) => row.receivedAt < cutoff && unlinkedAfter.has(row.id))
    .map((row) => row.id);
  if (stale.length > 0) {
    return broken(
      stale[0]!,
      `row(s) ${stale.slice(0, 10).join(', ')} are stored but were not linked into the chain for over a minute: added outside the collector, or left by a collector that is not running (a running one links them)`,
    );
  }
  return { ok: true, checked, lastHash: expected };
}

/**
 * Ids of rows past `lastId` that the head does not cover. Rows are read
 * before the head is read again: a row the collector appended meanwhile is
 * covered by that newer head, so only rows nobody chained are left.
 */
async function uncoveredRows(store: ReceiptStore, last: number | null): Promise<number[]> {
  const byPosition = store.chainOrder === 'position';
  const after = await store.list({ order: 'asc', limit: 1000, cursor: last ?? 0, uncovered: true, chainOrder: true });
  if (after.length === 0) return [];
  const now = await store.head();
  const beyond = (row: StoredReceipt): boolean =>
    byPosition ? row.position! > now.count : now.lastId === null || row.id > now.lastId;
  return after.filter(beyond).map((row) => row.id);
}
