import type { IncomingMessage, ServerResponse } from 'node:http';
import { canonicalJson } from './canonical-json';
import { clientAddress, reduceIp, type IpMode } from './client-ip';
import { isReceiptContentType } from './content-type';
import type { ReceiptStore } from './receipt-store';
import { declaredTooLarge, discardBody, readBody } from './read-body';
import { headerText } from './header-text';
import { sendJson } from './send-json';
import { validateReceipt } from './validate-receipt';
import { pageOriginProblem, writeOriginProblem } from './write-origin';

/** What the POST route needs from the collector's options. */
export interface PostReceiptSettings {
  store: ReceiptStore;
  ip: IpMode;
  trustProxy: boolean;
  maxBodyBytes: number;
  /** Origins allowed to post; empty or `'*'` for any. */
  origins: readonly string[];
  /** With origins listed, also accept POSTs that carry no Origin header (servers, not browsers). */
  allowNoOrigin: boolean;
}

const MAX_USER_AGENT = 512;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * `POST /receipts`: read, decode, parse, validate, then append. Every
 * refusal happens before the store is touched, so nothing partial is kept.
 * Answers 201 for a new receipt and 200 for a repeated receiptId.
 *
 * @example
 * if (req.method === 'POST') await postReceipt(settings, req, res);
 */
export async function postReceipt(
  settings: PostReceiptSettings,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const refused = writeOriginProblem(req.headers.origin, settings.origins, settings.allowNoOrigin);
  if (refused) {
    discardBody(req);
    sendJson(res, 403, { error: refused });
    return;
  }
  if (!isReceiptContentType(req.headers['content-type'])) {
    discardBody(req);
    sendJson(res, 415, { error: 'Content-Type must be application/json or text/plain in UTF-8' });
    return;
  }
  if (declaredTooLarge(req, settings.maxBodyBytes)) {
    // Refused before reading a byte; the connection is closed, not drained.
    sendJson(res, 413, { error: `body larger than ${settings.maxBodyBytes} bytes` }, { connection: 'close' });
    return;
  }
  const body = await readBody(req, settings.maxBodyBytes);
  if (!body.ok) {
    if ('tooLarge' in body) sendJson(res, 413, { error: `body larger than ${settings.maxBodyBytes} bytes` });
    if ('consumed' in body)
      sendJson(res, 500, { error: 'request body was already read: mount the collector before body parsers' });
    return;
  }
  let text: string;
  try {
    text = utf8.decode(body.body);
  } catch {
    sendJson(res, 400, { error: 'body is not valid UTF-8' });
    return;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    sendJson(res, 400, { error: `invalid JSON: ${(error as Error).message}` });
    return;
  }
  const checked = validateReceipt(value);
  if (!checked.ok) {
    sendJson(res, 400, { error: checked.reason });
    return;
  }
  const pageProblem = pageOriginProblem(checked.receipt.page, settings.origins);
  if (pageProblem) {
    sendJson(res, 400, { error: pageProblem });
    return;
  }
  const userAgent = req.headers['user-agent'];
  const { record, created } = await settings.store.append({
    receipt: checked.receipt,
    receiptJson: canonicalJson(checked.receipt),
    ip: reduceIp(clientAddress(req, settings.trustProxy), settings.ip),
    userAgent: userAgent ? Array.from(headerText(userAgent)).slice(0, MAX_USER_AGENT).join('') : null,
  });
  sendJson(res, created ? 201 : 200, { id: record.id, receiptId: record.receiptId, hash: record.hash });
}
