import { GENESIS_HASH } from './chain-hash';
import { loadOptionalModule } from './load-optional-module';
import { appendBatch, type PendingAppend } from './postgres-append-batch';
import { POSTGRES_COLUMNS, toStoredReceipt, type PostgresRow } from './postgres-row';
import { createSequencer } from './postgres-sequencer';
import type { AppendResult, ChainHead, ListQuery, ReceiptStore, StoredReceipt } from './receipt-store';
import { unavailableOnError } from './store-unavailable';
import { tableName } from './table-name';
import { createWriteBatcher } from './write-batcher';

/** The part of a `pg` client the store uses (structural, so `pg` types stay optional). */
export interface PgClientLike {
  query<R>(text: string, params?: unknown[]): Promise<{ rows: R[] }>;
  /** With an error the pool destroys the connection instead of reusing it. */
  release(error?: Error | boolean): void;
  on(event: 'error', listener: (error: Error) => void): unknown;
  off(event: 'error', listener: (error: Error) => void): unknown;
}

/** The part of a `pg.Pool` the store uses. */
export interface PgPoolLike {
  query<R>(text: string, params?: unknown[]): Promise<{ rows: R[] }>;
  connect(): Promise<PgClientLike>;
  end(): Promise<void>;
}

/** Options of {@link openPostgresStore}: a connection URL, a pool config, or your own pool. */
export interface PostgresStoreOptions {
  /** `postgres://user:pass@host:5432/db`. */
  url?: string;
  /** Extra `pg.Pool` settings (merged with `url`), e.g. `{ max: 20, ssl: … }`. */
  poolConfig?: Record<string, unknown>;
  /** An existing `pg.Pool`; the store will not end it on close. */
  pool?: PgPoolLike;
  /** Table name (default `soglasie_receipts`). */
  table?: string;
  /** Called with errors of idle pooled connections (default: console.error). */
  onPoolError?: (error: Error) => void;
  /**
   * Longest time one statement may take, in ms (default 5000): PostgreSQL's
   * `statement_timeout`, and a client-side read timeout a little above it for
   * a server that does not answer at all. Not applied to a `pool` you pass.
   */
  statementTimeoutMs?: number;
  /** Longest wait for a connection (new, or a free one from the pool), in ms (default 5000). */
  connectTimeoutMs?: number;
}

/**
 * Run `work` in one transaction on one pooled connection. A connection that
 * breaks while checked out emits 'error'; without a listener that would
 * kill the process, so the error is only recorded here and the failed query
 * rejects on its own. After any failure the connection is destroyed, not
 * reused: the server rolls the transaction back when it goes away, and a
 * connection whose query timed out on our side is in an unknown state.
 */
async function inTransaction<T>(pool: PgPoolLike, work: (client: PgClientLike) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const onError = (error: Error): void => {
    broken = error;
  };
  client.on('error', onError);
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    client.off('error', onError);
    client.release();
    return result;
  } catch (error) {
    client.off('error', onError);
    client.release(broken ?? (error as Error));
    throw error;
  }
}

/**
 * Open (and migrate) a PostgreSQL receipt store using `pg`, loaded lazily.
 * Appends that arrive together are inserted and linked into the chain in one
 * transaction (group commit); linking takes an advisory lock, so several
 * collector instances sharing one database still build a single chain.
 *
 * @example
 * const store = await openPostgresStore({ url: 'postgres://app@127.0.0.1/consent' });
 */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<ReceiptStore> {
  const table = tableName(options.table);
  const head = `${table}_head`;
  let db: PgPoolLike;
  const ownsPool = !options.pool;
  if (options.pool) {
    db = options.pool;
  } else {
    const pg = await loadOptionalModule('pg', () => import('pg'));
    const PoolClass = pg.Pool ?? pg.default.Pool;
    const statementTimeout = options.statementTimeoutMs ?? 5000;
    const pool = new PoolClass({
      connectionString: options.url,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
      statement_timeout: statementTimeout,
      // The server cancels a slow statement itself; this catches a server that answers nothing at all.
      query_timeout: statementTimeout + 1000,
      idle_in_transaction_session_timeout: statementTimeout * 2,
      keepAlive: true,
      ...options.poolConfig,
    });
    // An idle connection dropped by the server must not crash the process.
    pool.on(
      'error',
      options.onPoolError ?? ((error) => console.error('soglasie collector: postgres pool error', error)),
    );
    db = pool;
  }

  try {
    await inTransaction(db, async (client) => {
      // Concurrent first starts of several instances would race on CREATE TABLE.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [table]);
      await client.query(`
        CREATE TABLE IF NOT EXISTS ${table} (
          id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
          receipt_id TEXT NOT NULL UNIQUE,
          subject_id TEXT NOT NULL,
          received_at BIGINT NOT NULL,
          ip TEXT,
          user_agent TEXT,
          receipt TEXT NOT NULL,
          prev_hash TEXT NOT NULL,
          hash TEXT NOT NULL
        )`);
      // A place in the chain (seq, prev_hash, hash); the previous version stored rows without one first.
      await client.query(`ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS seq BIGINT`);
      await client.query(`ALTER TABLE ${table} ALTER COLUMN prev_hash DROP NOT NULL`);
      await client.query(`ALTER TABLE ${table} ALTER COLUMN hash DROP NOT NULL`);
      await client.query(`CREATE UNIQUE INDEX IF NOT EXISTS ${table}_seq ON ${table} (seq)`);
      await client.query(`CREATE INDEX IF NOT EXISTS ${table}_unlinked ON ${table} (id) WHERE seq IS NULL`);
      // Tables from before the sequencer: their rows were linked in id order.
      await client.query(
        `UPDATE ${table} SET seq = numbered.n
         FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM ${table} WHERE hash IS NOT NULL AND seq IS NULL) numbered
         WHERE ${table}.id = numbered.id AND NOT EXISTS (SELECT 1 FROM ${table} WHERE seq IS NOT NULL)`,
      );
      await client.query(`CREATE INDEX IF NOT EXISTS ${table}_subject ON ${table} (subject_id, id)`);
      await client.query(`CREATE INDEX IF NOT EXISTS ${table}_received ON ${table} (received_at, id)`);
      await client.query(`
        CREATE TABLE IF NOT EXISTS ${head} (
          one INTEGER PRIMARY KEY CHECK (one = 1),
          last_id BIGINT,
          last_hash TEXT NOT NULL,
          count BIGINT NOT NULL
        )`);
      await client.query(
        `INSERT INTO ${head} (one, last_id, last_hash, count) VALUES (1, NULL, $1, 0) ON CONFLICT (one) DO NOTHING`,
        [GENESIS_HASH],
      );
    });
  } catch (error) {
    if (ownsPool) await db.end().catch(() => undefined);
    throw error;
  }

  const selectByReceiptId = `SELECT ${POSTGRES_COLUMNS} FROM ${table} WHERE receipt_id = $1`;
  // Rows past the head were not written by the collector: the read side does not serve them.
  const covered = `seq <= (SELECT count FROM ${head} WHERE one = 1)`;
  const sequencer = createSequencer({ table, head });
  // Rows stored but never linked (by an earlier version that linked after storing, or added
  // behind the collector's back) get their place now.
  await unavailableOnError('link', () => inTransaction(db, (client) => sequencer.linkWaiting(client))).catch(
    async (error: unknown) => {
      if (ownsPool) await db.end().catch(() => undefined);
      throw error;
    },
  );
  // Group commit: the appends that arrive while one batch is written form the next one.
  // An explicit transaction, not autocommitted statements: if we give up waiting (a frozen
  // server) the INSERT may still run when the server wakes, but without our COMMIT it is undone.
  const batcher = createWriteBatcher<PendingAppend, AppendResult>({
    write: (appends) => inTransaction(db, (client) => appendBatch(client, table, sequencer, appends)),
    maxItems: 500,
    // Keeps one INSERT's parameters to a few megabytes whatever the body limit.
    maxSize: 4 * 1024 * 1024,
    sizeOf: (append) => append.receiptJson.length,
  });
  let closed = false;

  return {
    append(input): Promise<AppendResult> {
      return unavailableOnError('append', () => batcher.add({ ...input, receivedAt: Date.now() }));
    },
    get(receiptId) {
      return unavailableOnError('get', () => get(receiptId));
    },
    list(query) {
      return unavailableOnError('list', () => list(query));
    },
    head() {
      return unavailableOnError('head', () => readHead());
    },
    chainOrder: 'position',
    async close() {
      if (closed) return;
      closed = true;
      // Appends already queued are written (or fail) before the pool goes.
      await batcher.drained();
      if (ownsPool) await db.end();
    },
  };

  async function get(receiptId: string): Promise<StoredReceipt | undefined> {
    const result = await db.query<PostgresRow>(`${selectByReceiptId} AND ${covered}`, [receiptId]);
    return result.rows[0] && toStoredReceipt(result.rows[0]);
  }

  async function list(query: ListQuery): Promise<StoredReceipt[]> {
    const desc = query.order === 'desc';
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown): void => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.subjectId !== undefined) add('subject_id = ?', query.subjectId);
    if (query.from !== undefined) add('received_at >= ?', query.from);
    if (query.to !== undefined) add('received_at < ?', query.to);
    // Chain order (for verify) is the sequencer's order, which may differ from id order.
    const key = query.chainOrder ? 'seq' : 'id';
    if (query.cursor !== undefined) add(desc ? `${key} < ?` : `${key} > ?`, query.cursor);
    if (!query.uncovered) where.push(covered);
    if (query.chainOrder) where.push('seq IS NOT NULL');
    if (query.unlinked) where.push('seq IS NULL');
    params.push(query.limit);
    const result = await db.query<PostgresRow>(
      `SELECT ${POSTGRES_COLUMNS} FROM ${table}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}
         ORDER BY ${key} ${desc ? 'DESC' : 'ASC'} LIMIT $${params.length}`,
      params,
    );
    return result.rows.map(toStoredReceipt);
  }

  async function readHead(): Promise<ChainHead> {
    const result = await db.query<{ last_id: string | null; last_hash: string; count: string }>(
      `SELECT last_id, last_hash, count FROM ${head} WHERE one = 1`,
    );
    const row = result.rows[0];
    if (!row) throw new Error(`${head} row is missing`);
    return {
      lastId: row.last_id === null ? null : Number(row.last_id),
      lastHash: row.last_hash,
      count: Number(row.count),
    };
  }
}
