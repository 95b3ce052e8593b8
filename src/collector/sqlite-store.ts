import type BetterSqlite3 from 'better-sqlite3';
import { chainHash, GENESIS_HASH } from './chain-hash';
import { loadOptionalModule } from './load-optional-module';
import type { AppendInput, AppendResult, ChainHead, ListQuery, ReceiptStore, StoredReceipt } from './receipt-store';
import { unavailableOnError } from './store-unavailable';
import { tableName } from './table-name';
import { createWriteBatcher } from './write-batcher';

/** Options of {@link openSqliteStore}. */
export interface SqliteStoreOptions {
  /** Database file; created if missing. */
  path: string;
  /** Table name (default `soglasie_receipts`). */
  table?: string;
}

interface Row {
  id: number;
  receipt_id: string;
  subject_id: string;
  received_at: number;
  ip: string | null;
  user_agent: string | null;
  receipt: string;
  prev_hash: string;
  hash: string;
}

interface HeadRow {
  last_id: number | null;
  last_hash: string;
  count: number;
}

function toStored(row: Row): StoredReceipt {
  return {
    id: row.id,
    receiptId: row.receipt_id,
    subjectId: row.subject_id,
    receivedAt: row.received_at,
    ip: row.ip,
    userAgent: row.user_agent,
    receiptJson: row.receipt,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/**
 * Open (and migrate) a SQLite receipt store using better-sqlite3, loaded
 * lazily. WAL mode; appends run in `BEGIN IMMEDIATE` transactions so
 * several processes on one file still keep a single chain, and appends that
 * arrive together share one transaction (group commit).
 *
 * @example
 * const store = await openSqliteStore({ path: './receipts.sqlite' });
 */
export async function openSqliteStore(options: SqliteStoreOptions): Promise<ReceiptStore> {
  const { default: Database } = await loadOptionalModule('better-sqlite3', () => import('better-sqlite3'));
  const table = tableName(options.table);
  const head = `${table}_head`;
  const db: BetterSqlite3.Database = new Database(options.path);
  try {
    db.pragma('journal_mode = WAL');
    // A 201 promises the receipt is on disk.
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    db.exec(`
      CREATE TABLE IF NOT EXISTS ${table} (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        receipt_id TEXT NOT NULL UNIQUE,
        subject_id TEXT NOT NULL,
        received_at INTEGER NOT NULL,
        ip TEXT,
        user_agent TEXT,
        receipt TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS ${table}_subject ON ${table} (subject_id, id);
      CREATE INDEX IF NOT EXISTS ${table}_received ON ${table} (received_at, id);
      CREATE TABLE IF NOT EXISTS ${head} (
        one INTEGER PRIMARY KEY CHECK (one = 1),
        last_id INTEGER,
        last_hash TEXT NOT NULL,
        count INTEGER NOT NULL
      );
      INSERT OR IGNORE INTO ${head} (one, last_id, last_hash, count) VALUES (1, NULL, '${GENESIS_HASH}', 0);
    `);
  } catch (error) {
    db.close();
    throw error;
  }

  const columns = 'id, receipt_id, subject_id, received_at, ip, user_agent, receipt, prev_hash, hash';
  const byReceiptId = db.prepare<[string], Row>(`SELECT ${columns} FROM ${table} WHERE receipt_id = ?`);
  // Rows past the head were not written by the collector: the read side does not serve them.
  const covered = `id <= (SELECT last_id FROM ${head} WHERE one = 1)`;
  const coveredByReceiptId = db.prepare<[string], Row>(
    `SELECT ${columns} FROM ${table} WHERE receipt_id = ? AND ${covered}`,
  );
  const readHead = db.prepare<[], HeadRow>(`SELECT last_id, last_hash, count FROM ${head} WHERE one = 1`);
  const insert = db.prepare(
    `INSERT INTO ${table} (receipt_id, subject_id, received_at, ip, user_agent, receipt, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const moveHead = db.prepare(`UPDATE ${head} SET last_id = ?, last_hash = ?, count = count + ? WHERE one = 1`);

  /** Inserts one receipt after `end` (unless it is stored already) and moves `end` past it. */
  const appendOne = (input: AppendInput, end: { lastId: number | null; lastHash: string; added: number }) => {
    const existing = byReceiptId.get(input.receipt.receiptId);
    if (existing) return { record: toStored(existing), created: false };
    // Time is taken under the write lock so chain order and time order agree.
    const receivedAt = Date.now();
    const hash = chainHash(end.lastHash, input.receiptJson, receivedAt);
    const info = insert.run(
      input.receipt.receiptId,
      input.receipt.subjectId,
      receivedAt,
      input.ip,
      input.userAgent,
      input.receiptJson,
      end.lastHash,
      hash,
    );
    const id = Number(info.lastInsertRowid);
    const record: StoredReceipt = {
      id,
      receiptId: input.receipt.receiptId,
      subjectId: input.receipt.subjectId,
      receivedAt,
      ip: input.ip,
      userAgent: input.userAgent,
      receiptJson: input.receiptJson,
      prevHash: end.lastHash,
      hash,
    };
    end.lastId = id;
    end.lastHash = hash;
    end.added++;
    return { record, created: true };
  };
  // Group commit: every append queued while the previous commit ran shares one
  // transaction and one fsync, and the head is read and moved once for all of
  // them. Each caller is answered only after that commit.
  const appendBatch = db.transaction((inputs: AppendInput[]): AppendResult[] => {
    const current = readHead.get();
    if (!current) throw new Error(`${head} row is missing`);
    const end = { lastId: current.last_id, lastHash: current.last_hash, added: 0 };
    const results = inputs.map((input) => appendOne(input, end));
    if (end.added > 0) moveHead.run(end.lastId, end.lastHash, end.added);
    return results;
  });
  // better-sqlite3 commits synchronously: a batch is every append that arrived since the last one.
  const batcher = createWriteBatcher<AppendInput, AppendResult>({
    write: async (inputs) => appendBatch.immediate(inputs),
    maxItems: Infinity,
  });

  const listStatements = new Map<string, BetterSqlite3.Statement<unknown[], Row>>();
  const listStatement = (query: ListQuery): BetterSqlite3.Statement<unknown[], Row> => {
    const desc = query.order === 'desc';
    const where: string[] = [];
    if (query.subjectId !== undefined) where.push('subject_id = ?');
    if (query.from !== undefined) where.push('received_at >= ?');
    if (query.to !== undefined) where.push('received_at < ?');
    if (query.cursor !== undefined) where.push(desc ? 'id < ?' : 'id > ?');
    if (!query.uncovered) where.push(covered);
    const sql = `SELECT ${columns} FROM ${table}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}
      ORDER BY id ${desc ? 'DESC' : 'ASC'} LIMIT ?`;
    let statement = listStatements.get(sql);
    if (!statement) listStatements.set(sql, (statement = db.prepare<unknown[], Row>(sql)));
    return statement;
  };

  return {
    // A busy, full or failing disk is a fault of this request (503), not of the process.
    append(input) {
      return unavailableOnError('append', () => batcher.add(input));
    },
    get(receiptId) {
      return unavailableOnError('get', async () => {
        const row = coveredByReceiptId.get(receiptId);
        return row && toStored(row);
      });
    },
    list(query) {
      return unavailableOnError('list', async () => listRows(query));
    },
    head() {
      return unavailableOnError('head', async () => readChainHead());
    },
    async close() {
      // Appends already queued are committed before the file closes.
      await batcher.drained();
      if (db.open) db.close();
    },
  };

  function listRows(query: ListQuery): StoredReceipt[] {
    // Appends link in the same transaction: nothing is ever stored unlinked here.
    if (query.unlinked) return [];
    const params: unknown[] = [];
    if (query.subjectId !== undefined) params.push(query.subjectId);
    if (query.from !== undefined) params.push(query.from);
    if (query.to !== undefined) params.push(query.to);
    if (query.cursor !== undefined) params.push(query.cursor);
    params.push(query.limit);
    return listStatement(query)
      .all(...params)
      .map(toStored);
  }

  function readChainHead(): ChainHead {
    const row = readHead.get();
    if (!row) throw new Error(`${head} row is missing`);
    return { lastId: row.last_id, lastHash: row.last_hash, count: row.count };
  }
}
