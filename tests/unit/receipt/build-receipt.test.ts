import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ConsentConfig } from '../../../src/config/config-types';
import { parseConfig } from '../../../src/config/parse-config';
import { resolveConfig } from '../../../src/config/resolve-config';
import { buildReceipt } from '../../../src/receipt/build-receipt';
import schema from '../../../src/receipt/receipt.schema.json';
import type { ConsentReceipt } from '../../../src/receipt/receipt-types';
import type { ChangeDetail, ConsentSnapshot } from '../../../src/store/consent-types';

const UUID = (n: number) => `${String(n).repeat(8)}-0000-4000-8000-000000000000`;
const quiet = () => {};
const config = (c: ConsentConfig) => resolveConfig(parseConfig(c, quiet), quiet);

const validatorPath = fileURLToPath(new URL('../../../src/collector/validate-json-schema.ts', import.meta.url));
/** The collector's schema validator when it exists; else the checks below stand on their own. */
async function validate(receipt: ConsentReceipt): Promise<string | undefined> {
  if (!existsSync(validatorPath)) return undefined;
  const { compileJsonSchema } = await import('../../../src/collector/validate-json-schema');
  const result = compileJsonSchema(schema as never)(JSON.parse(JSON.stringify(receipt)));
  return result.ok ? undefined : result.reason;
}

function detail(over: Partial<ChangeDetail> = {}, snap: Partial<ConsentSnapshot> = {}): ChangeDetail {
  const snapshot: ConsentSnapshot = {
    decided: true,
    categories: { necessary: true, analytics: true, marketing: false },
    subjectId: UUID(1),
    time: 1_760_000_000,
    receiptId: UUID(2),
    event: 'accept',
    method: 'button',
    gpc: false,
    ...snap,
  };
  return {
    snapshot,
    previous: { decided: false, categories: {}, gpc: false },
    event: 'accept',
    method: 'button',
    receiptId: UUID(2),
    sequence: 3,
    timeMs: 1_760_000_000_123,
    ...over,
  } as ChangeDetail;
}

describe('buildReceipt', () => {
  beforeEach(() => {
    vi.stubGlobal('location', new URL('https://shop.example/catalog/item?email=a@b.c&utm=x#top'));
  });
  afterEach(() => vi.unstubAllGlobals());

  it('makes a schema-valid receipt from the decision and the config', async () => {
    const receipt = buildReceipt(
      detail(),
      config({
        policy: { url: '/policy.txt', version: '2025-09-01', sha256: 'a'.repeat(64) },
        consent: { text: 'Я даю согласие…', version: '3' },
        operator: {
          name: 'ООО «Ромашка»',
          inn: '7700000000',
          ogrn: '1027700000000',
          address: 'г. Москва',
          email: 'dpo@shop.example',
        },
      }),
      'ru',
    );
    expect(receipt).toEqual({
      schema: 2,
      receiptId: UUID(2),
      subjectId: UUID(1),
      timestamp: 1_760_000_000,
      timestampMs: 1_760_000_000_123,
      sequence: 3,
      event: 'accept',
      method: 'button',
      categories: { necessary: true, analytics: true, marketing: false },
      documents: [
        { kind: 'policy', url: 'https://shop.example/policy.txt', version: '2025-09-01', sha256: 'a'.repeat(64) },
        { kind: 'consent', url: '', version: '3', sha256: null },
      ],
      operator: {
        name: 'ООО «Ромашка»',
        inn: '7700000000',
        ogrn: '1027700000000',
        address: 'г. Москва',
        email: 'dpo@shop.example',
      },
      page: 'https://shop.example/catalog/item',
      language: 'ru',
      sdk: 'soglasie@test',
    });
    expect(await validate(receipt)).toBeUndefined();
  });

  it("resolves document addresses without the page's query, fragment or login", () => {
    vi.stubGlobal('location', new URL('https://user:secret@shop.example/order/42?email=a@b.c#pay'));
    const receipt = buildReceipt(
      detail(),
      config({ policy: { url: '#policy' }, consent: { url: '?doc=consent' } }),
      'ru',
    );
    expect(receipt.documents.map((d) => d.url)).toEqual([
      'https://shop.example/order/42#policy',
      'https://shop.example/order/42?doc=consent',
    ]);
  });

  it('adds previousReceiptId and gpc only when they apply; the operator only with configured fields', async () => {
    const receipt = buildReceipt(
      detail({ event: 'withdraw', method: 'api', previousReceiptId: UUID(3) }, { gpc: true }),
      config({ operator: { name: 'ИП Иванов' } }),
      'en',
    );
    expect(receipt.previousReceiptId).toBe(UUID(3));
    expect(receipt.gpc).toBe(true);
    expect(receipt.event).toBe('withdraw');
    expect(receipt.operator).toEqual({ name: 'ИП Иванов' });
    expect(receipt.documents).toEqual([]);
    expect(await validate(receipt)).toBeUndefined();

    const plain = buildReceipt(detail(), config({}), 'ru');
    expect('gpc' in plain).toBe(false);
    expect('previousReceiptId' in plain).toBe(false);
    expect(plain.operator).toEqual({});
  });

  it('ignores a malformed config digest and gives the version as "" when there is none', () => {
    const receipt = buildReceipt(detail(), config({ policy: { url: 'policy.txt', sha256: 'not-a-digest' } }), 'ru');
    expect(receipt.documents).toEqual([
      { kind: 'policy', url: 'https://shop.example/catalog/policy.txt', version: '', sha256: null },
    ]);
  });

  it('a decision an earlier release recorded (no sequence) makes a receipt of schema 1, valid too', async () => {
    const receipt = buildReceipt(
      detail({ sequence: undefined, timeMs: undefined } as unknown as ChangeDetail),
      config({ policy: { text: 'x', version: '1' } }),
      'ru',
    );
    expect(receipt).toMatchObject({ schema: 1, timestamp: 1_760_000_000 });
    expect(receipt).not.toHaveProperty('sequence');
    expect(receipt).not.toHaveProperty('timestampMs');
    expect(await validate(receipt)).toBeUndefined();
  });

  it('stays under 4 KB and schema-valid with 30 categories and every operator field at its limit', async () => {
    const ids = Array.from({ length: 30 }, (_, i) => `category-number-${String(i).padStart(2, '0')}`);
    const c = config({
      categories: ids.map((id) => ({ id })),
      policy: { url: '/documents/privacy-policy-of-the-company.txt', version: '2025-09-01', sha256: 'b'.repeat(64) },
      consent: { url: '/documents/consent-to-processing.txt', version: '2025-09-01', sha256: 'c'.repeat(64) },
      operator: {
        name: 'Н'.repeat(200),
        inn: '770000000000',
        ogrn: '1027700000000000',
        address: 'А'.repeat(300),
        email: 'data-protection-officer@shop.example',
      },
    });
    const categories = Object.fromEntries(['necessary', ...ids].map((id, i) => [id, i % 2 === 0]));
    const receipt = buildReceipt(detail({}, { categories }), c, 'ru');
    expect(Object.keys(receipt.categories)).toHaveLength(31);
    const bytes = new TextEncoder().encode(JSON.stringify(receipt)).length;
    expect(bytes).toBeLessThan(3072);
    expect(await validate(receipt)).toBeUndefined();
  });

  it('cuts config values to the schema limits instead of making a receipt the endpoint refuses', async () => {
    vi.stubGlobal('location', new URL(`https://shop.example/${'p'.repeat(3000)}`));
    const receipt = buildReceipt(
      detail(),
      config({
        operator: { name: 'x'.repeat(600), inn: '1'.repeat(40) },
        policy: { text: 't', version: 'v'.repeat(100) },
      }),
      'ru',
    );
    expect(receipt.operator.name).toHaveLength(512);
    expect(receipt.operator.inn).toHaveLength(32);
    expect(receipt.documents[0].version).toHaveLength(64);
    expect(receipt.page.length).toBeLessThanOrEqual(1024);
    expect(await validate(receipt)).toBeUndefined();
  });

  it('the schema check is real: a receipt with an unknown field or a bad digest fails it', async () => {
    if (!existsSync(validatorPath)) return;
    const receipt = buildReceipt(detail(), config({ policy: { text: 't' } }), 'ru');
    expect(await validate({ ...receipt, userAgent: 'x' } as never)).toMatch(/userAgent/);
    expect(await validate({ ...receipt, documents: [{ ...receipt.documents[0], sha256: 'zz' }] })).toMatch(/sha256/);
  });

  it('carries nothing about the device: no user agent, IP, screen or referrer', () => {
    const json = JSON.stringify(buildReceipt(detail(), config({ operator: { name: 'x' } }), 'ru'));
    expect(json).not.toMatch(/agent|screen|referr|ip"|email=|utm/i);
  });
});
