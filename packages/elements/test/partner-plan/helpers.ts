/**
 * Helpers shared by `<partner-plan>`'s browser tests.
 * @module
 */
import type { PartnerKitClient } from '@partnerkit/core/client';
import '../../src/define/partner-plan.js';
import type { PartnerPlan } from '../../src/partner-plan/partner-plan.js';

export const part = <E extends Element = HTMLElement>(el: Element, name: string) => el.shadowRoot!.querySelector<E>(`[part~="${name}"]`);
export const parts = <E extends Element = HTMLElement>(el: Element, name: string) => [...el.shadowRoot!.querySelectorAll<E>(`[part~="${name}"]`)];

/** Waits until `predicate` holds, a frame at a time (up to 5 s). */
export async function until(predicate: () => unknown, what = 'condition', timeout = 5_000): Promise<void> {
  const started = performance.now();
  while (performance.now() - started < timeout) {
    if (predicate()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Waits until the plan (or its empty or error state) is on screen. */
export async function settled(el: PartnerPlan): Promise<void> {
  await until(() => el.shadowRoot?.querySelector('[part~="plan"], [part~="empty"], [part~="error"]') && !el.shadowRoot.querySelector('[aria-busy="true"]'), 'the plan to settle');
  await el.updateComplete;
}

/** A `<partner-plan>` on `client`, in the document, settled. */
export async function planElement(client: PartnerKitClient, attrs: Record<string, string>): Promise<PartnerPlan> {
  const el = document.createElement('partner-plan');
  for (const [name, value] of Object.entries({ lang: 'en', theme: 'light', ...attrs })) el.setAttribute(name, value);
  el.client = client;
  document.body.append(el);
  await settled(el);
  return el;
}

/** The button whose text is `text`. */
export function button(el: Element, text: string): HTMLButtonElement {
  const found = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === text);
  if (!found) throw new Error(`no button "${text}"`);
  return found;
}

/** Types `text` into the field labelled `label` within `root` (fires input). */
export function typeInto(root: ParentNode, label: string, text: string, index = 0): HTMLInputElement | HTMLTextAreaElement {
  const labels = [...root.querySelectorAll('label')].filter((l) => l.textContent?.trim() === label);
  const target = labels[index]?.htmlFor ? (root as Element).querySelector<HTMLInputElement>(`#${CSS.escape(labels[index].htmlFor)}`) : null;
  if (!target) throw new Error(`no field "${label}"`);
  target.value = text;
  target.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  return target;
}
