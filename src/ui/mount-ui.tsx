import { render } from 'preact';
import { resolveLang } from '../config/resolve-lang';
import type { ConsentPlugin, OpenView } from '../store/consent-types';
import { App } from './app';
import { css } from './styles';
import { textsFor } from './texts-for';
import type { UiState } from './ui-state';

let sheet: CSSStyleSheet | undefined;
const isDoc = (v: OpenView | null): v is 'policy' | 'consent' => v === 'policy' || v === 'consent';
const isDialog = (v: OpenView | null) => v === 'preferences' || isDoc(v) || v === 'banner';

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
export const mountUI: ConsentPlugin = (consent) => {
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
  const lang = resolveLang(config.lang);
  const t = textsFor(config, lang);
  let s: UiState = { view: consent.get().decided ? null : 'banner', under: null, ticked: {}, hint: false, values: {}, docs: {} };
  // Where focus was before a dialog opened, to put it back when the dialogs are gone.
  let back: HTMLElement | null = null;
  let mounted = false;

  const paint = () => mounted && render(<App consent={consent} t={t} lang={lang} s={s} set={set} show={show} />, root);
  function set(patch: Partial<UiState>) {
    s = { ...s, ...patch };
    paint();
  }
  function show(view: OpenView | null) {
    const was = s.view;
    if (!isDialog(was) || was === 'banner') back = (root.activeElement ?? document.activeElement) as HTMLElement | null;
    const patch: Partial<UiState> = { view, under: isDoc(view) ? (isDoc(was) ? s.under : was) : null };
    if (view === 'preferences' && was !== 'preferences' && !isDoc(was)) patch.values = consent.get().categories;
    const doc = isDoc(view) && config[view];
    if (doc && doc.text === undefined && doc.url && s.docs[view as 'policy'] === undefined) {
      const kind = view as 'policy' | 'consent';
      fetch(doc.url, { credentials: 'same-origin' })
        .then((r) => (r.ok ? r.text() : Promise.reject()))
        .then(
          (text) => set({ docs: { ...s.docs, [kind]: text } }),
          () => set({ docs: { ...s.docs, [kind]: false } }),
        );
    }
    set(patch);
    if (!isDialog(view) || (view === 'banner' && config.position !== 'modal')) back?.focus?.();
  }
  const mount = () => {
    document.body.appendChild(host);
    mounted = true;
    paint();
  };
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount, { once: true });

  const offOpen = consent.on('open', ({ view }) => show(view));
  const offChange = consent.on('change', () => show(null));
  return () => {
    offOpen();
    offChange();
    render(null, root);
    host.remove();
  };
};
