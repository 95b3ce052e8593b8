import { describe, expect, it } from 'vitest';
import { deliveryOutcome } from '../../../src/receipt/delivery-outcome';

describe('deliveryOutcome', () => {
  it.each([200, 201, 202, 204])('%i is delivered', (status) => expect(deliveryOutcome(status)).toBe('delivered'));
  // A firewall's challenge (401/403), a 404 during a deploy or a misrouted 405 pass: the receipt waits.
  it.each([0, 401, 403, 404, 405, 408, 409, 425, 429, 500, 502, 503, 504, 302])('%i is retried', (status) =>
    expect(deliveryOutcome(status)).toBe('retry'),
  );
  it.each([400, 413, 415, 422])('%i is dropped: the endpoint refuses this body', (status) =>
    expect(deliveryOutcome(status)).toBe('drop'),
  );
});
