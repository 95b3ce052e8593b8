import { POSTGRES_COLUMNS, toStoredReceipt, type PostgresRow } from './postgres-row';
import type { Sequencer } from './postgres-sequencer';
import type { PgClientLike } from './postgres-store';
import type { AppendInput, AppendResult, StoredReceipt } from './receipt-store';

/** An append waiting for its batch, with the server time it arrived (hashed into the chain). */
export interface PendingAppend extends AppendInput {
  receivedAt: number;
}

/**
 * Store a batch of receipts with their places in the chain, inside the
 * caller's transaction, so the whole batch costs one commit. A receiptId
 * already stored, or repeated within the batch, is inserted once; its other
 * appends are answered with the stored row (`created: false`). Results come
 * in the order of `appends`.
 *
 * @example
 * const results = await inTransaction(pool, (client) => appendBatch(client, table, sequencer, appends));
 */
export async function appendBatch(
  client: PgClientLike,
  table: string,
  sequencer: Sequencer,
  appends: PendingAppend[],
): Promise<AppendResult[]> {
  const first = new Map<string, PendingAppend>();
  for (const append of appends) {
    if (!first.has(append.receipt.receiptId)) first.set(append.receipt.receiptId, append);
  }
  const { created, repeated } = await sequencer.append(client, [...first.values()]);
  const stored = new Map<string, StoredReceipt>(created);
  if (repeated.length > 0) {
    // Read under the sequencer's lock, after any waiting row got its place.
    const existing = await client.query<PostgresRow>(
      `SELECT ${POSTGRES_COLUMNS} FROM ${table} WHERE receipt_id = ANY($1::text[])`,
      [repeated],
    );
    for (const row of existing.rows) {
      if (row.seq === null) throw new Error(`receipt row ${row.id} was not linked`);
      stored.set(row.receipt_id, toStoredReceipt(row));
    }
  }
  return appends.map((append) => {
    const record = stored.get(append.receipt.receiptId);
    if (!record) throw new Error(`receipt ${append.receipt.receiptId} vanished`);
    const isFirst = first.get(append.receipt.receiptId) === append;
    return { record, created: isFirst && created.has(append.receipt.receiptId) };
  });
}
