/**
 * `<partner-training>` from 320 px up: loading, error, empty, a partner's overview, vendor staff's
 * glance, and the course player with its assessment, in English and Vietnamese (longer words), on
 * `@partnerkit/mock`.
 */
import '../../src/define/partner-training.js';
import type { Fault } from '@partnerkit/mock';
import { EMPTY_CATALOGUE, trainingClient, TRAINING_PARTNERS } from '../../../../stories/partner-training/backend.js';
import { checkLayouts, type Scenario } from './scenarios.js';

const training = (attrs: Record<string, string>, options: { role?: 'manager' | 'partner'; partnerId?: string; faults?: Fault[] } = {}) => () => {
  const el = document.createElement('partner-training');
  for (const [name, value] of Object.entries({ lang: 'en', theme: 'light', ...attrs })) el.setAttribute(name, value);
  el.client = trainingClient(options).client;
  return el;
};
const shows = (selector: string) => (el: HTMLElement) => el.shadowRoot?.querySelector(selector) && !el.shadowRoot.querySelector('[aria-busy="true"]');

/** Enrols the first person in the course the next tier needs, and works through its modules to the assessment. */
async function toTheAssessment(el: HTMLElement): Promise<void> {
  const root = el.shadowRoot!;
  const card = root.querySelector<HTMLElement>('[part~="course-needed"]')!;
  const select = card.querySelector('select')!;
  select.value = select.options[1]!.value;
  select.dispatchEvent(new Event('change'));
  await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  card.querySelector<HTMLButtonElement>('[part~="enrol-button"]')!.click();
  for (let i = 0; i < 400 && !root.querySelector('[part~="assessment"]'); i++) {
    root.querySelector<HTMLButtonElement>('[part~="done-button"]:not([disabled])')?.click();
    await new Promise((r) => setTimeout(r, 25));
  }
  if (!root.querySelector('[part~="assessment"]')) throw new Error('the assessment did not open');
}

const scenarios: Scenario[] = [
  { name: 'loading', make: training({}, { faults: [{ mode: 'slow', delayMs: Infinity }] }), shows: (el) => el.shadowRoot?.querySelector('[part~="loading"]') },
  { name: 'error', make: training({}, { faults: [{ mode: 'error', status: 503, match: /\/enablement$/ }] }), shows: shows('[part~="error"]') },
  { name: 'empty', make: training({}, { faults: EMPTY_CATALOGUE }), shows: shows('[part~="empty"]') },
  ...(['en', 'vi'] as const).flatMap((lang): Scenario[] => [
    { name: `partner overview (${lang})`, make: training({ lang }, { partnerId: TRAINING_PARTNERS.oneShortVi }), shows: shows('[part~="enrol-form"]') },
    { name: `manager glance with expiries (${lang})`, make: training({ lang, 'partner-id': TRAINING_PARTNERS.expiringEn }, { role: 'manager' }), shows: shows('[part~="warning"]') },
    {
      name: `the assessment (${lang})`,
      make: training({ lang }, { partnerId: TRAINING_PARTNERS.oneShortVi }),
      shows: shows('[part~="enrol-form"]'),
      act: toTheAssessment,
    },
  ]),
];

checkLayouts('partner-training', scenarios);
