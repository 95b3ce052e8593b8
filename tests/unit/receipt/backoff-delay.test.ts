import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../src/receipt/backoff-delay';

const low = () => 0;
const high = () => 0.999999;

describe('backoffDelay', () => {
  it('starts at 1–2 s and doubles with each failed try', () => {
    expect(backoffDelay(1, low)).toBe(1000);
    expect(backoffDelay(1, high)).toBe(2000);
    expect(backoffDelay(2, low)).toBe(2000);
    expect(backoffDelay(3, low)).toBe(4000);
    expect(backoffDelay(4, high)).toBe(16000);
  });

  it('is capped at one hour, also for absurd attempt counts', () => {
    for (const n of [12, 13, 40, 1000, Number.MAX_SAFE_INTEGER]) {
      expect(backoffDelay(n, high)).toBeLessThanOrEqual(3600_000);
      expect(backoffDelay(n, low)).toBe(1800_000);
    }
  });

  it('treats 0 or negative attempts as the first', () => {
    expect(backoffDelay(0, low)).toBe(1000);
    expect(backoffDelay(-5, high)).toBe(2000);
  });

  it('jitters within [ceiling/2, ceiling] with the real random source', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 200; i++) {
      const d = backoffDelay(5);
      expect(d).toBeGreaterThanOrEqual(16000);
      expect(d).toBeLessThanOrEqual(32000);
      seen.add(d);
    }
    // Spread, not one fixed value: visitors cut off by one outage must not retry in lockstep.
    expect(seen.size).toBeGreaterThan(50);
  });

  it('never shrinks as attempts grow (at the same jitter)', () => {
    let previous = 0;
    for (let n = 1; n < 30; n++) {
      const d = backoffDelay(n, () => 0.5);
      expect(d).toBeGreaterThanOrEqual(previous);
      previous = d;
    }
  });
});
