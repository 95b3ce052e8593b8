import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openStorage } from '../../../src/receipt/open-storage';
import {
  createOutbox,
  OUTBOX_MAX_CHARS,
  OUTBOX_MAX_ENTRIES,
  type OutboxEntry,
} from '../../../src/receipt/create-outbox';
import { memoryStorage } from './memory-storage';
import { receiptFixture } from './receipt-fixture';

const entry = (pad = 0, at = 1_760_000_000): OutboxEntry => ({
  receipt: receiptFixture(pad, { timestamp: at }),
  attempts: 0,
  nextAt: 0,
});
const chars = (storage: ReturnType<typeof memoryStorage>) =>
  [...storage.data.values()].reduce((n, v) => n + v.length, 0);

describe('createOutbox', () => {
  let warn: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterEach(() => vi.restoreAllMocks());

  it('keeps one key per receipt, under the cookie name', () => {
    const storage = memoryStorage();
    const a = createOutbox(storage, 'soglasie');
    const b = createOutbox(storage, 'other');
    const e = entry();
    a.add(e);
    expect([...storage.data.keys()]).toEqual([`soglasie.outbox.${e.receipt.receiptId}`]);
    expect(b.read()).toEqual([]);
    a.update(e.receipt.receiptId, (x) => ({ ...x, attempts: 2, nextAt: 5 }));
    expect(a.read()).toEqual([{ ...e, attempts: 2, nextAt: 5 }]);
    a.update('missing', () => undefined);
    expect(a.read()).toHaveLength(1);
    a.update(e.receipt.receiptId, () => undefined);
    expect(a.read()).toEqual([]);
    expect(storage.data.size).toBe(0);
  });

  it('adding a receipt again replaces it instead of queueing it twice', () => {
    const outbox = createOutbox(memoryStorage(), 'soglasie');
    const e = entry();
    outbox.add(e);
    outbox.add({ ...e, attempts: 3, nextAt: 9 });
    expect(outbox.read()).toEqual([{ ...e, attempts: 3, nextAt: 9 }]);
  });

  it('reads oldest decision first', () => {
    const outbox = createOutbox(memoryStorage(), 'soglasie');
    const [late, early, middle] = [entry(0, 30), entry(0, 10), entry(0, 20)];
    for (const e of [late, early, middle]) outbox.add(e);
    expect(outbox.read()).toEqual([early, middle, late]);
  });

  it('two tabs adding at the same time both keep their receipt (no shared list to overwrite)', () => {
    const storage = memoryStorage();
    const tabA = createOutbox(storage, 'soglasie');
    const tabB = createOutbox(storage, 'soglasie');
    const [a, b] = [entry(), entry()];
    tabA.add(a);
    tabB.add(b);
    tabA.update(a.receipt.receiptId, (x) => ({ ...x, lock: 1 }));
    expect(
      tabB
        .read()
        .map((e) => e.receipt.receiptId)
        .sort(),
    ).toEqual([a.receipt.receiptId, b.receipt.receiptId].sort());
  });

  it(`keeps at most ${OUTBOX_MAX_ENTRIES} receipts, dropping the oldest with a warning`, () => {
    const outbox = createOutbox(memoryStorage(), 'soglasie');
    const all = Array.from({ length: OUTBOX_MAX_ENTRIES + 5 }, (_, i) => entry(0, 1_760_000_000 + i));
    for (const e of all) outbox.add(e);
    expect(outbox.read().map((e) => e.receipt.receiptId)).toEqual(all.slice(5).map((e) => e.receipt.receiptId));
    expect(warn).toHaveBeenCalledTimes(5);
    expect(String(warn.mock.calls[0][0])).toContain(all[0].receipt.receiptId);
  });

  it(`keeps at most ${OUTBOX_MAX_CHARS} characters, dropping the oldest`, () => {
    const storage = memoryStorage();
    const outbox = createOutbox(storage, 'soglasie');
    const all = Array.from({ length: 30 }, (_, i) => entry(3000, 1_760_000_000 + i));
    for (const e of all) outbox.add(e);
    expect(chars(storage)).toBeLessThanOrEqual(OUTBOX_MAX_CHARS);
    const kept = outbox.read();
    expect(kept.length).toBeGreaterThan(15);
    expect(kept.length).toBeLessThan(30);
    expect(kept.at(-1)!.receipt.receiptId).toBe(all.at(-1)!.receipt.receiptId);
    expect(warn).toHaveBeenCalledTimes(30 - kept.length);
  });

  it('ignores, and clears, garbage and hostile values under its prefix; leaves other keys alone', () => {
    const good = entry();
    const id = (n: number) => `soglasie.outbox.00000000-0000-4000-8000-99999999999${n}`;
    const storage = memoryStorage({
      [id(1)]: '{not json',
      [id(2)]: 'null',
      [id(3)]:
        `{"__proto__": {"polluted": true}, "receipt": {"__proto__": {"polluted": true}, "receiptId": "x", "documents": []}, "attempts": 0, "nextAt": 0}`,
      [id(4)]: JSON.stringify({ ...good, attempts: '1' }),
      // A valid entry under someone else's id: not trusted either.
      [id(5)]: JSON.stringify(good),
      [`soglasie.outbox.${good.receipt.receiptId}`]: JSON.stringify(good),
      'soglasie.digests': 'kept',
      'app.state': 'kept',
    });
    const outbox = createOutbox(storage, 'soglasie');
    expect(outbox.read()).toEqual([good]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect([...storage.data.keys()].sort()).toEqual([
      'app.state',
      'soglasie.digests',
      `soglasie.outbox.${good.receipt.receiptId}`,
    ]);
  });

  it('a hostile `__proto__` in a valid entry stays a plain own key', () => {
    const good = entry();
    const json = JSON.stringify(good).replace('{', '{"__proto__": {"polluted": true},');
    const outbox = createOutbox(memoryStorage({ [`soglasie.outbox.${good.receipt.receiptId}`]: json }), 'soglasie');
    const [read] = outbox.read();
    expect(Object.getPrototypeOf(read)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('works in memory over a localStorage that throws on every call (blocked, full)', () => {
    const fail = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    vi.stubGlobal('window', {
      localStorage: {
        getItem: fail,
        setItem: fail,
        removeItem: fail,
        key: fail,
        get length(): number {
          return fail();
        },
      },
    });
    try {
      const outbox = createOutbox(openStorage(), 'blocked');
      const e = entry();
      outbox.add(e);
      expect(outbox.read()).toEqual([e]);
      outbox.update(e.receipt.receiptId, () => undefined);
      expect(outbox.read()).toEqual([]);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
