import { reportTo } from '../config/config-messages';
import { parseConfig } from '../config/parse-config';
import { readScriptConfig } from '../config/read-script-config';
import { resolveConfig } from '../config/resolve-config';
import { refusalActions } from '../gating/refusal-actions';
import { takePending } from '../receipt/pending-decisions';
import { startPendingReceipts } from '../receipt/start-receipts';
import { joinCore } from './join-core';
import type { LaterPart } from './parts';

// soglasie-later.iife.js: what can wait until the page's allowed analytics have run. The core loads it
// on a decision, when earlier pages left receipts to send, when something is refused (iframe
// placeholders, the cookie sweep) or when its configuration has a problem to name.
const part: LaterPart = {
  receipts: (recorded) => (consent, emit) =>
    startPendingReceipts(() => takePending(consent.config.cookie.name, recorded))(consent, emit),
  refusal: refusalActions,
  check(script) {
    const report = reportTo((message) => console.warn(`soglasie: config ${message}`));
    resolveConfig(parseConfig(readScriptConfig(script, report), report), report);
  },
};
joinCore(part);
