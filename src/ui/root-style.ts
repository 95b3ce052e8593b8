type RootProp = 'overflow' | 'scrollbarGutter' | 'scrollPaddingBottom';

/**
 * Inline styles the interface sets on the page's `<html>` while it needs them (a scroll lock, room for
 * the bar), with the page's own inline values given back: `rootStyle('overflow', 'hidden')` sets one,
 * `rootStyle('overflow')` restores what was there before the first set. Each instance keeps its own.
 *
 * @example
 * const rootStyle = createRootStyle();
 * rootStyle('scrollPaddingBottom', '120px');
 * rootStyle('scrollPaddingBottom'); // the page's value again
 */
export function createRootStyle(): (prop: RootProp, value?: string) => void {
  const saved: Partial<Record<RootProp, string>> = {};
  return (prop, value) => {
    const st = document.documentElement.style;
    if (value !== undefined) {
      saved[prop] ??= st[prop];
      st[prop] = value;
    } else if (saved[prop] !== undefined) {
      st[prop] = saved[prop];
      delete saved[prop];
    }
  };
}
