import { randomUUID } from 'node:crypto';
import type { ConsentReceipt } from '../../../src/receipt/receipt-types';

/** A valid receipt with fresh ids; override any field. */
export function makeReceipt(overrides: Partial<ConsentReceipt> = {}): ConsentReceipt {
  return {
    schema: 1,
    receiptId: randomUUID(),
    subjectId: randomUUID(),
    timestamp: 1735689600,
    event: 'accept',
    method: 'checkbox',
    categories: { necessary: true, analytics: true, marketing: false },
    documents: [
      { kind: 'policy', url: 'https://shop.example/privacy', version: '2025-01', sha256: 'a'.repeat(64) },
      { kind: 'consent', url: '', version: '1', sha256: null },
    ],
    operator: {
      name: 'ООО «Ромашка»',
      inn: '7700000000',
      address: 'Москва, ул. Примерная, 1',
      email: 'dpo@shop.example',
    },
    page: 'https://shop.example/catalog',
    language: 'ru',
    sdk: 'soglasie@0.1.0',
    ...overrides,
  };
}
