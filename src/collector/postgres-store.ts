import { chainHash, GENESIS_HASH } from './chain-hash';
import { loadOptionalModule } from './load-optional-module';
import type { AppendInput, AppendResult, ChainHead, ListQuery, ReceiptStore, StoredReceipt } from './receipt-store';
import { unavailableOnError } from './store-unavailable';
import { tableName } from './table-name';

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

interface Row {
  id: string;
  receipt_id: string;
  subject_id: string;
  received_at: string;
  ip: string | null;
  user_agent: string | null;
  receipt: string;
  prev_hash: string;
  hash: string;
}

// pg returns BIGINT as strings; ids and epoch-ms fit safely in a double.
function toStored(row: Row): StoredReceipt {
  return {
    id: Number(row.id),
    receiptId: row.receipt_id,
    subjectId: row.subject_id,
    receivedAt: Number(row.received_at),
    ip: row.ip,
    userAgent: row.user_agent,
    receiptJson: row.receipt,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
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
 * Appends lock the chain-head row (`SELECT … FOR UPDATE`), so several
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

  const columns = 'id, receipt_id, subject_id, received_at, ip, user_agent, receipt, prev_hash, hash';
  const selectByReceiptId = `SELECT ${columns} FROM ${table} WHERE receipt_id = $1`;
  // Rows past the head were not written by the collector: the read side does not serve them.
  const covered = `id <= (SELECT last_id FROM ${head} WHERE one = 1)`;
  let closed = false;

  return {
    append(input): Promise<AppendResult> {
      return unavailableOnError('append', () => append(input));
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
    async close() {
      if (closed) return;
      closed = true;
      if (ownsPool) await db.end();
    },
  };

  async function append(input: AppendInput): Promise<AppendResult> {
    // Fast path for retries: no lock needed to see an already stored receipt.
    const seen = await db.query<Row>(selectByReceiptId, [input.receipt.receiptId]);
    if (seen.rows[0]) return { record: toStored(seen.rows[0]), created: false };
    return inTransaction(db, async (client) => {
      const locked = await client.query<{ last_hash: string }>(
        `SELECT last_hash FROM ${head} WHERE one = 1 FOR UPDATE`,
      );
      const prevHash = locked.rows[0]?.last_hash;
      if (prevHash === undefined) throw new Error(`${head} row is missing`);
      // Re-check under the lock: a concurrent identical post may have won.
      const existing = await client.query<Row>(selectByReceiptId, [input.receipt.receiptId]);
      if (existing.rows[0]) return { record: toStored(existing.rows[0]), created: false };
      const receivedAt = Date.now();
      const hash = chainHash(prevHash, input.receiptJson, receivedAt);
      const inserted = await client.query<{ id: string }>(
        `INSERT INTO ${table} (receipt_id, subject_id, received_at, ip, user_agent, receipt, prev_hash, hash)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          input.receipt.receiptId,
          input.receipt.subjectId,
          receivedAt,
          input.ip,
          input.userAgent,
          input.receiptJson,
          prevHash,
          hash,
        ],
      );
      const id = Number(inserted.rows[0]!.id);
      await client.query(`UPDATE ${head} SET last_id = $1, last_hash = $2, count = count + 1 WHERE one = 1`, [
        id,
        hash,
      ]);
      const record: StoredReceipt = {
        id,
        receiptId: input.receipt.receiptId,
        subjectId: input.receipt.subjectId,
        receivedAt,
        ip: input.ip,
        userAgent: input.userAgent,
        receiptJson: input.receiptJson,
        prevHash,
        hash,
      };
      return { record, created: true };
    });
  }

  async function get(receiptId: string): Promise<StoredReceipt | undefined> {
    const result = await db.query<Row>(`${selectByReceiptId} AND ${covered}`, [receiptId]);
    return result.rows[0] && toStored(result.rows[0]);
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
    if (query.cursor !== undefined) add(desc ? 'id < ?' : 'id > ?', query.cursor);
    if (!query.uncovered) where.push(covered);
    params.push(query.limit);
    const result = await db.query<Row>(
      `SELECT ${columns} FROM ${table}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}
         ORDER BY id ${desc ? 'DESC' : 'ASC'} LIMIT $${params.length}`,
      params,
    );
    return result.rows.map(toStored);
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
