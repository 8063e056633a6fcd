/**
 * `<partner-agreements>` from 320 px up, on `@partnerkit/mock`'s demo programme: a partner's list,
 * the text and the form open, the form with its errors, a manager's history; both languages.
 */
import { createClient } from '@partnerkit/core/client';
import { createMockBackend } from '@partnerkit/mock';
import '../../src/define/partner-agreements.js';
import { checkLayouts, type Scenario } from './scenarios.js';

const backend = createMockBackend({ seed: 'demo' });
// A partner still onboarding has the programme agreement to accept; an active one accepted both.
const partners = [...backend.state.partners.values()];
const onboarding = partners.find((p) => p.status !== 'active')!;
const active = partners.find((p) => p.status === 'active')!;

const widget = (session: Parameters<typeof backend.session>[0], attrs: Record<string, string> = {}) => () => {
  const el = document.createElement('partner-agreements');
  for (const [name, value] of Object.entries({ lang: 'en', theme: 'light', ...attrs })) el.setAttribute(name, value);
  el.client = createClient({ baseUrl: 'https://mock.partnerkit.test/api', token: backend.session(session).token, fetch: backend.fetch, retry: 0 });
  return el;
};
const shows = (selector: string) => (el: HTMLElement) => el.shadowRoot?.querySelector(selector) && !el.shadowRoot.querySelector('[aria-busy="true"]');
const openText = async (el: HTMLElement) => {
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="read-button"]')!.click();
  await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
};

const scenarios: Scenario[] = (['en', 'vi'] as const).flatMap((lang): Scenario[] => [
  { name: `a partner's agreements (${lang})`, make: widget({ role: 'partner', partnerId: active.id }, { lang }), shows: shows('[part~="agreement"]') },
  { name: `the text and the form open (${lang})`, make: widget({ role: 'partner', partnerId: onboarding.id }, { lang }), shows: shows('[part~="read-button"]'), act: openText },
  {
    name: `the form with its errors (${lang})`,
    make: widget({ role: 'partner', partnerId: onboarding.id }, { lang }),
    shows: shows('[part~="read-button"]'),
    act: async (el) => {
      await openText(el);
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="accept-button"]')!.click();
      await new Promise((r) => setTimeout(r, 50));
    },
  },
  { name: `a manager's view with the history (${lang})`, make: widget({ role: 'manager' }, { lang, 'partner-id': active.id }), shows: shows('[part~="history"] tbody tr') },
]);

checkLayouts('partner-agreements', scenarios);
