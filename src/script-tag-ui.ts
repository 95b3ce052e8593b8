import { mountInLang } from './ui/mount-ui';

// The interface of the script-tag build, one file per language: soglasie.iife.js loads it when
// something must be shown, in the language it chose the file by.
window.SoglasieUI = mountInLang;
