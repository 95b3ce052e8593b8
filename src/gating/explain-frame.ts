import { resolveLang } from '../config/resolve-lang';
import { canGrant } from '../store/can-grant';
import type { Consent } from '../store/consent-types';

const TEXTS = {
  ru: [
    'Сторонний сервис получит данные о вашем визите, поэтому блок откроется после согласия: {category}.',
    'Разрешить',
    'Аналитика',
    'Маркетинг',
  ],
  en: [
    'This third-party content would receive data about your visit, so it opens once you allow: {category}.',
    'Allow',
    'Analytics',
    'Marketing',
  ],
};

/**
 * Fills the stand-in shown before a gated iframe (`<div data-consent-placeholder>`, made and styled by
 * the gating): why it is empty, and a button that grants its categories. Plain DOM only, no markup, so
 * it works under a strict CSP. Sites can override its texts with `texts.{ru,en}.frameNotice`
 * (`{category}` is filled in) and `frameAllow`.
 *
 * @example
 * explainFrame(consent, box, 'marketing');
 */
export function explainFrame(consent: Consent, box: HTMLElement, need: string): void {
  const { categories, texts, lang } = consent.config;
  const l = resolveLang(lang);
  const [notice, allow, analytics, marketing] = TEXTS[l];
  const own = texts[l] || {};
  const ids = need.split(/\s+/);
  const names = ids.map((id) => {
    const label = categories.find((c) => c.id === id)?.label;
    return (
      (typeof label === 'string' ? label : label?.[l] || label?.ru || label?.en) || { analytics, marketing }[id] || id
    );
  });
  const button = document.createElement('button');
  box.textContent = (own.frameNotice || notice).replace('{category}', names.join(', ')) + ' ';
  button.type = 'button';
  button.textContent = own.frameAllow || allow;
  // Only what can be granted is asked for here: a category the site never configured, or marketing
  // under Global Privacy Control, would be saved as a refusal. The preferences explain those.
  const grantable = ids.every((id) => canGrant(consent.config.optional, id, consent.get().gpc));
  button.onclick = () =>
    grantable
      ? consent.set(Object.fromEntries(ids.map((id) => [id, true])), { method: 'button' })
      : consent.open('preferences');
  box.append(button);
}
