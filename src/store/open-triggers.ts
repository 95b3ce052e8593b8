import type { ConsentPlugin, OpenView } from './consent-types';

const VIEWS = ['policy', 'consent', 'banner', 'preferences'];

/**
 * Any page element can reopen the preferences or a document, e.g. a footer link
 * `<a href="#" data-soglasie-open>Настройки cookie</a>` or `data-soglasie-open="policy"`.
 * Lives in the core so that a click works before the UI is loaded (it is loaded on demand).
 */
export const openTriggers: ConsentPlugin = (consent) => {
  const onClick = (e: MouseEvent) => {
    const trigger = (e.target as Element | null)?.closest?.('[data-soglasie-open]');
    if (!trigger) return;
    e.preventDefault();
    const view = trigger.getAttribute('data-soglasie-open')!;
    consent.open((VIEWS.includes(view) ? view : 'preferences') as OpenView);
  };
  document.addEventListener('click', onClick);
  return () => document.removeEventListener('click', onClick);
};
