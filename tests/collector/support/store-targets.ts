import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { StoreChoice } from '../../../src/collector/open-store';

/** One database under test: how to open it, and raw SQL access to tamper with it. */
export interface StoreFixture {
  choice: StoreChoice;
  /** Table holding the receipts (the chain head is `<table>_head`). */
  table: string;
  /** Run raw SQL with `$table` replaced; `?` placeholders for SQLite, `$1` for PostgreSQL. */
  sql(text: string, params?: unknown[]): Promise<void>;
  cleanup(): Promise<void>;
}

export interface StoreTarget {
  name: 'sqlite' | 'postgres';
  /** Why this target is skipped, or false. */
  skip: string | false;
  open(): Promise<StoreFixture>;
}

const pgUrl = process.env.SOGLASIE_PG_URL;

async function probePostgres(): Promise<string | false> {
  if (!pgUrl) return 'SOGLASIE_PG_URL is not set (eval "$(bash scripts/start-postgres.sh)")';
  const client = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return false;
  } catch (error) {
    return `PostgreSQL at SOGLASIE_PG_URL is unreachable: ${(error as Error).message}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const pgSkip = await probePostgres();
if (pgSkip) console.warn(`[soglasie collector tests] skipping PostgreSQL variant: ${pgSkip}`);

const uniqueTable = (): string => `t_${randomBytes(6).toString('hex')}`;

export const storeTargets: StoreTarget[] = [
  {
    name: 'sqlite',
    skip: false,
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'soglasie-collector-'));
      const path = join(dir, 'receipts.sqlite');
      const table = 'soglasie_receipts';
      return {
        choice: { db: path },
        table,
        async sql(text, params = []) {
          const db = new Database(path);
          try {
            db.prepare(text.replaceAll('$table', table)).run(...params);
          } finally {
            db.close();
          }
        },
        async cleanup() {
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 'postgres',
    skip: pgSkip,
    async open() {
      const table = uniqueTable();
      const run = async (text: string, params: unknown[] = []): Promise<void> => {
        const client = new pg.Client({ connectionString: pgUrl });
        await client.connect();
        try {
          await client.query(text.replaceAll('$table', table), params);
        } finally {
          await client.end();
        }
      };
      return {
        choice: { pg: pgUrl!, table },
        table,
        sql: run,
        async cleanup() {
          await run(`DROP TABLE IF EXISTS $table; DROP TABLE IF EXISTS $table_head`);
        },
      };
    },
  },
];
