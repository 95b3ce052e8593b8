import { describe, expect, it } from 'vitest';
import { deliveryOutcome, describeAnswer } from '../../../src/receipt/delivery-outcome';

const ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const json = (status: number, receiptId?: string) => ({ status, type: 'application/json', receiptId });

describe('deliveryOutcome', () => {
  it.each([200, 201])('%i in JSON naming the receipt is delivered', (status) =>
    expect(deliveryOutcome(json(status, ID), ID)).toBe('delivered'),
  );
  it('a JSON answer of a vendor type (application/problem+json) counts as JSON', () =>
    expect(deliveryOutcome({ status: 201, type: 'application/vnd.api+json', receiptId: ID }, ID)).toBe('delivered'));
  // An app's fallback page, a proxy's empty 204, a collector that names another receipt: not stored here.
  it.each([
    { status: 200, type: 'text/html' },
    { status: 200, type: '' },
    { status: 204, type: '' },
    { status: 202, type: 'application/json', receiptId: ID },
    json(200),
    json(201, 'aaaaaaaa-0000-4000-8000-000000000000'),
  ])('$status $type ($receiptId) is retried', (answer) => expect(deliveryOutcome(answer, ID)).toBe('retry'));
  // A firewall's challenge (401/403), a 404 during a deploy or a misrouted 405 pass: the receipt waits.
  it.each([0, 401, 403, 404, 405, 408, 409, 425, 429, 500, 502, 503, 504, 302])('%i is retried', (status) =>
    expect(deliveryOutcome({ status, type: 'text/html' }, ID)).toBe('retry'),
  );
  it.each([400, 413, 415, 422])('%i in JSON is dropped: the collector refuses this body', (status) =>
    expect(deliveryOutcome(json(status), ID)).toBe('drop'),
  );
  it('a 400 page that is not the collector’s JSON is retried', () =>
    expect(deliveryOutcome({ status: 400, type: 'text/html' }, ID)).toBe('retry'));
});

describe('describeAnswer', () => {
  it('names what came back', () => {
    expect(describeAnswer({ status: 200, type: 'text/html' }, ID)).toBe('200 text/html');
    expect(describeAnswer({ status: 503, type: '' }, ID)).toBe('503 without a Content-Type');
    expect(describeAnswer(json(200, 'x'), ID)).toBe("200 application/json without this receipt's id");
    expect(describeAnswer({ status: 0, type: 'redirect' }, ID)).toBe('a redirect (not followed)');
    expect(describeAnswer({ status: 0, type: '' }, ID)).toBe('no answer (network error or timeout)');
  });
});
