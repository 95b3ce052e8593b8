/** Something JSX can hold: a node, text, or nothing. */
export type Child = Node | string | number | boolean | null | undefined | Child[];
type Props = Record<string, unknown> & { children?: Child[] };
type Component = (props: any) => Node;

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    type Element = Node;
    interface IntrinsicElements {
      [tag: string]: Record<string, unknown>;
    }
  }
}

function append(parent: Node, children: Child[]): void {
  for (const c of children) {
    if (Array.isArray(c)) append(parent, c);
    else if (c != null && typeof c !== 'boolean')
      parent.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
  }
}

/**
 * The JSX factory of the UI: builds real DOM nodes once. The interface needs no diffing renderer —
 * its state is the form's own state (boxes, switches) — so this replaces a 4.8 KB library with a few
 * lines. Text is always a text node: nothing here parses HTML.
 *
 * @example
 * const button = <button class="alt" onClick={() => consent.decline()}>Отклонить</button>;
 */
export function h(tag: string | Component, props: Props | null, ...children: Child[]): Node {
  if (typeof tag === 'function') return tag({ ...props, children });
  const el = document.createElement(tag);
  for (const key in props) {
    const v = props[key];
    if (key === 'ref') (v as (el: Element) => void)(el);
    else if (key[0] === 'o' && key[1] === 'n') el.addEventListener(key.slice(2).toLowerCase(), v as EventListener);
    else if (key === 'style') Object.assign(el.style, v);
    // Properties for live state (checked, disabled, hidden, tabIndex, href, type); attributes for the rest.
    else if (key in el && !key.includes('-')) (el as unknown as Record<string, unknown>)[key] = v;
    else if (v != null && v !== false) el.setAttribute(key, String(v));
  }
  append(el, children);
  return el;
}

/** `<>…</>` */
export function Fragment(props: { children?: Child[] }): Node {
  const f = document.createDocumentFragment();
  append(f, props.children ?? []);
  return f;
}
