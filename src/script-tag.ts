import { readScriptConfig } from './config/read-script-config';
import { resolveLang } from './config/resolve-lang';
import { autoblock } from './gating/autoblock/autoblock-plugin';
import { gatePage } from './gating/gate-page';
import type { RefusalActions } from './gating/refusal-actions';
import { hasLeftovers, recordDecisions, type PendingDecision } from './receipt/pending-decisions';
import { afterLoad } from './store/after-load';
import type { Lang } from './config/config-types';
import type { Consent, ConsentPlugin, OpenView } from './store/consent-types';
import { createConsentCore } from './store/create-consent-core';
import { openTriggers } from './store/open-triggers';

declare global {
  interface Window {
    /** The instance the script tag made. */
    Soglasie?: Consent;
    /** Set by soglasie-ui-ru.iife.js or soglasie-ui-en.iife.js when it has loaded. */
    SoglasieUI?: (lang: Lang) => ConsentPlugin;
    /** Set by soglasie-receipts.iife.js when it has loaded. */
    SoglasieReceipts?: (recorded: PendingDecision[]) => ConsentPlugin;
    /** Set by soglasie-refusal.iife.js when it has loaded. */
    SoglasieRefusal?: RefusalActions;
    /** Set by soglasie-check.iife.js when it has loaded. */
    SoglasieCheck?: (script: HTMLScriptElement | null) => void;
  }
}

/**
 * Loads a file from the directory this tag came from, once; `ready` gets the global it sets. The URL
 * carries this release's version, so that a cached core never meets the parts of another release. Under
 * a nonce-based CSP the file needs the same nonce as this tag. A failed load (offline, a server hiccup)
 * is tried again when the browser is back online or after a while: what it would do (show the banner,
 * send a receipt) is waiting, and recorded decisions stay in localStorage meanwhile. `signal` ends all
 * of it (destroy()).
 */
const part = <T>(
  script: HTMLScriptElement | null,
  file: string,
  get: () => T | undefined,
  ready: (value: T) => void,
  signal?: AbortSignal,
  urgent?: boolean,
) => {
  let asked = false;
  let failures = 0;
  const load = () => {
    if (asked || signal?.aborted) return;
    asked = true;
    const tag = document.createElement('script');
    tag.src = new URL(`${file}?v=${__SDK_VERSION__.split('@')[1]}`, script?.src || location.href).href;
    if (script?.nonce) tag.nonce = script.nonce;
    // Browsers fetch an inserted script at low priority; the banner should not wait behind images.
    if (urgent) tag.setAttribute('fetchpriority', 'high');
    // Served but not this file (a release deployed without it, a fallback page) counts as a failure.
    tag.onload = () => {
      const value = !signal?.aborted && get();
      if (value) ready(value);
      else fail();
    };
    const fail = (tag.onerror = () => {
      tag.remove();
      if (signal?.aborted) return;
      console.error(`soglasie: could not load ${tag.src}; trying again later`);
      asked = false;
      const again = () => {
        removeEventListener('online', again);
        clearTimeout(timer);
        load();
      };
      addEventListener('online', again, { signal });
      const timer = setTimeout(again, 5000 * 2 ** Math.min(failures++, 6));
      signal?.addEventListener('abort', () => clearTimeout(timer));
    });
    document.head.appendChild(tag);
  };
  return load;
};

/**
 * The rest of the script tag comes in files fetched only when needed. The interface: at once
 * for a visitor who has not decided, after the page has loaded when it must draw the floating button,
 * or on `open()`. The receipt code: when the visitor starts using the
 * interface, on a decision, or when earlier pages left decisions or receipts to send. A returning visitor
 * who decides nothing runs this core alone, and a first visitor who ignores the banner never downloads
 * the receipt code.
 */
const lazyParts =
  (script: HTMLScriptElement | null, pending: PendingDecision[]): ConsentPlugin =>
  (consent, emit) => {
    let view: OpenView | undefined;
    let shown = false;
    // Ends loads, retries and the leftovers check when the instance is destroyed.
    const stop = new AbortController();
    // Cleanups of the parts that have joined.
    const joined: Array<ReturnType<ConsentPlugin>> = [];
    const prefix = consent.config.cookie.name;
    // Chosen once: the file holds this language's strings only.
    const lang = resolveLang(consent.config.lang);
    const ui = part(
      script,
      `soglasie-ui-${lang}.iife.js`,
      () => window.SoglasieUI,
      (mountUI) => {
        shown = true;
        joined.push(mountUI(lang)(consent, emit));
        // A visitor who starts using the interface is about to decide: the receipt code is fetched then,
        // so that a decision followed at once by leaving for a page without Soglasie still goes out from
        // here. (Events from inside the shadow root reach the window with the host as their target.)
        for (const type of ['pointerdown', 'keydown', 'focusin'])
          addEventListener(type, (e) => (e.target as Element | null)?.localName === 'soglasie-consent' && receipts(), {
            capture: true,
            signal: stop.signal,
          });
        if (view) consent.open(view);
      },
      stop.signal,
      true,
    );
    const receipts = part(
      script,
      'soglasie-receipts.iife.js',
      () => window.SoglasieReceipts,
      (start) => joined.push(start(pending)(consent, emit)),
      stop.signal,
    );
    const offOpen = consent.on('open', ({ view: v }) => {
      if (!shown) {
        view = v;
        ui();
      }
    });
    const offChange = consent.on('change', receipts);
    if (!consent.get().decided) ui();
    // A returning visitor's way back to the preferences (and to withdrawal) is the floating button,
    // which the interface draws: fetched once the page has loaded, off the analytics' critical path.
    else if (consent.config.floatingButton) afterLoad(ui, stop.signal);
    afterLoad(() => hasLeftovers(prefix) && receipts(), stop.signal);
    return () => {
      stop.abort();
      offOpen();
      offChange();
      joined.forEach((end) => end && end());
    };
  };

/**
 * The refusal actions (the placeholder's text and button, the sweep of a refused category's cookies) are
 * in a file fetched the first time this page has one to do, after the gated things that may run have run.
 * Meanwhile an iframe stays hidden behind its empty placeholder, and what a sweep would delete waits.
 */
const lazyRefusal = (script: HTMLScriptElement | null, signal: AbortSignal): RefusalActions => {
  const queue: Array<(actions: RefusalActions) => void> = [];
  const load = part(
    script,
    'soglasie-refusal.iife.js',
    () => window.SoglasieRefusal,
    (actions) => queue.splice(0).forEach((fn) => fn(actions)),
    signal,
  );
  const later = (fn: (actions: RefusalActions) => void) => {
    if (window.SoglasieRefusal) return fn(window.SoglasieRefusal);
    queue.push(fn);
    load();
  };
  return {
    sweep(consent, ids, then) {
      // A reload after a withdrawal waits for the sweep, but not for a file that does not come: the
      // next page sweeps what is left.
      const go = () => {
        clearTimeout(cap);
        then?.();
        then = undefined;
      };
      const cap = then && setTimeout(go, 2000);
      later((actions) => actions.sweep(consent, ids, go));
    },
    explain: (consent, box, need) => later((actions) => actions.explain(consent, box, need)),
  };
};

// The one place that makes a global instance: the <script> tag, configured by its data-* attributes
// and an optional <script type="application/json" data-soglasie-config> block.
if (!window.Soglasie) {
  const script = document.currentScript as HTMLScriptElement | null;
  // Configuration problems are only counted here (this build has no messages, see __QUIET__);
  // soglasie-check.iife.js reads the configuration again and names each one.
  let problems = 0;
  const warn = (message: string) => {
    if (message) console.warn(`soglasie: config ${message}`);
    else problems++;
  };
  const pending: PendingDecision[] = [];
  const gone = new AbortController();
  window.Soglasie = createConsentCore(readScriptConfig(script, warn) as never, {
    warn,
    // Decisions are recorded first: a withdrawal that reloads the page must have recorded its receipt.
    // The interface file is asked for next, so that its download starts before the gating work.
    plugins: [
      recordDecisions(pending),
      lazyParts(script, pending),
      gatePage(lazyRefusal(script, gone.signal)),
      // Auto-blocking (issue 16): holds known trackers until their category is granted. After the
      // gating, whose decision handler sends Google the Consent Mode update before this lets Google's tags go.
      autoblock,
      openTriggers,
      () => () => gone.abort(),
    ],
  });
  if (problems)
    part(
      script,
      'soglasie-check.iife.js',
      () => window.SoglasieCheck,
      (check) => check(script),
    )();
}
