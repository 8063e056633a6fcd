/**
 * Helpers shared by `<application-review>`'s browser tests: the reference server's fixtures (the
 * demo programme's criteria and form, an application per test run) and ways to drive the widget.
 * @module
 */
import { createClient, type PartnerKitClient } from '@partnerkit/core/client';
import { DEMO_APPLICATION_FORM, DEMO_APPLICATIONS, DEMO_CRITERIA } from '@partnerkit/core/demo';
import type { Application, ApplicationInput } from '@partnerkit/core/schemas';
import '../../src/define/application-review.js';
import type { ApplicationReview } from '../../src/application-review/application-review.js';
import { adminRequest, mintSession, referenceServer } from '../platform/reference-server.js';

export const part = <E extends Element = HTMLElement>(el: Element, name: string) => el.shadowRoot!.querySelector<E>(`[part~="${name}"]`);
export const parts = <E extends Element = HTMLElement>(el: Element, name: string) => [...el.shadowRoot!.querySelectorAll<E>(`[part~="${name}"]`)];
export const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Waits until `predicate` holds (up to 10 s). */
export async function until(predicate: () => unknown, what = 'condition', timeout = 10_000): Promise<void> {
  const started = performance.now();
  while (performance.now() - started < timeout) {
    if (predicate()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export async function admin<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
  const { status, body: answer } = await adminRequest<T>(method, path, body);
  if (status < 200 || status > 299) throw new Error(`${method} ${path} answered ${status}: ${JSON.stringify(answer)}`);
  return answer;
}

let baseUrl = '';

/** Starts the reference server and gives it the demo programme's form and selection criteria. */
export async function programme(): Promise<void> {
  ({ baseUrl } = await referenceServer());
  await admin('PUT', '/application-form', DEMO_APPLICATION_FORM);
  for (const { id, ...criterion } of DEMO_CRITERIA) await admin('PUT', `/selection-criteria/${id}`, criterion);
}

/** A manager's (or a partner's) client on the reference server. */
export async function clientAs(user: { id: string; name: string }, partnerId?: string): Promise<PartnerKitClient> {
  const { token } = await mintSession(partnerId ? { role: 'partner', partnerId, user } : { role: 'manager', user });
  return createClient({ baseUrl, token, retry: 0 });
}

/** An application of the demo's first kind, under a company name and domain of its own. */
export async function apply(name: string, domain: string, change: Partial<ApplicationInput['capabilities']> = {}): Promise<Application> {
  const { source: _source, ...input } = DEMO_APPLICATIONS[1]!.input;
  return admin<Application>('POST', '/applications', {
    ...input,
    company: { ...input.company, name, website: `https://${domain}`, domains: [domain] },
    contact: { ...input.contact, email: `alliances@${domain}` },
    capabilities: { ...input.capabilities, ...change },
  });
}

/** Waits until the list, the open application or a state box is on screen, nothing loading. */
export async function settled(el: ApplicationReview): Promise<void> {
  // What a click or a property asked for is rendered first (a loading box, if it loads).
  await el.updateComplete;
  await until(
    () => el.shadowRoot?.querySelector('[part~="application-item"], [part~="application"], [part~="empty"], [part~="error"], [part~="forbidden"]') && !el.shadowRoot.querySelector('[aria-busy="true"]'),
    'the review to settle',
  );
  await el.updateComplete;
}

/** An `<application-review>` on `client`, in the document, settled. */
export async function reviewElement(client: PartnerKitClient, attrs: Record<string, string> = {}): Promise<ApplicationReview> {
  const el = document.createElement('application-review');
  for (const [name, value] of Object.entries({ lang: 'en', theme: 'light', ...attrs })) el.setAttribute(name, value);
  el.client = client;
  document.body.append(el);
  await settled(el);
  return el;
}

/** The button whose text starts with `label`. */
export function button(el: Element, label: string): HTMLButtonElement {
  const found = [...el.shadowRoot!.querySelectorAll('button')].find((b) => text(b).startsWith(label));
  if (!found) throw new Error(`no button "${label}"`);
  return found;
}

/** Makes a move through the widget: its button, the reason if given, confirm; waits for the new stage. */
export async function move(el: ApplicationReview, to: string, label: string, reason?: string): Promise<void> {
  el.shadowRoot!.querySelector<HTMLButtonElement>(`[part~="move-button"][data-to="${to}"]`)!.click();
  await el.updateComplete;
  if (reason !== undefined) {
    const box = el.shadowRoot!.querySelector<HTMLTextAreaElement>('#reason')!;
    box.value = reason;
    box.dispatchEvent(new Event('input'));
    await el.updateComplete;
  }
  part<HTMLButtonElement>(el, 'confirm-move')!.click();
  await until(() => text(part(el, 'application')?.querySelector('[part~="status"]')) === label, `the stage ${label}`);
}

/** Scores every criterion of the open application with `scores` (by criterion id; 3 otherwise). */
export async function score(el: ApplicationReview, scores: Record<string, number>): Promise<void> {
  for (const fieldset of parts(el, 'criterion')) {
    const value = scores[fieldset.dataset.criterion!] ?? 3;
    fieldset.querySelector<HTMLInputElement>(`input[type="radio"][value="${value}"]`)!.click();
  }
  await el.updateComplete;
}
