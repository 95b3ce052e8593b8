import { render } from 'preact';
import { resolveLang } from '../config/resolve-lang';
import type { ConsentPlugin, OpenView } from '../store/consent-types';
import { App, type Shown } from './app';
import { css } from './styles';
import { textsFor } from './texts-for';

let sheet: CSSStyleSheet | undefined;

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
  const host = document.createElement('soglasie-consent');
  const { theme } = consent.config;
  if (theme !== 'auto') host.setAttribute('data-theme', theme);
  const root = host.attachShadow({ mode: 'open' });
  if ('adoptedStyleSheets' in root) {
    sheet ??= new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } else {
    // Browsers without constructable sheets (Safari < 16.4) get a style element instead.
    (root as ShadowRoot).appendChild(document.createElement('style')).textContent = css;
  }
  const lang = resolveLang(consent.config.lang);
  const t = textsFor(consent.config, lang);
  let shown: Shown = { view: consent.get().decided ? null : 'banner', under: null };
  let mounted = false;
  const paint = () => mounted && render(<App consent={consent} t={t} lang={lang} shown={shown} show={show} />, root);
  function show(view: OpenView | null) {
    const isDoc = (v: OpenView | null) => v === 'policy' || v === 'consent';
    // A document opened over the banner or the preferences returns there when closed.
    shown = { view, under: isDoc(view) ? (isDoc(shown.view) ? shown.under : shown.view) : null };
    paint();
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
