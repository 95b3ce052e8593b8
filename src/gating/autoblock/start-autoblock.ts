import type { CatalogueEntry } from '../catalogue/catalogue-entry';
import { matchTracker } from '../catalogue/match-tracker';
import { pageNonce } from '../page-nonce';
import { runScript } from '../run-script';
import { patchElements, type Watched } from './patch-elements';
import { warnOnce } from './warn-once';

/** Options of `startAutoblock`. */
export interface AutoblockOptions {
  /** The trackers to hold; the first entry that matches an address wins. */
  entries: CatalogueEntry[];
  /** Whether a category is granted now. */
  granted(category: string): boolean;
  /** Called once per entry, the first time the page asks for one of its addresses, before anything of it loads. */
  onFound(entry: CatalogueEntry): void;
}

/** The running auto-blocking. */
export interface Autoblock {
  /** Lets go, in the order the page asked for them, what is held for categories granted now. */
  release(): void;
  /** Puts the browser's own methods back; what is still held stays inert. */
  stop(): void;
}

interface Held {
  element: Watched;
  entry: CatalogueEntry;
  /** The address kept from the element; none for a script of the page's HTML, which was retyped instead. */
  url?: string;
}

// Scripts the browser would run. One of another type (a gated `type="text/plain"` copy) runs only
// through the gating, which asks for its category itself.
const RUNNABLE = /^(|text\/javascript|application\/javascript|module)$/i;
const inert = (element: Element) => element instanceof HTMLScriptElement && !RUNNABLE.test(element.type);

/**
 * Holds known trackers' scripts, iframes and images until their category is granted. Scripts of the
 * page's HTML are caught by a MutationObserver while the document is parsed (before the parser runs
 * them) and retyped; elements that page code makes never get a tracker's address until then (see
 * `patchElements`). Everything else is not touched: never delayed, copied or moved. Call it from a
 * script that runs before the trackers' own, i.e. first in `<head>`.
 *
 * @example
 * const blocker = startAutoblock({ entries: CATALOGUE, granted: (id) => consent.has(id), onFound: () => {} });
 * consent.on('change', () => blocker.release());
 */
export function startAutoblock(options: AutoblockOptions): Autoblock {
  const { entries, granted, onFound } = options;
  const held: Held[] = [];
  const heldBy = new WeakMap<Element, Held>();
  const found = new Set<string>();

  const find = (url: string) => {
    const entry = matchTracker(url, entries, document.baseURI);
    if (entry && !found.has(entry.id)) {
      found.add(entry.id);
      onFound(entry);
    }
    return entry;
  };
  const keep = (record: Held) => {
    held.push(record);
    heldBy.set(record.element, record);
  };

  const unpatch = patchElements({
    hold(element, url) {
      const previous = heldBy.get(element);
      // A script of the HTML is held by its type; any other address set later replaces the held one.
      if (previous && !previous.url) return false;
      if (previous) {
        held.splice(held.indexOf(previous), 1);
        heldBy.delete(element);
      }
      const entry = find(url);
      if (!entry || granted(entry.category)) return false;
      keep({ element, entry, url: new URL(url, document.baseURI).href });
      return true;
    },
    heldUrl: (element) => heldBy.get(element)?.url,
  });

  // What is on the page already ran before this tag could hold it (a misplaced tag, document.write).
  for (const element of Array.from(document.querySelectorAll<Watched>('script[src],iframe[src],img[src]'))) {
    const url = element.getAttribute('src')!;
    const entry = !inert(element) && find(url);
    if (entry && !granted(entry.category))
      warnOnce(url, 'loaded before the Soglasie tag, which cannot hold it: put the Soglasie tag first in <head>');
  }

  const parsed = (node: Node) => {
    if (!(node instanceof HTMLScriptElement || node instanceof HTMLIFrameElement || node instanceof HTMLImageElement))
      return;
    const url = node.getAttribute('src');
    const entry = url && !heldBy.has(node) && !inert(node) && find(url);
    if (!entry || granted(entry.category)) return;
    if (!(node instanceof HTMLScriptElement))
      warnOnce(
        url,
        `is in the page's HTML and loads at once: write data-src instead of src, with data-consent="${entry.category}"`,
      );
    else {
      // Runs, once released, as the type it had (runScript reads data-type).
      if (node.type) node.setAttribute('data-type', node.type);
      node.type = 'text/plain';
      keep({ element: node, entry });
    }
  };
  const observer = new MutationObserver((records) => records.forEach((r) => r.addedNodes.forEach(parsed)));
  const parsedAll = () => {
    observer.takeRecords().forEach((r) => r.addedNodes.forEach(parsed));
    observer.disconnect();
    // The pixel that Metrica's and others' snippets carry for browsers without JavaScript.
    document.querySelectorAll('noscript').forEach((box) => {
      for (const url of box.textContent?.match(/https?:\/\/[^\s"'<>]+/g) || [])
        if (find(url))
          warnOnce(url, 'is in a <noscript> pixel, which browsers without JavaScript send without consent: remove it');
    });
  };
  if (document.readyState === 'loading') {
    observer.observe(document, { childList: true, subtree: true });
    document.addEventListener('DOMContentLoaded', parsedAll, { once: true });
  } else parsedAll();

  return {
    release() {
      for (const record of held.slice()) {
        if (!granted(record.entry.category)) continue;
        held.splice(held.indexOf(record), 1);
        heldBy.delete(record.element);
        const { element, url } = record;
        if (url) element.setAttribute('src', url);
        // Under a nonce-based CSP a script of the HTML without the nonce would never have run.
        else if (!pageNonce() || element.nonce === pageNonce()) runScript(element as HTMLScriptElement);
      }
    },
    stop() {
      observer.disconnect();
      document.removeEventListener('DOMContentLoaded', parsedAll);
      unpatch();
    },
  };
}
