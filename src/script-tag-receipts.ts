import { takePending } from './receipt/pending-decisions';
import { startPendingReceipts } from './receipt/start-receipts';

// The receipt code of the script-tag build: soglasie.iife.js loads it on a decision, or when earlier
// pages left decisions or receipts to send, and hands over the decisions it recorded on this page.
window.SoglasieReceipts = (recorded) => (consent, emit) =>
  startPendingReceipts(() => takePending(consent.config.cookie.name, recorded))(consent, emit);
