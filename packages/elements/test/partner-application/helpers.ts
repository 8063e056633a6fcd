/**
 * Helpers shared by `<partner-application>`'s browser tests: mounting, filling a step as a
 * person would (typing fires `input`, choices are clicked), and the answers of a valid application.
 * @module
 */
import type { BaseClient } from '@partnerkit/core/client/base';
import '../../src/define/partner-application.js';
import type { PartnerApplication } from '../../src/partner-application/partner-application.js';
import { part, until } from '../shadow-dom.js';

export { $, part, parts, text, until } from '../shadow-dom.js';



/** Forgets every saved application. */
export function clearDrafts(): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith('partnerkit:partner-application:')) localStorage.removeItem(key);
}

/** A `<partner-application>` in the document (not settled). */
export function mount(client: BaseClient | undefined, attrs: Record<string, string> = {}): PartnerApplication {
  const el = document.createElement('partner-application');
  for (const [name, value] of Object.entries({ lang: 'en', theme: 'light', 'draft-key': 'test', ...attrs })) el.setAttribute(name, value);
  if (client) el.client = client;
  document.body.append(el);
  return el;
}

/** Waits until the form (or its error or confirmation) is on screen. */
export async function settled(el: PartnerApplication): Promise<void> {
  await until(() => el.shadowRoot?.querySelector('[part~="form"], [part~="error"], [part~="success"], [part~="no-client"]') && !el.shadowRoot.querySelector('[aria-busy="true"]'), 'the form to settle');
  await el.updateComplete;
}

/** A mounted, settled form. */
export async function formElement(client: BaseClient | undefined, attrs: Record<string, string> = {}): Promise<PartnerApplication> {
  const el = mount(client, attrs);
  await settled(el);
  return el;
}

/**
 * Fills fields of the current step by name (`companyName`, or `q:<id>` for a question): text is
 * typed, a `<select>` chosen, a radio or checkbox with that value clicked; an array ticks several.
 */
export async function fill(el: PartnerApplication, values: Record<string, string | string[] | boolean>): Promise<void> {
  for (const [name, value] of Object.entries(values)) {
    const controls = [...el.shadowRoot!.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(`[name="${CSS.escape(name)}"]`)];
    if (!controls.length) throw new Error(`no field ${name}`);
    const first = controls[0]!;
    if (first instanceof HTMLInputElement && (first.type === 'radio' || first.type === 'checkbox')) {
      const wanted = typeof value === 'boolean' ? (value ? [first.value] : []) : Array.isArray(value) ? value : [value];
      for (const box of controls as HTMLInputElement[]) if (box.checked !== wanted.includes(box.value)) box.click();
    } else {
      first.value = String(value);
      first.dispatchEvent(new Event(first instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true, composed: true }));
    }
    await el.updateComplete;
  }
}

/** Presses the step's main button (Next, or Send application on the last step). */
export async function advance(el: PartnerApplication): Promise<void> {
  (part<HTMLButtonElement>(el, 'next-button') ?? part<HTMLButtonElement>(el, 'submit-button'))!.click();
  await el.updateComplete;
}

/** A valid application, step by step, for the demo programme's form. */
export const VALID = {
  company: { partnerType: 'reseller', companyName: 'Sao Mai Solutions', website: 'saomai.vn', country: 'VN', size: '11-50', foundedYear: '2012' },
  contact: { contactName: 'Trần Thị Mai', email: 'mai@saomai.vn', phone: '+84 28 3823 4567' },
  capabilities: { markets: 'VN, KH', technicalStaff: '14', whyUs: 'Our customers ask for your products.', 'q:q_segment': 'smb', 'q:q_competitor': 'no', 'q:q_plan': 'Two campaigns and a pilot with three customers.' },
} as const;

/** Fills the three steps with {@link VALID} (company name `company`) and stops on the last one. */
export async function fillValid(el: PartnerApplication, company: string = VALID.company.companyName): Promise<void> {
  await fill(el, { ...VALID.company, companyName: company });
  await advance(el);
  await fill(el, VALID.contact);
  await advance(el);
  await fill(el, VALID.capabilities);
  await advance(el);
  await until(() => el.application.step === 'review', 'the last step');
}
