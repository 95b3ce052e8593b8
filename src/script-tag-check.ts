import { parseConfig } from './config/parse-config';
import { readScriptConfig } from './config/read-script-config';
import { resolveConfig } from './config/resolve-config';

// Loaded by soglasie.iife.js only when its silent validation found a problem in the configuration:
// reads it again, the same way, and names each problem in the console.
window.SoglasieCheck = (script) => {
  const warn = (message: string) => console.warn(`soglasie: config ${message}`);
  resolveConfig(parseConfig(readScriptConfig(script, warn), warn), warn);
};
