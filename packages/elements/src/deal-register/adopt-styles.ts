/**
 * Adds styles to an element's shadow root after it rendered: views loaded on demand bring their
 * rules with them instead of weighing on the element's first load.
 * @module
 */
import type { CSSResult } from 'lit';

/** Appends `styles` to `host`'s adopted style sheets (once). */
export function adoptMoreStyles(host: { renderRoot: HTMLElement | DocumentFragment }, styles: CSSResult): void {
  const root = host.renderRoot;
  const sheet = styles.styleSheet;
  if (root instanceof ShadowRoot && sheet && !root.adoptedStyleSheets.includes(sheet)) {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }
}
