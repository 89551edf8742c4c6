/**
 * Building elements without HTML strings, so no text from the graph is ever parsed as markup.
 * `h('li', { class: 'x', onclick: f }, 'text', child)`: attributes, event handlers (on…),
 * then children; null, false and undefined children are skipped.
 */
type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | ((e: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(name.slice(2), value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  el.append(...children.filter((c): c is Node | string | number => c !== null && c !== undefined && c !== false).map(asChild));
  return el;
}

const asChild = (c: Node | string | number) => (typeof c === 'number' ? String(c) : c);

export const byId = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
