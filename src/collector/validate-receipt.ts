import schema from '../receipt/receipt.schema.json';
import type { ConsentReceipt } from '../receipt/receipt-types';
import { compileJsonSchema, type JsonSchema } from './validate-json-schema';

const validate = compileJsonSchema(schema as JsonSchema);

/** Outcome of {@link validateReceipt}: the typed receipt, or why it was refused. */
export type ReceiptValidation = { ok: true; receipt: ConsentReceipt } | { ok: false; reason: string };

/**
 * What the schema's keywords cannot say: a receipt of schema 2 has both `sequence` and `timestampMs`,
 * one of schema 1 neither, and `timestampMs` falls in the second `timestamp` names.
 */
function orderProblem(receipt: ConsentReceipt): string | undefined {
  if (receipt.schema === 1) {
    if (receipt.sequence !== undefined) return 'sequence: only in receipts of schema 2';
    if (receipt.timestampMs !== undefined) return 'timestampMs: only in receipts of schema 2';
    return undefined;
  }
  if (receipt.sequence === undefined) return 'sequence: is required in schema 2';
  if (receipt.timestampMs === undefined) return 'timestampMs: is required in schema 2';
  if (Math.floor(receipt.timestampMs / 1000) !== receipt.timestamp)
    return `timestampMs: expected a time within second ${receipt.timestamp} (timestamp)`;
  return undefined;
}

/**
 * Check a parsed body against the published receipt JSON Schema, the same
 * file the SDK and third parties use, and the rules of schema 2's ordering fields.
 *
 * @example
 * const result = validateReceipt(JSON.parse(body));
 * if (!result.ok) console.log(result.reason); // e.g. "categories.analytics: expected boolean"
 */
export function validateReceipt(value: unknown): ReceiptValidation {
  const result = validate(value);
  if (!result.ok) return result;
  const receipt = value as ConsentReceipt;
  const reason = orderProblem(receipt);
  return reason ? { ok: false, reason } : { ok: true, receipt };
}
