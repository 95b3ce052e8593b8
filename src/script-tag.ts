import { readScriptConfig } from './config/read-script-config';
import { createConsent } from './create-consent';
import type { Consent } from './store/consent-types';
import { mountUI } from './ui/mount-ui';

declare global {
  interface Window {
    /** The instance the script tag made. */
    Soglasie?: Consent;
  }
}

// The one place that makes a global instance: the <script> tag, configured by its data-* attributes
// and an optional <script type="application/json" data-soglasie-config> block.
if (!window.Soglasie) {
  const warn = (message: string) => console.warn(`soglasie: config ${message}`);
  window.Soglasie = createConsent(readScriptConfig(document.currentScript, warn) as never, { warn, plugins: [mountUI] });
}
