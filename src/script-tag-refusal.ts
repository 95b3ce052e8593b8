import { refusalActions } from './gating/refusal-actions';

// What a refusal does on the page, for the script-tag build: soglasie.iife.js loads it the first time a
// page has a gated iframe to explain or a refused category's cookies to sweep.
window.SoglasieRefusal = refusalActions;
