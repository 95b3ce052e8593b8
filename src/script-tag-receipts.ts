import { startPendingReceipts } from './receipt/start-receipts';

// The receipt code of the script-tag build: soglasie.iife.js loads it on a decision, or when earlier
// pages left decisions or receipts to send.
window.SoglasieReceipts = startPendingReceipts;
