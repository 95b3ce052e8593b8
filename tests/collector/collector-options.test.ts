import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createCollector } from '../../src/collector/create-collector';
import { loadOptionalModule } from '../../src/collector/load-optional-module';
import { openPostgresStore } from '../../src/collector/postgres-store';
import type { ReceiptStore } from '../../src/collector/receipt-store';
import { verifyChain } from '../../src/collector/verify-chain';
import { makeReceipt } from './support/make-receipt';
import { postJson } from './support/http';
import { serve } from './support/serve';
import { storeTargets } from './support/store-targets';

describe('collector options and failures', () => {
  const dir = mkdtempSync(join(tmpdir(), 'soglasie-options-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses origins that browsers never send (a trailing slash, no scheme), before opening any store', async () => {
    const db = join(dir, 'never-opened.sqlite');
    await expect(createCollector({ db, origins: ['https://shop.example/'] })).rejects.toThrow(
      /origins: "https:\/\/shop\.example\/" is not an origin.*did you mean https:\/\/shop\.example\?/,
    );
    await expect(createCollector({ db, origins: ['shop.example'] })).rejects.toThrow(/is not an origin/);
    expect(existsSync(db)).toBe(false);
  });

  it('answers 500 and reports the error when the store fails, then keeps serving', async () => {
    const errors: unknown[] = [];
    let fail = true;
    const store: ReceiptStore = {
      async append(input) {
        if (fail) throw new Error('disk on fire');
        return {
          created: true,
          record: {
            id: 1,
            receiptId: input.receipt.receiptId,
            subjectId: input.receipt.subjectId,
            receivedAt: 0,
            ip: null,
            userAgent: null,
            receiptJson: input.receiptJson,
            prevHash: '',
            hash: 'h',
          },
        };
      },
      get: async () => undefined,
      list: async () => [],
      head: async () => ({ lastId: null, lastHash: '', count: 0 }),
      close: async () => undefined,
    };
    const collector = await createCollector({ store, onError: (error) => errors.push(error) });
    const server = await serve(collector.handler);
    try {
      const res = await postJson(server.url, makeReceipt());
      expect(res.status).toBe(500);
      expect(await res.json()).toEqual({ error: 'internal error' });
      expect(String(errors[0])).toMatch(/disk on fire/);
      fail = false;
      expect((await postJson(server.url, makeReceipt())).status).toBe(201);
    } finally {
      await server.close();
      await collector.close();
    }
  });

  it('passes foreign paths to next() (Express style) and honours basePath and maxBodyBytes', async () => {
    const collector = await createCollector({
      db: join(dir, 'a.sqlite'),
      basePath: '/api/consent/',
      maxBodyBytes: 2048,
    });
    const server = createServer((req, res) =>
      collector.handler(req, res, () => {
        res.writeHead(299).end('next');
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      const post = await fetch(`${url}/api/consent`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(makeReceipt()),
      });
      expect(post.status).toBe(201);
      expect((await fetch(`${url}/receipts`)).status).toBe(299);
      const big = await fetch(`${url}/api/consent`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(makeReceipt({ page: 'x'.repeat(2048) })),
      });
      expect(big.status).toBe(413);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await collector.close();
    }
  });

  it('explains how to install a missing driver and refuses bad settings', async () => {
    const missing = Object.assign(new Error("Cannot find package 'pg'"), { code: 'ERR_MODULE_NOT_FOUND' });
    await expect(loadOptionalModule('pg', () => Promise.reject(missing))).rejects.toThrow(
      'needs the optional package "pg": npm install pg',
    );
    await expect(loadOptionalModule('pg', () => Promise.reject(new Error('other')))).rejects.toThrow(/^other$/);
    await expect(createCollector({ db: join(dir, 'b.sqlite'), pg: 'postgres://x' })).rejects.toThrow(/either db/);
    await expect(createCollector({ db: join(dir, 'c.sqlite'), table: 'bad name' })).rejects.toThrow(
      /invalid table name/,
    );
    await expect(createCollector({ db: join(dir, 'd.sqlite'), ip: 'half' as 'full' })).rejects.toThrow(/ip: expected/);
  });

  const pgTarget = storeTargets.find((t) => t.name === 'postgres')!;
  it.skipIf(!!pgTarget.skip)('uses a caller-owned pg.Pool and leaves it open', async () => {
    const pool = new pg.Pool({ connectionString: process.env.SOGLASIE_PG_URL });
    const table = `t_pool_${Date.now()}`;
    try {
      const store = await openPostgresStore({ pool, table });
      const collector = await createCollector({ store });
      const server = await serve(collector.handler);
      await Promise.all(Array.from({ length: 10 }, () => postJson(server.url, makeReceipt())));
      await server.close();
      await collector.close();
      await store.close();
      expect((await pool.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n).toBe(10);
      expect(await verifyChain(store)).toMatchObject({ ok: true, checked: 10 });
    } finally {
      await pool.query(`DROP TABLE IF EXISTS ${table}; DROP TABLE IF EXISTS ${table}_head`);
      await pool.end();
    }
  });
});
