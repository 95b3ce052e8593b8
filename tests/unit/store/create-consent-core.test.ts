import { reportTo } from '../../../src/config/config-messages';
import { describe, expect, it, vi } from 'vitest';
import { createConsentCore } from '../../../src/store/create-consent-core';
import type { ChangeDetail } from '../../../src/store/consent-types';

// In Node there is no window: the instance works in memory and touches no browser global (SSR).
const make = (config = {}) => createConsentCore(config, { report: () => {}, plugins: [] });

describe('createConsentCore (headless, in Node)', () => {
  it('starts undecided with every optional category denied and necessary granted', () => {
    const consent = make();
    expect(consent.get()).toEqual({
      decided: false,
      categories: { necessary: true, analytics: false, marketing: false },
      subjectId: undefined,
      gpc: false,
    });
    expect(consent.has('necessary')).toBe(true);
    expect(consent.has('analytics')).toBe(false);
  });

  it('makes instances that share nothing', () => {
    const a = make();
    const b = make();
    a.accept();
    expect(a.has('analytics')).toBe(true);
    expect(b.has('analytics')).toBe(false);
  });

  it('accept() grants every optional category, accept(list) only those', () => {
    const consent = make();
    consent.accept(['analytics']);
    expect(consent.get().categories).toEqual({ necessary: true, analytics: true, marketing: false });
    consent.accept();
    expect(consent.has('analytics marketing')).toBe(true);
  });

  it('names each decision: accept, decline, update, withdraw; and keeps one subject id', () => {
    const consent = make();
    const seen: ChangeDetail[] = [];
    consent.on('change', (d) => seen.push(d));
    consent.accept(['analytics'], { method: 'checkbox' });
    consent.set({ marketing: true });
    consent.withdraw();
    consent.decline();
    expect(seen.map((d) => [d.event, d.method])).toEqual([
      ['accept', 'checkbox'],
      ['update', 'api'],
      ['withdraw', 'api'],
      ['decline', 'api'],
    ]);
    expect(new Set(seen.map((d) => d.snapshot.subjectId)).size).toBe(1);
    expect(new Set(seen.map((d) => d.receiptId)).size).toBe(4);
    expect(seen[1].previousReceiptId).toBe(seen[0].receiptId);
    expect(seen[1].snapshot.categories).toEqual({ necessary: true, analytics: true, marketing: true });
    expect(seen[2].snapshot.categories).toEqual({ necessary: true, analytics: false, marketing: false });
  });

  it('a first decision with nothing granted is a decline', () => {
    const consent = make();
    const fn = vi.fn();
    consent.on('change', fn);
    consent.accept([]);
    expect(fn.mock.calls[0][0].event).toBe('decline');
  });

  it('ignores unknown categories with a warning, and cannot refuse necessary', () => {
    const warnings: string[] = [];
    const consent = createConsentCore({}, { report: reportTo((m) => warnings.push(m)), plugins: [] });
    warnings.length = 0;
    consent.set({ video: true, necessary: false } as Record<string, boolean>);
    expect(consent.get().categories).toEqual({ necessary: true, analytics: false, marketing: false });
    expect(warnings).toEqual(['category "video" is not configured; ignored']);
  });

  it('on() returns an unsubscribe; a throwing listener does not stop the others', () => {
    const consent = make();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const a = vi.fn(() => {
      throw new Error('boom');
    });
    const b = vi.fn();
    const off = consent.on('change', a);
    consent.on('change', b);
    consent.accept();
    off();
    consent.decline();
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledTimes(2);
    errors.mockRestore();
  });

  it('open() asks the UI to show the preferences by default', () => {
    const consent = make();
    const fn = vi.fn();
    consent.on('open', fn);
    consent.open();
    consent.open('policy');
    expect(fn.mock.calls.map((c) => c[0].view)).toEqual(['preferences', 'policy']);
  });

  it('destroy() drops every listener', () => {
    const consent = make();
    const fn = vi.fn();
    consent.on('change', fn);
    consent.destroy();
    consent.accept();
    expect(fn).not.toHaveBeenCalled();
  });

  it('a broken config denies everything optional instead of throwing', () => {
    const consent = createConsentCore({ categories: 'nope', lifetimeMonths: -1 } as never, {
      report: () => {},
      plugins: [],
    });
    expect(consent.get().categories).toEqual({ necessary: true, analytics: false, marketing: false });
  });
});
