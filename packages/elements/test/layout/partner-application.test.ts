/**
 * `<partner-application>` from 320 px up: loading, error, the first step with its problems, the
 * programme's questions, the last check and the confirmation, in English and Vietnamese (longer
 * words), on `@partnerkit/mock`.
 */
import '../../src/define/partner-application.js';
import type { Fault } from '@partnerkit/mock';
import { applicationClient } from '../../../../stories/partner-application/backend.js';
import type { PartnerApplication } from '../../src/partner-application/partner-application.js';
import { advance, clearDrafts, fill, fillValid, part, until } from '../partner-application/helpers.js';
import { checkLayouts, type Scenario } from './scenarios.js';

let instances = 0;
const form = (lang: 'en' | 'vi', faults: Fault[] = []) => () => {
  clearDrafts();
  const el = document.createElement('partner-application');
  for (const [name, value] of Object.entries({ lang, theme: 'light', 'draft-key': `layout-${++instances}` })) el.setAttribute(name, value);
  el.client = applicationClient({ faults }).client;
  return el;
};
const shows = (selector: string) => (el: HTMLElement) => el.shadowRoot?.querySelector(selector) && !el.shadowRoot.querySelector('[aria-busy="true"]');
const ready = shows('[part~="form"]');

const scenarios: Scenario[] = [
  { name: 'loading', make: form('en', [{ mode: 'slow', delayMs: Infinity }]), shows: (el) => el.shadowRoot?.querySelector('[part~="loading"]') },
  { name: 'error', make: form('en', [{ mode: 'error', status: 503, match: /application-form/ }]), shows: shows('[part~="error"]') },
  ...(['en', 'vi'] as const).flatMap((lang): Scenario[] => [
    { name: `the company step with its problems (${lang})`, make: form(lang), shows: ready, act: (el) => advance(el as PartnerApplication) },
    {
      name: `the programme's questions (${lang})`,
      make: form(lang),
      shows: ready,
      act: async (el) => {
        await fillValid(el as PartnerApplication);
        (el as PartnerApplication).application.goTo('capabilities');
      },
    },
    { name: `the last check (${lang})`, make: form(lang), shows: ready, act: (el) => fillValid(el as PartnerApplication) },
    {
      name: `the confirmation (${lang})`,
      make: form(lang),
      shows: ready,
      act: async (el) => {
        const app = el as PartnerApplication;
        await fillValid(app);
        await fill(app, { consent: true });
        await advance(app);
        await until(() => part(app, 'success'), 'the confirmation');
      },
    },
  ]),
];

checkLayouts('partner-application', scenarios);
