import { startPendingReceipts } from './receipt/start-receipts';
import { mountUI } from './ui/mount-ui';

// The second half of the script-tag build: the interface and the receipt code. soglasie.iife.js
// loads it when something must be shown or a decision needs its receipt.
window.SoglasieUI = { mountUI, startPendingReceipts };
