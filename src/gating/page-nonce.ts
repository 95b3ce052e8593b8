let nonce: string | undefined;

/**
 * The page's CSP nonce ('' when none), read once: from the running script tag (call it first while
 * Soglasie's own tag runs), else from the first script that has one.
 *
 * @example
 * script.nonce = pageNonce();
 */
export const pageNonce = (): string =>
  // Chrome hides a nonce from getAttribute, but the property keeps it.
  (nonce ??=
    (document.currentScript as HTMLScriptElement | null)?.nonce ||
    document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce ||
    '');
