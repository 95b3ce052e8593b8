import type { Lang } from '../config/config-types';
import type { RefusalActions } from '../gating/refusal-actions';
import type { PendingDecision } from '../receipt/pending-decisions';
import type { ConsentPlugin } from '../store/consent-types';

/** What `soglasie-ui-ru.iife.js` / `soglasie-ui-en.iife.js` give the core: the interface. */
export interface InterfacePart {
  mount(lang: Lang): ConsentPlugin;
}

/**
 * What `soglasie-later.iife.js` gives the core: the work that can wait until the page's allowed analytics
 * have run — receipts, what a refusal does, and the configuration's messages.
 */
export interface LaterPart {
  /** Makes and delivers the receipts of the decisions recorded so far (and those earlier pages left). */
  receipts(recorded: PendingDecision[]): ConsentPlugin;
  refusal: RefusalActions;
  /** Reads the tag's configuration again and names each problem in the console. */
  check(script: HTMLScriptElement | null): void;
}

/** The script-tag files a core may load, by file name. */
export interface Parts {
  'soglasie-ui-ru.iife.js': InterfacePart;
  'soglasie-ui-en.iife.js': InterfacePart;
  'soglasie-later.iife.js': LaterPart;
}

/**
 * A `<script>` element the core inserted for a part. The one hand-over: the part's file, while it runs,
 * finds this element as `document.currentScript` and passes what it brings to `join`. No global is made,
 * and nothing the page's markup can name or clobber is trusted.
 */
export interface PartScript extends HTMLScriptElement {
  soglasieJoin?: (part: unknown) => void;
}
