import { readScriptConfig } from './config/read-script-config';
import { startGating } from './gating/start-gating';
import { hasLeftovers, recordDecisions, takePending, type PendingDecision } from './receipt/pending-decisions';
import { afterLoad } from './store/after-load';
import type { Consent, ConsentPlugin, OpenView } from './store/consent-types';
import { createConsentCore } from './store/create-consent-core';
import { openTriggers } from './store/open-triggers';

declare global {
  interface Window {
    /** The instance the script tag made. */
    Soglasie?: Consent;
    /** Set by soglasie-ui.iife.js when it has loaded. */
    SoglasieUI?: { mountUI: ConsentPlugin; startPendingReceipts: (take: () => PendingDecision[]) => ConsentPlugin };
  }
}

/**
 * The second file — the interface and the receipt code — is fetched only when needed: at once for a
 * visitor who has not decided, on `open()`, on a decision, or when earlier pages left receipts to send.
 * A returning visitor who decides nothing runs this core alone.
 */
const lazyHalf =
  (script: HTMLScriptElement | null, pending: PendingDecision[]): ConsentPlugin =>
  (consent, emit) => {
    let view: OpenView | undefined;
    let state: 0 | 1 | 2 = 0; // not loaded, loading, running
    const load = () => {
      if (state) return;
      state = 1;
      const tag = document.createElement('script');
      tag.src = new URL('soglasie-ui.iife.js', script?.src || location.href).href;
      // Under a nonce-based CSP the second file needs the same nonce as this tag.
      if (script?.nonce) tag.nonce = script.nonce;
      tag.onload = () => {
        const half = window.SoglasieUI;
        if (!half) return;
        state = 2;
        half.startPendingReceipts(() => takePending(consent.config.cookie.name, pending))(consent, emit);
        half.mountUI(consent, emit);
        if (view) consent.open(view);
      };
      tag.onerror = () => console.error(`soglasie: could not load ${tag.src}; nothing optional is enabled, no receipt is sent yet`);
      document.head.appendChild(tag);
    };
    const offOpen = consent.on('open', ({ view: v }) => {
      if (state < 2) {
        view = v;
        load();
      }
    });
    const offChange = consent.on('change', load);
    if (!consent.get().decided) load();
    else afterLoad(() => hasLeftovers(consent.config.cookie.name) && load());
    return () => {
      offOpen();
      offChange();
    };
  };

// The one place that makes a global instance: the <script> tag, configured by its data-* attributes
// and an optional <script type="application/json" data-soglasie-config> block.
if (!window.Soglasie) {
  const script = document.currentScript as HTMLScriptElement | null;
  const warn = (message: string) => console.warn(`soglasie: config ${message}`);
  const pending: PendingDecision[] = [];
  window.Soglasie = createConsentCore(readScriptConfig(script, warn) as never, {
    warn,
    // Decisions are recorded first: a withdrawal that reloads the page must have recorded its receipt.
    plugins: [recordDecisions(pending), startGating, openTriggers, lazyHalf(script, pending)],
  });
}
