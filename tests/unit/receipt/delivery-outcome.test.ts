import { describe, expect, it } from 'vitest';
import { deliveryOutcome } from '../../../src/receipt/delivery-outcome';

describe('deliveryOutcome', () => {
  it.each([200, 201, 202, 204])('%i is delivered', (status) => expect(deliveryOutcome(status)).toBe('delivered'));
  it.each([0, 408, 429, 500, 502, 503, 504, 302])('%i is retried', (status) => expect(deliveryOutcome(status)).toBe('retry'));
  it.each([400, 401, 403, 404, 405, 413, 415, 422])('%i is dropped', (status) => expect(deliveryOutcome(status)).toBe('drop'));
});
