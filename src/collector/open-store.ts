import { openPostgresStore, type PostgresStoreOptions } from './postgres-store';
import type { ReceiptStore } from './receipt-store';
import { openSqliteStore } from './sqlite-store';

/** Where receipts live: a SQLite file (`db`, the default) or PostgreSQL (`pg`). */
export interface StoreChoice {
  /** SQLite file path; default `./receipts.sqlite` when `pg` is not given. */
  db?: string;
  /** PostgreSQL URL or full options. */
  pg?: string | PostgresStoreOptions;
  /** Table name for either store (default `soglasie_receipts`). */
  table?: string;
}

/**
 * Open the store a {@link StoreChoice} names, loading only that driver.
 *
 * @example
 * const store = await openStore({ pg: process.env.DATABASE_URL });
 */
export async function openStore(choice: StoreChoice): Promise<ReceiptStore> {
  if (choice.db !== undefined && choice.pg !== undefined)
    throw new Error('choose either db (SQLite) or pg (PostgreSQL), not both');
  if (choice.pg !== undefined) {
    const options = typeof choice.pg === 'string' ? { url: choice.pg } : choice.pg;
    return openPostgresStore({ table: choice.table, ...options });
  }
  return openSqliteStore({ path: choice.db ?? './receipts.sqlite', table: choice.table });
}
