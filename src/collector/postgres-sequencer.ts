import { chainHash } from './chain-hash';
import type { PgClientLike, PgPoolLike } from './postgres-store';

/** Where a receipt ended up in the chain. */
export interface ChainLink {
  seq: number;
  prevHash: string;
  hash: string;
}

/** Options of {@link createSequencer}. */
export interface SequencerOptions {
  pool: PgPoolLike;
  table: string;
  head: string;
  /** Runs `work` in one transaction (the store's helper, which handles broken connections). */
  inTransaction<T>(work: (client: PgClientLike) => Promise<T>): Promise<T>;
  /** Most receipts linked per transaction. */
  batchSize?: number;
}

/**
 * The PostgreSQL sequencer: receipts are first stored durably with no place
 * in the chain (`seq IS NULL`); this links them, oldest id first, in batches.
 * Every collector process runs one, but a transaction-scoped advisory lock
 * lets only one of them link at a time, so there is one chain however many
 * processes write. A process waiting for its receipts takes the lock in turn
 * and links whatever is pending, its own receipts and everyone else's.
 *
 * @example
 * const sequencer = createSequencer({ pool, table, head, inTransaction: (work) => inTransaction(pool, work) });
 * const link = await sequencer.linked(id);
 */
export function createSequencer(options: SequencerOptions): {
  linked(id: number): Promise<ChainLink>;
  linkNow(): Promise<number>;
} {
  const batchSize = options.batchSize ?? 2000;
  const { table, head } = options;
  const waiting = new Map<number, { resolve(link: ChainLink): void; reject(error: unknown): void }[]>();
  let running = false;

  /** One round: under the lock, give every pending row its place. Returns how many were linked. */
  function linkPending(): Promise<number> {
    return options.inTransaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`soglasie-sequencer:${table}`]);
      const current = await client.query<{ last_hash: string; count: string }>(
        `SELECT last_hash, count FROM ${head} WHERE one = 1`,
      );
      const headRow = current.rows[0];
      if (!headRow) throw new Error(`${head} row is missing`);
      const pending = await client.query<{ id: string; receipt: string; received_at: string }>(
        `SELECT id, receipt, received_at FROM ${table} WHERE seq IS NULL ORDER BY id LIMIT $1`,
        [batchSize],
      );
      if (pending.rows.length === 0) return 0;
      let prevHash = headRow.last_hash;
      let seq = Number(headRow.count);
      const ids: string[] = [];
      const seqs: number[] = [];
      const prevs: string[] = [];
      const hashes: string[] = [];
      for (const row of pending.rows) {
        const hash = chainHash(prevHash, row.receipt, Number(row.received_at));
        seq++;
        ids.push(row.id);
        seqs.push(seq);
        prevs.push(prevHash);
        hashes.push(hash);
        prevHash = hash;
      }
      await client.query(
        `UPDATE ${table} SET seq = u.seq, prev_hash = u.prev, hash = u.hash
         FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) AS u(id, seq, prev, hash)
         WHERE ${table}.id = u.id`,
        [ids, seqs, prevs, hashes],
      );
      await client.query(`UPDATE ${head} SET last_id = $1, last_hash = $2, count = $3 WHERE one = 1`, [
        ids[ids.length - 1],
        prevHash,
        seq,
      ]);
      return ids.length;
    });
  }

  /** Answer the waiters whose rows now have a place (linked by us or by another process). */
  async function settleLinked(): Promise<number> {
    const ids = [...waiting.keys()];
    if (ids.length === 0) return 0;
    const result = await options.pool.query<{ id: string; seq: string; prev_hash: string; hash: string }>(
      `SELECT id, seq, prev_hash, hash FROM ${table} WHERE id = ANY($1::bigint[]) AND seq IS NOT NULL`,
      [ids],
    );
    for (const row of result.rows) {
      const id = Number(row.id);
      for (const waiter of waiting.get(id) ?? [])
        waiter.resolve({ seq: Number(row.seq), prevHash: row.prev_hash, hash: row.hash });
      waiting.delete(id);
    }
    return result.rows.length;
  }

  async function loop(): Promise<void> {
    while (waiting.size > 0) {
      const before = new Set(waiting.keys());
      const linkedCount = await linkPending();
      const settled = await settleLinked();
      // Nothing moved: these rows cannot be linked (should not happen); fail them rather than spin.
      if (linkedCount === 0 && settled === 0) {
        for (const id of before) {
          for (const waiter of waiting.get(id) ?? []) waiter.reject(new Error(`receipt row ${id} was not linked`));
          waiting.delete(id);
        }
      }
    }
  }

  function run(): void {
    if (running) return;
    running = true;
    loop()
      .catch((error: unknown) => {
        // The database failed: everyone waiting gets the error (their receipts stay stored and
        // are linked by the next round, in this process or another).
        for (const waiters of waiting.values()) for (const waiter of waiters) waiter.reject(error);
        waiting.clear();
      })
      .finally(() => {
        running = false;
        if (waiting.size > 0) run();
      });
  }

  return {
    linked(id) {
      return new Promise((resolve, reject) => {
        const list = waiting.get(id) ?? [];
        list.push({ resolve, reject });
        waiting.set(id, list);
        run();
      });
    },
    linkNow: linkPending,
  };
}
