/** `soglasie@x.y.z`, replaced at build time. */
declare const __SDK_VERSION__: string;

/**
 * True in the script tag's core, which validates its configuration silently and, when anything was
 * wrong, loads soglasie-check.iife.js to name each problem: the messages stay out of every page view
 * of a correctly configured site. False everywhere else. Guarded messages read
 * `warn(__QUIET__ ? '' : `…`)`, so that the minifier drops them.
 */
declare const __QUIET__: boolean;
