/**
 * `<application-review>` from 320 px up: loading, error, the pipeline, an application open with
 * the scoring form, an approved one with every reviewer's scores and the spread, a move asking for
 * its reason, in English and Vietnamese (longer words), on `@partnerkit/mock`.
 */
import '../../src/define/application-review.js';
import type { ApplicationStatus } from '@partnerkit/core/schemas';
import type { Fault } from '@partnerkit/mock';
import { applicationIn, reviewBackend, reviewClient, type ReviewSide } from '../../../../stories/application-review/backend.js';
import { checkLayouts, type Scenario } from './scenarios.js';

const review = (attrs: Record<string, string>, options: { side?: ReviewSide; faults?: Fault[]; open?: ApplicationStatus } = {}) => () => {
  const backend = reviewBackend(options.faults);
  const el = document.createElement('application-review');
  for (const [name, value] of Object.entries({ lang: 'en', theme: 'light', ...attrs })) el.setAttribute(name, value);
  if (options.open) el.setAttribute('application-id', applicationIn(backend, options.open));
  el.client = reviewClient({ backend, side: options.side ?? 'reviewer', faults: options.faults }).client;
  return el;
};
const shows = (selector: string) => (el: HTMLElement) => el.shadowRoot?.querySelector(selector) && !el.shadowRoot.querySelector('[aria-busy="true"]');
const click = (selector: string, then: string) => async (el: HTMLElement) => {
  el.shadowRoot!.querySelector<HTMLElement>(selector)!.click();
  await new Promise<void>((resolve, reject) => {
    const started = performance.now();
    const poll = () => (el.shadowRoot!.querySelector(then) ? resolve() : performance.now() - started > 4000 ? reject(new Error(`no ${then}`)) : setTimeout(poll, 10));
    poll();
  });
};

const scenarios: Scenario[] = [
  { name: 'loading', make: review({}, { faults: [{ mode: 'slow', delayMs: Infinity }] }), shows: (el) => el.shadowRoot?.querySelector('[part~="loading"]') },
  { name: 'error', make: review({}, { faults: [{ mode: 'error', status: 503, match: /applications/ }] }), shows: shows('[part~="error"]') },
  ...(['en', 'vi'] as const).flatMap((lang): Scenario[] => [
    { name: `the pipeline (${lang})`, make: review({ lang }), shows: shows('[part~="application-item"]') },
    { name: `scoring, blind (${lang})`, make: review({ lang }, { side: 'new reviewer', open: 'screening' }), shows: shows('[part~="score-form"]') },
    { name: `approved, with the spread (${lang})`, make: review({ lang }, { open: 'approved' }), shows: shows('[part~="spread"]') },
    { name: `declining asks why (${lang})`, make: review({ lang }, { open: 'interview' }), shows: shows('[part~="move-button"]'), act: click('[part~="move-button"][data-to="declined"]', '#reason') },
  ]),
];

checkLayouts('application-review', scenarios);
