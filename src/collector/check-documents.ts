import type { ServerResponse } from 'node:http';
import type { ConsentReceipt, ReceiptDocument } from '../receipt/receipt-types';
import { fetchDocumentDigest, type DocumentFetchOptions } from './fetch-document-digest';
import type { ReceiptStore } from './receipt-store';
import { sendJson } from './send-json';

/** How a document's digest in a receipt compares with the text published at its URL now. */
export type DocumentCheck =
  | { status: 'match' | 'differs'; currentSha256: string; bytes: number }
  | { status: 'inline' | 'no-digest' }
  | { status: 'unavailable'; reason: string };

/** One document of a receipt with its check. */
export interface CheckedDocument extends ReceiptDocument {
  check: DocumentCheck;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

async function checkOne(document: ReceiptDocument, options: DocumentFetchOptions): Promise<CheckedDocument> {
  if (!document.url) return { ...document, check: { status: 'inline' } };
  const fetched = await fetchDocumentDigest(document.url, options);
  if (!fetched.ok) return { ...document, check: { status: 'unavailable', reason: fetched.reason } };
  if (document.sha256 === null) return { ...document, check: { status: 'no-digest' } };
  const status = fetched.sha256 === document.sha256 ? 'match' : 'differs';
  return { ...document, check: { status, currentSha256: fetched.sha256, bytes: fetched.bytes } };
}

/**
 * `GET /receipts/:receiptId/documents`: the receipt's documents, each with
 * whether its SHA-256 matches the text published at its URL now. Only URLs
 * stored in that receipt are fetched (see {@link fetchDocumentDigest} for
 * the limits).
 *
 * @example
 * await checkDocuments(store, receiptId, res, { privateOrigins: ['https://shop.example'] });
 */
export async function checkDocuments(
  store: ReceiptStore,
  receiptId: string,
  res: ServerResponse,
  options: DocumentFetchOptions = {},
): Promise<void> {
  const row = UUID.test(receiptId) ? await store.get(receiptId) : undefined;
  if (!row) {
    sendJson(res, 404, { error: 'receipt not found' });
    return;
  }
  const receipt = JSON.parse(row.receiptJson) as ConsentReceipt;
  const documents = await Promise.all(receipt.documents.map((document) => checkOne(document, options)));
  sendJson(res, 200, { receiptId, checkedAt: new Date().toISOString(), documents });
}
