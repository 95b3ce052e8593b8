import { resolveLang } from '../config/resolve-lang';
import type { ChangeDetail, ConsentPlugin } from '../store/consent-types';

/** A decision whose receipt is still to be made, with what it was made on. */
export interface PendingDecision {
  detail: ChangeDetail;
  /** The page URL without query string and fragment, at the decision. */
  page: string;
  lang: string;
}

const isPending = (x: unknown): x is PendingDecision => {
  const p = x as PendingDecision;
  return !!p && typeof p.page === 'string' && typeof p.lang === 'string' && typeof p.detail?.receiptId === 'string' && typeof p.detail.snapshot === 'object';
};

const keyOf = (prefix: string) => `${prefix}.pending.`;

/**
 * The script tag's core keeps the receipt code out of a returning visitor's page: it only records each
 * decision, synchronously, in memory and in localStorage (so a navigation right after the decision cannot
 * lose it), and the interface file, loaded on the decision, makes and delivers the receipt.
 *
 * @example
 * const pending: PendingDecision[] = [];
 * createConsentCore(config, { plugins: [recordDecisions(pending), startGating] });
 */
export const recordDecisions =
  (memory: PendingDecision[]): ConsentPlugin =>
  (consent) =>
    consent.on('change', (detail) => {
      const p: PendingDecision = { detail, page: location.origin + location.pathname, lang: resolveLang(consent.config.lang) };
      memory.push(p);
      try {
        localStorage.setItem(keyOf(consent.config.cookie.name) + detail.receiptId, JSON.stringify(p));
      } catch {
        // Storage blocked: the copy in memory still reaches the receipt code on this page.
      }
    });

/** Takes every recorded decision (this page's and earlier pages' left in storage), once each. */
export function takePending(prefix: string, memory: PendingDecision[]): PendingDecision[] {
  const out = new Map<string, PendingDecision>();
  for (const p of memory.splice(0)) out.set(p.detail.receiptId, p);
  try {
    for (const key of Object.keys(localStorage)) {
      if (!key.startsWith(keyOf(prefix))) continue;
      let p: unknown;
      try {
        p = JSON.parse(localStorage.getItem(key) || 'null');
      } catch {
        p = undefined;
      }
      localStorage.removeItem(key);
      if (isPending(p) && keyOf(prefix) + p.detail.receiptId === key) out.set(p.detail.receiptId, p);
    }
  } catch {
    // Storage blocked: memory only.
  }
  return [...out.values()];
}

/** Whether earlier pages left decisions or receipts behind: then the receipt code is needed. */
export function hasLeftovers(prefix: string): boolean {
  try {
    return Object.keys(localStorage).some((key) => key.startsWith(keyOf(prefix)) || key.startsWith(`${prefix}.outbox.`));
  } catch {
    return false;
  }
}
