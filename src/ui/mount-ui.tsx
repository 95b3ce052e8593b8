import type { Lang } from '../config/config-types';
import { resolveLang } from '../config/resolve-lang';
import type { ConsentPlugin, OpenView } from '../store/consent-types';
import { Banner } from './banner';
import { DocumentViewer } from './document-viewer';
import { h } from './h';
import { PreferencesDialog } from './preferences-dialog';
import { createRootStyle } from './root-style';
import { css } from './styles';
import { textsFor } from './texts-for';
import type { UiProps, UiState } from './ui-state';

let sheet: CSSStyleSheet | undefined;
const isDoc = (v: OpenView | null): v is 'policy' | 'consent' => v === 'policy' || v === 'consent';

/**
 * The interface in this language. The script tag's interface file calls it with the language it was
 * chosen by, so that file needs no language detection of its own.
 */
export const mountInLang =
  (lang: Lang): ConsentPlugin =>
  (consent) => {
    const { config } = consent;
    const host = document.createElement('soglasie-consent');
    if (config.theme !== 'auto') host.setAttribute('data-theme', config.theme);
    // Screen readers pick their voice by it: the interface's language may differ from the page's.
    host.lang = lang;
    const root = host.attachShadow({ mode: 'open' });
    if ('adoptedStyleSheets' in root) {
      if (!sheet) (sheet = new CSSStyleSheet()).replaceSync(css);
      root.adoptedStyleSheets = [sheet];
    } else {
      // Browsers without constructable sheets (Safari < 16.4) get a style element instead.
      (root as ShadowRoot).appendChild(document.createElement('style')).textContent = css;
    }
    // Two layers: the banner or preferences, and a document viewer over them. Opening or closing a
    // document leaves the layer below untouched, ticked boxes and focus included.
    const base = root.appendChild(document.createElement('div'));
    const top = root.appendChild(document.createElement('div'));
    // Says «Сохранено.» / «Согласие отозвано.» to screen readers: the dialog that was used has closed.
    const status = root.appendChild(document.createElement('p'));
    status.setAttribute('role', 'status');
    status.className = 'sr';
    const t = textsFor(config, lang);
    const s: UiState = { view: consent.get().decided ? null : 'banner', under: null, ticked: {}, values: {} };
    const texts: Partial<Record<'policy' | 'consent', Promise<string>>> = {};
    const load = (kind: 'policy' | 'consent') => {
      const doc = config[kind];
      return (texts[kind] ??=
        doc.text !== undefined
          ? Promise.resolve(doc.text)
          : fetch(doc.url!, { credentials: 'same-origin' })
              .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`${r.status}`))))
              // A failed load is not kept: opening the document again tries again.
              .catch((error) => {
                delete texts[kind];
                throw error;
              }));
    };
    const props: UiProps = { consent, t, lang, s, show, load };
    let painted: [OpenView | null | undefined, OpenView | null | undefined] = [undefined, undefined];
    // Where focus was before a dialog opened, to put it back when it closes.
    let backBase: HTMLElement | null = null;
    let backTop: HTMLElement | null = null;
    const modal = (v: OpenView | null) => v === 'preferences' || (v === 'banner' && config.position === 'modal');

    // Focus goes back where it was. If that control has been repainted (the banner's «Настроить», the
    // floating button), to its namesake in what is shown now, else to the first control there, rather
    // than to the start of the page.
    const focusBack = (el: HTMLElement | null) => {
      const buttons = Array.from(base.querySelectorAll('button'));
      (el?.isConnected ? el : el && (buttons.find((b) => b.textContent === el.textContent) ?? buttons[0]))?.focus();
    };
    let mounted = false;
    const layer = (into: HTMLElement, node: Node | null) => {
      into.replaceChildren(...(node ? [node] : []));
      into.querySelector('dialog')?.showModal();
    };
    // Pages that swap <body> (Turbo) or its content (pjax, morphing) take the host with them: it follows,
    // and an open dialog is made modal again (taken out of the page, it lost that).
    let watched: HTMLElement | undefined;
    // Whether the page-end spacer (see pad) is wanted, and the bar it stands for.
    let spaced = false;
    let bar: HTMLElement | null = null;
    const follow = () => {
      const body = document.body;
      if (!mounted || !body) return;
      if (body !== watched) swaps.observe((watched = body), { childList: true });
      // The spacer stays last (HTML still streaming in, content added later), and a copy that a snapshot
      // of the page brought back (Turbo's cache) goes: a copy lacks the live one's mark.
      for (const el of Array.from(body.querySelectorAll<HTMLElement & { live?: 1 }>(':scope>soglasie-space')))
        if (!el.live) el.remove();
      if (spaced && body.lastChild != space) body.append(space);
      if (host.isConnected) return;
      body.appendChild(host);
      root.querySelectorAll('dialog').forEach((d) => {
        if (d.open) {
          d.close();
          d.showModal();
        }
      });
    };
    const swaps = new MutationObserver(follow);
    function paint() {
      follow();
      if (!host.isConnected) return;
      const doc = isDoc(s.view) ? s.view : null;
      const below = doc ? s.under : s.view;
      if (below !== painted[0]) {
        layer(
          base,
          below === 'banner'
            ? Banner(props)
            : below === 'preferences'
              ? PreferencesDialog(props)
              : config.floatingButton
                ? h(
                    'button',
                    { class: 'fab', 'aria-label': t.prefs, title: t.prefs, onClick: () => show('preferences') },
                    '⚙',
                  )
                : null,
        );
      }
      if (doc !== painted[1]) layer(top, doc && DocumentViewer({ ...props, kind: doc }));
      painted = [below, doc];
      lock(!!root.querySelector('dialog[open]'));
      room.disconnect();
      bar = base.querySelector('section');
      // The bar's size, and the page's: one that grows past the window later (a single-page app
      // rendering its content) gets the spacer then.
      if (bar) [bar, document.documentElement, document.body].forEach((el) => el && room.observe(el));
      // A dialog opened from the bar keeps its room: the page behind must not move.
      else if (!root.querySelector('dialog[open]')) pad();
    }
    // While the bar shows, the page keeps room for it at the bottom: a page element focused from the
    // keyboard scrolls clear of it instead of hiding behind it (WCAG 2.4.11).
    const rootStyle = createRootStyle();
    // And the page's end can be scrolled clear of it: a spacer as tall as the bar after the page's content
    // (a margin or padding would not lengthen a page whose <html> or <body> has a fixed height). Only on
    // a page longer than the window: on a shorter one a flex or grid <body> would move its footer up.
    const space: HTMLElement & { live?: 1 } = document.createElement('soglasie-space');
    space.live = 1;
    space.setAttribute('aria-hidden', 'true');
    space.style.cssText = 'display:block;margin:0;padding:0;border:0';
    const pad = (px?: number) => {
      rootStyle('scrollPaddingBottom', px ? `${px}px` : undefined);
      spaced =
        !!px && document.documentElement.scrollHeight - (space.isConnected ? space.offsetHeight : 0) > innerHeight;
      if (!spaced) return space.remove();
      space.style.height = `${px}px`;
      follow();
    };
    // From the bar's top to the screen's bottom (its offset and the safe area included), as laid out:
    // offsetTop leaves out the slide-in animation's transform.
    const room = new ResizeObserver(() => bar && pad(innerHeight - bar.offsetTop + 8));
    // While a dialog is open the page behind stays put: a swipe on the backdrop or on the dialog's head
    // would scroll it. The scrollbar's room is kept, so that nothing behind shifts sideways.
    let unlock: (() => void) | undefined;
    function lock(on: boolean) {
      if (on === !!unlock) return;
      unlock?.();
      unlock = undefined;
      if (!on) return;
      // Where the page's content is on the screen, read off its first element that scrolls with it.
      const mark = Array.from(document.body?.children ?? []).find(
        (el) => !/fixed|sticky/.test(getComputedStyle(el).position),
      );
      const top = () => (mark ? mark.getBoundingClientRect().top : 0);
      const [x, y, was] = [scrollX, scrollY, top()];
      if (innerWidth > document.documentElement.clientWidth) rootStyle('scrollbarGutter', 'stable');
      rootStyle('overflow', 'hidden');
      // A <body> with a height and an overflow of its own (html, body { height: 100% } body { overflow-x:
      // hidden }, a common guard) becomes the scroller once <html>'s overflow is set, and the window jumps
      // to its top: <body> scrolls its content back to where it was on the screen, and on unlock the
      // window takes over again. Only <html> is written to.
      const body = scrollY != y && document.body;
      if (body) body.scrollTop += top() - was;
      unlock = () => {
        const at = top();
        rootStyle('overflow');
        rootStyle('scrollbarGutter');
        if (body) scrollTo(x, scrollY + top() - at);
      };
    }
    function show(view: OpenView | null) {
      const was = s.view;
      const decided = consent.get().decided;
      if (view === 'banner' && decided) view = null;
      // Closing the preferences before deciding goes back to the question, not to nothing.
      if (view === null && !decided && (isDoc(was) ? s.under : was) === 'preferences') view = 'banner';
      const active = (root.activeElement ?? document.activeElement) as HTMLElement | null;
      const wasBelow = isDoc(was) ? s.under : was;
      const below = isDoc(view) ? wasBelow : view;
      if (isDoc(view) && !isDoc(was)) backTop = active;
      if (below !== wasBelow && modal(below) && !isDoc(was)) backBase = active;
      if (below === 'preferences' && wasBelow !== 'preferences') s.values = { ...consent.get().categories };
      s.under = isDoc(view) ? below : null;
      s.view = view;
      paint();
      if (below !== wasBelow && modal(wasBelow)) focusBack(backBase);
      else if (isDoc(was) && !isDoc(view)) focusBack(backTop);
      // A control repainted away under the visitor's focus (a decision made in the bar) hands it on too.
      else if (active && !active.isConnected) focusBack(active);
    }
    const mount = () => {
      mounted = true;
      paint();
      // At once, so that the banner or the floating button never goes missing in between.
      swaps.observe(document.documentElement, { childList: true });
      // 152-FZ art. 9 part 2: withdrawing must stay possible after the banner has gone.
      const check = () =>
        config.floatingButton ||
        document.querySelector('[data-soglasie-open]') ||
        console.warn(
          'soglasie: no [data-soglasie-open] link and no floating button: a visitor who has decided cannot reopen the preferences to withdraw',
        );
      if (document.readyState === 'complete') check();
      else addEventListener('load', check, { once: true, signal: life.signal });
    };
    // Ends what waits for the page (mounting, the check) when the instance is destroyed first.
    const life = new AbortController();
    if (document.body) mount();
    else document.addEventListener('DOMContentLoaded', mount, { once: true, signal: life.signal });

    const offOpen = consent.on('open', ({ view }) => show(view));
    const offChange = consent.on('change', ({ event }) => {
      show(null);
      // Once the dialog has closed (a modal dialog makes the rest inert), and anew each time, so that
      // the same words are announced again.
      status.textContent = '';
      requestAnimationFrame(() => (status.textContent = event === 'withdraw' ? t.withdrawn : t.saved));
    });
    return () => {
      life.abort();
      swaps.disconnect();
      room.disconnect();
      pad();
      lock(false);
      offOpen();
      offChange();
      host.remove();
    };
  };

/**
 * `mountUI` in a language fixed by the caller rather than resolved at mount time (for a single-page app
 * that switches languages itself); without one, the same as `mountUI`.
 *
 * @example
 * createConsent(config, { plugins: [mountUIWithLang('en')] });
 */
export const mountUIWithLang =
  (fixed?: Lang): ConsentPlugin =>
  (consent, emit) =>
    mountInLang(fixed ?? resolveLang(consent.config.lang))(consent, emit);

/**
 * Joins the visitor's interface to an instance: banner, preferences and document viewer inside an
 * open Shadow DOM on a `<soglasie-consent>` element. It subscribes synchronously, so an `open()` made
 * right after mounting is shown.
 *
 * @example
 * import { createConsent } from 'soglasie';
 * import { mountUI } from 'soglasie/ui';
 * createConsent({ policy: { url: '/policy.txt' } }, { plugins: [mountUI] });
 */
export const mountUI: ConsentPlugin = (consent, emit) => mountUIWithLang()(consent, emit);
