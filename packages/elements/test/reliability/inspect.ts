/**
 * What the hostile-content and fault suites look at: traps for anything that would show that
 * script ran (dialogs, a global canary, window.open, uncaught errors), a walk of every shadow root
 * for elements, attributes and links that data must never produce, and the layout of the host.
 */

declare global {
  interface Window {
    __pkCanary?: (tag?: string) => void;
  }
}

/** Everything that must stay empty while hostile data renders. */
export interface Traps {
  /** `alert: 1`, `canary: img`, `uncaught: ...` and so on, in order. */
  readonly fired: string[];
  restore(): void;
}

/** Replaces `alert`, `confirm`, `prompt`, `print` and `open`, sets the canary, listens for uncaught errors. */
export function installTraps(): Traps {
  const fired: string[] = [];
  const saved = { alert: window.alert, confirm: window.confirm, prompt: window.prompt, print: window.print, open: window.open };
  window.alert = (message?: unknown) => void fired.push(`alert: ${String(message)}`);
  window.confirm = (message?: string) => (fired.push(`confirm: ${message}`), false);
  window.prompt = (message?: string) => (fired.push(`prompt: ${message}`), null);
  window.print = () => void fired.push('print');
  window.open = (url?: string | URL) => (fired.push(`open: ${String(url)}`), null);
  window.__pkCanary = (tag?: string) => void fired.push(`canary: ${tag}`);
  const onError = (event: ErrorEvent) => void fired.push(`uncaught: ${event.message}`);
  const onRejection = (event: PromiseRejectionEvent) => void fired.push(`unhandled rejection: ${String((event.reason as Error | undefined)?.message ?? event.reason)}`);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    fired,
    restore() {
      Object.assign(window, saved);
      delete window.__pkCanary;
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/**
 * Traps around each test of the enclosing `describe`: installed before it, restored after it.
 * `fired` is the running test's list.
 */
export function trapEachTest(): { readonly fired: string[] } {
  let current: Traps | undefined;
  beforeEach(() => {
    current = installTraps();
  });
  afterEach(() => {
    current?.restore();
    current = undefined;
  });
  return {
    get fired() {
      return current?.fired ?? [];
    },
  };
}

/** Every element under `host`'s shadow root, through nested shadow roots. */
export function deepElements(host: Element): Element[] {
  const out: Element[] = [];
  const visit = (root: ParentNode) => {
    for (const el of root.querySelectorAll('*')) {
      out.push(el);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  if (host.shadowRoot) visit(host.shadowRoot);
  return out;
}

/** The text a person can read under `host` (shadow roots included, styles excluded). */
export function deepText(host: Element): string {
  const parts: string[] = [];
  const visit = (node: Node) => {
    if (node instanceof HTMLStyleElement) return;
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    if (node instanceof Element && node.shadowRoot) visit(node.shadowRoot);
    for (const child of node.childNodes) visit(child);
  };
  if (host.shadowRoot) visit(host.shadowRoot);
  return parts.join(' ');
}

/** Element kinds data may never bring into a widget. */
const FORBIDDEN = new Set(['script', 'iframe', 'frame', 'object', 'embed', 'base', 'meta', 'link', 'noscript', 'template', 'math', 'applet', 'portal']);
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'data', 'background', 'srcset', 'ping', 'cite'];

/** The kinds of elements and attributes a render holds, to compare a hostile render with a harmless one. */
export interface Shape {
  tags: Set<string>;
  attributes: Set<string>;
}

export function shapeOf(host: Element): Shape {
  const shape: Shape = { tags: new Set(), attributes: new Set() };
  for (const el of deepElements(host)) {
    shape.tags.add(el.localName);
    for (const attribute of el.getAttributeNames()) shape.attributes.add(`${el.localName}[${attribute}]`);
  }
  return shape;
}

/**
 * Problems in `host`'s shadow DOM: forbidden elements, event-handler attributes, links or sources
 * that are not http(s) (or a same-document `#fragment`), open dialogs, and elements or attributes
 * a harmless render of the same data shape (`baseline`) does not have.
 */
export function inspect(host: Element, baseline?: Shape): string[] {
  const problems: string[] = [];
  for (const el of deepElements(host)) {
    const tag = el.localName;
    if (FORBIDDEN.has(tag)) problems.push(`<${tag}> in the shadow DOM`);
    if (tag === 'dialog' && el.hasAttribute('open')) problems.push('an open <dialog>');
    if (baseline && !baseline.tags.has(tag)) problems.push(`<${tag}>, which a harmless render does not have`);
    for (const name of el.getAttributeNames()) {
      const value = el.getAttribute(name) ?? '';
      if (/^on/i.test(name)) problems.push(`<${tag} ${name}="${value.slice(0, 60)}">`);
      if (baseline && !baseline.attributes.has(`${tag}[${name}]`)) problems.push(`<${tag} ${name}>, which a harmless render does not have`);
      if (URL_ATTRIBUTES.includes(name.toLowerCase()) && value !== '') {
        const candidates = name === 'srcset' ? value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [value];
        for (const candidate of candidates) {
          if (candidate.startsWith('#')) continue;
          let protocol = '';
          try {
            protocol = new URL(candidate).protocol;
          } catch {
            protocol = 'relative';
          }
          if (protocol !== 'http:' && protocol !== 'https:') problems.push(`<${tag} ${name}="${candidate.slice(0, 80)}"> is not an http(s) link`);
        }
      }
      if (name === 'style' && /url\(|expression|javascript:/i.test(value)) problems.push(`<${tag} style="${value.slice(0, 80)}">`);
    }
  }
  return [...new Set(problems)];
}

/**
 * Layout problems of `host` inside `container` (a box of fixed width): wider than the container,
 * content overflowing it sideways, no height, or taller than `maxHeight`.
 */
export function layoutProblems(host: HTMLElement, container: HTMLElement, maxHeight: number, tolerance = 2): string[] {
  const problems: string[] = [];
  const box = host.getBoundingClientRect();
  const width = container.clientWidth;
  if (box.width > width + tolerance) problems.push(`the element is ${Math.round(box.width)}px wide in a ${width}px container`);
  if (container.scrollWidth > width + tolerance) problems.push(`content overflows the ${width}px container to ${container.scrollWidth}px`);
  if (box.height <= 0) problems.push('the element has no height');
  if (box.height > maxHeight) problems.push(`the element is ${Math.round(box.height)}px tall (at most ${Math.round(maxHeight)}px expected)`);
  // Overflow inside the element's own box, sideways (scrolling regions the widget made are fine).
  for (const el of deepElements(host)) {
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) continue;
    if (rect.right > box.right + tolerance && !insideScroller(el, host)) {
      problems.push(`<${el.localName} part="${el.getAttribute('part') ?? ''}" class="${el.getAttribute('class') ?? ''}"> sticks out ${Math.round(rect.right - box.right)}px to the right`);
      break;
    }
  }
  return problems;
}

/** The parent in the flat tree: the parent element, or the shadow host at a shadow root's top. */
function parentOf(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** True when `el` sits inside a region of the widget that clips or scrolls its overflow. */
function insideScroller(el: Element, host: Element): boolean {
  for (let node = parentOf(el); node && node !== host; node = parentOf(node)) {
    if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(node).overflowX)) return true;
  }
  return false;
}

/** Whitespace collapsed, for comparing what was rendered with what was sent. */
export const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();
