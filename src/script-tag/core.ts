import { readScriptConfig } from '../config/read-script-config';
import { autoblock } from '../gating/autoblock/autoblock-plugin';
import { gatePage } from '../gating/gate-page';
import { recordDecisions, type PendingDecision } from '../receipt/pending-decisions';
import type { Consent } from '../store/consent-types';
import { createConsentCore } from '../store/create-consent-core';
import { afterLoad } from '../store/after-load';
import { openTriggers } from '../store/open-triggers';
import { claimGlobal, existingInstance } from './claim-global';
import { createLaterPart } from './later-part';
import { lazyParts } from './lazy-parts';
import { lazyRefusal } from './lazy-refusal';

declare global {
  interface Window {
    /** The instance the script tag made. */
    Soglasie?: Consent;
  }
}

// soglasie.iife.js: the one place that makes a global instance. The <script> tag is configured by its
// data-* attributes and an optional <script type="application/json" data-soglasie-config> block; the
// interface and the later part join when they are needed (see docs/architecture.md).
if (!existingInstance()) {
  const core = document.currentScript as HTMLScriptElement | null;
  // This file carries no configuration messages: it counts problems, and the later part reads the
  // configuration again and names each one.
  let problems = 0;
  const countProblem = () => {
    problems++;
  };
  const pending: PendingDecision[] = [];
  const life = new AbortController();
  const useLater = createLaterPart(core, life.signal);
  const consent = createConsentCore(readScriptConfig(core, countProblem), {
    report: countProblem,
    // Decisions are recorded first: a withdrawal that reloads the page must have recorded its receipt.
    // The interface file is asked for next, so that its download starts before the gating work.
    plugins: [
      recordDecisions(pending),
      lazyParts(core, pending, useLater, life.signal),
      gatePage(lazyRefusal(useLater)),
      // Auto-blocking (issue 16): holds known trackers until their category is granted. After the
      // gating, whose decision handler sends Google the Consent Mode update before this lets Google's tags go.
      autoblock,
      openTriggers,
      () => () => life.abort(),
    ],
  });
  claimGlobal(consent);
  // Named once the page has loaded: the messages are for the site's developer, not the visitor's wait.
  if (problems) afterLoad(() => useLater((part) => part.check(core)), life.signal);
}
