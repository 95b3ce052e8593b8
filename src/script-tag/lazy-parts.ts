import { resolveLang } from '../config/resolve-lang';
import { hasLeftovers, type PendingDecision } from '../receipt/pending-decisions';
import { afterLoad } from '../store/after-load';
import type { ConsentPlugin, OpenView } from '../store/consent-types';
import type { UseLater } from './later-part';
import { partLoader } from './load-part';

/**
 * When the interface and the receipts join the core. The interface: at once for a visitor who has not
 * decided, after the page has loaded when it must draw the floating button, or on `open()`. The receipts
 * (in the later part): when the visitor starts using the interface, on a decision, or when earlier pages
 * left decisions or receipts to send. A returning visitor who decides nothing runs the core alone, and a
 * first visitor who ignores the banner never downloads the later part.
 */
export function lazyParts(
  core: HTMLScriptElement | null,
  pending: PendingDecision[],
  useLater: UseLater,
  signal: AbortSignal,
): ConsentPlugin {
  return (consent, emit) => {
    let askedView: OpenView | undefined;
    let shown = false;
    let receiptsStarted = false;
    // Cleanups of the parts that have joined.
    const cleanups: Array<() => void> = [];
    const join = (plugin: ConsentPlugin) => {
      const cleanup = plugin(consent, emit);
      if (cleanup) cleanups.push(cleanup);
    };
    const startReceipts = () => {
      if (receiptsStarted) return;
      receiptsStarted = true;
      useLater((part) => join(part.receipts(pending)));
    };
    // Chosen once: the file holds this language's strings only.
    const lang = resolveLang(consent.config.lang);
    const showInterface = partLoader(
      core,
      lang === 'en' ? 'soglasie-ui-en.iife.js' : 'soglasie-ui-ru.iife.js',
      (part) => {
        shown = true;
        join(part.mount(lang));
        // A visitor who starts using the interface is about to decide: the receipt code is fetched then,
        // so that a decision followed at once by leaving for a page without Soglasie still goes out from
        // here. (Events from inside the shadow root reach the window with the host as their target.)
        const onUse = (event: Event) => {
          if ((event.target as Element | null)?.localName === 'soglasie-consent') startReceipts();
        };
        for (const type of ['pointerdown', 'keydown', 'focusin']) {
          addEventListener(type, onUse, { capture: true, signal });
        }
        if (askedView) consent.open(askedView);
      },
      signal,
      true,
    );
    const offOpen = consent.on('open', ({ view }) => {
      if (shown) return;
      askedView = view;
      showInterface();
    });
    const offChange = consent.on('change', startReceipts);
    if (!consent.get().decided) showInterface();
    // A returning visitor's way back to the preferences (and to withdrawal) is the floating button, which
    // the interface draws: fetched once the page has loaded, off the analytics' critical path.
    else if (consent.config.floatingButton) afterLoad(showInterface, signal);
    afterLoad(() => {
      if (hasLeftovers(consent.config.cookie.name)) startReceipts();
    }, signal);
    return () => {
      offOpen();
      offChange();
      for (const cleanup of cleanups) cleanup();
    };
  };
}
