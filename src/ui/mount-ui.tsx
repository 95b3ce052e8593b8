import type { Lang } from '../config/config-types';
import { resolveLang } from '../config/resolve-lang';
import type { ConsentPlugin, OpenView } from '../store/consent-types';
import { Banner } from './banner';
import { DocumentViewer } from './document-viewer';
import { h } from './h';
import { PreferencesDialog } from './preferences-dialog';
import { css } from './styles';
import { textsFor } from './texts-for';
import type { UiProps, UiState } from './ui-state';

let sheet: CSSStyleSheet | undefined;
const isDoc = (v: OpenView | null): v is 'policy' | 'consent' => v === 'policy' || v === 'consent';

/**
 * `mountUI` in a language fixed by the caller rather than resolved at mount time: the script tag picks
 * its interface file by language when it starts, and the interface must show that language even if the
 * page's `<html lang>` changes meanwhile.
 *
 * @example
 * createConsent(config, { plugins: [mountUIWithLang('en')] });
 */
export const mountUIWithLang =
  (fixed?: Lang): ConsentPlugin =>
  (consent) => {
    const { config } = consent;
    const host = document.createElement('soglasie-consent');
    if (config.theme !== 'auto') host.setAttribute('data-theme', config.theme);
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
    const lang = fixed ?? resolveLang(config.lang);
    const t = textsFor(config, lang);
    const s: UiState = { view: consent.get().decided ? null : 'banner', under: null, ticked: {}, values: {} };
    const texts: Partial<Record<'policy' | 'consent', Promise<string>>> = {};
    const load = (kind: 'policy' | 'consent') => {
      const doc = config[kind];
      return (texts[kind] ??=
        doc.text !== undefined
          ? Promise.resolve(doc.text)
          : fetch(doc.url!, { credentials: 'same-origin' }).then((r) => (r.ok ? r.text() : Promise.reject(new Error(`${r.status}`)))));
    };
    const props: UiProps = { consent, t, lang, s, show, load };
    let painted: [OpenView | null | undefined, OpenView | null | undefined] = [undefined, undefined];
    // Where focus was before a dialog opened, to put it back when it closes.
    let backBase: HTMLElement | null = null;
    let backTop: HTMLElement | null = null;
    const modal = (v: OpenView | null) => v === 'preferences' || (v === 'banner' && config.position === 'modal');

    const layer = (into: HTMLElement, node: Node | null) => {
      into.replaceChildren(...(node ? [node] : []));
      into.querySelector('dialog')?.showModal();
    };
    function paint() {
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
                ? h('button', { class: 'fab', 'aria-label': t.prefs, title: t.prefs, onClick: () => show('preferences') }, '⚙')
                : null,
        );
      }
      if (doc !== painted[1]) layer(top, doc && DocumentViewer({ ...props, kind: doc }));
      painted = [below, doc];
    }
    function show(view: OpenView | null) {
      if (view === 'banner' && consent.get().decided) view = null;
      const was = s.view;
      const active = (root.activeElement ?? document.activeElement) as HTMLElement | null;
      const wasBelow = isDoc(was) ? s.under : was;
      const below = isDoc(view) ? wasBelow : view;
      if (isDoc(view) && !isDoc(was)) backTop = active;
      if (below !== wasBelow && modal(below) && !isDoc(was)) backBase = active;
      if (below === 'preferences' && wasBelow !== 'preferences') s.values = { ...consent.get().categories };
      s.under = isDoc(view) ? below : null;
      s.view = view;
      paint();
      if (below !== wasBelow && modal(wasBelow)) backBase?.focus();
      else if (isDoc(was) && !isDoc(view)) backTop?.focus();
    }
    const mount = () => {
      document.body.appendChild(host);
      paint();
    };
    if (document.body) mount();
    else document.addEventListener('DOMContentLoaded', mount, { once: true });

    const offOpen = consent.on('open', ({ view }) => show(view));
    const offChange = consent.on('change', () => show(null));
    return () => {
      offOpen();
      offChange();
      host.remove();
    };
  };

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
export const mountUI: ConsentPlugin = mountUIWithLang();
