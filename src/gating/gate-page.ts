import { afterLoad } from '../store/after-load';
import type { ConsentPlugin } from '../store/consent-types';
import { gateElements } from './gate-elements';
import { googleAnalytics } from './google-analytics';
import { googleConsent } from './google-consent';
import { googleTagManager } from './google-tag-manager';
import { pageNonce } from './page-nonce';
import type { RefusalActions } from './refusal-actions';
import { sweptDecision } from './swept-decision';
import type { Tracker } from './tracker';
import { yandexMetrica } from './yandex-metrica';

/**
 * The gating plugin, with the refusal actions it calls: `startGating` has them built in, the script tag
 * loads them when needed. What it does is described at `startGating`.
 *
 * @example
 * createConsentCore(config, { plugins: [gatePage(refusalActions)] });
 */
export const gatePage =
  (refusal: RefusalActions): ConsentPlugin =>
  (consent) => {
    const { config } = consent;
    const { integrations: int } = config;
    const first = consent.get();
    // While Soglasie's own tag is `document.currentScript`.
    pageNonce();
    // What was let go on this page, as `data-consent` values or tracker needs.
    const ran = new Set<string>();
    // Before anything Google could read the queue.
    if (int.googleAnalytics || int.googleTagManager) googleConsent(first, true);
    let trackers = [
      yandexMetrica(int.yandexMetrica),
      googleAnalytics(int.googleAnalytics),
      googleTagManager(int.googleTagManager),
    ].filter((t): t is Tracker => !!t);
    // A refusal on record: whatever its trackers left (even while the page unloaded after a withdrawal) goes,
    // once per decision (see sweptDecision): on the page that makes it, which loads the receipt code anyway,
    // else on the next page once it has loaded, off its critical path (nothing refused runs meanwhile). It
    // reads the decision when it runs: one made meanwhile may have allowed a tracker that has just set cookies.
    const sweepOnce = () => {
      const refused = config.optional.filter((id) => !consent.has(id));
      const { decided, receiptId } = consent.get();
      if (decided && refused.length && sweptDecision(config.cookie.name) !== receiptId) {
        refusal.sweep(consent, refused);
      }
    };
    const stop = new AbortController();
    afterLoad(sweepOnce, stop.signal);

    const scan = gateElements(consent, ran, (box, need) => refusal.explain(consent, box, need), stop.signal);
    const apply = () => {
      trackers = trackers.filter((t) => {
        if (!consent.has(t.need)) return true;
        ran.add(t.need);
        t.load();
        return false;
      });
      // Scripts wait for the whole document: one still being parsed may not have all its text yet.
      if (document.readyState !== 'loading') scan(document);
    };

    const offChange = consent.on('change', ({ snapshot, previous }) => {
      googleConsent(snapshot);
      const lost = config.optional.filter((id) => previous.categories[id] && !snapshot.categories[id]);
      if (lost.length) {
        const reload =
          config.reloadOnWithdraw && [...ran].some((need) => need.split(/\s+/).some((id) => lost.includes(id)));
        // The reload waits for the sweep, so that the cookies do not go out with it; then a tick more, so
        // the receipt's beacon and pagehide handlers go first.
        refusal.sweep(consent, lost, reload ? () => setTimeout(() => location.reload()) : undefined);
        if (reload) return;
      } else {
        sweepOnce();
      }
      apply();
    });

    // Elements added once the document is parsed (SPA navigation, tag managers). Not while it is parsed:
    // the scan at DOMContentLoaded sees what the parser made, and observing the parser would make the
    // browser record every node of the page.
    const observer =
      config.observe &&
      new MutationObserver((records) => {
        for (const r of records) r.addedNodes.forEach((n) => n instanceof Element && scan(n));
      });
    const watch = () => observer && observer.observe(document, { childList: true, subtree: true });
    apply();
    if (document.readyState !== 'loading') watch();
    else
      document.addEventListener(
        'DOMContentLoaded',
        () => {
          apply();
          watch();
        },
        { once: true, signal: stop.signal },
      );

    return () => {
      stop.abort();
      offChange();
      if (observer) observer.disconnect();
    };
  };
