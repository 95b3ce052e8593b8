// What `require('soglasie')` (or soglasie/ui, soglasie/collector) loads: the package is ES modules only,
// so CommonJS callers get this explanation instead of Node's generic ERR_REQUIRE_ESM or a half-loaded module.
const error = new Error(
  'soglasie is an ES module package and cannot be loaded with require(). ' +
    "Use import { createConsent } from 'soglasie' (or 'soglasie/ui', 'soglasie/collector') in an ES module, " +
    "or from CommonJS: const { createConsent } = await import('soglasie');",
);
error.code = 'ERR_REQUIRE_ESM';
throw error;
