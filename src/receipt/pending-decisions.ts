import type { ResolvedConfig } from '../config/config-types';
import { resolveLang } from '../config/resolve-lang';
import type { ChangeDetail, ConsentPlugin } from '../store/consent-types';
import { unconfirmedDecision } from './unconfirmed-decision';

/** A decision whose receipt is still to be made, with what it was made on. */
export interface PendingDecision {
  detail: ChangeDetail;
  /** The page URL without query string and fragment, at the decision. */
  page: string;
  lang: string;
  /** The page that recorded it has gone: any page may now make its receipt. */
  left?: boolean;
}

/** A decision no live page has taken for this long is taken by any page (its tab may have crashed). */
const STALE_SECONDS = 60;

const isPending = (x: unknown): x is PendingDecision => {
  const p = x as PendingDecision;
  return (
    !!p &&
    typeof p.page === 'string' &&
    typeof p.lang === 'string' &&
    typeof p.detail?.receiptId === 'string' &&
    typeof p.detail.snapshot === 'object'
  );
};

const keyOf = (prefix: string) => `${prefix}.pending.`;

const read = (key: string): unknown => {
  try {
    return JSON.parse(localStorage.getItem(key) || 'null');
  } catch {
    return undefined;
  }
};

/**
 * The script tag's core keeps the receipt code out of a returning visitor's page: it only records each
 * decision, synchronously, in memory and in localStorage (so a navigation right after the decision cannot
 * lose it), and the later part (soglasie-later.iife.js), loaded on the decision, makes and delivers
 * the receipt.
 *
 * @example
 * const pending: PendingDecision[] = [];
 * createConsentCore(config, { plugins: [recordDecisions(pending), startGating] });
 */
export const recordDecisions =
  (memory: PendingDecision[]): ConsentPlugin =>
  (consent) => {
    const key = keyOf(consent.config.cookie.name);
    // Resolved when the page starts, as the script tag's interface file is chosen: the language shown.
    const lang = resolveLang(consent.config.lang);
    const save = (p: PendingDecision) => {
      try {
        localStorage.setItem(key + p.detail.receiptId, JSON.stringify(p));
      } catch {
        // Storage blocked: the copy in memory still reaches the receipt code on this page.
      }
    };
    // A decision whose receipt earlier pages lost (storage full, endpoint down): the receipt code
    // rebuilds it like any decision recorded here.
    const lost = unconfirmedDecision(consent.config);
    if (lost) memory.push({ detail: lost, page: location.origin + location.pathname, lang });
    // Leaving with decisions not yet taken: hand them over to the next page of the site.
    const onPagehide = () => memory.forEach((p) => save({ ...p, left: true }));
    addEventListener('pagehide', onPagehide);
    const off = consent.on('change', (detail) => {
      const p: PendingDecision = { detail, page: location.origin + location.pathname, lang };
      memory.push(p);
      save(p);
    });
    return () => {
      off();
      removeEventListener('pagehide', onPagehide);
    };
  };

/**
 * Takes this page's recorded decisions, and those earlier pages left behind (or that no page took for a
 * minute), once each. Another open tab's fresh decisions are left to that tab, so a receipt is not sent
 * by two tabs at once.
 */
export function takePending(prefix: string, memory: PendingDecision[]): PendingDecision[] {
  const out = new Map<string, PendingDecision>();
  for (const p of memory.splice(0)) out.set(p.detail.receiptId, p);
  try {
    const now = Date.now() / 1000;
    for (const key of Object.keys(localStorage)) {
      if (!key.startsWith(keyOf(prefix))) continue;
      const id = key.slice(keyOf(prefix).length);
      const p = read(key);
      const valid = isPending(p) && p.detail.receiptId === id;
      if (valid && !out.has(id) && !p.left && now - (p.detail.snapshot.time ?? 0) < STALE_SECONDS) continue;
      localStorage.removeItem(key);
      if (valid && !out.has(id)) out.set(id, p);
    }
  } catch {
    // Storage blocked: memory only.
  }
  return [...out.values()];
}

/**
 * Whether earlier pages left decisions or receipts behind — in localStorage, or a decision in the
 * consent cookie whose receipt was never confirmed (see unconfirmedDecision): then the receipt code is needed.
 */
export function hasLeftovers(config: ResolvedConfig): boolean {
  const prefix = config.cookie.name;
  // Without an endpoint no receipt is ever confirmed: nothing is owed, and the later part stays away.
  if (config.endpoint && unconfirmedDecision(config)) return true;
  try {
    return Object.keys(localStorage).some(
      (key) => key.startsWith(keyOf(prefix)) || key.startsWith(`${prefix}.outbox.`),
    );
  } catch {
    return false;
  }
}
