/** A notice older than this is not shown any more: it belonged to another visit of the tab. */
const NOTICE_MS = 10 * 60 * 1000;

const keyOf = (prefix: string) => `${prefix}.withdrawn`;

/**
 * The «Согласие отозвано» notice must survive the reload that follows a withdrawal: it is kept for the
 * tab in sessionStorage until a page shows it.
 *
 * @example
 * keepWithdrawalNotice('soglasie'); // before the reload
 * hasWithdrawalNotice('soglasie'); // on the next page: true
 */
export function keepWithdrawalNotice(prefix: string): void {
  try {
    sessionStorage.setItem(keyOf(prefix), String(Date.now()));
  } catch {
    // Storage blocked: the notice shows on this page only.
  }
}

/** Whether a withdrawal notice waits to be shown. */
export function hasWithdrawalNotice(prefix: string): boolean {
  try {
    const time = Number(sessionStorage.getItem(keyOf(prefix)));
    return time > 0 && Date.now() - time < NOTICE_MS;
  } catch {
    return false;
  }
}

/** Takes the waiting notice (it shows once). */
export function takeWithdrawalNotice(prefix: string): boolean {
  const waiting = hasWithdrawalNotice(prefix);
  try {
    sessionStorage.removeItem(keyOf(prefix));
  } catch {
    // Storage blocked: nothing was kept.
  }
  return waiting;
}
