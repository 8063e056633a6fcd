/**
 * Helpers shared by `<partner-plan>`'s browser tests.
 * @module
 */
import type { PartnerKitClient } from '@partnerkit/core/client';
import '../../src/define/partner-plan.js';
import type { PartnerPlan } from '../../src/partner-plan/partner-plan.js';
import { until } from '../shadow-dom.js';

export { button, part, parts, until } from '../shadow-dom.js';



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


/** Types `text` into the field labelled `label` within `root` (fires input). */
export function typeInto(root: ParentNode, label: string, text: string, index = 0): HTMLInputElement | HTMLTextAreaElement {
  const labels = [...root.querySelectorAll('label')].filter((l) => l.textContent?.trim() === label);
  const target = labels[index]?.htmlFor ? (root as Element).querySelector<HTMLInputElement>(`#${CSS.escape(labels[index].htmlFor)}`) : null;
  if (!target) throw new Error(`no field "${label}"`);
  target.value = text;
  target.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  return target;
}
