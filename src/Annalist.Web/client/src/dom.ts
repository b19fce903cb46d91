// Building DOM nodes without ever parsing markup: text is always set as text nodes, so document text,
// names and values from the corpus cannot become elements, attributes or script.

export type Child = Node | string | number | null | undefined | false;
export interface Props {
  class?: string;
  href?: string;
  title?: string;
  id?: string;
  role?: string;
  type?: string;
  name?: string;
  value?: string;
  placeholder?: string;
  for?: string;
  tabindex?: string;
  data?: Record<string, string>;
  aria?: Record<string, string>;
  on?: Record<string, (event: Event) => void>;
}

/** An element with properties and children; strings become text nodes. Hrefs must be routes of this app. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.class) node.className = props.class;
  if (props.href !== undefined) node.setAttribute('href', safeHref(props.href));
  if (props.title) node.title = props.title;
  if (props.id) node.id = props.id;
  if (props.role) node.setAttribute('role', props.role);
  if (props.type) node.setAttribute('type', props.type);
  if (props.name) node.setAttribute('name', props.name);
  if (props.value !== undefined) (node as HTMLInputElement).value = props.value;
  if (props.placeholder) node.setAttribute('placeholder', props.placeholder);
  if (props.for) node.setAttribute('for', props.for);
  if (props.tabindex) node.setAttribute('tabindex', props.tabindex);
  for (const [key, value] of Object.entries(props.data ?? {})) node.dataset[key] = value;
  for (const [key, value] of Object.entries(props.aria ?? {})) node.setAttribute('aria-' + key, value);
  for (const [event, handler] of Object.entries(props.on ?? {})) node.addEventListener(event, handler);
  append(node, ...children);
  return node;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** Only routes of this page (#/…) and same-origin paths: anything else, javascript: above all, becomes inert. */
export function safeHref(href: string): string {
  return href.startsWith('#/') || (href.startsWith('/') && !href.startsWith('//')) ? href : '#/';
}

export function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

export const route = {
  document: (id: number, start?: number, end?: number) => `#/document/${id}` + (start !== undefined ? `?at=${start}-${end ?? start}` : ''),
  entity: (id: string) => `#/entity/${encodeURIComponent(id)}`,
};

export function loading(what: string): HTMLElement {
  return el('p', { class: 'loading', aria: { busy: 'true' } }, `Loading ${what}…`);
}

export function errorBox(error: unknown): HTMLElement {
  const message = error instanceof Error ? error.message : String(error);
  return el('div', { class: 'error', role: 'alert' }, message);
}

export function number(value: number): string {
  return value.toLocaleString('en-US');
}
