import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createCollector } from '../../src/collector/create-collector';
import { verifyChain } from '../../src/collector/verify-chain';
import { makeReceipt } from './support/make-receipt';
import { postJson } from './support/http';
import { serve } from './support/serve';

describe('SQLite group commit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'soglasie-group-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(
    'answers each of many concurrent posts only once its receipt is committed, in one valid chain',
    { timeout: 60_000 },
    async () => {
      const path = join(dir, 'r.sqlite');
      const collector = await createCollector({ db: path });
      const server = await serve(collector.handler);
      // A second connection sees only committed data.
      const reader = new Database(path, { readonly: true });
      const committed = reader.prepare<[string], { n: number }>(
        'SELECT count(*) AS n FROM soglasie_receipts WHERE receipt_id = ?',
      );
      try {
        const receipts = Array.from({ length: 100 }, () => makeReceipt());
        const seenAtAnswer = await Promise.all(
          receipts.map(async (receipt) => {
            const res = await postJson(server.url, receipt);
            const visible = committed.get(receipt.receiptId)!.n;
            return { status: res.status, visible };
          }),
        );
        expect(seenAtAnswer.filter((answer) => answer.status !== 201 || answer.visible !== 1)).toEqual([]);
        expect(await verifyChain(collector.store)).toMatchObject({ ok: true, checked: 100 });
      } finally {
        reader.close();
        await server.close();
        await collector.close();
      }
    },
  );
});
