import type { StoredReceipt } from './receipt-store';

/** The columns the PostgreSQL store reads, in the order of {@link PostgresRow}. */
export const POSTGRES_COLUMNS =
  'id, receipt_id, subject_id, received_at, ip, user_agent, receipt, prev_hash, hash, seq';

/** One row of the receipts table as `pg` returns it (BIGINT as strings). */
export interface PostgresRow {
  id: string;
  receipt_id: string;
  subject_id: string;
  received_at: string;
  ip: string | null;
  user_agent: string | null;
  receipt: string;
  prev_hash: string | null;
  hash: string | null;
  seq: string | null;
}

/**
 * A row as the store hands it out. Ids and epoch-ms fit safely in a double.
 *
 * @example
 * const records = result.rows.map(toStoredReceipt);
 */
export function toStoredReceipt(row: PostgresRow): StoredReceipt {
  return {
    id: Number(row.id),
    receiptId: row.receipt_id,
    subjectId: row.subject_id,
    receivedAt: Number(row.received_at),
    ip: row.ip,
    userAgent: row.user_agent,
    receiptJson: row.receipt,
    // Only rows with a place in the chain are handed out (the read side and verify ask for those).
    prevHash: row.prev_hash ?? '',
    hash: row.hash ?? '',
    position: row.seq === null ? undefined : Number(row.seq),
  };
}
