import type { Page } from '@playwright/test';
import { banner, expect, sitePage, test } from '../support/fixtures';
import type { TestServer } from '../support/test-server';
import { outbox, POLICY_SHA256, receiptAttrs, wire } from './receipt-helpers';

// Something of the analytics category, so that the banner offers its box.
const ANALYTICS = '<script type="text/plain" data-consent="analytics">window.__analytics = true</script>';
const plain = `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Elsewhere</title></head><body><h1>Без SDK</h1></body></html>`;

/** The visitor ticks a box and clicks «Принять»; returns the receipt id the decision made. */
async function clickAccept(page: Page): Promise<string> {
  const region = banner(page);
  await region.getByRole('checkbox').first().check();
  await region.getByRole('button', { name: 'Принять выбранное', exact: true }).click();
  return page.evaluate(() => window.Soglasie!.get().receiptId as string);
}

/** Holds the policy's response back, so a navigation surely comes before its digest. */
async function slowPolicy(page: Page, ms: number) {
  await page.route('**/policies/**', async (route) => {
    await new Promise((done) => setTimeout(done, ms));
    await route.continue().catch(() => {});
  });
}

test.describe('receipts: navigating away right after the click', () => {
  test('to a page without the SDK: the keepalive request still delivers it (digest from the config)', async ({
    page,
    server,
  }) => {
    const elsewhere = server.page('/elsewhere.html', plain);
    await page.goto(
      server.page(
        '/click.html',
        sitePage({ attrs: receiptAttrs(`data-policy-sha256="${POLICY_SHA256}"`), body: ANALYTICS }),
      ),
    );
    const id = await clickAccept(page);
    await page.goto(elsewhere);
    await expect.poll(() => server.endpoint.stored.has(id)).toBe(true);
    expect(server.endpoint.stored.get(id)).toMatchObject({
      method: 'checkbox',
      documents: [{ sha256: POLICY_SHA256 }],
    });
    expect(wire(server).created).toEqual([id]);
  });

  test('to another page of the site before the digest is known: completed and sent there, with the real digest', async ({
    page,
    server,
  }) => {
    await slowPolicy(page, 1500);
    await page.goto(server.page('/click.html', sitePage({ attrs: receiptAttrs(), body: ANALYTICS })));
    const id = await clickAccept(page);
    await page.goto(server.page('/next.html', sitePage({ attrs: receiptAttrs(), body: ANALYTICS })));
    await expect.poll(() => server.endpoint.stored.has(id), { timeout: 10_000 }).toBe(true);
    expect(server.endpoint.stored.get(id)!.documents).toEqual([expect.objectContaining({ sha256: POLICY_SHA256 })]);
    expect(wire(server).created).toEqual([id]);
    // Never sent half-made: no copy with a null digest reached the endpoint first.
    expect(
      server.endpoint.posts.every(
        (p) => (p.receipt?.documents as Array<{ sha256: unknown }>)[0].sha256 === POLICY_SHA256,
      ),
    ).toBe(true);
  });

  test('to a page without the SDK before the digest is known: kept, and sent on the next visit', async ({
    page,
    server,
  }) => {
    await slowPolicy(page, 3000);
    await page.goto(server.page('/click.html', sitePage({ attrs: receiptAttrs(), body: ANALYTICS })));
    const id = await clickAccept(page);
    await page.goto(server.page('/elsewhere.html', plain));
    // Kept in localStorage: in the outbox, or still as the decision the core recorded if the page left
    // before the receipt code had loaded.
    const kept = await page.evaluate(
      (id) =>
        Object.keys(localStorage).filter(
          (k) => /^soglasie\.(outbox|pending)\./.test(k) && localStorage.getItem(k)!.includes(id),
        ),
      id,
    );
    expect(kept).toHaveLength(1);
    await page.unroute('**/policies/**');
    await page.goto(server.page('/later.html', sitePage({ attrs: receiptAttrs(), body: ANALYTICS })));
    await expect.poll(() => server.endpoint.stored.has(id)).toBe(true);
    expect(server.endpoint.stored.get(id)!.documents).toEqual([expect.objectContaining({ sha256: POLICY_SHA256 })]);
    expect(wire(server).created).toEqual([id]);
  });

  test('with the request still hanging: the next page sends it again, stored once', async ({ page, server }) => {
    server.endpoint.mode = 'hang';
    await page.goto(
      server.page(
        '/click.html',
        sitePage({ attrs: receiptAttrs(`data-policy-sha256="${POLICY_SHA256}"`), body: ANALYTICS }),
      ),
    );
    const id = await clickAccept(page);
    await expect.poll(() => server.endpoint.hanging.length).toBe(1);
    server.endpoint.mode = 'ok';
    await page.goto(server.page('/next.html', sitePage({ attrs: receiptAttrs(), body: ANALYTICS })));
    await expect.poll(() => server.endpoint.stored.has(id)).toBe(true);
    expect(wire(server).created).toEqual([id]);
  });

  /** A click whose receipt the endpoint refused once (500): it waits in the outbox; the endpoint is back. */
  const failedOnce = async (page: Page, server: TestServer, path: string) => {
    server.endpoint.mode = 'fail';
    await page.goto(
      server.page(path, sitePage({ attrs: receiptAttrs(`data-policy-sha256="${POLICY_SHA256}"`), body: ANALYTICS })),
    );
    const id = await clickAccept(page);
    await expect.poll(async () => (await outbox(page))[0]?.attempts).toBe(1);
    server.endpoint.mode = 'ok';
    return id;
  };

  test('a failed receipt goes out on pagehide (a keepalive fetch), even to a page without the SDK', async ({
    page,
    server,
  }) => {
    const id = await failedOnce(page, server, '/click.html');
    await page.goto(server.page('/elsewhere.html', plain));
    await expect.poll(() => server.endpoint.stored.has(id)).toBe(true);
    expect(server.endpoint.posts.at(-1)!.contentType).toBe('text/plain;charset=UTF-8');
    // The answer on leaving is never read: the outbox keeps the receipt, and the next SDK page confirms it (a deduped repeat).
    await page.goto(server.page('/later.html', sitePage({ attrs: receiptAttrs(), body: ANALYTICS })));
    await expect.poll(() => outbox(page)).toEqual([]);
    expect(wire(server).created).toEqual([id]);
  });

  test('a failed receipt goes out when the page is hidden (a phone may never fire pagehide)', async ({
    page,
    server,
  }) => {
    const id = await failedOnce(page, server, '/hide.html');
    // The page's own retry is put off for half an hour: only the send on hiding can deliver it now.
    await page.evaluate((key) => {
      const entry = JSON.parse(localStorage.getItem(key)!);
      localStorage.setItem(key, JSON.stringify({ ...entry, nextAt: Date.now() + 1_800_000 }));
    }, `soglasie.outbox.${id}`);
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    });
    await expect.poll(() => server.endpoint.stored.has(id)).toBe(true);
  });

  test('a receipt that failed is retried on a later page load', async ({ page, server }) => {
    server.endpoint.mode = 'fail';
    await page.goto(server.page('/a.html', sitePage({ attrs: receiptAttrs(), body: ANALYTICS })));
    const id = await clickAccept(page);
    await expect.poll(async () => (await outbox(page))[0]?.attempts).toBe(1);
    await page.goto(server.page('/b.html', sitePage({ attrs: receiptAttrs(), body: ANALYTICS })));
    server.endpoint.mode = 'ok';
    await expect.poll(() => server.endpoint.stored.has(id), { timeout: 10_000 }).toBe(true);
    expect(wire(server).created).toEqual([id]);
    await expect.poll(() => outbox(page)).toEqual([]);
  });
});
