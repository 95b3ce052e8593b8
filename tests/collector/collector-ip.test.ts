import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCollector, type Collector } from '../../src/collector/create-collector';
import type { IpMode } from '../../src/collector/client-ip';
import { makeReceipt } from './support/make-receipt';
import { postJson } from './support/http';
import { serve } from './support/serve';
import { storeTargets, type StoreFixture } from './support/store-targets';

for (const target of storeTargets) {
  describe.skipIf(!!target.skip)(`client IP modes (${target.name})`, () => {
    let fixture: StoreFixture;
    const collectors: Collector[] = [];
    const servers: Array<{ url: string; close(): Promise<void> }> = [];

    beforeAll(async () => {
      fixture = await target.open();
    });
    afterAll(async () => {
      for (const server of servers) await server.close();
      for (const collector of collectors) await collector.close();
      await fixture?.cleanup();
    });

    async function storedIp(
      ip: IpMode,
      trustProxy: boolean,
      headers: Record<string, string> = {},
    ): Promise<string | null> {
      const collector = await createCollector({ ...fixture.choice, ip, trustProxy });
      const server = await serve(collector.handler);
      collectors.push(collector);
      servers.push(server);
      const receipt = makeReceipt();
      expect((await postJson(server.url, receipt, headers)).status).toBe(201);
      return (await collector.store.get(receipt.receiptId))!.ip;
    }

    it('keeps the full address, a truncated one, or none', async () => {
      expect(await storedIp('full', false)).toBe('127.0.0.1');
      expect(await storedIp('truncated', false)).toBe('127.0.0.0');
      expect(await storedIp('none', false)).toBeNull();
    });

    it('reads X-Forwarded-For only when the proxy is trusted', async () => {
      const xff = { 'x-forwarded-for': '198.51.100.7, 2001:db8:abcd:12:1::9' };
      expect(await storedIp('truncated', true, xff)).toBe('2001:db8:abcd::');
      expect(await storedIp('full', true, xff)).toBe('2001:db8:abcd:12:1::9');
      expect(await storedIp('full', false, xff)).toBe('127.0.0.1');
    });

    it('reads an X-Forwarded-For entry that carries a port', async () => {
      expect(await storedIp('full', true, { 'x-forwarded-for': '203.0.113.7:5678' })).toBe('203.0.113.7');
      expect(await storedIp('full', true, { 'x-forwarded-for': '[2001:db8::1]:443' })).toBe('2001:db8::1');
    });
  });
}
