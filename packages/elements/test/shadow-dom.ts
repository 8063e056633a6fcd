/**
 * Reading and driving a widget's shadow DOM in browser tests, as the widgets' test helpers share.
 * @module
 */
import { waitUntil } from '@open-wc/testing';

export const $ = <E extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<E>(selector);
export const part = <E extends Element = HTMLElement>(el: Element, name: string) => $<E>(el, `[part~="${name}"]`);
export const parts = <E extends Element = HTMLElement>(el: Element, name: string) => [...el.shadowRoot!.querySelectorAll<E>(`[part~="${name}"]`)];
/** Text with whitespace collapsed. */
export const text = (node: Node | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Waits until `predicate` holds, checking every 10 ms (up to 5 s). */
export const until = (predicate: () => unknown, what = 'condition', timeout = 5_000) =>
  waitUntil(predicate, `timed out waiting for ${what}`, { interval: 10, timeout });

/** The button inside `root` (an element's shadow root, or any node) whose text is `label` or matches it. */
export function button(root: Element | ParentNode, label: string | RegExp): HTMLButtonElement {
  const scope = root instanceof Element && root.shadowRoot ? root.shadowRoot : root;
  const found = [...scope.querySelectorAll('button')].find((b) => (typeof label === 'string' ? text(b) === label : label.test(text(b))));
  if (!found) throw new Error(`no button ${String(label)}`);
  return found;
}
