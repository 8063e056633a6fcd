/**
 * `<partner-plan>` from 320 px up: loading, error, no plan, and plans at each stage with both
 * sides' forms, the objective form (new, with every field's problem; editing), in English and
 * Vietnamese (longer words), on `@partnerkit/mock`.
 */
import { waitUntil } from '@open-wc/testing';
import '../../src/define/partner-plan.js';
import { currentPeriod } from '@partnerkit/core/rules';
import type { Fault } from '@partnerkit/mock';
import { planClient, PLAN_PARTNERS } from '../../../../stories/partner-plan/backend.js';
import { checkLayouts, type Scenario } from './scenarios.js';

const period = currentPeriod('half', new Date());

const plan = (attrs: Record<string, string>, options: { role?: 'manager' | 'partner'; partnerId?: string; faults?: Fault[] } = {}) => () => {
  const el = document.createElement('partner-plan');
  for (const [name, value] of Object.entries({ lang: 'en', theme: 'light', period, ...attrs })) el.setAttribute(name, value);
  el.client = planClient(options).client;
  return el;
};
/** Opens the objective form from `opener` and, with `check`, tries to save it empty so every problem shows. */
const openForm = (opener: string, check: boolean) => async (el: HTMLElement) => {
  el.shadowRoot!.querySelector<HTMLButtonElement>(opener)!.click();
  await waitUntil(() => el.shadowRoot!.querySelector('[part~="objective-form"]'), 'the objective form', { timeout: 5000 });
  if (!check) return;
  const title = el.shadowRoot!.querySelector<HTMLInputElement>('#objective-ownerName')!;
  title.value = '';
  title.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="objective-save"]')!.click();
  await waitUntil(() => el.shadowRoot!.querySelector('[part~="objective-field-error"]'), 'the problems', { timeout: 5000 });
};
const shows = (selector: string) => (el: HTMLElement) => el.shadowRoot?.querySelector(selector) && !el.shadowRoot.querySelector('[aria-busy="true"]');

const scenarios: Scenario[] = [
  { name: 'loading', make: plan({ 'partner-id': PLAN_PARTNERS.agreedEn }, { faults: [{ mode: 'slow', delayMs: Infinity }] }), shows: (el) => el.shadowRoot?.querySelector('[part~="loading"]') },
  { name: 'error', make: plan({ 'partner-id': PLAN_PARTNERS.agreedEn }, { faults: [{ mode: 'error', status: 503, match: /plans/ }] }), shows: shows('[part~="error"]') },
  { name: 'no plan', make: plan({ 'partner-id': PLAN_PARTNERS.agreedEn, period: '2031-H1' }), shows: shows('[part~="empty"]') },
  ...(['en', 'vi'] as const).flatMap((lang): Scenario[] => [
    { name: `manager, agreed plan (${lang})`, make: plan({ lang, 'partner-id': PLAN_PARTNERS.agreedVi }), shows: shows('[part~="objective"]') },
    { name: `partner, proposed plan with its actions (${lang})`, make: plan({ lang }, { role: 'partner', partnerId: PLAN_PARTNERS.proposedVi }), shows: shows('[part~="action-button"]') },
    {
      name: `manager, new objective with every problem (${lang})`,
      make: plan({ lang, 'partner-id': PLAN_PARTNERS.draftEn }),
      shows: shows('[part~="objective-add"]'),
      act: openForm('[part~="objective-add"]', true),
    },
    {
      name: `manager, editing an objective of an agreed plan (${lang})`,
      make: plan({ lang, 'partner-id': PLAN_PARTNERS.agreedVi }),
      shows: shows('[part~="objective-edit"]'),
      act: openForm('[part~="objective-edit"]', false),
    },
  ]),
];

checkLayouts('partner-plan', scenarios);
