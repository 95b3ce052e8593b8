/** The elements whose address the auto-blocking watches. */
export type Watched = HTMLScriptElement | HTMLIFrameElement | HTMLImageElement;

/** What the patches ask the auto-blocking. */
export interface Interceptor {
  /** Keeps a tracker's address from the element until its category is granted; true when it did. */
  hold(element: Watched, url: string): boolean;
  /** The address held for an element: its `src` reads it back, as the page set it. */
  heldUrl(element: Element): string | undefined;
}

const TYPES = [HTMLScriptElement, HTMLIFrameElement, HTMLImageElement];
const isWatched = (node: unknown): node is Watched => TYPES.some((type) => node instanceof type);

/**
 * Routes every way page code gives a script, iframe or image its address through `interceptor.hold`:
 * the `src` property (an image starts loading when it is set, even before it is inserted), `setAttribute`,
 * and insertion (an element cloned or made from markup arrives with its `src`). Anything not held goes
 * on untouched, in the same call. Returns the function that puts the originals back.
 *
 * @example
 * const unpatch = patchElements({ hold: (el, url) => url.includes('tracker'), heldUrl: () => undefined });
 */
export function patchElements(interceptor: Interceptor): () => void {
  const undo: Array<() => void> = [];
  const replace = (target: object, key: string, change: PropertyDescriptor) => {
    const original = Object.getOwnPropertyDescriptor(target, key)!;
    Object.defineProperty(target, key, { ...original, ...change });
    undo.push(() => Object.defineProperty(target, key, original));
    return original;
  };

  for (const type of TYPES) {
    const native = Object.getOwnPropertyDescriptor(type.prototype, 'src')!;
    replace(type.prototype, 'src', {
      get(this: Watched) {
        return interceptor.heldUrl(this) ?? native.get!.call(this);
      },
      set(this: Watched, value: unknown) {
        if (!interceptor.hold(this, String(value))) native.set!.call(this, value);
      },
    });
  }

  const setAttribute = Element.prototype.setAttribute;
  replace(Element.prototype, 'setAttribute', {
    value(this: Element, name: string, value: string) {
      const held = isWatched(this) && String(name).toLowerCase() === 'src' && interceptor.hold(this, String(value));
      if (!held) setAttribute.call(this, name, value);
    },
  });

  const take = (element: Element) => {
    const url = element.getAttribute('src');
    if (url && isWatched(element) && interceptor.hold(element, url)) element.removeAttribute('src');
  };
  const check = (node: unknown) => {
    if (node instanceof Element) take(node);
    if ((node instanceof Element || node instanceof DocumentFragment) && node.firstElementChild)
      node.querySelectorAll('script[src],iframe[src],img[src]').forEach(take);
  };
  // The node inserted is the first argument of these; the others take any number of nodes.
  for (const name of ['appendChild', 'insertBefore', 'replaceChild']) {
    const original = (Node.prototype as unknown as Record<string, (...args: unknown[]) => unknown>)[name];
    replace(Node.prototype, name, {
      value(this: Node, ...args: unknown[]) {
        check(args[0]);
        return original.apply(this, args);
      },
    });
  }
  for (const name of ['append', 'prepend', 'before', 'after', 'replaceWith']) {
    const original = (Element.prototype as unknown as Record<string, (...args: unknown[]) => unknown>)[name];
    replace(Element.prototype, name, {
      value(this: Element, ...args: unknown[]) {
        args.forEach(check);
        return original.apply(this, args);
      },
    });
  }
  return () =>
    undo
      .splice(0)
      .reverse()
      .forEach((restore) => restore());
}
