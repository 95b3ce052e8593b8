import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/collector/canonical-json';
import { chainHash } from '../../src/collector/chain-hash';
import { createCollector, type Collector } from '../../src/collector/create-collector';
import { verifyChain } from '../../src/collector/verify-chain';
import { makeReceipt } from './support/make-receipt';
import { postJson } from './support/http';
import { serve } from './support/serve';
import { storeTargets, type StoreFixture } from './support/store-targets';

for (const target of storeTargets) {
  describe.skipIf(!!target.skip)(`hash chain (${target.name})`, () => {
    let fixture: StoreFixture;
    let collector: Collector;
    let server: { url: string; close(): Promise<void> };
    const p = (n: number): string => (target.name === 'postgres' ? `$${n}` : '?');
    let ids: number[] = [];

    beforeEach(async () => {
      await server?.close();
      await collector?.close();
      await fixture?.cleanup();
      fixture = await target.open();
      collector = await createCollector({ ...fixture.choice, token: 'chain-token' });
      server = await serve(collector.handler);
      ids = [];
      for (let i = 0; i < 5; i++) ids.push((await (await postJson(server.url, makeReceipt())).json()).id);
    });
    afterAll(async () => {
      await server?.close();
      await collector?.close();
      await fixture?.cleanup();
    });

    it('links every row to the previous one and verifies', async () => {
      const rows = await collector.store.list({ limit: 10 });
      expect(rows[0]!.prevHash).toBe('0'.repeat(64));
      for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
      const report = await verifyChain(collector.store);
      expect(report).toEqual({ ok: true, checked: 5, lastHash: rows[4]!.hash });
    });

    it('detects an edited receipt', async () => {
      await fixture.sql(
        `UPDATE $table SET receipt = replace(receipt, '"analytics":true', '"analytics":false') WHERE id = ${p(1)}`,
        [ids[2]],
      );
      const report = await verifyChain(collector.store);
      expect(report.ok).toBe(false);
      expect(report.broken).toEqual({ id: ids[2], reason: expect.stringMatching(/edited/) });
      expect(report.checked).toBe(2);
    });

    it('detects an edited row whose own hash was recomputed, at the next row', async () => {
      const row = (await collector.store.list({ limit: 10 }))[1]!;
      const edited = canonicalJson({ ...JSON.parse(row.receiptJson), event: 'withdraw' });
      const hash = chainHash(row.prevHash, edited, row.receivedAt);
      await fixture.sql(`UPDATE $table SET receipt = ${p(1)}, hash = ${p(2)} WHERE id = ${p(3)}`, [
        edited,
        hash,
        row.id,
      ]);
      const report = await verifyChain(collector.store);
      expect(report.broken).toEqual({ id: ids[2], reason: expect.stringMatching(/prev_hash/) });
    });

    it('detects a replaced hash', async () => {
      await fixture.sql(`UPDATE $table SET hash = ${p(1)} WHERE id = ${p(2)}`, ['f'.repeat(64), ids[1]]);
      expect((await verifyChain(collector.store)).broken?.id).toBe(ids[1]);
    });

    it('detects an edited server time', async () => {
      await fixture.sql(`UPDATE $table SET received_at = received_at - 86400000 WHERE id = ${p(1)}`, [ids[3]]);
      expect((await verifyChain(collector.store)).broken?.id).toBe(ids[3]);
    });

    it('detects a deleted row at the next row', async () => {
      await fixture.sql(`DELETE FROM $table WHERE id = ${p(1)}`, [ids[1]]);
      const report = await verifyChain(collector.store);
      expect(report.broken).toEqual({ id: ids[2], reason: expect.stringMatching(/deleted/) });
    });

    it('detects a deleted first row', async () => {
      await fixture.sql(`DELETE FROM $table WHERE id = ${p(1)}`, [ids[0]]);
      expect((await verifyChain(collector.store)).broken?.id).toBe(ids[1]);
    });

    it('detects a deleted tail via the chain head', async () => {
      await fixture.sql(`DELETE FROM $table WHERE id = ${p(1)}`, [ids[4]]);
      const report = await verifyChain(collector.store);
      expect(report.broken).toEqual({ id: ids[4], reason: expect.stringMatching(/missing/) });
    });

    it('detects a swapped receipt_id column', async () => {
      await fixture.sql(`UPDATE $table SET receipt_id = ${p(1)} WHERE id = ${p(2)}`, [
        '00000000-0000-4000-8000-000000000000',
        ids[0],
      ]);
      expect((await verifyChain(collector.store)).broken?.id).toBe(ids[0]);
    });

    it('names rows added after the chain head, and the read side does not serve them', async () => {
      const forged = makeReceipt();
      // An hour old: PostgreSQL treats younger unlinked rows as waiting for the sequencer.
      const values = [
        forged.receiptId,
        forged.subjectId,
        Date.now() - 3_600_000,
        canonicalJson(forged),
        'e'.repeat(64),
        'e'.repeat(64),
      ];
      const insert = `INSERT INTO $table (receipt_id, subject_id, received_at, receipt, prev_hash, hash)
        VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)})`;
      await fixture.sql(insert, values);
      const second = makeReceipt();
      await fixture.sql(insert, [
        second.receiptId,
        second.subjectId,
        Date.now() - 3_600_000,
        canonicalJson(second),
        'e'.repeat(64),
        'e'.repeat(64),
      ]);
      const report = await verifyChain(collector.store);
      expect(report.ok).toBe(false);
      // PostgreSQL stores before it links: rows without a place are named as never linked.
      expect(report.broken!.reason).toMatch(/after the chain head .* not covered|not linked into the chain/);
      expect(report.broken!.reason).toContain(`${ids[4]! + 1}, ${ids[4]! + 2}`);
      const auth = { authorization: 'Bearer chain-token' };
      const list = await (await fetch(`${server.url}/receipts?order=desc`, { headers: auth })).json();
      expect(list.items.map((item: { receiptId: string }) => item.receiptId)).not.toContain(forged.receiptId);
      expect(list.items).toHaveLength(5);
      expect((await fetch(`${server.url}/receipts/${forged.receiptId}`, { headers: auth })).status).toBe(404);
      const exported = await (await fetch(`${server.url}/receipts/export?format=ndjson`, { headers: auth })).text();
      expect(exported).not.toContain(forged.receiptId);
      expect(exported.trim().split('\n')).toHaveLength(5);
    });

    it('keeps one chain across several collectors sharing the database', async () => {
      const other = await createCollector({ ...fixture.choice });
      const otherServer = await serve(other.handler);
      try {
        const receipts = Array.from({ length: 40 }, () => makeReceipt());
        const posts = receipts.flatMap((receipt, i) => [
          postJson(i % 2 ? server.url : otherServer.url, receipt),
          postJson(i % 2 ? otherServer.url : server.url, receipt),
        ]);
        const statuses = (await Promise.all(posts)).map((r) => r.status);
        expect(statuses.filter((s) => s === 201)).toHaveLength(40);
        expect(statuses.filter((s) => s === 200)).toHaveLength(40);
        const report = await verifyChain(collector.store, { batchSize: 7 });
        expect(report).toMatchObject({ ok: true, checked: 45 });
        expect(await other.store.head()).toMatchObject({ count: 45, lastHash: report.lastHash });
      } finally {
        await otherServer.close();
        await other.close();
      }
    });
  });
}
