import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCollector, type Collector } from '../../src/collector/create-collector';
import { main } from '../../src/collector/main';
import { makeReceipt } from './support/make-receipt';
import { postJson } from './support/http';
import { serve } from './support/serve';
import { storeTargets, type StoreFixture } from './support/store-targets';

for (const target of storeTargets) {
  describe.skipIf(!!target.skip)(`write-side origins (${target.name})`, () => {
    let fixture: StoreFixture;
    const running: { collector: Collector; server: { url: string; close(): Promise<void> } }[] = [];
    const start = async (options: { allowNoOrigin?: boolean; origins?: string[] }): Promise<string> => {
      const collector = await createCollector({
        ...fixture.choice,
        origins: options.origins ?? ['https://shop.example'],
        allowNoOrigin: options.allowNoOrigin,
      });
      const server = await serve(collector.handler);
      running.push({ collector, server });
      return server.url;
    };
    const stored = async (receiptId: string): Promise<boolean> =>
      (await running[0]!.collector.store.get(receiptId)) !== undefined;

    beforeAll(async () => {
      fixture = await target.open();
    });
    afterAll(async () => {
      for (const { collector, server } of running) {
        await server.close();
        await collector.close();
      }
      await fixture?.cleanup();
    });

    it('refuses a POST from an unlisted origin with 403 and stores nothing', async () => {
      const url = await start({});
      const receipt = makeReceipt();
      const res = await postJson(url, receipt, { origin: 'https://evil.example' });
      expect(res.status).toBe(403);
      expect((await res.json()).error).toBe('origin https://evil.example may not post receipts');
      expect(await stored(receipt.receiptId)).toBe(false);
      const allowed = await postJson(url, makeReceipt(), { origin: 'https://shop.example' });
      expect(allowed.status).toBe(201);
    });

    it('refuses a receipt whose page is on another origin with 400', async () => {
      const url = await start({});
      const receipt = makeReceipt({ page: 'https://evil.example/catalog' });
      const res = await postJson(url, receipt, { origin: 'https://shop.example' });
      expect(res.status).toBe(400);
      expect((await res.json()).error).toBe('page: https://evil.example is not an allowed origin');
      expect(await stored(receipt.receiptId)).toBe(false);
    });

    it('takes a POST without Origin only when the operator allows it', async () => {
      const strict = await start({});
      const receipt = makeReceipt();
      const refused = await postJson(strict, receipt);
      expect(refused.status).toBe(403);
      expect((await refused.json()).error).toMatch(/without an Origin header.*--allow-no-origin/);
      expect(await stored(receipt.receiptId)).toBe(false);
      const open = await start({ allowNoOrigin: true });
      expect((await postJson(open, receipt)).status).toBe(201);
    });

    it("lets any origin post with '*'", async () => {
      const url = await start({ origins: ['*'] });
      const res = await postJson(url, makeReceipt({ page: 'https://elsewhere.example/' }), {
        origin: 'https://elsewhere.example',
      });
      expect(res.status).toBe(201);
    });
  });
}

describe('--allow-no-origin', () => {
  it('is in --help', async () => {
    const lines: string[] = [];
    await main(['--help'], { out: (line) => lines.push(line), err: () => undefined });
    expect(lines.join('\n')).toMatch(/--allow-no-origin\n\s+with --origin, also accept POSTs without an Origin header/);
    expect(lines.join('\n')).toMatch(/A POST from another\s+origin gets 403/);
  });
});
