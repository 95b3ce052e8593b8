import type { ResolvedConfig } from '../config/config-types';
import type { ConsentMethod, ConsentReceipt, ReceiptEvent } from '../receipt/receipt-types';
import type { Unsubscribe } from './create-emitter';

/**
 * What is allowed right now.
 *
 * @example
 * const { decided, categories } = consent.get();
 * if (categories.analytics) startMyAnalytics();
 */
export interface ConsentSnapshot {
  /** A decision that still counts exists (the banner need not ask). */
  decided: boolean;
  /** Every configured category; `necessary` is always true, the rest false until granted. */
  categories: Record<string, boolean>;
  /** The pseudonymous visitor id, once a decision was made. */
  subjectId?: string;
  /** When the decision was made, seconds since the epoch. */
  time?: number;
  /** The receipt that records the decision. */
  receiptId?: string;
  event?: ReceiptEvent;
  method?: ConsentMethod;
  /** The browser sends Global Privacy Control and `marketing` is kept denied. */
  gpc: boolean;
}

/** Detail of `change`: the decision just made. */
export interface ChangeDetail {
  snapshot: ConsentSnapshot;
  previous: ConsentSnapshot;
  event: ReceiptEvent;
  method: ConsentMethod;
  /** Id of the receipt this decision produces. */
  receiptId: string;
  /** The receipt this decision supersedes, if any. */
  previousReceiptId?: string;
  /** This subject's decisions so far, this one included: the order of its receipts. */
  sequence: number;
  /** When the decision was made, milliseconds since the epoch. */
  timeMs: number;
}

/**
 * A known tracker this page has: built in (configured) or held by the auto-blocking. The preferences
 * dialog names these (and their processors) only.
 *
 * @example
 * consent.trackers?.().map((t) => t.id); // ['yandex-metrica', 'youtube']
 */
export interface FoundTracker {
  /** The catalogue's id (`yandex-metrica`, `google-analytics`, …) or a site entry's URL pattern. */
  id: string;
  /** The category that allows it on this site. */
  category: string;
}

/** A part of the interface to show: the preferences, or one of the documents. */
export type OpenView = 'preferences' | 'policy' | 'consent' | 'banner';

/**
 * Events of an instance. Each is mirrored as a DOM `CustomEvent('soglasie:NAME', { detail })` on `window`.
 *
 * @example
 * const off = consent.on('change', ({ snapshot }) => console.log(snapshot.categories));
 * off();
 */
export interface ConsentEvents {
  /** The stored decision was read (or found missing). */
  ready: ConsentSnapshot;
  /** A decision was made: accept, decline, update or withdraw. */
  change: ChangeDetail;
  /** The UI is asked to show something. */
  open: { view: OpenView };
  /** A receipt was made (sent or queued). */
  receipt: ConsentReceipt;
  /** The endpoint stored a receipt. */
  delivered: { receiptId: string; status: number };
  /** The page asked for a known tracker for the first time: every one found so far. */
  trackers: FoundTracker[];
  /** The instance is being torn down. */
  destroy: undefined;
}

/** Optional arguments of the decision methods. */
export interface DecisionOptions {
  /** How the visitor expressed it; default `api`. */
  method?: ConsentMethod;
}

/**
 * A consent instance from `createConsent(config)`.
 *
 * @example
 * const consent = createConsent({ policy: { url: '/policy.txt', version: '1' } });
 * consent.on('change', ({ snapshot }) => snapshot.categories.analytics && loadCharts());
 * consent.accept(['analytics']);
 */
export interface Consent {
  readonly config: ResolvedConfig;
  /** The current decision. */
  get(): ConsentSnapshot;
  /** Whether a category (or every one of several, space-separated) is granted. */
  has(category: string): boolean;
  /** Grants the given optional categories (all when omitted) and refuses the rest. */
  accept(categories?: string[], options?: DecisionOptions): void;
  /** Refuses every optional category. */
  decline(options?: DecisionOptions): void;
  /** Sets some categories; the others keep their current value. */
  set(decisions: Record<string, boolean>, options?: DecisionOptions): void;
  /** Takes back every optional consent: trackers stop, their cookies go, a `withdraw` receipt is made. */
  withdraw(options?: DecisionOptions): void;
  /** Asks the UI (when mounted) to show the preferences or a document. */
  open(view?: OpenView): void;
  /** Subscribes to an event; returns the unsubscribe function. */
  on<K extends keyof ConsentEvents>(event: K, fn: (detail: ConsentEvents[K]) => void): Unsubscribe;
  /** Stops observing the page and drops every listener. */
  destroy(): void;
  /**
   * The known trackers this page has so far, built in or held (the `trackers` event tells of new ones).
   * Set by the script tag's auto-blocking; absent in an instance without it.
   */
  trackers?(): FoundTracker[];
}

/** Something that joins an instance (gating, receipts, the UI); returns its cleanup. */
export type ConsentPlugin = (consent: Consent, emit: Emit) => (() => void) | void;

/** Emits an event on an instance (and mirrors it on `window`). */
export type Emit = <K extends keyof ConsentEvents>(event: K, detail: ConsentEvents[K]) => void;
