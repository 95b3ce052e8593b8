import { expect, sitePage, test } from '../support/fixtures';
import { decide, outbox, receiptAttrs, wire } from './receipt-helpers';

test.describe('receipts: several tabs', () => {
  test('decisions in three tabs at once: each stored once, none sent twice', async ({ context, server }) => {
    const url = server.page('/tabs.html', sitePage({ attrs: receiptAttrs() }));
    const pages = await Promise.all([0, 1, 2].map(() => context.newPage()));
    for (const p of pages) await p.goto(url);
    const ids = await Promise.all(pages.map((p, i) => decide(p, i === 1 ? 'decline' : 'accept')));
    await expect.poll(() => server.endpoint.stored.size).toBe(3);
    expect(new Set(wire(server).created)).toEqual(new Set(ids));
    // Give the other tabs' timers time to look at the (now empty) outbox: still one POST each.
    await expect.poll(() => Promise.all(pages.map(outbox))).toEqual([[], [], []]);
    expect(server.endpoint.posts).toHaveLength(3);
  });

  test('a tab opened before another tab decided builds on that decision: same subject, chained receipts', async ({
    context,
    server,
  }) => {
    const url = server.page('/tabs-chain.html', sitePage({ attrs: receiptAttrs() }));
    const [a, b] = await Promise.all([context.newPage(), context.newPage()]);
    await a.goto(url);
    await b.goto(url);
    const first = await decide(a, 'accept');
    const second = await decide(b, 'decline');
    await expect.poll(() => server.endpoint.stored.size).toBe(2);
    const stored = server.endpoint.stored;
    expect(stored.get(second)).toMatchObject({ subjectId: stored.get(first)!.subjectId, previousReceiptId: first });
  });

  test('an outage seen by three tabs: after recovery every receipt is stored exactly once', async ({
    context,
    server,
  }) => {
    test.setTimeout(60_000);
    server.endpoint.mode = 'fail';
    const url = server.page('/tabs.html', sitePage({ attrs: receiptAttrs() }));
    const pages = await Promise.all([0, 1, 2].map(() => context.newPage()));
    for (const p of pages) await p.goto(url);
    const ids: string[] = [];
    for (const p of pages) ids.push(await decide(p));
    // A tab that goes away leaves its receipt to the others: closed once every receipt has failed once.
    await expect.poll(async () => (await outbox(pages[0])).filter((entry) => entry.attempts > 0).length).toBe(3);
    await pages[2].close();
    server.endpoint.mode = 'ok';
    await expect.poll(() => server.endpoint.stored.size, { timeout: 20_000 }).toBe(3);
    const { byId, created } = wire(server);
    expect(created.sort()).toEqual([...ids].sort());
    // A retry may still have been in flight when the tab closed: its lock keeps the others off it for 15 s
    // (past the request timeout), then one of them sends it again and the endpoint dedupes.
    await expect.poll(() => outbox(pages[0]), { timeout: 20_000 }).toEqual([]);
    // Copies on the wire are deduped by the endpoint and should be rare: here the closing tab's
    // pagehide beacons (whose answers nobody reads) may each be confirmed once more by a POST.
    const extra =
      [...byId.values()].reduce((sum, n) => sum + n, 0) -
      server.endpoint.posts.filter((p) => p.status === 500).length -
      ids.length;
    test.info().annotations.push({ type: 'copies on the wire after dedupe', description: String(extra) });
    expect(extra).toBeLessThanOrEqual(ids.length);
  });
});
