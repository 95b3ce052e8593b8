import type { Consent } from '../store/consent-types';
import { explainFrame } from './explain-frame';
import { sweepRefused } from './sweep-refused';

/**
 * What a refusal does on the page beyond keeping things silent. The gating calls these; the script tag
 * passes stand-ins that load this code only when a page has something refused (a frame to explain,
 * cookies to sweep), so that a returning visitor's core stays small.
 *
 * @example
 * gatePage(refusalActions); // what startGating is
 */
export interface RefusalActions {
  /** Deletes what the trackers of the categories still refused have stored, then calls `then`. */
  sweep(consent: Consent, ids: string[], then?: () => void): void;
  /** Fills the placeholder of a gated iframe: why it is empty, and a button to allow it. */
  explain(consent: Consent, box: HTMLElement, need: string): void;
}

/** The actions themselves, loaded at once. */
export const refusalActions: RefusalActions = {
  sweep(consent, ids, then) {
    sweepRefused(consent, ids);
    then?.();
  },
  explain: explainFrame,
};
