import { render } from 'preact';
import { resolveLang } from '../config/resolve-lang';
import type { ConsentPlugin, OpenView } from '../store/consent-types';
import { App } from './app';
import { css } from './styles';
import { textsFor } from './texts-for';

let sheet: CSSStyleSheet | undefined;

/**
 * Joins the visitor's interface to an instance: banner, preferences and document viewer inside an
 * open Shadow DOM on a `<soglasie-consent>` element, and `[data-soglasie-open]` page elements as triggers.
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
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    }
    root.adoptedStyleSheets = [sheet];
  } else {
    // Browsers without constructable sheets (Safari < 16.4) get a style element instead.
    (root as ShadowRoot).appendChild(document.createElement('style')).textContent = css;
  }
  const lang = resolveLang(consent.config.lang);
  const mount = () => {
    document.body.appendChild(host);
    render(<App consent={consent} t={textsFor(consent.config, lang)} lang={lang} />, root);
  };
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount, { once: true });

  // Any page element can reopen the preferences (or a document): <a data-soglasie-open>Настройки cookie</a>.
  const onClick = (e: MouseEvent) => {
    const trigger = (e.target as Element | null)?.closest?.('[data-soglasie-open]');
    if (!trigger) return;
    e.preventDefault();
    const view = trigger.getAttribute('data-soglasie-open');
    consent.open(view === 'policy' || view === 'consent' || view === 'banner' ? (view as OpenView) : 'preferences');
  };
  document.addEventListener('click', onClick);
  return () => {
    document.removeEventListener('click', onClick);
    render(null, root);
    host.remove();
  };
};
