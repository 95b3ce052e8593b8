import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { createCollector } from '../../src/collector/create-collector';
import { getJson, postJson } from './support/http';
import { makeReceipt } from './support/make-receipt';

// The Fastify integration exactly as src/collector/README.md shows it.
describe('collector inside Fastify (the README recipe)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'soglasie-fastify-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stores and serves receipts, and Fastify keeps parsing its own routes', async () => {
    const collector = await createCollector({ db: join(dir, 'f.sqlite'), token: 'secret' });
    const fastify = Fastify();
    fastify.addHook('onRequest', (request, reply, done) => {
      if (!request.url.startsWith('/receipts')) return done();
      reply.hijack();
      collector.handler(request.raw, reply.raw);
    });
    fastify.post('/hello', async (request) => ({ got: (request.body as { name: string }).name }));
    const url = await fastify.listen({ port: 0, host: '127.0.0.1' });
    try {
      const receipt = makeReceipt();
      const created = await postJson(url, receipt);
      expect(created.status).toBe(201);
      expect((await postJson(url, receipt)).status).toBe(200);
      const bad = await postJson(url, { ...receipt, receiptId: 'nope' });
      expect(bad.status).toBe(400);
      expect((await bad.json()).error).toMatch(/receiptId/);

      const list = await getJson(`${url}/receipts`, 'secret');
      expect(list.status).toBe(200);
      expect(list.body.items.map((i: { receiptId: string }) => i.receiptId)).toEqual([receipt.receiptId]);
      expect((await getJson(`${url}/receipts`)).status).toBe(401);

      const hello = await fetch(`${url}/hello`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"name":"Инфотек"}',
      });
      expect(await hello.json()).toEqual({ got: 'Инфотек' });
    } finally {
      await fastify.close();
      await collector.close();
    }
  });
});
