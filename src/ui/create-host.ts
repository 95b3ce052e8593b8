import type { Lang } from '../config/config-types';
import css from './styles.css';

let sheet: CSSStyleSheet | undefined;

/**
 * The `<soglasie-consent>` element the interface lives in, with an open shadow root holding our one
 * stylesheet: the page's CSS cannot reach in, ours cannot leak out, and no `<style>` tag is needed under
 * a strict style-src.
 */
export function createHost(lang: Lang, theme: string): { host: HTMLElement; root: ShadowRoot } {
  const host = document.createElement('soglasie-consent');
  if (theme !== 'auto') host.setAttribute('data-theme', theme);
  // Screen readers pick their voice by it: the interface's language may differ from the page's.
  host.lang = lang;
  const root = host.attachShadow({ mode: 'open' });
  if ('adoptedStyleSheets' in root) {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    }
    root.adoptedStyleSheets = [sheet];
  } else {
    // Browsers without constructable sheets (Safari < 16.4) get a style element instead.
    const style = document.createElement('style');
    style.textContent = css;
    (root as ShadowRoot).appendChild(style);
  }
  return { host, root };
}
