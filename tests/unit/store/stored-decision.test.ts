import { describe, expect, it } from 'vitest';
import { decodeDecision, encodeDecision, type StoredDecision } from '../../../src/store/stored-decision';
import { isCurrentDecision } from '../../../src/store/is-current-decision';
import { resolveConfig } from '../../../src/config/resolve-config';

const decision: StoredDecision = {
  subjectId: '0f8fad5b-d9cb-469f-a165-70867728950e',
  decisions: { analytics: true, marketing: false },
  policyVersion: '2025-09 «ред. 2»|x',
  consentVersion: '1',
  time: 1_760_000_000,
  timeMs: 1_760_000_000_456,
  receiptId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  method: 'checkbox',
  event: 'accept',
  gpc: false,
  sequence: 41,
  confirmed: false,
  previousReceiptId: '6ba7b810-9dad-41d1-80b4-00c04fd430c8',
};

describe('the consent cookie value', () => {
  it('round-trips, versions with any characters included', () => {
    const value = encodeDecision(decision);
    // An unconfirmed decision carries the previous receipt's id too; a confirmed one drops it again.
    expect(value.length).toBeLessThan(240);
    expect(encodeDecision({ ...decision, confirmed: true }).length).toBeLessThan(200);
    expect({ ...decodeDecision(value) }).toEqual(decision);
  });

  it('counts garbage, truncated or tampered values as no decision, without throwing', () => {
    const good = encodeDecision(decision);
    const bad = [
      '',
      'garbage',
      good.slice(0, -3),
      good.replace('|1|', '|%E0%A4%A|'),
      good.replace('analytics:1', 'analytics:2'),
      good.replace('analytics:1', '__proto__:1'),
      good.replace('analytics:1', 'analytics:1,analytics:0'),
      good.replace(decision.subjectId, 'not-a-uuid'),
      `3${good.slice(1)}`,
      good.replace('|ca00|', '|ca0|'),
      good.replace('|15|', '|0|'),
      good.replace('|15|', '|-1|'),
      good.replace(/\|[^|]*$/, '|not-a-uuid'),
      `${good}|extra`,
      'x'.repeat(5000),
    ];
    for (const value of bad) expect(decodeDecision(value), value).toBeUndefined();
  });

  it('keeps the previous receipt only until the receipt is confirmed', () => {
    const confirmed = decodeDecision(encodeDecision({ ...decision, confirmed: true }))!;
    expect(confirmed.confirmed).toBe(true);
    expect(confirmed.previousReceiptId).toBeUndefined();
    expect(encodeDecision({ ...decision, confirmed: true })).toMatch(/\|ca01\|15\|$/);
  });

  it('reads the version-1 cookie of earlier releases: whole seconds, no sequence, counted as confirmed', () => {
    const v1 = `1|${decision.subjectId}|analytics:1,marketing:0|1|1|${(1_760_000_000).toString(36)}|${decision.receiptId}|ca0`;
    expect(decodeDecision(v1)).toMatchObject({
      time: 1_760_000_000,
      timeMs: 1_760_000_000_000,
      sequence: 0,
      confirmed: true,
      decisions: { analytics: true, marketing: false },
    });
    expect(decodeDecision(`${v1}|1|`)).toBeUndefined();
  });

  it('gives decisions no prototype to pollute', () => {
    const d = decodeDecision(encodeDecision(decision))!;
    expect(Object.getPrototypeOf(d.decisions)).toBeNull();
  });
});

describe('whether a stored decision still counts', () => {
  const config = resolveConfig({ policy: { version: decision.policyVersion }, consent: { version: '1' } }, () => {});
  const now = decision.time + 3600;

  it('counts for the same documents and categories within the lifetime', () => {
    expect(isCurrentDecision(decision, config, now)).toBe(true);
  });

  it('asks again after a new policy or consent version', () => {
    expect(isCurrentDecision(decision, { ...config, policy: { version: '3' } }, now)).toBe(false);
    expect(isCurrentDecision(decision, { ...config, consent: { version: '2' } }, now)).toBe(false);
  });

  it('asks again when the categories changed', () => {
    expect(isCurrentDecision(decision, { ...config, optional: ['analytics'] }, now)).toBe(false);
    expect(isCurrentDecision(decision, { ...config, optional: ['analytics', 'marketing', 'video'] }, now)).toBe(false);
  });

  it('asks again once the lifetime has passed, and for a decision from the future', () => {
    const sixMonths = 6 * 30.44 * 24 * 3600;
    expect(isCurrentDecision(decision, config, decision.time + sixMonths - 60)).toBe(true);
    expect(isCurrentDecision(decision, config, decision.time + sixMonths + 60)).toBe(false);
    expect(isCurrentDecision(decision, config, decision.time - 3 * 24 * 3600)).toBe(false);
  });
});
