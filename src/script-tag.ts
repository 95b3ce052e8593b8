import { readScriptConfig } from './config/read-script-config';
import { createConsent } from './create-consent';
import type { Consent, ConsentPlugin, OpenView } from './store/consent-types';

declare global {
  interface Window {
    /** The instance the script tag made. */
    Soglasie?: Consent;
    /** Set by soglasie-ui.iife.js when it has loaded. */
    SoglasieUI?: { mountUI: ConsentPlugin };
  }
}

/**
 * The UI (components, texts, styles) is a second file, fetched only when something must be shown: at once
 * for a visitor who has not decided, on `open()` for one who has. A returning visitor runs the core only.
 */
const lazyUI =
  (script: HTMLScriptElement | null): ConsentPlugin =>
  (consent, emit) => {
    let pending: OpenView | undefined;
    let state: 0 | 1 | 2 = 0; // not loaded, loading, mounted
    const load = () => {
      if (state) return;
      state = 1;
      const tag = document.createElement('script');
      tag.src = new URL('soglasie-ui.iife.js', script?.src || location.href).href;
      // Under a nonce-based CSP the UI needs the same nonce as this tag.
      if (script?.nonce) tag.nonce = script.nonce;
      tag.onload = () => {
        state = 2;
        window.SoglasieUI?.mountUI(consent, emit);
        if (pending) consent.open(pending);
      };
      tag.onerror = () => console.error(`soglasie: could not load ${tag.src}; nothing optional is enabled`);
      document.head.appendChild(tag);
    };
    const off = consent.on('open', ({ view }) => {
      if (state < 2) {
        pending = view;
        load();
      }
    });
    if (!consent.get().decided) load();
    return off;
  };

// The one place that makes a global instance: the <script> tag, configured by its data-* attributes
// and an optional <script type="application/json" data-soglasie-config> block.
if (!window.Soglasie) {
  const script = document.currentScript as HTMLScriptElement | null;
  const warn = (message: string) => console.warn(`soglasie: config ${message}`);
  window.Soglasie = createConsent(readScriptConfig(script, warn) as never, { warn, plugins: [lazyUI(script)] });
}
