import type { ResolvedConfig } from '../config/config-types';
import { isHostOnlyCookie, readDecisionCookie } from '../store/consent-cookie';
import type { ChangeDetail, ConsentSnapshot } from '../store/consent-types';
import { isCurrentDecision } from '../store/is-current-decision';

/** Whether localStorage still holds the receipt (in the outbox) or its decision (recorded by a page). */
const isKept = (prefix: string, receiptId: string): boolean => {
  try {
    return !!(
      localStorage.getItem(`${prefix}.outbox.${receiptId}`) || localStorage.getItem(`${prefix}.pending.${receiptId}`)
    );
  } catch {
    return false;
  }
};

/**
 * The decision in the consent cookie whose receipt was lost, as the `change` detail it came with — or
 * `undefined`: the endpoint has not confirmed it, and localStorage holds neither it nor its receipt. The
 * cookie is the outbox's last line: when a receipt could be neither stored (localStorage full) nor sent,
 * the next page rebuilds it from what the cookie holds (subject, decision, document versions, time,
 * sequence, receipt ids); the digests are computed again.
 *
 * Only a cookie this host wrote counts (a `__Host-` cookie: https, no cookie domain): a page never sends a
 * receipt on the visitor's behalf for a cookie a sibling subdomain may have planted. Nor without an
 * endpoint, nor for a decision that no longer counts (other document versions, expired).
 *
 * @example
 * const lost = unconfirmedDecision(consent.config);
 * if (lost) console.log('receipt to rebuild', lost.receiptId);
 */
export function unconfirmedDecision(config: ResolvedConfig): ChangeDetail | undefined {
  if (!config.endpoint || !isHostOnlyCookie(config)) return undefined;
  const d = readDecisionCookie(config);
  if (!d || d.confirmed || !isCurrentDecision(d, config, Math.floor(Date.now() / 1000))) return undefined;
  if (isKept(config.cookie.name, d.receiptId)) return undefined;
  const categories: Record<string, boolean> = { necessary: true };
  for (const id of config.optional) categories[id] = d.decisions[id] === true;
  const snapshot: ConsentSnapshot = {
    decided: true,
    categories,
    subjectId: d.subjectId,
    time: d.time,
    receiptId: d.receiptId,
    event: d.event,
    method: d.method,
    gpc: d.gpc,
  };
  return {
    snapshot,
    previous: snapshot,
    event: d.event,
    method: d.method,
    receiptId: d.receiptId,
    previousReceiptId: d.previousReceiptId,
    sequence: d.sequence,
    timeMs: d.timeMs,
  };
}
