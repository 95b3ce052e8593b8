import type { RootStyle } from './root-style';

/**
 * While a dialog is open the page behind stays put: a swipe on the backdrop or on the dialog's head
 * would scroll it. The scrollbar's room is kept, so that nothing behind shifts sideways.
 *
 * @example
 * const lock = createScrollLock(createRootStyle());
 * lock(true); // a dialog opened
 * lock(false); // it closed: the page scrolls again, where it was
 */
export function createScrollLock(rootStyle: RootStyle): (on: boolean) => void {
  let unlock: (() => void) | undefined;
  return (on) => {
    if (on === Boolean(unlock)) return;
    if (unlock) unlock();
    unlock = undefined;
    if (on) unlock = lockPage(rootStyle);
  };
}

function lockPage(rootStyle: RootStyle): () => void {
  // Where the page's content is on the screen, read off its first element that scrolls with it.
  const mark = Array.from(document.body?.children ?? []).find(
    (element) => !/fixed|sticky/.test(getComputedStyle(element).position),
  );
  const contentTop = () => (mark ? mark.getBoundingClientRect().top : 0);
  const x = scrollX;
  const y = scrollY;
  const before = contentTop();
  if (innerWidth > document.documentElement.clientWidth) rootStyle('scrollbarGutter', 'stable');
  rootStyle('overflow', 'hidden');
  // A <body> with a height and an overflow of its own (html, body { height: 100% } body { overflow-x:
  // hidden }, a common guard) becomes the scroller once <html>'s overflow is set, and the window jumps
  // to its top: <body> scrolls its content back to where it was on the screen, and on unlock the
  // window takes over again. Only <html> is written to.
  const body = scrollY !== y ? document.body : null;
  if (body) body.scrollTop += contentTop() - before;
  return () => {
    const at = contentTop();
    rootStyle('overflow');
    rootStyle('scrollbarGutter');
    if (body) scrollTo(x, scrollY + contentTop() - at);
  };
}
