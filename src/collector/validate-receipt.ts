import schema from '../receipt/receipt.schema.json';
import type { ConsentReceipt } from '../receipt/receipt-types';
import { compileJsonSchema, type JsonSchema } from './validate-json-schema';

const validate = compileJsonSchema(schema as JsonSchema);

/** Outcome of {@link validateReceipt}: the typed receipt, or why it was refused. */
export type ReceiptValidation = { ok: true; receipt: ConsentReceipt } | { ok: false; reason: string };

/**
 * Check a parsed body against the published receipt JSON Schema, the same
 * file the SDK and third parties use.
 *
 * @example
 * const result = validateReceipt(JSON.parse(body));
 * if (!result.ok) console.log(result.reason); // e.g. "categories.analytics: expected boolean"
 */
export function validateReceipt(value: unknown): ReceiptValidation {
  const result = validate(value);
  return result.ok ? { ok: true, receipt: value as ConsentReceipt } : result;
}
