import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCollector, type Collector } from '../../src/collector/create-collector';
import { validateReceipt } from '../../src/collector/validate-receipt';
import type { ConsentReceipt } from '../../src/receipt/receipt-types';
import { makeReceipt } from './support/make-receipt';
import { getJson, postJson } from './support/http';
import { serve } from './support/serve';
import { storeTargets, type StoreFixture } from './support/store-targets';

const TOKEN = 'order-token';
const T = 1_760_000_000_000;

/** A schema-2 receipt: the subject's `sequence`-th decision, made at `ms`. */
const ordered = (subjectId: string, sequence: number, ms: number, over: Partial<ConsentReceipt> = {}) =>
  makeReceipt({ schema: 2, subjectId, sequence, timestampMs: ms, timestamp: Math.floor(ms / 1000), ...over });

describe('receipts of schema 2: sequence and timestampMs', () => {
  const reason = (value: unknown) => {
    const result = validateReceipt(value);
    return result.ok ? undefined : result.reason;
  };

  it('accepts them, and schema 1 without them', () => {
    expect(reason(ordered(randomUUID(), 1, T + 999))).toBeUndefined();
    expect(reason(makeReceipt())).toBeUndefined();
  });

  it('names what is wrong', () => {
    const subject = randomUUID();
    const { sequence: _sequence, ...noSequence } = ordered(subject, 1, T);
    const { timestampMs: _ms, ...noMs } = ordered(subject, 1, T);
    expect(reason(noSequence)).toBe('sequence: is required in schema 2');
    expect(reason(noMs)).toBe('timestampMs: is required in schema 2');
    expect(reason(ordered(subject, 0, T))).toBe('sequence: must be >= 1');
    expect(reason(ordered(subject, 1.5, T))).toBe('sequence: expected integer');
    expect(reason(ordered(subject, 1, T, { timestamp: T / 1000 + 1 }))).toBe(
      `timestampMs: expected a time within second ${T / 1000 + 1} (timestamp)`,
    );
    expect(reason(makeReceipt({ sequence: 1 }))).toBe('sequence: only in receipts of schema 2');
    expect(reason(makeReceipt({ timestampMs: T }))).toBe('timestampMs: only in receipts of schema 2');
  });
});

for (const target of storeTargets) {
  describe.skipIf(!!target.skip)(`the current decision of a subject (${target.name})`, () => {
    let fixture: StoreFixture;
    let collector: Collector;
    let server: { url: string; close(): Promise<void> };

    beforeAll(async () => {
      fixture = await target.open();
      collector = await createCollector({ ...fixture.choice, token: TOKEN, onError: () => undefined });
      server = await serve(collector.handler);
    });
    afterAll(async () => {
      await server?.close();
      await collector?.close();
      await fixture?.cleanup();
    });

    const read = async (subjectId: string) =>
      (await getJson(`${server.url}/receipts?subjectId=${subjectId}`, TOKEN)).body as {
        items: Array<{ receipt: ConsentReceipt }>;
        current: { receipt: ConsentReceipt } | null;
      };

    it('is the highest sequence, not the last arrival; both fields are stored as sent', async () => {
      const subjectId = randomUUID();
      const accept = ordered(subjectId, 1, T + 1, { event: 'accept' });
      const decline = ordered(subjectId, 2, T + 2, {
        event: 'decline',
        previousReceiptId: accept.receiptId,
        categories: { necessary: true, analytics: false, marketing: false },
      });
      // The decline overtakes the accept on the way.
      expect((await postJson(server.url, decline)).status).toBe(201);
      expect((await postJson(server.url, accept)).status).toBe(201);
      const { items, current } = await read(subjectId);
      expect(items.map((item) => item.receipt.sequence)).toEqual([2, 1]);
      expect(current?.receipt).toEqual(decline);
    });

    it('orders by sequence even against the clock (a device whose clock was set back)', async () => {
      const subjectId = randomUUID();
      await postJson(server.url, ordered(subjectId, 2, T - 60_000, { event: 'withdraw' }));
      await postJson(server.url, ordered(subjectId, 1, T, { event: 'accept' }));
      expect((await read(subjectId)).current?.receipt.event).toBe('withdraw');
    });

    it('falls back to the client time for receipts of schema 1, and is null for an unknown subject', async () => {
      const subjectId = randomUUID();
      await postJson(server.url, makeReceipt({ subjectId, timestamp: 1_760_000_005, event: 'update' }));
      await postJson(server.url, makeReceipt({ subjectId, timestamp: 1_760_000_001, event: 'accept' }));
      expect((await read(subjectId)).current?.receipt.event).toBe('update');
      expect((await read(randomUUID())).current).toBeNull();
    });

    it('lists without a subject as before, without `current`', async () => {
      const body = (await getJson(`${server.url}/receipts?limit=1`, TOKEN)).body as Record<string, unknown>;
      expect(Object.keys(body).sort()).toEqual(['items', 'nextCursor']);
    });
  });
}
