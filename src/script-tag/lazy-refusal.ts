import type { RefusalActions } from '../gating/refusal-actions';
import type { UseLater } from './later-part';

/** How long a reload after a withdrawal waits for the sweep before it goes ahead anyway. */
const SWEEP_WAIT_MS = 2000;

/**
 * Stand-ins for the refusal actions (the placeholder's text and button, the sweep of a refused
 * category's cookies): the real ones come with the later part, fetched the first time this page has one
 * to do, after the gated things that may run have run. Meanwhile an iframe stays hidden behind its empty
 * placeholder, and what a sweep would delete waits.
 */
export function lazyRefusal(useLater: UseLater): RefusalActions {
  return {
    sweep(consent, ids, then) {
      // A reload after a withdrawal waits for the sweep, but not for a file that does not come: the next
      // page sweeps what is left.
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        if (then) then();
      };
      const timer = then ? setTimeout(finish, SWEEP_WAIT_MS) : undefined;
      useLater((part) => part.refusal.sweep(consent, ids, finish));
    },
    explain(consent, box, need) {
      useLater((part) => part.refusal.explain(consent, box, need));
    },
  };
}
