/**
 * Why a POST may not write, judged by its `Origin` header, or undefined when
 * it may. With no origins configured (or `'*'`) anyone may post. Otherwise
 * the header must be listed; a request without one (a server, curl) is let
 * through only when the operator allowed that.
 *
 * @example
 * writeOriginProblem('https://evil.example', ['https://shop.example'], false); // 'origin https://evil.example may not post receipts'
 */
export function writeOriginProblem(
  origin: string | undefined,
  origins: readonly string[],
  allowNoOrigin: boolean,
): string | undefined {
  if (origins.length === 0 || origins.includes('*')) return undefined;
  if (origin === undefined) {
    if (allowNoOrigin) return undefined;
    return 'a POST without an Origin header may not post receipts (the operator can allow it with --allow-no-origin)';
  }
  if (origins.includes(origin)) return undefined;
  return `origin ${origin} may not post receipts`;
}

/**
 * Why a receipt's `page` is not on a configured origin, or undefined when it
 * is (or when any origin is allowed). A site may only file receipts for its
 * own pages.
 *
 * @example
 * pageOriginProblem('https://other.example/x', ['https://shop.example']); // 'page: https://other.example is not an allowed origin'
 */
export function pageOriginProblem(page: string, origins: readonly string[]): string | undefined {
  if (origins.length === 0 || origins.includes('*')) return undefined;
  let origin: string;
  try {
    origin = new URL(page).origin;
  } catch {
    return 'page: expected an absolute URL on an allowed origin';
  }
  if (origins.includes(origin)) return undefined;
  return `page: ${origin} is not an allowed origin`;
}
