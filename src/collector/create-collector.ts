import type { IncomingMessage, ServerResponse } from 'node:http';
import { hasBearerToken } from './bearer-token';
import type { IpMode } from './client-ip';
import { createChainStatus } from './chain-status';
import { checkDocuments } from './check-documents';
import { answerPreflight, applyCors, originProblem } from './cors';
import { exportReceipts } from './export-receipts';
import { getReceipt } from './get-receipt';
import { listReceipts } from './list-receipts';
import { openStore, type StoreChoice } from './open-store';
import { postReceipt } from './post-receipt';
import { discardBody } from './read-body';
import type { ReceiptStore } from './receipt-store';
import { recordSettingsProblem, type RecordSettings } from './record-settings';
import { sendJson } from './send-json';
import { StoreUnavailableError } from './store-unavailable';
import { answerHealth } from './health-route';
import { serveConsole } from './serve-console';

/** Options of {@link createCollector}. */
export interface CollectorOptions extends StoreChoice {
  /** A ready store; takes precedence over `db`/`pg` and is not closed by `close()`. */
  store?: ReceiptStore;
  /**
   * Origins allowed to post (a POST from another origin gets 403, a receipt
   * whose `page` is elsewhere 400) and to call from browsers (CORS); `'*'`
   * or none allows any.
   */
  origins?: readonly string[];
  /** With `origins` listed, also accept POSTs without an Origin header (server-to-server); default false. */
  allowNoOrigin?: boolean;
  /** Bearer token of the read side; without it the read side answers 404. */
  token?: string;
  /** How much of the client IP to keep (default `truncated`). */
  ip?: IpMode;
  /** Take the client IP from the last X-Forwarded-For entry (behind your own proxy). */
  trustProxy?: boolean;
  /** Path the routes live under (default `/receipts`). */
  basePath?: string;
  /** Body size limit in bytes (default 16 KiB). */
  maxBodyBytes?: number;
  /** Path of the token-free health check for load balancers (default `/health`); `false` turns it off. */
  healthPath?: string | false;
  /** What receipts do not record (processors, storage, retention…), for the ISO 27560 and Kantara views. */
  records?: RecordSettings;
  /** Where the operator console is served (default `/console`; `false`: not served). Needs `token`. */
  consolePath?: string | false;
  /** Called with unexpected errors (default: console.error). */
  onError?: (error: unknown) => void;
}

/** A request handler for `node:http`, Express (`next` is used for foreign paths) and Fastify's raw objects. */
export type CollectorHandler = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void;

/** A running collector: its handler, its store, and a way to close the store. */
export interface Collector {
  handler: CollectorHandler;
  store: ReceiptStore;
  close(): Promise<void>;
}

type Route =
  | { kind: 'collection' }
  | { kind: 'export' }
  | { kind: 'chain' }
  | { kind: 'verify' }
  | { kind: 'item'; receiptId: string }
  | { kind: 'documents'; receiptId: string };

function matchRoute(path: string, base: string): Route | undefined {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  if (trimmed === base) return { kind: 'collection' };
  if (trimmed === `${base}/export`) return { kind: 'export' };
  if (trimmed === `${base}/chain`) return { kind: 'chain' };
  if (trimmed === `${base}/chain/verify`) return { kind: 'verify' };
  if (!trimmed.startsWith(`${base}/`)) return undefined;
  let rest = trimmed.slice(base.length + 1);
  let kind: 'item' | 'documents' = 'item';
  if (rest.endsWith('/documents')) {
    kind = 'documents';
    rest = rest.slice(0, -'/documents'.length);
  }
  if (rest.includes('/')) return undefined;
  try {
    return { kind, receiptId: decodeURIComponent(rest) };
  } catch {
    return { kind, receiptId: '' };
  }
}

const ALLOW: Record<Route['kind'], string> = {
  collection: 'GET, POST, OPTIONS',
  export: 'GET, OPTIONS',
  item: 'GET, OPTIONS',
  chain: 'GET, OPTIONS',
  verify: 'POST, OPTIONS',
  documents: 'GET, OPTIONS',
};

/**
 * Create the consent-receipt collector: `POST /receipts` for browsers, a
 * token-protected read side, and a tamper-evident hash chain in SQLite
 * (default) or PostgreSQL.
 *
 * @example
 * import { createServer } from 'node:http';
 * import { createCollector } from 'soglasie/collector';
 *
 * const collector = await createCollector({ db: './receipts.sqlite', origins: ['https://shop.example'], token: process.env.TOKEN });
 * createServer(collector.handler).listen(8787, '127.0.0.1');
 */
export async function createCollector(options: CollectorOptions = {}): Promise<Collector> {
  const badOrigin = originProblem(options.origins ?? []);
  if (badOrigin) throw new Error(`origins: ${badOrigin}`);
  const store = options.store ?? (await openStore(options));
  const ownsStore = !options.store;
  const origins = options.origins ?? [];
  const base = (options.basePath ?? '/receipts').replace(/\/+$/, '') || '/receipts';
  const onError = options.onError ?? ((error: unknown) => console.error('soglasie collector:', error));
  const settings = {
    store,
    ip: options.ip ?? 'truncated',
    trustProxy: options.trustProxy ?? false,
    maxBodyBytes: options.maxBodyBytes ?? 16 * 1024,
    origins: options.origins ?? [],
    allowNoOrigin: options.allowNoOrigin ?? false,
  };
  if (!['full', 'truncated', 'none'].includes(settings.ip))
    throw new Error(`ip: expected full, truncated or none, got ${settings.ip}`);
  const token = options.token || undefined;
  const healthPath = options.healthPath ?? '/health';
  const consolePath =
    options.consolePath === false ? undefined : (options.consolePath ?? '/console').replace(/\/+$/, '');
  const chainStatus = createChainStatus(store);
  const documentFetch = { privateOrigins: origins.filter((origin) => origin !== '*') };
  const records = options.records ?? {};
  const badRecords = recordSettingsProblem(records);
  if (badRecords) throw new Error(badRecords);

  async function route(req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void): Promise<void> {
    const raw = req.url ?? '/';
    const q = raw.indexOf('?');
    const params = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
    const path = q < 0 ? raw : raw.slice(0, q);
    if (path === healthPath && (req.method === 'GET' || req.method === 'HEAD')) {
      discardBody(req);
      return answerHealth(store, res);
    }
    if (token && consolePath && (path === consolePath || path.startsWith(`${consolePath}/`))) {
      discardBody(req);
      return serveConsole(req, res, path, consolePath, base);
    }
    const matched = matchRoute(path, base);
    if (!matched) {
      if (next) return next();
      discardBody(req);
      return sendJson(res, 404, { error: 'not found' });
    }
    if (req.method === 'OPTIONS') {
      discardBody(req);
      return answerPreflight(req, res, origins);
    }
    applyCors(req, res, origins);
    if (matched.kind === 'collection' && req.method === 'POST') return postReceipt(settings, req, res);
    discardBody(req);
    if (req.method !== (matched.kind === 'verify' ? 'POST' : 'GET'))
      return sendJson(res, 405, { error: 'method not allowed' }, { allow: ALLOW[matched.kind] });
    if (!token) return sendJson(res, 404, { error: 'not found' });
    if (!hasBearerToken(req.headers.authorization, token)) {
      return sendJson(res, 401, { error: 'unauthorized' }, { 'www-authenticate': 'Bearer realm="soglasie"' });
    }
    if (matched.kind === 'collection') return listReceipts(store, params, res);
    if (matched.kind === 'export') return exportReceipts(store, params, res, records);
    if (matched.kind === 'chain') return chainStatus.answer(res);
    if (matched.kind === 'verify') return chainStatus.verify(res);
    if (matched.kind === 'documents') return checkDocuments(store, matched.receiptId, res, documentFetch);
    return getReceipt(store, matched.receiptId, params, res, records);
  }

  const handler: CollectorHandler = (req, res, next) => {
    route(req, res, next).catch((error: unknown) => {
      onError(error);
      if (res.headersSent) res.destroy();
      else if (error instanceof StoreUnavailableError)
        sendJson(res, 503, { error: 'receipt store unavailable, retry later' }, { 'retry-after': '5' });
      else sendJson(res, 500, { error: 'internal error' });
    });
  };

  let closed = false;
  return {
    handler,
    store,
    async close() {
      if (closed) return;
      closed = true;
      if (ownsStore) await store.close();
    },
  };
}
