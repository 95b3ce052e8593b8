import { resolveLang } from '../config/resolve-lang';
import { afterLoad } from '../store/after-load';
import type { ChangeDetail, ConsentPlugin } from '../store/consent-types';
import { backoffDelay } from './backoff-delay';
import { beaconReceipt } from './beacon-receipt';
import { buildReceipt } from './build-receipt';
import { createDocumentDigests } from './create-document-digests';
import { createOutbox, type OutboxEntry } from './create-outbox';
import { createStoredList } from './create-stored-list';
import { deliveryOutcome } from './delivery-outcome';
import { isReceiptLike } from './is-receipt-like';
import { openStorage } from './open-storage';
import type { PendingDecision } from './pending-decisions';
import { postReceipt } from './post-receipt';

/** How long a tab owns a receipt it sends: past the 10 s request timeout, then others may take over. */
const LOCK_MS = 15_000;
/** Failed fetches of a document (while online) before a receipt goes out with `sha256: null`. */
const HASH_TRIES = 3;
/** The longest backoff (see backoffDelay). */
const MAX_DELAY = 3600_000;

/**
 * Makes a receipt for every decision and delivers it to `endpoint` without loss (issue 6).
 *
 * On `change` the receipt is written to the localStorage outbox synchronously, before anything else
 * (a reload or navigation right after the click cannot lose it), then missing document digests are
 * computed, then it is POSTed with `keepalive`. Network errors, timeouts, 408, 429 and 5xx keep it in
 * the outbox for a retry with backoff: on a timer while the page stays open, on the next page load,
 * on `online`, and by `sendBeacon` on `pagehide`. Any other 4xx drops it with a console error. Every
 * try reuses the `receiptId`, so the endpoint dedupes.
 *
 * A receipt whose document digests are still being computed when the page goes away is NOT
 * beaconed: sent with `sha256: null`, it would be stored that way for good (the endpoint keeps the
 * first copy of a `receiptId`), losing the proof of which text was agreed to. It stays in the outbox
 * and is completed and sent on the next page load (at once after a withdrawal's reload). Giving the
 * digest in the config (`soglasie digest FILE`) makes every receipt complete at the click; the
 * digest is also remembered per URL and version after the first receipt.
 *
 * Tabs share the outbox; a tab marks a receipt as its own (`lock`) before sending, so two tabs rarely
 * send one receipt. Rare duplicates (a page gone mid-request) are left to the endpoint's dedupe.
 * Without `endpoint`, receipts are kept in localStorage (the last 20) and only emitted as events.
 *
 * @example
 * const consent = createConsentCore({ endpoint: '/receipts' }, { plugins: [startReceipts] });
 * consent.on('receipt', (r) => console.log('made', r.receiptId));
 * consent.on('delivered', ({ receiptId, status }) => console.log('stored', receiptId, status));
 */
export const startReceipts: ConsentPlugin = (consent, emit) => receipts(consent, emit);

/**
 * The same, fed by decisions the script tag's core recorded (see recordDecisions) rather than by
 * `change` itself: the core records synchronously, soglasie-later.iife.js makes the receipts once loaded.
 *
 * @example
 * startPendingReceipts(() => takePending(consent.config.cookie.name, recorded))(consent, emit);
 */
export const startPendingReceipts =
  (take: () => PendingDecision[]): ConsentPlugin =>
  (consent, emit) =>
    receipts(consent, emit, take);

function receipts(...[consent, emit, take]: [...Parameters<ConsentPlugin>, (() => PendingDecision[])?]): () => void {
  const { config } = consent;
  const { endpoint } = config;
  const prefix = config.cookie.name;
  const storage = openStorage();
  const outbox = createOutbox(storage, prefix);
  const log = createStoredList(storage, `${prefix}.receipts`, isReceiptLike, 20, 32768);
  const digests = createDocumentDigests(config, storage);
  // Receipts this page is working on (its lock in storage tells the other tabs).
  const busy = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const retry = (id: string, patch?: Partial<OutboxEntry>) =>
    outbox.update(id, (e) => ({
      ...e,
      ...patch,
      attempts: e.attempts + 1,
      nextAt: Date.now() + backoffDelay(e.attempts + 1),
      lock: undefined,
    }));

  const handle = async (entry: OutboxEntry): Promise<void> => {
    const id = entry.receipt.receiptId;
    let receipt = entry.receipt;
    if (entry.hash) {
      const done = await digests.complete(receipt.documents);
      receipt = { ...receipt, documents: done.documents };
      // Offline, a failed fetch says nothing about the document: it does not use up a try.
      const tries = done.failed ? entry.hash - (navigator.onLine === false ? 0 : 1) : 0;
      if (tries > 0) return retry(id, { receipt, hash: tries });
      // Hashing took part of the lock's time: renew it for the request.
      outbox.update(id, (e) => ({ ...e, receipt, hash: undefined, lock: Date.now() + LOCK_MS }));
      emit('receipt', receipt);
    }
    if (!endpoint) {
      log.write([...log.read(), receipt]);
      return outbox.update(id, () => undefined);
    }
    const status = await postReceipt(endpoint, receipt);
    const outcome = deliveryOutcome(status);
    if (outcome === 'retry') return retry(id);
    outbox.update(id, () => undefined);
    if (outcome === 'delivered') emit('delivered', { receiptId: id, status });
    else console.error(`soglasie: receipt endpoint answered ${status}; dropped ${id}`);
  };

  // A time only counts while it is no further off than it can legitimately be: a hostile or stale
  // value (a clock set back) must not hold a receipt forever.
  const held = (t: number | undefined, max: number, now: number) => !!t && t > now && t <= now + max;

  /** Works on a receipt this page has claimed (its lock is in storage). */
  const run = (entry: OutboxEntry) => {
    const id = entry.receipt.receiptId;
    busy.add(id);
    handle(entry)
      .catch(() => retry(id))
      .finally(() => {
        busy.delete(id);
        schedule();
      });
  };

  /** Claims and works on every receipt that is due (with `force`, also those waiting out a backoff) and not another tab's. */
  const pump = (force?: boolean) => {
    if (stopped) return;
    const now = Date.now();
    for (const entry of outbox.read()) {
      const id = entry.receipt.receiptId;
      if (busy.has(id) || held(entry.lock, LOCK_MS, now) || (!force && held(entry.nextAt, MAX_DELAY, now))) continue;
      outbox.update(id, (e) => ({ ...e, lock: now + LOCK_MS }));
      run(entry);
    }
    schedule();
  };

  /** Wakes up when the next receipt is due; the jitter keeps two tabs from waking together. */
  const schedule = () => {
    clearTimeout(timer);
    if (stopped) return;
    const now = Date.now();
    let next = Infinity;
    for (const e of outbox.read()) {
      if (busy.has(e.receipt.receiptId)) continue;
      next = Math.min(
        next,
        Math.max(held(e.lock, LOCK_MS, now) ? e.lock! : now, held(e.nextAt, MAX_DELAY, now) ? e.nextAt : now),
      );
    }
    if (next < Infinity) timer = setTimeout(pump, next - now + 50 + Math.random() * 450);
  };

  const onChange = (d: ChangeDetail, page?: string, lang?: string) => {
    listen();
    const receipt = buildReceipt(d, config, lang ?? resolveLang(config.lang), page);
    const hash = digests.fill(receipt.documents) ? HASH_TRIES : undefined;
    // Stored already claimed by this page: another tab never sees it free while it is sent here.
    const entry: OutboxEntry = { receipt, attempts: 0, nextAt: 0, hash, lock: Date.now() + LOCK_MS };
    outbox.add(entry);
    if (!hash) emit('receipt', receipt);
    run(entry);
  };

  // `leaving`: pagehide. Otherwise the page has been hidden — on a phone the last moment it may get,
  // as a backgrounded browser can be killed without a pagehide — and waiting receipts go by beacon too.
  const onHide = (leaving: boolean) => {
    const now = Date.now();
    if (!leaving && document.visibilityState !== 'hidden') {
      beaconed.clear();
      return;
    }
    for (const e of outbox.read()) {
      const id = e.receipt.receiptId;
      // In flight here: a keepalive request carries on, but its answer will never be read. Unlock it so
      // the next page sends it again rather than wait (the endpoint dedupes).
      if (busy.has(id)) {
        if (leaving) outbox.update(id, (x) => ({ ...x, lock: undefined }));
      }
      // Once per time the page is hidden: leaving fires both visibilitychange and pagehide.
      else if (endpoint && !e.hash && !held(e.lock, LOCK_MS, now) && !beaconed.has(id)) {
        beaconed.add(id);
        beaconReceipt(endpoint, e.receipt);
      }
    }
  };
  const beaconed = new Set<string>();

  const drain = () => take!().forEach((p) => onChange(p.detail, p.page, p.lang));
  const off = take ? consent.on('change', drain) : consent.on('change', (d) => onChange(d));
  const listening = new AbortController();
  const { signal } = listening;
  let listened = false;
  // The page's own start comes first: receipts left over from earlier pages, and the listeners
  // (a `storage` listener alone costs Chromium a few ms), wait until the page has loaded — or until
  // a decision on this page needs them.
  function listen() {
    if (listened || stopped) return;
    listened = true;
    addEventListener('pagehide', () => onHide(true), { signal });
    // It bubbles from the document to the window.
    addEventListener('visibilitychange', () => onHide(false), { signal });
    addEventListener('online', () => pump(true), { signal });
    addEventListener('storage', (e) => e.key?.startsWith(`${prefix}.outbox.`) && schedule(), { signal });
    schedule();
  }
  afterLoad(listen, signal);
  // Decisions recorded before this code was loaded (on this page or an earlier one).
  if (take) drain();
  return () => {
    stopped = true;
    clearTimeout(timer);
    off();
    listening.abort();
  };
}
