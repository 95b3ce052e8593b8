import { describe, expect, it } from 'vitest';
import { nameMatcher } from '../../../src/gating/name-matcher';

describe('nameMatcher', () => {
  const hit = nameMatcher(['_ym*', '_gid']);

  it('matches prefixes and exact names', () => {
    expect(['_ym_uid', '_ym_d', '_ym', '_gid'].every(hit)).toBe(true);
  });

  it('does not match near misses', () => {
    expect(['ym_uid', '_gid2', '_GID', 'x_ym_uid', 'soglasie'].some(hit)).toBe(false);
  });

  it('never matches everything from a bare star', () => {
    expect(nameMatcher(['*'])('soglasie')).toBe(false);
  });
});
