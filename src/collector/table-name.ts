/** Default table for receipts; the chain head lives in `<table>_head`. */
export const DEFAULT_TABLE = 'soglasie_receipts';

/**
 * Check a table name before it is spliced into SQL (identifiers cannot be
 * bound as parameters).
 *
 * @example
 * tableName(undefined);        // 'soglasie_receipts'
 * tableName('tenant_a_receipts'); // 'tenant_a_receipts'
 */
export function tableName(name: string | undefined): string {
  const table = name ?? DEFAULT_TABLE;
  if (!/^[a-z_][a-z0-9_]{0,50}$/.test(table)) throw new Error(`invalid table name: ${JSON.stringify(table)}`);
  return table;
}
