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
  receiptId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  method: 'checkbox',
  event: 'accept',
  gpc: false,
};

describe('the consent cookie value', () => {
  it('round-trips, versions with any characters included', () => {
    const value = encodeDecision(decision);
    expect(value.length).toBeLessThan(200);
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
      `2${good.slice(1)}`,
      `${good}|extra`,
      'x'.repeat(5000),
    ];
    for (const value of bad) expect(decodeDecision(value), value).toBeUndefined();
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
