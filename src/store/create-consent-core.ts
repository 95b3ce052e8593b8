import type { ResolvedConfig } from '../config/config-types';
import type { Report } from '../config/config-problem';
import { parseConfig } from '../config/parse-config';
import { resolveConfig } from '../config/resolve-config';
import type { ConsentMethod, ReceiptEvent } from '../receipt/receipt-types';
import { readDecisionCookie, writeDecisionCookie } from './consent-cookie';
import type { Consent, ConsentEvents, ConsentPlugin, ConsentSnapshot, Emit } from './consent-types';
import { canGrant } from './can-grant';
import { createEmitter } from './create-emitter';
import { isCurrentDecision } from './is-current-decision';
import { randomUuid } from './random-uuid';
import type { StoredDecision } from './stored-decision';

/** What the core is made with besides the configuration. */
export interface CoreOptions {
  /** Joined to the instance in order: gating, receipts, a UI. */
  plugins: ConsentPlugin[];
  /** Receives each configuration problem (and each decision naming an unknown category). */
  report: Report;
}
const nowSeconds = () => Math.floor(Date.now() / 1000);

/**
 * The headless consent instance that `createConsent` and the script tag share: configuration, the
 * stored decision and events, plus the plugins given. Reads the cookie at once; touches no browser
 * global when there is no `window` (SSR).
 */
export function createConsentCore(input: unknown, options: CoreOptions): Consent {
  const { report } = options;
  let config: ResolvedConfig;
  try {
    config = resolveConfig(parseConfig(input, report), report);
  } catch (error) {
    // Unreachable by design; if it ever happens, deny everything optional rather than break the page.
    report('unreadable', error);
    config = resolveConfig({}, () => {});
  }
  const browser = typeof window !== 'undefined' && typeof document !== 'undefined';
  const gpc =
    browser && config.respectGpc && (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true;
  const emitter = createEmitter<ConsentEvents>();
  const emit: Emit = (type, detail) => {
    emitter.emit(type, detail);
    if (browser) window.dispatchEvent(new CustomEvent(`soglasie:${String(type)}`, { detail }));
  };

  let stored: StoredDecision | undefined;
  try {
    stored = browser ? readDecisionCookie(config) : undefined;
  } catch {
    stored = undefined;
  }
  let current = stored && isCurrentDecision(stored, config, nowSeconds()) ? stored : undefined;
  // Another tab may have decided since this page read the cookie: a decision builds on the latest one,
  // so the visitor keeps one subjectId and each receipt names the one it supersedes.
  const reread = () => {
    try {
      const latest = readDecisionCookie(config);
      if (latest) current = isCurrentDecision((stored = latest), config, nowSeconds()) ? latest : undefined;
    } catch {
      // A cookie this page cannot read leaves what it knew.
    }
  };

  // Read straight from the decision: gating asks for every gated element on every page view.
  const granted = (id: string) =>
    id === 'necessary' || (config.optional.includes(id) && current?.decisions[id] === true);
  const snapshot = (): ConsentSnapshot => {
    const categories: Record<string, boolean> = { necessary: true };
    for (const id of config.optional) categories[id] = current?.decisions[id] === true;
    return current
      ? {
          decided: true,
          categories,
          subjectId: current.subjectId,
          time: current.time,
          receiptId: current.receiptId,
          event: current.event,
          method: current.method,
          gpc,
        }
      : { decided: false, categories, subjectId: stored?.subjectId, gpc };
  };

  const decide = (wanted: Record<string, boolean>, event: ReceiptEvent | undefined, method: ConsentMethod = 'api') => {
    // What this page ran with: gating compares with it to know what to stop here.
    const previous = snapshot();
    if (browser) reread();
    const decisions: Record<string, boolean> = {};
    for (const id of config.optional) decisions[id] = wanted[id] === true && canGrant(config.optional, id, gpc);
    const granted = config.optional.some((id) => decisions[id]);
    const kind: ReceiptEvent = event ?? (current ? 'update' : granted ? 'accept' : 'decline');
    const next: StoredDecision = {
      // The same visitor keeps one pseudonymous id across re-consents, so their receipts link up.
      subjectId: stored?.subjectId ?? randomUuid(),
      decisions,
      policyVersion: config.policy.version ?? '',
      consentVersion: config.consent.version ?? '',
      time: nowSeconds(),
      receiptId: randomUuid(),
      method,
      event: kind,
      gpc,
    };
    const previousReceiptId = stored?.receiptId;
    stored = current = next;
    if (browser) writeDecisionCookie(config, next);
    emit('change', {
      snapshot: snapshot(),
      previous,
      event: kind,
      method,
      receiptId: next.receiptId,
      previousReceiptId,
    });
  };

  const unknown = (ids: string[]) => {
    for (const id of ids) {
      if (!config.optional.includes(id) && id !== 'necessary') report('categoryUnknown', id);
    }
  };

  const cleanups: Array<() => void> = [];
  const consent: Consent = {
    config,
    get: snapshot,
    has: (category) => category.split(/\s+/).filter(Boolean).every(granted),
    accept(categories, opts) {
      const ids = categories ?? config.optional;
      unknown(ids);
      decide(Object.fromEntries(ids.map((id) => [id, true])), undefined, opts?.method);
    },
    decline: (opts) => decide({}, 'decline', opts?.method),
    set(decisions, opts) {
      const ids = Object.keys(decisions);
      unknown(ids);
      decide({ ...snapshot().categories, ...decisions }, undefined, opts?.method);
    },
    withdraw: (opts) => decide({}, 'withdraw', opts?.method),
    open: (view = 'preferences') => emit('open', { view }),
    on: emitter.on,
    destroy() {
      emit('destroy', undefined);
      cleanups.splice(0).forEach((fn) => fn());
      emitter.clear();
    },
  };

  if (browser) {
    for (const plugin of options.plugins) {
      const cleanup = plugin(consent, emit);
      if (cleanup) cleanups.push(cleanup);
    }
    // After the caller has had a chance to subscribe.
    queueMicrotask(() => emit('ready', snapshot()));
  }
  return consent;
}
