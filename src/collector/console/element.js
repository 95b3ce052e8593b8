/**
 * Create an element with attributes and children. Children are text or
 * nodes; text always goes in as text, never as HTML, so receipt fields a
 * visitor's browser sent (page, operator, user agent) stay inert.
 *
 * @example
 * element('td', { class: 'hash' }, receipt.hash);
 */
export function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === undefined || value === null) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' || typeof child === 'number' ? String(child) : child);
  }
  return node;
}

/** A `<dl>` of label/value pairs; a value may be a node. */
export function facts(pairs) {
  const list = element('dl', { class: 'facts' });
  for (const [label, value] of pairs) {
    list.append(element('dt', {}, label), element('dd', {}, value === null || value === undefined ? '—' : value));
  }
  return list;
}

/** A UTC time as `2025-01-01 12:00:00 UTC`. */
export function formatTime(iso) {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}
