import { mountUI } from './ui/mount-ui';

// The interface of the script-tag build: soglasie.iife.js loads it when something must be shown.
window.SoglasieUI = mountUI;
