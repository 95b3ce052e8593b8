type PageProp = 'overflow' | 'scrollbarGutter' | 'scrollPaddingBottom';

/**
 * Inline styles the interface sets on the page's `<html>` or `<body>` while it needs them (a scroll lock,
 * room for the bar), with the page's own inline values given back: `style('overflow', 'hidden')` sets one,
 * `style('overflow')` restores what was there before the first set. Each instance keeps its own.
 *
 * @example
 * const style = createPageStyle(document.documentElement);
 * style('scrollPaddingBottom', '120px');
 * style('scrollPaddingBottom'); // the page's value again
 */
export function createPageStyle(el: HTMLElement): (prop: PageProp, value?: string) => void {
  const saved: Partial<Record<PageProp, string>> = {};
  return (prop, value) => {
    const st = el.style;
    if (value !== undefined) {
      saved[prop] ??= st[prop];
      st[prop] = value;
    } else if (saved[prop] !== undefined) {
      st[prop] = saved[prop];
      delete saved[prop];
    }
  };
}
