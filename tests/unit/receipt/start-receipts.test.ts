import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConsentConfig } from '../../../src/config/config-types';
import { parseConfig } from '../../../src/config/parse-config';
import { resolveConfig } from '../../../src/config/resolve-config';
import type { OutboxEntry } from '../../../src/receipt/create-outbox';
import type { ConsentReceipt } from '../../../src/receipt/receipt-types';
import { startReceipts } from '../../../src/receipt/start-receipts';
import { encodeDecision } from '../../../src/store/stored-decision';
import type { ChangeDetail, Consent, ConsentEvents } from '../../../src/store/consent-types';
import { memoryStorage } from './memory-storage';
import { receiptFixture } from './receipt-fixture';

const quiet = () => {};
const SHA = 'e'.repeat(64);
let n = 0;
const uuid = () => `aaaaaaaa-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`;

/** How the stub endpoint answers: a status (JSON for 2xx and 4xx, as the collector does), or a 200 HTML page. */
type Answer = number | 'html';

/** A page: storage, events and fetch, and an instance that only knows `config` and `on('change')`. */
function setup(
  cfg: ConsentConfig,
  opts: { outbox?: OutboxEntry[]; status?: Answer | (() => Promise<Answer>); cookie?: string; url?: string } = {},
) {
  const local = memoryStorage(
    Object.fromEntries((opts.outbox ?? []).map((e) => [`soglasie.outbox.${e.receipt.receiptId}`, JSON.stringify(e)])),
  );
  const target = new EventTarget();
  const navigator = { onLine: true };
  const posts: ConsentReceipt[] = [];
  const inits: RequestInit[] = [];
  /** Receipts sent as the page went away (no answer read: no signal to wait on). */
  const leaves: ConsentReceipt[] = [];
  let status = opts.status ?? 201;
  const fetchMock = vi.fn(async (_url: string, init?: RequestInit) => {
    if (!init?.method) return new Response('policy text', { status: 200 });
    const receipt = JSON.parse(String(init.body)) as ConsentReceipt;
    if (!init.signal) {
      leaves.push(receipt);
      return new Response(null, { status: 503 });
    }
    posts.push(receipt);
    inits.push(init);
    const s = typeof status === 'function' ? await status() : status;
    if (s === 0) throw new TypeError('Failed to fetch');
    if (s === 'html') return new Response('<!doctype html><div id=app>', { headers: { 'Content-Type': 'text/html' } });
    if (s >= 500 || s === 429 || s === 408) return new Response(null, { status: s });
    const body = s < 300 ? { id: 1, receiptId: receipt.receiptId } : { error: 'refused' };
    return new Response(JSON.stringify(body), { status: s, headers: { 'Content-Type': 'application/json' } });
  });
  vi.stubGlobal('window', { localStorage: local });
  vi.stubGlobal('localStorage', local);
  // A page that has loaded: the plugin's after-load work (leftovers, listeners) runs a tick later.
  vi.stubGlobal('document', { readyState: 'complete', documentElement: { lang: '' }, cookie: opts.cookie ?? '' });
  vi.stubGlobal('location', new URL(opts.url ?? 'https://shop.example/page?q=1'));
  vi.stubGlobal('navigator', navigator);
  vi.stubGlobal('fetch', fetchMock);
  vi.stubGlobal('addEventListener', target.addEventListener.bind(target));
  vi.stubGlobal('removeEventListener', target.removeEventListener.bind(target));

  const config = resolveConfig(parseConfig(cfg, quiet), quiet);
  const listeners: Array<(d: ChangeDetail) => void> = [];
  const events: Array<[keyof ConsentEvents, unknown]> = [];
  const consent = {
    config,
    on: (type: string, fn: (d: ChangeDetail) => void) => {
      if (type === 'change') listeners.push(fn);
      return () => listeners.splice(listeners.indexOf(fn), 1);
    },
  } as unknown as Consent;
  const stop = startReceipts(consent, (type, detail) => void events.push([type, detail])) as () => void;
  const decide = (event: ChangeDetail['event'] = 'accept') => {
    const receiptId = uuid();
    const snapshot = {
      decided: true,
      categories: { necessary: true, analytics: true, marketing: false },
      subjectId: uuid(),
      time: 1_760_000_000,
      receiptId,
      gpc: false,
    };
    const detail = {
      snapshot,
      previous: snapshot,
      event,
      method: 'button' as const,
      receiptId,
      sequence: 1,
      timeMs: Date.now(),
    };
    listeners.forEach((fn) => fn(detail));
    return receiptId;
  };
  const outbox = (): OutboxEntry[] =>
    [...local.data.keys()].filter((k) => k.startsWith('soglasie.outbox.')).map((k) => JSON.parse(local.getItem(k)!));
  return {
    local,
    target,
    navigator,
    posts,
    leaves,
    inits,
    fetchMock,
    events,
    stop,
    decide,
    outbox,
    setStatus: (s: typeof status) => void (status = s),
    fire: (type: string) => target.dispatchEvent(new Event(type)),
    named: (type: keyof ConsentEvents) => events.filter((e) => e[0] === type).map((e) => e[1]),
  };
}

describe('startReceipts', () => {
  let page: ReturnType<typeof setup> | undefined;
  let errors: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterEach(() => {
    page?.stop();
    page = undefined;
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('writes the receipt to the outbox before anything else, then POSTs it as CORS-safelisted JSON and removes it on 201', async () => {
    page = setup({ endpoint: '/receipts', policy: { url: '/policy.txt', version: '1', sha256: SHA } });
    const id = page.decide();
    // Synchronously: a reload right now cannot lose it.
    expect(page.outbox().map((e) => e.receipt.receiptId)).toEqual([id]);
    expect(page.named('receipt')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(page.posts.map((r) => r.receiptId)).toEqual([id]);
    expect(page.posts[0].documents[0].sha256).toBe(SHA);
    expect(page.inits[0]).toMatchObject({
      method: 'POST',
      keepalive: true,
      credentials: 'omit',
      headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
    });
    expect(page.fetchMock.mock.calls[0][0]).toBe('/receipts');
    expect(page.outbox()).toEqual([]);
    expect(page.named('delivered')).toEqual([{ receiptId: id, status: 201 }]);
  });

  it.each([500, 503, 429, 408, 0])(
    'keeps the receipt after %i and retries it with backoff, same receiptId',
    async (status) => {
      page = setup({ endpoint: '/receipts', policy: { text: 'x', sha256: SHA } }, { status });
      const id = page.decide();
      await vi.advanceTimersByTimeAsync(0);
      expect(page.posts).toHaveLength(1);
      const [entry] = page.outbox();
      expect(entry).toMatchObject({ attempts: 1 });
      expect(entry.lock).toBeUndefined();
      expect(entry.nextAt - Date.now()).toBeGreaterThanOrEqual(1000);
      expect(entry.nextAt - Date.now()).toBeLessThanOrEqual(2000);
      await vi.advanceTimersByTimeAsync(900);
      expect(page.posts).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1700);
      expect(page.posts).toHaveLength(2);
      expect(page.outbox()[0].attempts).toBe(2);
      page.setStatus(201);
      await vi.advanceTimersByTimeAsync(5000);
      expect(page.posts.map((r) => r.receiptId)).toEqual([id, id, id]);
      expect(page.outbox()).toEqual([]);
      expect(page.named('delivered')).toEqual([{ receiptId: id, status: 201 }]);
    },
  );

  it('drops a receipt the endpoint refuses with another 4xx, naming the status', async () => {
    page = setup({ endpoint: '/receipts' }, { status: 400 });
    const id = page.decide();
    await vi.advanceTimersByTimeAsync(0);
    expect(page.outbox()).toEqual([]);
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('400'));
    expect(String(errors.mock.calls[0][0])).toContain(id);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(page.posts).toHaveLength(1);
  });

  it('a 200 text/html answer (an app’s fallback page) is no delivery: named in the console, kept, retried', async () => {
    page = setup({ endpoint: '/receipts', policy: { text: 'x', sha256: SHA } }, { status: 'html' });
    const id = page.decide();
    await vi.advanceTimersByTimeAsync(0);
    expect(page.outbox()).toMatchObject([{ attempts: 1, receipt: { receiptId: id } }]);
    expect(page.named('delivered')).toEqual([]);
    expect(String(errors.mock.calls[0][0])).toMatch(new RegExp(`answered 200 text/html to receipt ${id}`));
    page.setStatus(201);
    await vi.advanceTimersByTimeAsync(4_100);
    expect(page.outbox()).toEqual([]);
    expect(page.named('delivered')).toEqual([{ receiptId: id, status: 201 }]);
  });

  it('a JSON 200 that names another receipt (or none) is no delivery either', async () => {
    page = setup({ endpoint: '/receipts', policy: { text: 'x', sha256: SHA } });
    page.fetchMock.mockImplementationOnce(async (_url: string, init?: RequestInit) => {
      page!.posts.push(JSON.parse(String(init!.body)));
      return new Response('{"ok":true}', { status: 200, headers: { 'Content-Type': 'application/json' } });
    });
    const id = page.decide();
    await vi.advanceTimersByTimeAsync(0);
    expect(page.outbox()).toHaveLength(1);
    expect(String(errors.mock.calls[0][0])).toContain(`200 application/json without this receipt's id`);
    await vi.advanceTimersByTimeAsync(4_100);
    expect(page.named('delivered')).toEqual([{ receiptId: id, status: 201 }]);
  });

  it('times out a hanging endpoint after 10 s and retries', async () => {
    page = setup({ endpoint: '/receipts' });
    // The hanging request is only aborted through its signal: make the stub honour it.
    page.fetchMock.mockImplementationOnce(async (_url: string, init?: RequestInit) => {
      page!.posts.push(JSON.parse(String(init!.body)));
      return new Promise<Response>((_, reject) =>
        init!.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    });
    page.decide();
    await vi.advanceTimersByTimeAsync(9_000);
    expect(page.outbox()[0].attempts).toBe(0);
    await vi.advanceTimersByTimeAsync(1_500);
    expect(page.outbox()[0].attempts).toBe(1);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(page.posts).toHaveLength(2);
    expect(page.outbox()).toEqual([]);
  });

  it('computes a missing digest before sending, and emits the receipt complete', async () => {
    page = setup({ endpoint: '/receipts', policy: { url: '/policy.txt', version: '1' } });
    const id = page.decide();
    expect(page.outbox()[0].hash).toBe(3);
    expect(page.named('receipt')).toHaveLength(0);
    await vi.waitFor(() => expect(page!.posts).toHaveLength(1));
    expect(page.posts[0].documents[0]).toEqual({
      kind: 'policy',
      url: 'https://shop.example/policy.txt',
      version: '1',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect((page.named('receipt')[0] as ConsentReceipt).receiptId).toBe(id);
  });

  it('on pagehide sends pending complete receipts (keepalive, no redirect), but not one whose digest is still unknown', async () => {
    page = setup({ endpoint: '/receipts' }, { status: 500 });
    const failed = page.decide();
    await vi.advanceTimersByTimeAsync(0);
    const unhashed: OutboxEntry = {
      receipt: receiptFixture(0, {
        documents: [{ kind: 'policy', url: 'https://shop.example/p.txt', version: '', sha256: null }],
      }),
      attempts: 0,
      nextAt: Date.now() + 60_000,
      hash: 3,
    };
    const otherTabs: OutboxEntry = { receipt: receiptFixture(), attempts: 0, nextAt: 0, lock: Date.now() + 10_000 };
    for (const e of [unhashed, otherTabs])
      page.local.setItem(`soglasie.outbox.${e.receipt.receiptId}`, JSON.stringify(e));
    page.fire('pagehide');
    expect(page.leaves.map((r) => r.receiptId)).toEqual([failed]);
    const [url, init] = page.fetchMock.mock.calls.at(-1)!;
    expect(url).toBe('/receipts');
    // Not a beacon: a beacon follows a 307 to whatever origin it names, with the receipt.
    expect(init).toMatchObject({ method: 'POST', keepalive: true, redirect: 'manual', credentials: 'omit' });
    // Its answer is never read: the receipt stays until a POST is answered.
    await vi.advanceTimersByTimeAsync(0);
    expect(page.outbox()).toHaveLength(3);
  });

  it('on pagehide unlocks a receipt still in flight so the next page resends it rather than wait', async () => {
    page = setup({ endpoint: '/receipts' }, { status: () => new Promise<Answer>(() => {}) });
    page.decide();
    await vi.advanceTimersByTimeAsync(0);
    expect(page.outbox()[0].lock).toBeGreaterThan(Date.now());
    page.fire('pagehide');
    expect(page.leaves).toEqual([]);
    expect(page.outbox()[0].lock).toBeUndefined();
  });

  describe('a decision whose receipt earlier pages lost (storage full, endpoint down)', () => {
    const lost = {
      subjectId: '0f8fad5b-d9cb-469f-a165-70867728950e',
      decisions: { analytics: true, marketing: false },
      policyVersion: '',
      consentVersion: '',
      time: 0,
      timeMs: 0,
      receiptId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
      previousReceiptId: '6ba7b810-9dad-41d1-80b4-00c04fd430c8',
      method: 'checkbox' as const,
      event: 'update' as const,
      gpc: false,
      sequence: 7,
      confirmed: false,
    };
    const cookie = (name: string, over: Partial<typeof lost> = {}) => {
      const timeMs = Date.now() - 60_000;
      return `${name}=${encodeDecision({ ...lost, time: Math.floor(timeMs / 1000), timeMs, ...over })}`;
    };

    it('is rebuilt from this host’s __Host- cookie and sent once the page has loaded', async () => {
      page = setup({ endpoint: '/receipts', policy: { text: 'x' } }, { cookie: cookie('__Host-soglasie') });
      await vi.advanceTimersByTimeAsync(10);
      await vi.waitFor(() => expect(page!.posts).toHaveLength(1));
      expect(page.posts[0]).toMatchObject({
        schema: 2,
        receiptId: lost.receiptId,
        subjectId: lost.subjectId,
        previousReceiptId: lost.previousReceiptId,
        sequence: 7,
        event: 'update',
        method: 'checkbox',
        categories: { necessary: true, analytics: true, marketing: false },
        documents: [{ kind: 'policy', url: '', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }],
      });
    });

    it('is not rebuilt from a plain-name cookie (a sibling may have planted it), nor once confirmed, nor while in the outbox', async () => {
      for (const opts of [
        { cookie: cookie('soglasie'), url: 'http://shop.example/' },
        { cookie: cookie('__Host-soglasie', { confirmed: true }) },
        {
          cookie: cookie('__Host-soglasie'),
          outbox: [
            { receipt: receiptFixture(0, { receiptId: lost.receiptId }), attempts: 1, nextAt: Date.now() + 60_000 },
          ],
        },
      ]) {
        page = setup({ endpoint: '/receipts', policy: { text: 'x' } }, opts);
        await vi.advanceTimersByTimeAsync(100);
        expect(page.posts).toEqual([]);
        page.stop();
        vi.unstubAllGlobals();
      }
      page = undefined;
    });
  });

  it('sends what earlier pages left, shortly after start, ignoring hostile times', async () => {
    const due = { receipt: receiptFixture(), attempts: 2, nextAt: 0 };
    const hostile = { receipt: receiptFixture(), attempts: 1, nextAt: 9e15, lock: 9e15 };
    const waiting = { receipt: receiptFixture(), attempts: 3, nextAt: Date.now() + 20_000 };
    page = setup({ endpoint: '/receipts' }, { outbox: [due, hostile, waiting] });
    expect(page.posts).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(600);
    expect(page.posts.map((r) => r.receiptId).sort()).toEqual(
      [due.receipt.receiptId, hostile.receipt.receiptId].sort(),
    );
    expect(page.outbox().map((e) => e.receipt.receiptId)).toEqual([waiting.receipt.receiptId]);
    await vi.advanceTimersByTimeAsync(21_000);
    expect(page.outbox()).toEqual([]);
  });

  it('leaves a receipt another tab is sending alone until its lock runs out', async () => {
    const theirs = { receipt: receiptFixture(), attempts: 0, nextAt: 0, lock: Date.now() + 10_000 };
    page = setup({ endpoint: '/receipts' }, { outbox: [theirs] });
    await vi.advanceTimersByTimeAsync(9_000);
    expect(page.posts).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(page.posts).toHaveLength(1);
  });

  it('on `online` retries at once, without waiting out the backoff', async () => {
    page = setup({ endpoint: '/receipts' }, { status: 0 });
    page.decide();
    await vi.advanceTimersByTimeAsync(0);
    page.setStatus(0);
    await vi.advanceTimersByTimeAsync(2_600);
    await vi.advanceTimersByTimeAsync(0);
    const attempts = page.outbox()[0].attempts;
    expect(attempts).toBe(2);
    page.setStatus(201);
    page.fire('online');
    await vi.advanceTimersByTimeAsync(0);
    expect(page.outbox()).toEqual([]);
    expect(page.posts).toHaveLength(3);
  });

  it('without an endpoint keeps receipts locally and emits them, sending nothing', async () => {
    page = setup({ policy: { text: 'Политика', version: '1' } });
    const a = page.decide();
    await vi.waitFor(() => expect(page!.named('receipt')).toHaveLength(1));
    const b = page.decide('withdraw');
    await vi.waitFor(() => expect(page!.named('receipt')).toHaveLength(2));
    const log: ConsentReceipt[] = JSON.parse(page.local.getItem('soglasie.receipts') ?? '[]');
    expect(log.map((r) => r.receiptId)).toEqual([a, b]);
    expect(log[0].documents[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(page.outbox()).toEqual([]);
    expect(page.fetchMock).not.toHaveBeenCalled();
  });

  it('stops on destroy: no timers, no listeners', async () => {
    page = setup({ endpoint: '/receipts' }, { status: 500 });
    page.decide();
    await vi.advanceTimersByTimeAsync(0);
    page.stop();
    page.fire('online');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(page.posts).toHaveLength(1);
    page = undefined;
  });
});
