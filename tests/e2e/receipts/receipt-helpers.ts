import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import type { TestServer } from '../support/test-server';

const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));

/** Hex SHA-256 of a file exactly as the test server serves it. */
export const fileSha256 = (path: string) =>
  createHash('sha256')
    .update(readFileSync(root(path)))
    .digest('hex');

export const POLICY_PATH = '/policies/autocrm-policy.txt';
export const POLICY_SHA256 = fileSha256('demo/policies/autocrm-policy.txt');

/** The script tag's attributes of a site with a receipt endpoint. */
export const receiptAttrs = (extra = '') =>
  `data-endpoint="/receipts" data-policy-url="${POLICY_PATH}" data-policy-version="2025-01" data-operator-name="ООО «Инфотех»" data-operator-inn="7700000000" ${extra}`;

/** The receipt JSON Schema check the collector uses, when it is there (else undefined: no error). */
export async function schemaError(receipt: unknown): Promise<string | undefined> {
  if (!existsSync(root('src/collector/validate-json-schema.ts'))) return undefined;
  const { compileJsonSchema } = await import('../../../src/collector/validate-json-schema');
  const schema = JSON.parse(readFileSync(root('src/receipt/receipt.schema.json'), 'utf8'));
  const result = compileJsonSchema(schema)(receipt);
  return result.ok ? undefined : result.reason;
}

/** What is waiting in the page's outbox. */
export const outbox = (page: Page) =>
  page.evaluate(() =>
    Object.keys(localStorage)
      .filter((key) => key.startsWith('soglasie.outbox.'))
      .map(
        (key) =>
          JSON.parse(localStorage.getItem(key)!) as { receipt: { receiptId: string }; attempts: number; hash?: number },
      ),
  );

/** Every receiptId the endpoint was sent, and how often each arrived, as the endpoint's dedupe sees it. */
export function wire(server: TestServer) {
  const byId = new Map<string, number>();
  for (const post of server.endpoint.posts) {
    const id = String(post.receipt?.receiptId);
    byId.set(id, (byId.get(id) ?? 0) + 1);
  }
  // 201 is answered once per new receiptId, 200 for every repeat: stored exactly once each.
  const created = server.endpoint.posts.filter((p) => p.status === 201).map((p) => String(p.receipt?.receiptId));
  return { byId, created };
}

/** Makes a decision through the instance the script tag created. */
export const decide = (page: Page, how: 'accept' | 'decline' | 'withdraw' = 'accept') =>
  page.evaluate((h) => {
    const s = window.Soglasie!;
    if (h === 'accept') s.accept();
    else if (h === 'decline') s.decline();
    else s.withdraw();
    return s.get().receiptId as string;
  }, how);
