import type { RootStyle } from './root-style';

/** Room kept for the bar at the bottom of the page while it shows. */
export interface PageEndSpacer {
  /** Keeps room for this bar while it shows (null: keep what there is, e.g. under a dialog opened from it). */
  watch(bar: HTMLElement | null): void;
  /** Gives the room back. */
  clear(): void;
  /** Puts the spacer last in `<body>` again and removes stale copies of it. */
  keepLast(body: HTMLElement): void;
}

type Spacer = HTMLElement & { live?: true };

/**
 * While the bar shows, the page keeps room for it at the bottom: a page element focused from the keyboard
 * scrolls clear of it instead of hiding behind it (WCAG 2.4.11), and the page's end can be scrolled clear
 * of it: a spacer as tall as the bar after the page's content (a margin or padding would not lengthen a
 * page whose `<html>` or `<body>` has a fixed height). Only on a page longer than the window: on a shorter
 * one a flex or grid `<body>` would move its footer up.
 */
export function createPageEndSpacer(rootStyle: RootStyle): PageEndSpacer {
  const space: Spacer = document.createElement('soglasie-space');
  space.live = true;
  space.setAttribute('aria-hidden', 'true');
  space.style.cssText = 'display:block;margin:0;padding:0;border:0';
  let wanted = false;
  let bar: HTMLElement | null = null;

  const keepLast = (body: HTMLElement) => {
    // A copy that a snapshot of the page brought back (Turbo's cache) goes: a copy lacks the live mark.
    for (const element of Array.from(body.querySelectorAll<Spacer>(':scope>soglasie-space'))) {
      if (!element.live) element.remove();
    }
    // HTML still streaming in, or content added later, would leave it mid-page.
    if (wanted && body.lastChild !== space) body.append(space);
  };

  const setRoom = (px: number | undefined) => {
    rootStyle('scrollPaddingBottom', px ? `${px}px` : undefined);
    const pageHeight = document.documentElement.scrollHeight - (space.isConnected ? space.offsetHeight : 0);
    wanted = Boolean(px) && pageHeight > innerHeight;
    if (!wanted) {
      space.remove();
      return;
    }
    space.style.height = `${px}px`;
    if (document.body) keepLast(document.body);
  };

  // The bar's size, and the page's: one that grows past the window later (a single-page app rendering
  // its content) gets the spacer then. From the bar's top to the screen's bottom (its offset and the
  // safe area included), as laid out: offsetTop leaves out the slide-in animation's transform.
  const sizes = new ResizeObserver(() => {
    if (bar) setRoom(innerHeight - bar.offsetTop + 8);
  });

  return {
    watch(next) {
      sizes.disconnect();
      bar = next;
      if (!bar) return;
      for (const element of [bar, document.documentElement, document.body]) {
        if (element) sizes.observe(element);
      }
    },
    clear() {
      sizes.disconnect();
      bar = null;
      setRoom(undefined);
    },
    keepLast,
  };
}
