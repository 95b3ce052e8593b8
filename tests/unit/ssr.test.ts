import { describe, expect, it } from 'vitest';

// Vitest runs this file in plain Node: there is no window or document, as in server-side rendering.
describe('in Node (SSR)', () => {
  it('imports with no side effect and creates a working instance without touching browser globals', async () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    const { createConsent } = await import('../../src/index');
    const consent = createConsent({ policy: { version: '1' } }, { warn: () => {} });
    expect(consent.get().decided).toBe(false);
    consent.accept(['analytics']);
    expect(consent.has('analytics')).toBe(true);
    consent.destroy();
  });

  it('the UI entry imports without a document too', async () => {
    const ui = await import('../../src/ui');
    expect(typeof ui.mountUI).toBe('function');
    expect(ui.parsePlainText('Заголовок\n\n· пункт').map((b) => b.kind)).toEqual(['h', 'li']);
  });
});
