import { afterEach, describe, expect, it, vi } from 'vitest';
import { openStorage } from '../../../src/receipt/open-storage';
import { memoryStorage } from './memory-storage';

describe('openStorage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('uses localStorage when it works', () => {
    const local = memoryStorage();
    vi.stubGlobal('window', { localStorage: local });
    const storage = openStorage();
    storage.setItem('k1', 'v');
    expect(local.getItem('k1')).toBe('v');
    expect(storage.getItem('k1')).toBe('v');
    expect(storage.keys()).toContain('k1');
    storage.removeItem('k1');
    expect(local.getItem('k1')).toBeNull();
    expect(storage.keys()).not.toContain('k1');
  });

  it('falls back to memory when localStorage is blocked (SecurityError on access)', () => {
    vi.stubGlobal('window', {
      get localStorage(): Storage {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    const storage = openStorage();
    storage.setItem('k2', 'v');
    expect(storage.getItem('k2')).toBe('v');
    storage.removeItem('k2');
    expect(storage.getItem('k2')).toBeNull();
  });

  it('keeps in memory what a full localStorage refused, and prefers it when reading', () => {
    const local = memoryStorage({ k3: 'old' });
    vi.stubGlobal('window', { localStorage: local });
    const storage = openStorage();
    local.failWrites = true;
    storage.setItem('k3', 'new');
    storage.setItem('k3b', 'only in memory');
    expect(storage.getItem('k3')).toBe('new');
    expect(
      storage
        .keys()
        .filter((k) => k.startsWith('k3'))
        .sort(),
    ).toEqual(['k3', 'k3b']);
    local.failWrites = false;
    storage.setItem('k3', 'newer');
    expect(local.getItem('k3')).toBe('newer');
    expect(storage.getItem('k3')).toBe('newer');
  });

  it('works without any window (server rendering, workers)', () => {
    const storage = openStorage();
    storage.setItem('k4', 'v');
    expect(storage.getItem('k4')).toBe('v');
  });
});
