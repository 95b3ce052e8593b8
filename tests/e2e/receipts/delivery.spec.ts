import { expect, sitePage, test } from '../support/fixtures';
import { decide, outbox, POLICY_SHA256, receiptAttrs, schemaError, wire } from './receipt-helpers';

test.describe('receipts: delivery', () => {
  test('an accept arrives once, as CORS-safelisted JSON, schema-valid, with the policy’s real SHA-256', async ({
    page,
    server,
    consoleMessages,
  }) => {
    await page.goto(server.page('/shop/item.html', sitePage({ attrs: receiptAttrs() })) + '?email=a@b.c#top');
    const delivered = page.evaluate(
      () =>
        new Promise((done) =>
          addEventListener('soglasie:delivered', (e) => done((e as CustomEvent).detail), { once: true }),
        ),
    );
    const id = await decide(page);
    await expect.poll(() => server.endpoint.stored.size).toBe(1);
    const receipt = server.endpoint.stored.get(id)!;
    expect(receipt).toMatchObject({
      schema: 2,
      sequence: 1,
      timestampMs: expect.any(Number),
      receiptId: id,
      event: 'accept',
      method: 'api',
      categories: { necessary: true, analytics: true, marketing: true },
      documents: [
        {
          kind: 'policy',
          url: `${server.origin}/policies/autocrm-policy.txt`,
          version: '2025-01',
          sha256: POLICY_SHA256,
        },
      ],
      operator: { name: 'ООО «Инфотех»', inn: '7700000000' },
      page: `${server.origin}/shop/item.html`,
      language: 'ru',
      sdk: 'soglasie@0.1.0',
    });
    expect(await schemaError(receipt)).toBeUndefined();
    expect(await delivered).toEqual({ receiptId: id, status: 201 });
    expect(server.endpoint.posts).toHaveLength(1);
    expect(server.endpoint.posts[0].contentType).toBe('text/plain;charset=UTF-8');
    expect(Buffer.byteLength(server.endpoint.posts[0].body)).toBeLessThan(4096);
    // The subject is the visitor id from the consent cookie.
    expect(receipt.subjectId).toBe(await page.evaluate(() => window.Soglasie!.get().subjectId));
    expect(await outbox(page)).toEqual([]);
    expect(consoleMessages.filter((m) => /soglasie: (the receipt|a receipt)/.test(m))).toEqual([]);
  });

  test('accept, update, withdraw: one receipt each, same subject, chained by previousReceiptId', async ({
    page,
    server,
  }) => {
    await page.goto(
      server.page('/chain.html', sitePage({ attrs: receiptAttrs('data-policy-sha256="' + POLICY_SHA256 + '"') })),
    );
    const first = await decide(page, 'decline');
    const second = await page.evaluate(() => {
      window.Soglasie!.set({ analytics: true });
      return window.Soglasie!.get().receiptId as string;
    });
    await expect.poll(() => server.endpoint.stored.size).toBe(2);
    // A withdrawal may reload the page (a tracker ran): its receipt must survive that.
    const third = await decide(page, 'withdraw');
    await expect.poll(() => server.endpoint.stored.size).toBe(3);
    const [a, b, c] = [first, second, third].map((id) => server.endpoint.stored.get(id)!);
    expect([a.event, b.event, c.event]).toEqual(['decline', 'update', 'withdraw']);
    expect(b.previousReceiptId).toBe(first);
    expect(c.previousReceiptId).toBe(second);
    expect(new Set([a.subjectId, b.subjectId, c.subjectId]).size).toBe(1);
    expect(c.categories).toEqual({ necessary: true, analytics: false, marketing: false });
    for (const r of [a, b, c]) expect(await schemaError(r)).toBeUndefined();
  });

  test('a cross-origin endpoint gets a simple POST: no preflight', async ({ page, server }) => {
    const endpoint = `${server.origin}/receipts`;
    const site = server
      .page(
        '/cross.html',
        sitePage({ attrs: receiptAttrs().replace('data-endpoint="/receipts"', `data-endpoint="${endpoint}"`) }),
      )
      .replace('127.0.0.1', 'localhost');
    await page.goto(site);
    const origins: Array<Promise<string | undefined>> = [];
    page.on('request', (r) => r.url() === endpoint && origins.push(r.allHeaders().then((h) => h.origin)));
    const id = await decide(page);
    await expect.poll(() => server.endpoint.stored.has(id)).toBe(true);
    expect(await Promise.all(origins)).toEqual([new URL(site).origin]);
    // Every request to /receipts was a POST that carried a receipt: there was no OPTIONS preflight.
    expect(server.requests.filter((p) => p === '/receipts')).toHaveLength(server.endpoint.posts.length);
  });

  for (const [mode, status] of [
    ['fail', 500],
    ['throttle', 429],
  ] as const) {
    test(`an endpoint that answers ${status}, then recovers: the receipt is retried and stored exactly once`, async ({
      page,
      server,
    }) => {
      server.endpoint.mode = mode;
      await page.goto(server.page('/fail.html', sitePage({ attrs: receiptAttrs() })));
      const id = await decide(page);
      await expect.poll(() => server.endpoint.posts.length).toBeGreaterThanOrEqual(1);
      expect(server.endpoint.posts[0].status).toBe(status);
      await expect.poll(async () => (await outbox(page))[0]?.attempts).toBeGreaterThanOrEqual(1);
      server.endpoint.mode = 'ok';
      await expect.poll(() => server.endpoint.stored.has(id), { timeout: 15_000 }).toBe(true);
      const { byId, created } = wire(server);
      expect(created).toEqual([id]);
      expect([...byId.keys()]).toEqual([id]);
      expect(server.endpoint.stored.get(id)!.documents).toEqual([expect.objectContaining({ sha256: POLICY_SHA256 })]);
      await expect.poll(() => outbox(page)).toEqual([]);
    });
  }

  test('a redirect is not a delivery, even to a page that answers 200: the receipt is kept, the console says why, and it is sent again', async ({
    page,
    server,
    consoleMessages,
  }) => {
    server.file('/moved', 'Страница переехала', 'text/plain; charset=utf-8');
    server.endpoint.mode = 'redirect';
    await page.goto(server.page('/redirect.html', sitePage({ attrs: receiptAttrs() })));
    const id = await decide(page);
    await expect.poll(() => server.endpoint.posts.length).toBeGreaterThanOrEqual(1);
    await expect.poll(async () => (await outbox(page))[0]?.attempts).toBeGreaterThanOrEqual(1);
    expect(consoleMessages.some((m) => m.includes(`answered a redirect (not followed) to receipt ${id}`))).toBe(true);
    server.endpoint.mode = 'ok';
    await expect.poll(() => server.endpoint.stored.has(id), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => outbox(page)).toEqual([]);
  });

  test('an endpoint that hangs: the request times out, the receipt is retried, stored once', async ({
    page,
    server,
  }) => {
    test.setTimeout(40_000);
    server.endpoint.mode = 'hang';
    await page.goto(server.page('/hang.html', sitePage({ attrs: receiptAttrs() })));
    const id = await decide(page);
    await expect.poll(() => server.endpoint.hanging.length).toBe(1);
    server.endpoint.mode = 'ok';
    // The 10 s timeout, then a backoff of 1–2 s.
    await expect.poll(() => server.endpoint.stored.has(id), { timeout: 20_000 }).toBe(true);
    expect(wire(server).created).toEqual([id]);
  });

  test('offline, then back online: the decision waits in localStorage and its receipt goes out on `online`', async ({
    page,
    server,
    context,
  }) => {
    await page.goto(server.page('/offline.html', sitePage({ attrs: receiptAttrs() })));
    await context.setOffline(true);
    // The receipt code is not loaded yet on a first visit, and cannot be now: the decision is kept.
    const id = await decide(page);
    await expect
      .poll(() =>
        page.evaluate(
          (id) =>
            Object.keys(localStorage).some((k) => k.startsWith('soglasie.') && localStorage.getItem(k)!.includes(id)),
          id,
        ),
      )
      .toBe(true);
    expect(server.endpoint.posts).toHaveLength(0);
    await context.setOffline(false);
    await expect.poll(() => server.endpoint.stored.has(id)).toBe(true);
    expect(wire(server).created).toEqual([id]);
    // Hashing waited for the network too: the digest is real, not null.
    expect(server.endpoint.stored.get(id)!.documents).toEqual([expect.objectContaining({ sha256: POLICY_SHA256 })]);
  });

  test('a change made offline once the receipt code runs waits in the outbox and goes out on `online`', async ({
    page,
    server,
    context,
  }) => {
    await page.goto(server.page('/offline2.html', sitePage({ attrs: receiptAttrs() })));
    const first = await decide(page, 'decline');
    await expect.poll(() => server.endpoint.stored.has(first)).toBe(true);
    await context.setOffline(true);
    const id = await page.evaluate(() => {
      window.Soglasie!.set({ analytics: true });
      return window.Soglasie!.get().receiptId as string;
    });
    await expect
      .poll(async () => (await outbox(page)).find((e) => e.receipt.receiptId === id)?.attempts)
      .toBeGreaterThanOrEqual(1);
    expect(server.endpoint.posts).toHaveLength(1);
    await context.setOffline(false);
    await expect.poll(() => server.endpoint.stored.has(id)).toBe(true);
    expect(wire(server).created).toEqual([first, id]);
  });

  test('a receipt refused with 400 is dropped with a console error naming the status', async ({
    page,
    server,
    consoleMessages,
  }) => {
    server.endpoint.mode = 'reject';
    await page.goto(server.page('/reject.html', sitePage({ attrs: receiptAttrs() })));
    const id = await decide(page);
    await expect.poll(() => consoleMessages.some((m) => m.includes('400') && m.includes(id))).toBe(true);
    expect(await outbox(page)).toEqual([]);
    expect(server.endpoint.posts).toHaveLength(1);
  });

  test('without an endpoint: no request, the receipt is an event and kept locally', async ({ page, server }) => {
    await page.goto(server.page('/local.html', sitePage({ attrs: `data-policy-url="/policies/autocrm-policy.txt"` })));
    const made = page.evaluate(
      () =>
        new Promise((done) =>
          addEventListener('soglasie:receipt', (e) => done((e as CustomEvent).detail), { once: true }),
        ),
    );
    const id = await decide(page);
    expect(await made).toMatchObject({ receiptId: id, documents: [{ sha256: POLICY_SHA256 }] });
    const kept = await page.evaluate(() => JSON.parse(localStorage.getItem('soglasie.receipts') ?? '[]'));
    expect(kept.map((r: { receiptId: string }) => r.receiptId)).toEqual([id]);
    expect(server.requests).not.toContain('/receipts');
  });
});
