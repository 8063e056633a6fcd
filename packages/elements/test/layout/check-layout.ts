/**
 * Layout checks for the widgets, in real Chromium: a widget is mounted in a container of a given
 * width (the viewport as wide as the phone or desktop it stands for, or wider, to prove that the
 * container's width decides and not the viewport's), and every rendered box of its shadow tree is
 * checked: nothing sticks out of the container, nothing is cut off or scrolls sideways, the page
 * never scrolls sideways, and an open dialog is wholly in view (and wide enough on a desktop).
 */
import { fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';

/** The widths every widget is checked at, in CSS pixels. */
export const WIDTHS = [320, 375, 1280] as const;

/** A viewport for `width`: as tall as a small phone on phones, a laptop's height on desktops. */
export async function viewportFor(width: number): Promise<void> {
  await setViewport({ width, height: width < 600 ? 640 : 800 });
}

/** Mounts `el` alone in a container `width` px wide, the page without margins. */
export async function mountIn(el: HTMLElement, width: number): Promise<HTMLElement> {
  document.body.style.margin = '0';
  return fixture<HTMLElement>(html`<div style=${`width: ${width}px`}>${el}</div>`);
}

const TOLERANCE = 1;

/** Boxes a check looks at: every element of `root`'s tree, into open shadow roots. */
function* elements(root: ParentNode): Generator<Element> {
  for (const el of root.querySelectorAll('*')) {
    yield el;
    if (el.shadowRoot) yield* elements(el.shadowRoot);
  }
}

// Hidden on purpose: not rendered, the visually hidden text for screen readers, the options of a
// select (drawn by the browser), anything inside a closed dialog.
function skipped(el: Element): boolean {
  if (el.closest('.visually-hidden, option, dialog:not([open]), [hidden]')) return true;
  const style = getComputedStyle(el);
  return style.display === 'none' || style.visibility === 'hidden' || el.getClientRects().length === 0;
}

// Form controls scroll their own text; line-clamped text is cut short on purpose, with an ellipsis.
const scrollsOnItsOwn = (el: Element) => el.matches('input, textarea, select');
const clamped = (style: CSSStyleDeclaration) => style.getPropertyValue('-webkit-line-clamp') !== 'none' && style.getPropertyValue('-webkit-line-clamp') !== '';

const describe = (el: Element) => {
  const part = el.getAttribute('part');
  const cls = el.getAttribute('class');
  return `<${el.localName}${part ? ` part="${part}"` : ''}${cls ? ` class="${cls}"` : ''}> "${(el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)}"`;
};

/**
 * Every layout problem of `widget` inside `container`: boxes sticking out of the container, boxes
 * whose content is cut off or scrolls sideways, a page that scrolls sideways, a dialog out of view.
 * `allowVertical` lists selectors whose content may be cut vertically on purpose.
 */
export function layoutProblems(widget: HTMLElement, container: HTMLElement, { minDialogWidth = 0 } = {}): string[] {
  const problems: string[] = [];
  const box = container.getBoundingClientRect();
  if (document.documentElement.scrollWidth > innerWidth + TOLERANCE) {
    problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px wide in a ${innerWidth} px viewport`);
  }
  for (const el of elements(widget.shadowRoot!)) {
    if (skipped(el)) continue;
    const style = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    if (el.localName === 'dialog') {
      if (rect.top < -TOLERANCE || rect.left < -TOLERANCE || rect.bottom > innerHeight + TOLERANCE || rect.right > innerWidth + TOLERANCE) {
        problems.push(`the dialog is not wholly in view: ${JSON.stringify(rect)} in ${innerWidth}x${innerHeight}`);
      }
      if (rect.width < minDialogWidth) problems.push(`the dialog is ${Math.round(rect.width)} px wide, narrower than ${minDialogWidth} px`);
      continue;
    }
    // A modal dialog's content lives in the top layer, laid out against the viewport.
    const inDialog = el.closest('dialog[open]');
    const left = inDialog ? 0 : box.left;
    const right = inDialog ? innerWidth : box.right;
    if (rect.width > 0 && (rect.left < left - TOLERANCE || rect.right > right + TOLERANCE)) {
      problems.push(`${describe(el)} sticks out: ${Math.round(rect.left)}..${Math.round(rect.right)} outside ${Math.round(left)}..${Math.round(right)}`);
    }
    if (scrollsOnItsOwn(el) || el.clientWidth === 0) continue;
    if (el.scrollWidth > el.clientWidth + TOLERANCE) {
      const how = style.overflowX === 'visible' ? 'overflows' : style.overflowX === 'hidden' || style.overflowX === 'clip' ? 'is cut off' : 'scrolls sideways';
      problems.push(`${describe(el)} ${how}: content ${el.scrollWidth} px in ${el.clientWidth} px`);
    }
    if ((style.overflowY === 'hidden' || style.overflowY === 'clip') && !clamped(style) && el.scrollHeight > el.clientHeight + TOLERANCE) {
      problems.push(`${describe(el)} is cut off at the bottom: content ${el.scrollHeight} px in ${el.clientHeight} px`);
    }
  }
  return problems;
}
