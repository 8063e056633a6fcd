/**
 * `<deal-register>` from 320 px up: the form in each of its states (empty, problems, success,
 * conflict, queued, without a confirmed session), the lists (a partner's with a history open, the
 * review queue) and the reason dialog, in English and Vietnamese. The dialog must be wholly in
 * view on a phone and wide enough on a desktop.
 */
import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/define/deal-register.js';
import { dealBackend, type DealBackendOptions } from '../../../../stories/deal-register/backend.js';
import { PARTNER_ID } from '../../../../stories/deal-register/fixtures.js';
import { backendOptions, INVALID_DRAFT, seedDraft, VALID_DRAFT, type DraftSeed } from '../../../../stories/deal-register/story-setup.js';
import { layoutProblems, mountIn } from './check-layout.js';
import { checkLayouts, type Scenario } from './scenarios.js';

let instances = 0;

/** A `<deal-register>` on the mock backend, with a draft seeded in its own slot. */
const register = (options: DealBackendOptions, attrs: Record<string, string> = {}, draft: DraftSeed | null = null) => () => {
  const draftKey = `layout-${++instances}`;
  seedDraft(draftKey, draft);
  const el = document.createElement('deal-register');
  for (const [name, value] of Object.entries({ lang: 'en', theme: 'light', 'partner-id': PARTNER_ID, 'draft-key': draftKey, ...attrs })) {
    if (value) el.setAttribute(name, value);
  }
  el.client = dealBackend(options).client;
  return el;
};
const q = (el: HTMLElement, selector: string) => el.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
const shows = (selector: string) => (el: HTMLElement) => q(el, selector) && !q(el, '[aria-busy="true"]');
const click = async (el: HTMLElement, selector: string) => {
  q(el, selector)!.click();
  await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
};
/** Submits, then waits for what follows (`selector`). */
const submitUntil = (selector: string) => async (el: HTMLElement) => {
  await click(el, '[part~="submit-button"]');
  for (let i = 0; i < 100 && !q(el, selector); i++) await aTimeout(20);
};
const manager = { as: { role: 'manager' } } as const;

const scenarios: Scenario[] = [
  { name: 'loading', make: register({ faults: [{ mode: 'slow', delayMs: Infinity }] }, { 'partner-id': '' }), shows: (el) => q(el, '[part~="loading"]') },
  {
    name: 'the session refused',
    make: register(backendOptions('session refused', undefined)),
    shows: shows('[part~="error"]'),
  },
  {
    name: 'the session out of reach (form kept, notice)',
    make: register(backendOptions('session out of reach', undefined)),
    shows: shows('[part~="session-error"]'),
  },
  ...(['en', 'vi'] as const).flatMap((lang): Scenario[] => [
    { name: `the form (${lang})`, make: register({}, { lang }), shows: shows('form') },
    { name: `problems after a submit (${lang})`, make: register({}, { lang }, INVALID_DRAFT), shows: shows('form'), act: submitUntil('[part~="error-summary"]') },
    { name: `registered (${lang})`, make: register({}, { lang }, VALID_DRAFT), shows: shows('form'), act: submitUntil('[part~="success"]') },
    { name: `a conflict (${lang})`, make: register({}, { lang }, { ...VALID_DRAFT, company: 'Wayne Enterprises', domain: 'www.wayne.com' }), shows: shows('form'), act: submitUntil('[part~="conflict"]') },
    { name: `queued, the backend out of reach (${lang})`, make: register(backendOptions('offline', undefined), { lang }, VALID_DRAFT), shows: shows('form'), act: submitUntil('[part~="queued"]') },
    {
      name: `my registrations, a history open (${lang})`,
      make: register({}, { lang, view: 'list' }),
      shows: shows('[part~="deal"]'),
      act: async (el) => {
        for (const toggle of el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="history-toggle"]')) toggle.click();
      },
    },
    { name: `the review queue (${lang})`, make: register(manager, { lang, 'partner-id': '' }), shows: shows('[part~="deal"]') },
    {
      name: `the reject dialog (${lang})`,
      make: register(manager, { lang, 'partner-id': '' }),
      shows: shows('[part~="action-rejected"]'),
      act: async (el) => {
        await click(el, '[part~="action-rejected"]');
        for (let i = 0; i < 50 && !q(el, 'dialog[open]'); i++) await aTimeout(20);
      },
    },
    {
      name: `the reject dialog refusing an empty reason (${lang})`,
      make: register(manager, { lang, 'partner-id': '' }),
      shows: shows('[part~="action-rejected"]'),
      act: async (el) => {
        await click(el, '[part~="action-rejected"]');
        for (let i = 0; i < 50 && !q(el, 'dialog[open]'); i++) await aTimeout(20);
        await click(el, 'dialog [type="submit"]');
        for (let i = 0; i < 50 && !q(el, '#dlg-error'); i++) await aTimeout(20);
      },
    },
  ]),
  { name: 'no registrations yet', make: register({ deals: [] }, { view: 'list' }), shows: shows('[part~="empty"]') },
];

checkLayouts('deal-register', scenarios);

describe('<deal-register> reason dialog on a short screen', () => {
  it('stays wholly in view, its title shown, when the screen is short (a phone with its keyboard open)', async () => {
    await setViewport({ width: 375, height: 360 });
    const el = register(manager, { lang: 'vi', 'partner-id': '' })();
    const container = await mountIn(el, 375);
    await waitUntil(() => q(el, '[part~="action-rejected"]'), 'no reject action');
    await click(el, '[part~="action-rejected"]');
    await waitUntil(() => q(el, 'dialog[open]'), 'no dialog');
    await click(el, 'dialog [type="submit"]');
    await waitUntil(() => q(el, '#dlg-error'), 'no error in the dialog');
    expect(layoutProblems(el, container)).to.deep.equal([]);
    const dialog = q(el, 'dialog')!.getBoundingClientRect();
    const title = q(el, '#dlg-title')!.getBoundingClientRect();
    expect(title.top, 'the title is not scrolled away').to.be.at.least(dialog.top);
  });
});
