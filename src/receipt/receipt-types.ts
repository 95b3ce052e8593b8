/** What a receipt records: the kind of decision. */
export type ReceiptEvent = 'accept' | 'decline' | 'update' | 'withdraw';

/** How the visitor expressed the decision. */
export type ConsentMethod = 'checkbox' | 'button' | 'api' | 'gpc';

/** A document the visitor was shown, pinned by its digest. */
export interface ReceiptDocument {
  kind: 'policy' | 'consent';
  /** Where it is published; '' for inline text. */
  url: string;
  version: string;
  /** Hex SHA-256 of the exact UTF-8 text; null when it could not be fetched. */
  sha256: string | null;
}

/** The operator (data controller) as configured. */
export interface ReceiptOperator {
  name?: string;
  inn?: string;
  ogrn?: string;
  address?: string;
  email?: string;
}

/**
 * A consent receipt: one decision of one visitor, as posted to `endpoint`.
 * The JSON Schema is `soglasie/receipt.schema.json`.
 *
 * @example
 * consent.on('receipt', (r) => console.log(r.receiptId, r.event, r.categories));
 */
export interface ConsentReceipt {
  /** 2 since `sequence` and `timestampMs`; the collector also takes receipts of schema 1 (without them). */
  schema: 1 | 2;
  receiptId: string;
  subjectId: string;
  previousReceiptId?: string;
  /** Seconds since the epoch, client time. */
  timestamp: number;
  /** Schema 2: the same moment in milliseconds since the epoch, client time. */
  timestampMs?: number;
  /** Schema 2: this subject's decisions so far, this one included; the last decision has the highest. */
  sequence?: number;
  event: ReceiptEvent;
  method: ConsentMethod;
  gpc?: boolean;
  categories: Record<string, boolean>;
  documents: ReceiptDocument[];
  operator: ReceiptOperator;
  page: string;
  language: string;
  sdk: string;
}
