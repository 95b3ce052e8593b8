import type { Lang } from './config-types';

const pick = (hint: string | undefined): Lang | undefined => {
  const m = /^(ru|en)\b/i.exec(hint ?? '');
  return m ? (m[1].toLowerCase() as Lang) : undefined;
};

/** The configured language, else the page's `<html lang>`, else the browser's, else ru. */
export function resolveLang(configured?: Lang): Lang {
  return (
    configured ??
    (typeof document !== 'undefined' ? pick(document.documentElement.lang) : undefined) ??
    (typeof navigator !== 'undefined' ? pick(navigator.language) : undefined) ??
    'ru'
  );
}
