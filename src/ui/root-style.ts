type RootProp = 'overflow' | 'scrollbarGutter' | 'scrollPaddingBottom';

/** Sets (with a value) or gives back (without) one inline style of `<html>`. */
export type RootStyle = (prop: RootProp, value?: string) => void;

/**
 * Inline styles the interface sets on the page's `<html>` while it needs them (a scroll lock, room for
 * the bar), with the page's own inline values given back: `rootStyle('overflow', 'hidden')` sets one,
 * `rootStyle('overflow')` restores what was there before the first set, unless the page has set a value
 * of its own meanwhile (its menu's scroll lock), which then stays. Each instance keeps its own.
 *
 * @example
 * const rootStyle = createRootStyle();
 * rootStyle('scrollPaddingBottom', '120px');
 * rootStyle('scrollPaddingBottom'); // the page's value again
 */
export function createRootStyle(): RootStyle {
  const saved: Partial<Record<RootProp, [page: string, ours: string]>> = {};
  return (prop, value) => {
    const style = document.documentElement.style;
    const was = saved[prop];
    if (value !== undefined) {
      const page = was ? was[0] : style[prop];
      style[prop] = value;
      // As the browser wrote it back: what is compared on restore.
      saved[prop] = [page, style[prop]];
    } else if (was) {
      if (style[prop] === was[1]) style[prop] = was[0];
      delete saved[prop];
    }
  };
}
