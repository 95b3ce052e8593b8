import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../src/collector/postgres-store';
import { verifyChain } from '../../src/collector/verify-chain';
import { startCollectorProcess, type CollectorProcess } from './support/collector-process';
import { makeReceipt } from './support/make-receipt';
import { postJson } from './support/http';

const pgUrl = process.env.SOGLASIE_PG_URL;

describe.skipIf(!pgUrl)('several collector processes on one PostgreSQL database', () => {
  const tables: string[] = [];
  afterAll(async () => {
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    for (const table of tables) await client.query(`DROP TABLE IF EXISTS ${table}; DROP TABLE IF EXISTS ${table}_head`);
    await client.end();
  });

  for (const processes of [2, 4]) {
    it(`${processes} processes writing at once build one valid chain holding every acknowledged receipt`, async () => {
      const table = `scale_${randomBytes(4).toString('hex')}`;
      tables.push(table);
      const collectors: CollectorProcess[] = [];
      try {
        // Started one after another: the first creates the tables.
        for (let i = 0; i < processes; i++)
          collectors.push(await startCollectorProcess(['--pg', pgUrl!, '--table', table]));
        const receipts = Array.from({ length: 400 }, () => makeReceipt());
        const clients = 24;
        const answers: { receiptId: string; status: number; hash: string }[] = [];
        const post = async (i: number, collector: CollectorProcess): Promise<void> => {
          const res = await postJson(collector.url, receipts[i]);
          const body = await res.json();
          answers.push({ receiptId: receipts[i]!.receiptId, status: res.status, hash: body.hash });
        };
        await Promise.all(
          Array.from({ length: clients }, async (_, client) => {
            for (let i = client; i < receipts.length; i += clients) {
              // Every tenth receipt also goes to the next process at the same moment (a retry racing
              // its original): one of them stores it, the other answers with the stored row.
              if (i % 10 === 0)
                await Promise.all([post(i, collectors[i % processes]!), post(i, collectors[(i + 1) % processes]!)]);
              else await post(i, collectors[i % processes]!);
            }
          }),
        );
        const twice = new Set(receipts.filter((_, i) => i % 10 === 0).map((receipt) => receipt.receiptId));
        expect(answers.filter((answer) => !twice.has(answer.receiptId) && answer.status !== 201)).toEqual([]);
        for (const receiptId of twice) {
          const pair = answers.filter((answer) => answer.receiptId === receiptId);
          expect(pair.map((answer) => answer.status).sort()).toEqual([200, 201]);
          expect(pair[0]!.hash).toBe(pair[1]!.hash);
        }
        for (const collector of collectors) expect(collector.exitCode()).toBeNull();
        const store = await openPostgresStore({ url: pgUrl, table });
        try {
          const report = await verifyChain(store);
          expect(report).toMatchObject({ ok: true, checked: 400 });
          for (const answer of answers) expect((await store.get(answer.receiptId))?.hash).toBe(answer.hash);
        } finally {
          await store.close();
        }
      } finally {
        for (const collector of collectors) await collector.stop();
      }
    }, 120_000);
  }
});
