import { mountUI } from '../ui/mount-ui';
import { joinCore } from './join-core';
import type { InterfacePart } from './parts';

// soglasie-ui-ru.iife.js and soglasie-ui-en.iife.js (one file per language): the interface, which the
// core loads when something must be shown, in the language it chose the file by.
const part: InterfacePart = { mount: (lang) => mountUI({ lang }) };
joinCore(part);
