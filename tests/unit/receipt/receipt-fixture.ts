import type { ConsentReceipt } from '../../../src/receipt/receipt-types';

let n = 0;
/** A well-formed receipt with a fresh v4 receiptId; `pad` makes it bigger (an operator address). */
export function receiptFixture(pad = 0, over: Partial<ConsentReceipt> = {}): ConsentReceipt {
  n++;
  const hex = n.toString(16).padStart(12, '0');
  return {
    schema: 1,
    receiptId: `00000000-0000-4000-8000-${hex}`,
    subjectId: '11111111-1111-4111-8111-111111111111',
    timestamp: 1_760_000_000,
    event: 'accept',
    method: 'button',
    categories: { necessary: true, analytics: true, marketing: false },
    documents: [{ kind: 'policy', url: 'https://shop.example/policy.txt', version: '1', sha256: 'a'.repeat(64) }],
    operator: { name: 'ООО «Ромашка»', address: 'x'.repeat(pad) },
    page: 'https://shop.example/',
    language: 'ru',
    sdk: 'soglasie@test',
    ...over,
  };
}
