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
        await Promise.all(
          Array.from({ length: clients }, async (_, client) => {
            for (let i = client; i < receipts.length; i += clients) {
              const res = await postJson(collectors[i % processes]!.url, receipts[i]);
              const body = await res.json();
              answers.push({ receiptId: receipts[i]!.receiptId, status: res.status, hash: body.hash });
            }
          }),
        );
        expect(answers.filter((answer) => answer.status !== 201)).toEqual([]);
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
