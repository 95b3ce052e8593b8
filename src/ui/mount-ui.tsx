import { h, render } from 'preact';
import type { Lang } from '../config/config-types';
import { resolveLang } from '../config/resolve-lang';
import type { ConsentPlugin, OpenView } from '../store/consent-types';
import { Banner } from './banner';
import { createDocumentLoader } from './create-document-loader';
import { createHost } from './create-host';
import { createPageEndSpacer } from './create-page-end-spacer';
import { createScrollLock } from './create-scroll-lock';
import { DocumentViewer } from './document-viewer';
import { FloatingButton } from './floating-button';
import { focusBack } from './focus-back';
import { followBody } from './follow-body';
import { PreferencesDialog } from './preferences-dialog';
import { createRootStyle } from './root-style';
import { textsFor } from './texts-for';
import { isDoc, type UiProps, type UiState } from './ui-state';

/** Options of `mountUI`. */
export interface MountOptions {
  /** The interface's language; default: the `lang` option, else `<html lang>` when it mounts. */
  lang?: Lang;
}

/**
 * Joins the visitor's interface to an instance: banner, preferences and document viewer inside an
 * open Shadow DOM on a `<soglasie-consent>` element, drawn with preact. It subscribes synchronously,
 * so an `open()` made right after mounting is shown.
 *
 * @example
 * import { createConsent } from 'soglasie';
 * import { mountUI } from 'soglasie/ui';
 * createConsent({ policy: { url: '/policy.txt' } }, { plugins: [mountUI({ lang: 'en' })] });
 */
export function mountUI(options: MountOptions = {}): ConsentPlugin {
  return (consent) => {
    const { config } = consent;
    const lang = options.lang ?? resolveLang(config.lang);
    const texts = textsFor(config, lang);
    const { host, root } = createHost(lang, config.theme);
    // Two layers: the banner or preferences, and a document viewer over them. Opening or closing a
    // document leaves the layer below untouched, ticked boxes and focus included.
    const baseLayer = root.appendChild(document.createElement('div'));
    const topLayer = root.appendChild(document.createElement('div'));
    // Says «Сохранено.» / «Согласие отозвано.» to screen readers: the dialog that was used has closed.
    const status = root.appendChild(document.createElement('p'));
    status.setAttribute('role', 'status');
    status.className = 'sr';

    const state: UiState = {
      view: consent.get().decided ? null : 'banner',
      under: null,
      ticked: {},
      values: {},
      hints: 0,
      hint: '',
    };
    const rootStyle = createRootStyle();
    const lockScroll = createScrollLock(rootStyle);
    const spacer = createPageEndSpacer(rootStyle);
    const isModal = (view: OpenView | null) =>
      view === 'preferences' || (view === 'banner' && config.position === 'modal');
    const openDialog = () => root.querySelector('dialog[open]');
    // Where focus was before a dialog or a document opened, to put it back when it closes.
    let focusBeforeBase: HTMLElement | null = null;
    let focusBeforeDoc: HTMLElement | null = null;
    let mounted = false;

    const keepInPage = (body: HTMLElement) => {
      if (!mounted) return;
      spacer.keepLast(body);
      if (host.isConnected) return;
      body.appendChild(host);
      // Taken out of the page, an open dialog stopped being modal: made modal again.
      for (const dialog of Array.from(root.querySelectorAll('dialog'))) {
        if (dialog.open) {
          dialog.close();
          dialog.showModal();
        }
      }
    };

    const repaint = () => {
      if (document.body) keepInPage(document.body);
      if (!host.isConnected) return;
      const doc = isDoc(state.view) ? state.view : null;
      const below = doc ? state.under : state.view;
      const props: UiProps = { consent, texts, lang, state, show, repaint, load };
      let base = null;
      if (below === 'banner') base = <Banner {...props} />;
      else if (below === 'preferences') base = <PreferencesDialog {...props} />;
      else if (config.floatingButton) base = <FloatingButton {...props} />;
      render(base, baseLayer);
      render(doc ? <DocumentViewer {...props} kind={doc} key={doc} /> : null, topLayer);
      // A dialog is made modal once it is in the page; one that closes leaves the tree.
      for (const dialog of Array.from(root.querySelectorAll('dialog'))) {
        if (!dialog.open) dialog.showModal();
      }
      lockScroll(Boolean(openDialog()));
      const bar = baseLayer.querySelector('section');
      if (bar) spacer.watch(bar);
      // A dialog opened from the bar keeps its room: the page behind must not move.
      else if (openDialog()) spacer.watch(null);
      else spacer.clear();
    };

    function show(view: OpenView | null) {
      const was = state.view;
      const decided = consent.get().decided;
      if (view === 'banner' && decided) view = null;
      const wasBelow = isDoc(was) ? state.under : was;
      // Closing the preferences before deciding goes back to the question, not to nothing.
      if (view === null && !decided && wasBelow === 'preferences') view = 'banner';
      const active = (root.activeElement ?? document.activeElement) as HTMLElement | null;
      const below = isDoc(view) ? wasBelow : view;
      if (isDoc(view) && !isDoc(was)) focusBeforeDoc = active;
      if (below !== wasBelow && isModal(below) && !isDoc(was)) focusBeforeBase = active;
      if (below === 'preferences' && wasBelow !== 'preferences') state.values = { ...consent.get().categories };
      state.under = isDoc(view) ? below : null;
      state.view = view;
      repaint();
      if (below !== wasBelow && isModal(wasBelow)) focusBack(focusBeforeBase, baseLayer);
      else if (isDoc(was) && !isDoc(view)) focusBack(focusBeforeDoc, baseLayer);
      // A control drawn away under the visitor's focus (a decision made in the bar) hands it on too.
      else if (active && !active.isConnected) focusBack(active, baseLayer);
    }

    const load = createDocumentLoader(config);
    // Ends what waits for the page (mounting, the check) when the instance is destroyed first.
    const life = new AbortController();
    let stopFollowing: (() => void) | undefined;
    const mount = () => {
      mounted = true;
      repaint();
      // At once, so that the banner or the floating button never goes missing in between.
      stopFollowing = followBody(keepInPage);
      if (document.readyState === 'complete') warnIfNoWayBack(config.floatingButton);
      else {
        const onLoad = () => warnIfNoWayBack(config.floatingButton);
        addEventListener('load', onLoad, { once: true, signal: life.signal });
      }
    };
    if (document.body) mount();
    else document.addEventListener('DOMContentLoaded', mount, { once: true, signal: life.signal });

    const offOpen = consent.on('open', ({ view }) => show(view));
    const offChange = consent.on('change', ({ event }) => {
      show(null);
      // Once the dialog has closed (a modal dialog makes the rest inert), and anew each time, so that
      // the same words are announced again.
      status.textContent = '';
      requestAnimationFrame(() => {
        status.textContent = event === 'withdraw' ? texts.withdrawn : texts.saved;
      });
    });
    return () => {
      life.abort();
      if (stopFollowing) stopFollowing();
      spacer.clear();
      lockScroll(false);
      offOpen();
      offChange();
      render(null, baseLayer);
      render(null, topLayer);
      host.remove();
    };
  };
}

/** 152-FZ art. 9 part 2: withdrawing must stay possible after the banner has gone. */
function warnIfNoWayBack(floatingButton: boolean) {
  if (floatingButton || document.querySelector('[data-soglasie-open]')) return;
  console.warn(
    'soglasie: no [data-soglasie-open] link and no floating button: a visitor who has decided cannot reopen the preferences to withdraw',
  );
}
