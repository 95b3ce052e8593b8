import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/collector/canonical-json';
import { openPostgresStore, type PgClientLike, type PgPoolLike } from '../../src/collector/postgres-store';
import type { AppendResult, ReceiptStore } from '../../src/collector/receipt-store';
import { StoreUnavailableError } from '../../src/collector/store-unavailable';
import { verifyChain } from '../../src/collector/verify-chain';
import type { ConsentReceipt } from '../../src/receipt/receipt-types';
import { makeReceipt } from './support/make-receipt';

const pgUrl = process.env.SOGLASIE_PG_URL;

/**
 * A real pool whose connections count the statements they run, and can be
 * told to fail the next INSERT (as a connection dropping mid-batch would).
 */
function watchedPool(pool: pg.Pool) {
  const statements: string[] = [];
  let failNextInsert = false;
  const watched: PgPoolLike = {
    async query<R>(text: string, params?: unknown[]) {
      return (await pool.query(text, params)) as unknown as { rows: R[] };
    },
    end: () => pool.end(),
    async connect() {
      const client = await pool.connect();
      const wrapped: PgClientLike = {
        async query<R>(text: string, params?: unknown[]) {
          statements.push(text.trim().split(/\s+/)[0]!.toUpperCase());
          if (failNextInsert && /INSERT INTO/.test(text)) {
            failNextInsert = false;
            throw new Error('connection lost (test)');
          }
          return (await client.query(text, params)) as unknown as { rows: R[] };
        },
        release: (error) => client.release(error),
        on: (event, listener) => client.on(event, listener),
        off: (event, listener) => client.off(event, listener),
      };
      return wrapped;
    },
  };
  return {
    pool: watched,
    commits: () => statements.filter((statement) => statement === 'COMMIT').length,
    failNextInsert() {
      failNextInsert = true;
    },
  };
}

/** Start every append before any of them can finish: they arrive together. */
function appendTogether(
  store: ReceiptStore,
  receipts: ConsentReceipt[],
): Promise<PromiseSettledResult<AppendResult>[]> {
  return Promise.allSettled(
    receipts.map((receipt) =>
      store.append({ receipt, receiptJson: canonicalJson(receipt), ip: '127.0.0.1', userAgent: 'test' }),
    ),
  );
}

describe.skipIf(!pgUrl)('PostgreSQL group commit', () => {
  let pool: pg.Pool;
  const tables: string[] = [];
  beforeAll(() => {
    pool = new pg.Pool({ connectionString: pgUrl });
  });
  afterAll(async () => {
    for (const table of tables) await pool.query(`DROP TABLE IF EXISTS ${table}; DROP TABLE IF EXISTS ${table}_head`);
    await pool.end();
  });

  async function open() {
    const table = `group_${randomBytes(4).toString('hex')}`;
    tables.push(table);
    const watched = watchedPool(pool);
    const store = await openPostgresStore({ pool: watched.pool, table });
    return { table, store, watched };
  }

  it('writes appends that arrive together with one commit, answering repeats with the stored row', async () => {
    const { store, watched } = await open();
    try {
      const earlier = makeReceipt();
      const [stored] = await appendTogether(store, [earlier]);
      const earlierHash = (stored as PromiseFulfilledResult<AppendResult>).value.record.hash;

      const fresh = Array.from({ length: 40 }, () => makeReceipt());
      const twice = makeReceipt();
      const burst = [...fresh, twice, earlier, { ...twice }, earlier, { ...twice }];
      const commitsBefore = watched.commits();
      const settled = await appendTogether(store, burst);
      expect(watched.commits() - commitsBefore).toBe(1);

      const results = settled.map((result) => {
        if (result.status === 'rejected') throw result.reason;
        return result.value;
      });
      expect(results.slice(0, 40).every((result) => result.created)).toBe(true);
      // The same receiptId three times in one batch: stored once, the first append is the new one.
      const copies = [results[40]!, results[42]!, results[44]!];
      expect(copies.map((result) => result.created)).toEqual([true, false, false]);
      expect(new Set(copies.map((result) => `${result.record.id} ${result.record.hash}`)).size).toBe(1);
      // Already stored before the batch: 200 with the stored hash.
      for (const repeat of [results[41]!, results[43]!]) {
        expect(repeat.created).toBe(false);
        expect(repeat.record.hash).toBe(earlierHash);
      }
      expect(await verifyChain(store)).toMatchObject({ ok: true, checked: 42 });
      // Each answer names the row the chain holds for it.
      for (const result of results) expect((await store.get(result.record.receiptId))?.hash).toBe(result.record.hash);
    } finally {
      await store.close();
    }
  });

  it('fails every append of a batch that fails, stores none of them, and writes the next batch', async () => {
    const { table, store, watched } = await open();
    try {
      const lost = Array.from({ length: 10 }, () => makeReceipt());
      watched.failNextInsert();
      const settled = await appendTogether(store, lost);
      for (const result of settled) {
        expect(result.status).toBe('rejected');
        expect((result as PromiseRejectedResult).reason).toBeInstanceOf(StoreUnavailableError);
      }
      expect((await pool.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n).toBe(0);

      // The clients retry: the same receipts are now stored, as new ones.
      const retried = await appendTogether(store, lost);
      expect(retried.every((result) => result.status === 'fulfilled' && result.value.created)).toBe(true);
      expect(await verifyChain(store)).toMatchObject({ ok: true, checked: 10 });
    } finally {
      await store.close();
    }
  });

  it('links a row that waits without a place before the new batch, and answers its repeat with it', async () => {
    const { table, store } = await open();
    try {
      await appendTogether(store, [makeReceipt()]);
      // Stored but not linked, as a collector of the store-then-link version leaves a row it crashed on.
      const waiting = makeReceipt();
      await pool.query(`INSERT INTO ${table} (receipt_id, subject_id, received_at, receipt) VALUES ($1, $2, $3, $4)`, [
        waiting.receiptId,
        waiting.subjectId,
        Date.now(),
        canonicalJson(waiting),
      ]);
      const next = makeReceipt();
      const [repeat, created] = await appendTogether(store, [waiting, next]);
      expect(repeat).toMatchObject({ status: 'fulfilled', value: { created: false, record: { position: 2 } } });
      expect(created).toMatchObject({ status: 'fulfilled', value: { created: true, record: { position: 3 } } });
      expect(await verifyChain(store)).toMatchObject({ ok: true, checked: 3 });
      const hash = (repeat as PromiseFulfilledResult<AppendResult>).value.record.hash;
      expect((await store.get(waiting.receiptId))?.hash).toBe(hash);
    } finally {
      await store.close();
    }
  });
});
