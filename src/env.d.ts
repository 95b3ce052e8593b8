/** `soglasie@x.y.z`, replaced at build time. */
declare const __SDK_VERSION__: string;

/** A stylesheet imported as its text, minified by the build. */
declare module '*.css' {
  const css: string;
  export default css;
}
