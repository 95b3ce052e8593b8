import { chainHash } from './chain-hash';
import type { PendingAppend } from './postgres-append-batch';
import type { PgClientLike } from './postgres-store';
import type { StoredReceipt } from './receipt-store';

/** Options of {@link createSequencer}. */
export interface SequencerOptions {
  table: string;
  head: string;
  /** Most waiting rows read and linked per statement. */
  batchSize?: number;
}

/** Outcome of {@link Sequencer.append}. */
export interface SequencedBatch {
  /** The rows inserted, by receiptId, with their place in the chain. */
  created: Map<string, StoredReceipt>;
  /** receiptIds that were already stored: nothing was inserted for them. */
  repeated: string[];
}

/** The chain's end as the sequencer moves it. */
interface ChainEnd {
  lastHash: string;
  count: number;
}

/**
 * Gives `entries` the next places after `end`, in order, and moves `end` past them: each one's
 * position, previous hash and hash.
 */
function place(
  end: ChainEnd,
  entries: { receiptJson: string; receivedAt: number }[],
): { seqs: number[]; prevs: string[]; hashes: string[] } {
  const seqs: number[] = [];
  const prevs: string[] = [];
  const hashes: string[] = [];
  for (const entry of entries) {
    const hash = chainHash(end.lastHash, entry.receiptJson, entry.receivedAt);
    end.count++;
    seqs.push(end.count);
    prevs.push(end.lastHash);
    hashes.push(hash);
    end.lastHash = hash;
  }
  return { seqs, prevs, hashes };
}

/** What {@link createSequencer} returns. */
export interface Sequencer {
  /** Inside the caller's transaction: insert `appends` (unique receiptIds) already linked. */
  append(client: PgClientLike, appends: PendingAppend[]): Promise<SequencedBatch>;
  /** Inside the caller's transaction: link every row still waiting (`seq IS NULL`). */
  linkWaiting(client: PgClientLike): Promise<void>;
}

/**
 * The PostgreSQL sequencer: the only code that gives rows their place in the
 * chain (`seq`, `prev_hash`, `hash`). It works inside the caller's
 * transaction under a transaction-scoped advisory lock, so only one
 * transaction links at a time, whichever process it belongs to, and there
 * is one chain however many processes write. New receipts are inserted with
 * their place already set, so each batch is one INSERT and one commit. Rows
 * that wait without a place (stored by a collector version that linked
 * later, or added behind the collector's back) are linked first, oldest id
 * first.
 *
 * @example
 * const sequencer = createSequencer({ table, head });
 * const { created, repeated } = await sequencer.append(client, appends); // inside BEGIN … COMMIT
 */
export function createSequencer(options: SequencerOptions): Sequencer {
  const batchSize = options.batchSize ?? 2000;
  const { table, head } = options;

  function lock(client: PgClientLike): Promise<unknown> {
    // Held until COMMIT or ROLLBACK. Statements after it see what the previous holder committed
    // (READ COMMITTED takes a fresh snapshot per statement).
    return client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`soglasie-sequencer:${table}`]);
  }

  /** Link rows stored without a place, in id order, before anything new. */
  async function linkLeftovers(client: PgClientLike, end: ChainEnd): Promise<void> {
    for (;;) {
      const waiting = await client.query<{ id: string; receipt: string; received_at: string }>(
        `SELECT id, receipt, received_at FROM ${table} WHERE seq IS NULL ORDER BY id LIMIT $1`,
        [batchSize],
      );
      if (waiting.rows.length === 0) return;
      const ids = waiting.rows.map((row) => row.id);
      const { seqs, prevs, hashes } = place(
        end,
        waiting.rows.map((row) => ({ receiptJson: row.receipt, receivedAt: Number(row.received_at) })),
      );
      // One statement moves the rows and the head (a data-modifying WITH always runs to completion).
      await client.query(
        `WITH placed AS (
           UPDATE ${table} SET seq = u.seq, prev_hash = u.prev, hash = u.hash
           FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) AS u(id, seq, prev, hash)
           WHERE ${table}.id = u.id
         )
         UPDATE ${head} SET last_id = $5, last_hash = $6, count = $7 WHERE one = 1`,
        [ids, seqs, prevs, hashes, ids[ids.length - 1], end.lastHash, end.count],
      );
      if (waiting.rows.length < batchSize) return;
    }
  }

  /** Read the head, whether rows wait for a place, and which of `receiptIds` are stored. */
  async function readState(
    client: PgClientLike,
    receiptIds: string[],
  ): Promise<{ end: ChainEnd; waiting: boolean; stored: Set<string> }> {
    const result = await client.query<{ last_hash: string; count: string; waiting: boolean; stored: string[] }>(
      `SELECT last_hash, count,
         EXISTS (SELECT 1 FROM ${table} WHERE seq IS NULL) AS waiting,
         ARRAY(SELECT receipt_id FROM ${table} WHERE receipt_id = ANY($1::text[])) AS stored
       FROM ${head} WHERE one = 1`,
      [receiptIds],
    );
    const row = result.rows[0];
    if (!row) throw new Error(`${head} row is missing`);
    return {
      end: { lastHash: row.last_hash, count: Number(row.count) },
      waiting: row.waiting,
      stored: new Set(row.stored),
    };
  }

  async function append(client: PgClientLike, appends: PendingAppend[]): Promise<SequencedBatch> {
    await lock(client);
    const state = await readState(
      client,
      appends.map((append) => append.receipt.receiptId),
    );
    if (state.waiting) await linkLeftovers(client, state.end);
    const fresh = appends.filter((append) => !state.stored.has(append.receipt.receiptId));
    const created = new Map<string, StoredReceipt>();
    const repeated = appends
      .filter((append) => state.stored.has(append.receipt.receiptId))
      .map((append) => append.receipt.receiptId);
    if (fresh.length === 0) return { created, repeated };

    const end = state.end;
    const { seqs, prevs, hashes } = place(end, fresh);
    // Every writer inserts under the lock, and the stored receiptIds were read under it, so a
    // conflict here is a writer that skipped the lock: the INSERT fails and the batch is undone
    // rather than leave a hole in the precomputed chain.
    const inserted = await client.query<{ id: string; receipt_id: string }>(
      `WITH inserted AS (
         INSERT INTO ${table} (receipt_id, subject_id, received_at, ip, user_agent, receipt, seq, prev_hash, hash)
         SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[],
                              $7::bigint[], $8::text[], $9::text[])
         RETURNING id, receipt_id, seq
       ), moved AS (
         UPDATE ${head} SET last_id = (SELECT id FROM inserted WHERE seq = $10), last_hash = $11, count = $10
         WHERE one = 1
       )
       SELECT id, receipt_id FROM inserted`,
      [
        fresh.map((append) => append.receipt.receiptId),
        fresh.map((append) => append.receipt.subjectId),
        fresh.map((append) => append.receivedAt),
        fresh.map((append) => append.ip),
        fresh.map((append) => append.userAgent),
        fresh.map((append) => append.receiptJson),
        seqs,
        prevs,
        hashes,
        end.count,
        end.lastHash,
      ],
    );
    const ids = new Map(inserted.rows.map((row) => [row.receipt_id, Number(row.id)]));
    fresh.forEach((append, index) => {
      const id = ids.get(append.receipt.receiptId);
      if (id === undefined) throw new Error(`receipt ${append.receipt.receiptId} was not inserted`);
      created.set(append.receipt.receiptId, {
        id,
        receiptId: append.receipt.receiptId,
        subjectId: append.receipt.subjectId,
        receivedAt: append.receivedAt,
        ip: append.ip,
        userAgent: append.userAgent,
        receiptJson: append.receiptJson,
        prevHash: prevs[index]!,
        hash: hashes[index]!,
        position: seqs[index]!,
      });
    });
    return { created, repeated };
  }

  async function linkWaiting(client: PgClientLike): Promise<void> {
    await lock(client);
    const state = await readState(client, []);
    if (state.waiting) await linkLeftovers(client, state.end);
  }

  return { append, linkWaiting };
}
