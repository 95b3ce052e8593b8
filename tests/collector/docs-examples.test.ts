import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCollector, type Collector } from '../../src/collector/create-collector';
import { getJson, postJson } from './support/http';
import { makeReceipt } from './support/make-receipt';
import { serve } from './support/serve';
import { storeTargets, type StoreFixture } from './support/store-targets';

// The `GET /receipts` examples the docs call "latest" must list the newest first. In the docs, the
// line says so; the demo's receipts page is all about the latest ("Последние квитанции").
const DOCS = ['src/collector/README.md', 'README.md', 'demo/receipts.html', 'demo/server.js'];
const ALL_LATEST = new Set(['demo/receipts.html']);

function latestExamples(): Array<{ file: string; query: string }> {
  const found: Array<{ file: string; query: string }> = [];
  for (const file of DOCS) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!ALL_LATEST.has(file) && !/latest|newest|последн/i.test(line)) continue;
      for (const match of line.matchAll(/\/receipts(\?[^\s'"<`)]*)/g))
        found.push({ file, query: match[1]!.replace(/&amp;/g, '&') });
    }
  }
  return found;
}

const sqlite = storeTargets[0]!;

describe('GET /receipts examples in the docs', () => {
  let fixture: StoreFixture;
  let collector: Collector;
  let server: { url: string; close(): Promise<void> };
  const posted = Array.from({ length: 7 }, () => makeReceipt());

  beforeAll(async () => {
    fixture = await sqlite.open();
    collector = await createCollector({ ...fixture.choice, token: 't', onError: () => {} });
    server = await serve(collector.handler);
    for (const receipt of posted) expect((await postJson(server.url, receipt)).status).toBe(201);
  });
  afterAll(async () => {
    await server?.close();
    await collector?.close();
    await fixture?.cleanup();
  });

  it('every example said to show the latest receipts lists them newest first', async () => {
    const examples = latestExamples();
    expect(examples.map((example) => example.file)).toEqual(
      expect.arrayContaining(['src/collector/README.md', 'demo/receipts.html', 'demo/server.js']),
    );
    for (const example of examples) {
      const { status, body } = await getJson(`${server.url}/receipts${example.query}`, 't');
      expect(status, example.file).toBe(200);
      const newest = [...posted].reverse().slice(0, body.items.length);
      expect(
        body.items.map((item: { receiptId: string }) => item.receiptId),
        `${example.file}: ${example.query}`,
      ).toEqual(newest.map((receipt) => receipt.receiptId));
    }
  });
});
