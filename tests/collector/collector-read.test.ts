import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/collector/canonical-json';
import { createCollector, type Collector } from '../../src/collector/create-collector';
import { CSV_COLUMNS } from '../../src/collector/export-receipts';
import { makeReceipt } from './support/make-receipt';
import { getJson, postJson } from './support/http';
import { serve } from './support/serve';
import { storeTargets, type StoreFixture } from './support/store-targets';

const TOKEN = 'test-token-123';

for (const target of storeTargets) {
  describe.skipIf(!!target.skip)(`read side (${target.name})`, () => {
    let fixture: StoreFixture;
    let collector: Collector;
    let open: Collector;
    let server: { url: string; close(): Promise<void> };
    let openServer: { url: string; close(): Promise<void> };
    const subjectId = randomUUID();
    const mine = Array.from({ length: 5 }, (_, i) => makeReceipt({ subjectId, timestamp: 1735689600 + i }));
    let firstReceivedAt = 0;

    beforeAll(async () => {
      fixture = await target.open();
      collector = await createCollector({ ...fixture.choice, token: TOKEN, onError: () => undefined });
      // Same database, no token: the read side must not exist.
      open = await createCollector({ ...fixture.choice, onError: () => undefined });
      server = await serve(collector.handler);
      openServer = await serve(open.handler);
      for (const receipt of mine) {
        expect((await postJson(server.url, receipt)).status).toBe(201);
        await postJson(server.url, makeReceipt());
      }
      firstReceivedAt = (await collector.store.get(mine[0]!.receiptId))!.receivedAt;
    });
    afterAll(async () => {
      await server?.close();
      await openServer?.close();
      await collector?.close();
      await open?.close();
      await fixture?.cleanup();
    });

    it('is 404 without a configured token', async () => {
      expect((await getJson(`${openServer.url}/receipts`, TOKEN)).status).toBe(404);
      expect((await getJson(`${openServer.url}/receipts/${mine[0]!.receiptId}`, TOKEN)).status).toBe(404);
      expect((await getJson(`${openServer.url}/receipts/export`, TOKEN)).status).toBe(404);
    });

    it('is 401 without or with a wrong bearer token', async () => {
      const none = await getJson(`${server.url}/receipts`);
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect((await getJson(`${server.url}/receipts`, 'wrong')).status).toBe(401);
      expect((await getJson(`${server.url}/receipts/${mine[0]!.receiptId}`, `${TOKEN}x`)).status).toBe(401);
      expect((await getJson(`${server.url}/receipts/export?format=csv`)).status).toBe(401);
      const basic = await fetch(`${server.url}/receipts`, { headers: { authorization: `Basic ${TOKEN}` } });
      expect(basic.status).toBe(401);
    });

    it('returns one receipt by receiptId, 404 for unknown or malformed ids', async () => {
      const { status, body } = await getJson(`${server.url}/receipts/${mine[2]!.receiptId}`, TOKEN);
      expect(status).toBe(200);
      expect(body).toMatchObject({ receiptId: mine[2]!.receiptId, subjectId, ip: '127.0.0.0', receipt: mine[2] });
      expect(body.receivedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(body.hash).toMatch(/^[0-9a-f]{64}$/);
      expect((await getJson(`${server.url}/receipts/${randomUUID()}`, TOKEN)).status).toBe(404);
      expect((await getJson(`${server.url}/receipts/nope`, TOKEN)).status).toBe(404);
      expect((await getJson(`${server.url}/receipts/${mine[2]!.receiptId}?format=xml`, TOKEN)).status).toBe(400);
    });

    it('returns a Kantara Consent Receipt v1.1 view', async () => {
      const receipt = mine[0]!;
      const { status, body } = await getJson(`${server.url}/receipts/${receipt.receiptId}?format=kantara`, TOKEN);
      expect(status).toBe(200);
      expect(body).toMatchObject({
        version: 'KI-CR-v1.1.0',
        jurisdiction: 'RU',
        consentTimestamp: receipt.timestamp,
        consentReceiptID: receipt.receiptId,
        language: 'ru',
        piiPrincipalId: subjectId,
        policyUrl: 'https://shop.example/privacy',
        sensitive: false,
        spiCat: [],
      });
      expect(body.publicKey).toBeUndefined();
      expect(body.collectionMethod).toMatch(/checkbox/);
      expect(body.piiControllers[0]).toMatchObject({
        piiController: 'ООО «Ромашка»',
        email: 'dpo@shop.example',
        piiControllerUrl: 'https://shop.example',
      });
      // Granted categories only; the stored receipt is canonical, so they come sorted.
      expect(body.services.map((s: { service: string }) => s.service)).toEqual(['analytics', 'necessary']);
      expect(body.services[1].purposes[0]).toMatchObject({
        purpose: 'necessary',
        consentType: 'NOT-REQUIRED',
        primaryPurpose: true,
      });
      expect(body.services[0].purposes[0]).toMatchObject({ purpose: 'analytics', primaryPurpose: false });
    });

    it('pages by subjectId with a cursor', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: string = `subjectId=${subjectId}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const { status, body } = await getJson(`${server.url}/receipts?${query}`, TOKEN);
        expect(status).toBe(200);
        expect(body.items.length).toBeLessThanOrEqual(2);
        seen.push(...body.items.map((item: { receiptId: string }) => item.receiptId));
        cursor = body.nextCursor;
        pages++;
      } while (cursor && pages < 10);
      expect(pages).toBe(3);
      expect(seen).toEqual(mine.map((r) => r.receiptId));
      const desc = await getJson(`${server.url}/receipts?subjectId=${subjectId}&order=desc&limit=1`, TOKEN);
      expect(desc.body.items[0].receiptId).toBe(mine[4]!.receiptId);
    });

    it('filters by server time in epoch seconds or ISO', async () => {
      const all = await getJson(`${server.url}/receipts?limit=1000`, TOKEN);
      expect(all.body.items).toHaveLength(10);
      expect(all.body.nextCursor).toBeNull();
      const future = Math.ceil(Date.now() / 1000) + 60;
      expect((await getJson(`${server.url}/receipts?from=${future}`, TOKEN)).body.items).toHaveLength(0);
      expect(
        (await getJson(`${server.url}/receipts?to=${Math.floor(firstReceivedAt / 1000) - 1}`, TOKEN)).body.items,
      ).toHaveLength(0);
      const iso = new Date(firstReceivedAt).toISOString();
      const fromIso = await getJson(
        `${server.url}/receipts?subjectId=${subjectId}&from=${encodeURIComponent(iso)}`,
        TOKEN,
      );
      expect(fromIso.body.items).toHaveLength(5);
      const toIso = await getJson(`${server.url}/receipts?subjectId=${subjectId}&to=${encodeURIComponent(iso)}`, TOKEN);
      expect(toIso.body.items).toHaveLength(0);
    });

    it('answers 400 for bad list parameters', async () => {
      for (const query of [
        'limit=0',
        'limit=5000',
        'limit=x',
        'from=yesterday',
        'to=2025-13-45',
        'from=99999999999999999999',
        'cursor=-1',
        'subjectId=bob',
        'order=up',
      ]) {
        const { status, body } = await getJson(`${server.url}/receipts?${query}`, TOKEN);
        expect(status, query).toBe(400);
        expect(body.error, query).toBeTypeOf('string');
      }
    });

    it('exports NDJSON', async () => {
      const res = await fetch(`${server.url}/receipts/export?format=ndjson`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
      const lines = (await res.text())
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(lines).toHaveLength(10);
      expect(lines.map((l) => l.id)).toEqual([...lines.map((l) => l.id)].sort((a, b) => a - b));
      const filtered = await fetch(`${server.url}/receipts/export?subjectId=${subjectId}`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect((await filtered.text()).trim().split('\n')).toHaveLength(5);
    });

    it('exports CSV with a header row and quoted JSON', async () => {
      const res = await fetch(`${server.url}/receipts/export?format=csv&subjectId=${subjectId}`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
      const lines = (await res.text()).split('\r\n').filter(Boolean);
      expect(lines[0]).toBe(CSV_COLUMNS.join(','));
      expect(lines).toHaveLength(6);
      expect(lines[1]).toContain(mine[0]!.receiptId);
      expect(lines[1]).toContain('"{""analytics"":true');
      expect((await getJson(`${server.url}/receipts/export?format=xlsx`, TOKEN)).status).toBe(400);
    });

    it('streams an export larger than one batch', { timeout: 60_000 }, async () => {
      const many = Array.from({ length: 1200 }, () => makeReceipt());
      for (let i = 0; i < many.length; i += 100) {
        await Promise.all(
          many
            .slice(i, i + 100)
            .map((r) =>
              collector.store.append({ receipt: r, receiptJson: canonicalJson(r), ip: null, userAgent: '=cmd|calc' }),
            ),
        );
      }
      const res = await fetch(`${server.url}/receipts/export?format=csv`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      const lines = (await res.text()).split('\r\n').filter(Boolean);
      expect(lines).toHaveLength(1 + 10 + 1200);
      // Client-controlled cells cannot become spreadsheet formulas.
      expect(lines[lines.length - 1]).toContain(",'=cmd|calc,");
    });
  });
}
