/**
 * `<partner-inbox>` from 320 px up: loading, error, empty, a partner's announcements and an open
 * thread, the request form, a manager's requests with their due times and the announcement form, in English and
 * Vietnamese (longer words), on `@partnerkit/mock`.
 */
import '../../src/define/partner-inbox.js';
import type { Fault } from '@partnerkit/mock';
import { inboxClient } from '../../../../stories/partner-inbox/backend.js';
import { checkLayouts, type Scenario } from './scenarios.js';

const inbox = (attrs: Record<string, string>, options: { role?: 'manager' | 'partner'; faults?: Fault[] } = {}) => () => {
  const el = document.createElement('partner-inbox');
  for (const [name, value] of Object.entries({ lang: 'en', theme: 'light', 'poll-seconds': '0', ...attrs })) el.setAttribute(name, value);
  el.client = inboxClient(options).client;
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
  { name: 'loading', make: inbox({}, { faults: [{ mode: 'slow', delayMs: Infinity }] }), shows: (el) => el.shadowRoot?.querySelector('[part~="loading"]') },
  { name: 'error', make: inbox({}, { faults: [{ mode: 'error', status: 503, match: /announcements|requests/ }] }), shows: shows('[part~="error"]') },
  ...(['en', 'vi'] as const).flatMap((lang): Scenario[] => [
    { name: `partner, announcements and requests (${lang})`, make: inbox({ lang }), shows: shows('[part~="announcement"]') },
    { name: `partner, an announcement open (${lang})`, make: inbox({ lang, view: 'announcements' }), shows: shows('[part~="read-button"]'), act: click('[part~="read-button"]', '[part~="announcement-body"] p') },
    { name: `partner, a thread open (${lang})`, make: inbox({ lang, view: 'requests' }), shows: shows('[part~="request-link"]'), act: click('[part~="request-link"]', '[part~="thread"]') },
    { name: `partner, the request form (${lang})`, make: inbox({ lang, view: 'requests' }), shows: shows('[part~="new-request"]'), act: click('[part~="new-request"]', '[part~="request-form"]') },
    { name: `manager, requests by due time (${lang})`, make: inbox({ lang, view: 'requests' }, { role: 'manager' }), shows: shows('[part~="request"]') },
    { name: `manager, the announcement form (${lang})`, make: inbox({ lang, view: 'announcements' }, { role: 'manager' }), shows: shows('[part~="new-announcement"]'), act: click('[part~="new-announcement"]', '[part~="announcement-form"] #compose-title') },
  ]),
];

checkLayouts('partner-inbox', scenarios);
