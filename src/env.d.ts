/** `soglasie@x.y.z`, replaced at build time. */
declare const __SDK_VERSION__: string;
