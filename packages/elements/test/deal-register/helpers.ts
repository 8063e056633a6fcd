/**
 * Helpers for `<deal-register>`'s browser tests: mounting on the stub backend (or any client),
 * typing like a person (input and blur events), waiting for the element to settle, reading parts.
 */
import { fixture, html, waitUntil } from '@open-wc/testing';
import type { PartnerKitClient } from '@partnerkit/core/client';
import '../../src/define/deal-register.js';
import type { DealRegister } from '../../src/deal-register/deal-register.js';

export interface MountOptions {
  partnerId?: string;
  draftKey?: string;
  id?: string;
  lang?: string;
  view?: 'register' | 'list';
  currency?: string;
}

/** Mounts a `<deal-register>` with `client`. */
export async function mount(client: PartnerKitClient, options: MountOptions = {}): Promise<DealRegister> {
  const el = await fixture<DealRegister>(html`<deal-register
    .client=${client}
    partner-id=${options.partnerId ?? ''}
    draft-key=${options.draftKey ?? ''}
    id=${options.id ?? ''}
    lang=${options.lang ?? 'en'}
    view=${options.view ?? 'register'}
    currency=${options.currency ?? ''}
    theme="light"
  ></deal-register>`);
  // Ready once it shows its views (without partner-id, once the session said who is calling).
  await waitUntil(() => el.shadowRoot!.querySelector('form, [role="tablist"], #l-status, [part~="state"]:not([part~="loading"])'), 'the element did not render its views', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

export const $ = <T extends Element = HTMLElement>(el: Element, selector: string): T | null => el.shadowRoot!.querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string): T[] => [...el.shadowRoot!.querySelectorAll<T>(selector)];
export const part = (el: Element, name: string): HTMLElement | null => $(el, `[part~="${name}"]`);
/** Text with whitespace collapsed. */
export const text = (node: Node | null | undefined): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Types `value` into the field named `name` (replacing its text) and fires `input`, like a person. */
export async function type(el: DealRegister, name: string, value: string): Promise<void> {
  const field = $<HTMLInputElement>(el, `[name="${name}"]`)!;
  field.focus();
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** Leaves the field named `name` (a `focusout` to the body). */
export async function blur(el: DealRegister, name: string): Promise<void> {
  $<HTMLInputElement>(el, `[name="${name}"]`)!.blur();
  await el.updateComplete;
}

/** Types `value` into the field named `name`, leaves it, and returns the error it then shows ('' for none). */
export async function leave(el: DealRegister, name: string, value: string): Promise<string> {
  await type(el, name, value);
  await blur(el, name);
  return fieldError(el, name);
}

/** Chooses a registration type. */
export async function choose(el: DealRegister, type: 'resell' | 'referral' | 'co_sell'): Promise<void> {
  const radio = $<HTMLInputElement>(el, `[name="type"][value="${type}"]`)!;
  radio.click();
  await el.updateComplete;
}

/** Fills the minimum a registration needs. */
export async function fillValid(el: DealRegister, company = 'Contoso Ltd', domain = 'contoso.example'): Promise<void> {
  await type(el, 'company', company);
  await type(el, 'domain', domain);
  await choose(el, 'resell');
}

/** Submits the form as the Register button does. */
export async function submit(el: DealRegister): Promise<void> {
  part(el, 'submit-button')!.click();
  await el.updateComplete;
}

/** Waits until `predicate` holds, then for the element to finish rendering. */
export async function until(el: DealRegister, predicate: () => unknown, message: string, timeout = 4000): Promise<void> {
  await waitUntil(predicate, message, { timeout });
  await el.updateComplete;
}

/** The error message shown beside the field named `name`, or ''. */
export const fieldError = (el: Element, name: string): string => text($(el, `#e-${name}`));

/** Forgets every saved draft and queued submission. */
export function clearStorage(): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith('partnerkit:deal-register:')) localStorage.removeItem(key);
}
