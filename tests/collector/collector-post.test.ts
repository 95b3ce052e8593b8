import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCollector, type Collector } from '../../src/collector/create-collector';
import { makeReceipt } from './support/make-receipt';
import { postJson, rawPost } from './support/http';
import { serve } from './support/serve';
import { storeTargets, type StoreFixture } from './support/store-targets';

for (const target of storeTargets) {
  describe.skipIf(!!target.skip)(`POST /receipts (${target.name})`, () => {
    let fixture: StoreFixture;
    let collector: Collector;
    let server: { url: string; close(): Promise<void> };
    const count = async (): Promise<number> => (await collector.store.head()).count;

    beforeAll(async () => {
      fixture = await target.open();
      collector = await createCollector({
        ...fixture.choice,
        origins: ['https://shop.example'],
        // These tests post as a server would, without an Origin header.
        allowNoOrigin: true,
        onError: () => undefined,
      });
      server = await serve(collector.handler);
    });
    afterAll(async () => {
      await server?.close();
      await collector?.close();
      await fixture?.cleanup();
    });

    it('stores a new receipt with 201 and answers a repeat with 200 and the same ids', async () => {
      const receipt = makeReceipt();
      const first = await postJson(server.url, receipt);
      expect(first.status).toBe(201);
      const created = await first.json();
      expect(created).toEqual({
        id: expect.any(Number),
        receiptId: receipt.receiptId,
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      const again = await postJson(server.url, receipt);
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual(created);
      expect(
        (await collector.store.list({ limit: 100 })).filter((r) => r.receiptId === receipt.receiptId),
      ).toHaveLength(1);
    });

    it('accepts text/plain bodies as navigator.sendBeacon sends them', async () => {
      const res = await postJson(server.url, makeReceipt(), { 'content-type': 'text/plain;charset=UTF-8' });
      expect(res.status).toBe(201);
    });

    it('stores exactly one row for concurrent identical posts', async () => {
      const receipt = makeReceipt();
      const before = await count();
      const answers = await Promise.all(Array.from({ length: 20 }, () => postJson(server.url, receipt)));
      const statuses = answers.map((a) => a.status).sort();
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 200)).toHaveLength(19);
      const ids = new Set(await Promise.all(answers.map(async (a) => (await a.json()).id)));
      expect(ids.size).toBe(1);
      expect(await count()).toBe(before + 1);
    });

    it('stores the canonical receipt, server time, user agent and truncated IP by default', async () => {
      const receipt = makeReceipt();
      const res = await postJson(server.url, receipt, { 'user-agent': 'TestAgent/1.0' });
      const stored = (await collector.store.get(receipt.receiptId))!;
      expect(res.status).toBe(201);
      expect(JSON.parse(stored.receiptJson)).toEqual(receipt);
      expect(stored.userAgent).toBe('TestAgent/1.0');
      expect(stored.ip).toBe('127.0.0.0');
      expect(Math.abs(stored.receivedAt - Date.now())).toBeLessThan(10_000);
    });

    describe('refuses bad input with 400 and stores nothing', () => {
      const cases: Array<[string, string | Uint8Array, RegExp]> = [
        ['empty body', '', /^invalid JSON/],
        ['garbage', '{"schema":1,', /^invalid JSON/],
        ['not an object', '[1,2,3]', /^\(root\): expected object$/],
        ['broken UTF-8', new Uint8Array([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]), /^body is not valid UTF-8$/],
        [
          'wrong category type',
          JSON.stringify(makeReceipt({ categories: { analytics: 'yes' as unknown as boolean } })),
          /^categories\.analytics: expected boolean$/,
        ],
        [
          'bad category name',
          JSON.stringify(makeReceipt({ categories: { 'Bad Name': true } })),
          /^categories\["Bad Name"\]: invalid property name$/,
        ],
        ['float timestamp', JSON.stringify(makeReceipt({ timestamp: 1735689600.5 })), /^timestamp: expected integer$/],
        ['unknown event', JSON.stringify(makeReceipt({ event: 'maybe' as 'accept' })), /^event: expected one of/],
        ['bad receiptId', JSON.stringify(makeReceipt({ receiptId: 'not-a-uuid' })), /^receiptId: does not match/],
        ['unknown top-level key', JSON.stringify({ ...makeReceipt(), extra: 1 }), /^extra: unexpected property$/],
        [
          '__proto__ key',
          JSON.stringify(makeReceipt()).replace('{', '{"__proto__":{"polluted":true},'),
          /^__proto__: unexpected property$/,
        ],
        [
          '__proto__ category',
          JSON.stringify(makeReceipt()).replace('"necessary":true', '"__proto__":true'),
          /^categories\.__proto__: invalid property name$/,
        ],
        ['missing field', JSON.stringify({ ...makeReceipt(), sdk: undefined }), /^sdk: is required$/],
        [
          'too many documents',
          JSON.stringify(makeReceipt({ documents: [...makeReceipt().documents, ...makeReceipt().documents] })),
          /^documents: more than 2 items$/,
        ],
        [
          'deep nesting',
          JSON.stringify(makeReceipt()).replace(
            '"analytics":true',
            `"analytics":${'['.repeat(5000)}${']'.repeat(5000)}`,
          ),
          /^categories\.analytics: expected boolean$/,
        ],
      ];
      for (const [name, body, reason] of cases) {
        it(name, async () => {
          const before = await count();
          const res = await postJson(server.url, body);
          expect(res.status).toBe(400);
          expect((await res.json()).error).toMatch(reason);
          expect(await count()).toBe(before);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        });
      }
    });

    it('keeps a "constructor" category as plain data', async () => {
      const receipt = makeReceipt({ categories: { constructor: true, necessary: true } });
      expect((await postJson(server.url, receipt)).status).toBe(201);
      const stored = (await collector.store.get(receipt.receiptId))!;
      expect(JSON.parse(stored.receiptJson).categories).toEqual({ constructor: true, necessary: true });
    });

    it('answers 413 above 16 KB without storing', async () => {
      const before = await count();
      const big = JSON.stringify(makeReceipt({ page: `https://shop.example/${'x'.repeat(17 * 1024)}` }));
      const res = await postJson(server.url, big);
      expect(res.status).toBe(413);
      expect((await res.json()).error).toMatch(/larger than 16384 bytes/);
      expect(await count()).toBe(before);
    });

    it('answers 413 for huge bodies, declared or chunked, and keeps serving', async () => {
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const chunked = await rawPost(
        `${server.url}/receipts`,
        Array.from({ length: 160 }, () => chunk),
      );
      expect([413, 'error']).toContain(chunked);
      const declared = await rawPost(
        `${server.url}/receipts`,
        Array.from({ length: 160 }, () => chunk),
        {
          headers: { 'content-length': String(160 * chunk.length) },
        },
      );
      expect([413, 'error']).toContain(declared);
      // A declared size over the limit is refused before any byte is read.
      const small = await rawPost(`${server.url}/receipts`, [Buffer.from('{}')], {
        headers: { 'content-length': '2' },
      });
      expect(small).toBe(400);
      expect((await postJson(server.url, makeReceipt())).status).toBe(201);
    });

    it('survives aborted requests without storing', async () => {
      const before = await count();
      const half = Buffer.from(JSON.stringify(makeReceipt()).slice(0, 100));
      const outcome = await rawPost(`${server.url}/receipts`, [half], {
        headers: { 'content-length': '2000' },
        abortAfterFirstChunk: true,
      });
      expect(outcome).toBe('aborted');
      await new Promise((r) => setTimeout(r, 50));
      expect(await count()).toBe(before);
      expect((await postJson(server.url, makeReceipt())).status).toBe(201);
    });

    it('answers 415 for other content types', async () => {
      for (const type of [
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'text/plain; charset=latin1',
      ]) {
        const res = await postJson(server.url, makeReceipt(), { 'content-type': type });
        expect(res.status, type).toBe(415);
      }
      const none = await fetch(`${server.url}/receipts`, {
        method: 'POST',
        body: new Uint8Array(Buffer.from(JSON.stringify(makeReceipt()))),
      });
      expect(none.status).toBe(415);
    });

    it('answers 404 for other paths and 405 for other methods', async () => {
      expect((await fetch(`${server.url}/`)).status).toBe(404);
      expect((await fetch(`${server.url}/receiptsx`, { method: 'POST' })).status).toBe(404);
      expect((await fetch(`${server.url}/receipts/a/b`)).status).toBe(404);
      const put = await fetch(`${server.url}/receipts`, { method: 'PUT', body: '{}' });
      expect(put.status).toBe(405);
      expect(put.headers.get('allow')).toBe('GET, POST, OPTIONS');
      expect((await fetch(`${server.url}/receipts/${makeReceipt().receiptId}`, { method: 'DELETE' })).status).toBe(405);
      expect((await fetch(`${server.url}/receipts/export`, { method: 'POST', body: '{}' })).status).toBe(405);
    });

    it('sends CORS headers only to allowed origins and answers preflight', async () => {
      const allowed = await postJson(server.url, makeReceipt(), { origin: 'https://shop.example' });
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://shop.example');
      const denied = await postJson(server.url, makeReceipt(), { origin: 'https://evil.example' });
      expect(denied.headers.get('access-control-allow-origin')).toBeNull();
      const preflight = await fetch(`${server.url}/receipts`, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://shop.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('https://shop.example');
      expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
      expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type');
      const deniedPreflight = await fetch(`${server.url}/receipts`, {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      });
      expect(deniedPreflight.status).toBe(403);
      expect(deniedPreflight.headers.get('access-control-allow-origin')).toBeNull();
    });
  });
}
