/**
 * `<partner-scorecard>` from 320 px up: every state with a layout, in English and Vietnamese (the
 * longer words), the table as one card per KPI when narrow.
 */
import '../../src/define/partner-scorecard.js';
import { scorecardClient, type ScorecardBackendOptions } from '../../../../stories/partner-scorecard/backend.js';
import { PARTNERS, PROGRAMME_WITHOUT_KPIS } from '../../../../stories/partner-scorecard/fixtures.js';
import { checkLayouts, type Scenario } from './scenarios.js';

const scorecard = (options: ScorecardBackendOptions, attrs: Record<string, string>) => () => {
  const el = document.createElement('partner-scorecard');
  for (const [name, value] of Object.entries({ lang: 'en', theme: 'light', ...attrs })) el.setAttribute(name, value);
  el.client = scorecardClient(options);
  return el;
};
const shows = (selector: string) => (el: HTMLElement) => el.shadowRoot?.querySelector(selector) && !el.shadowRoot.querySelector('[aria-busy="true"]');
const partner = (id: string) => ({ as: { role: 'partner', partnerId: id } }) as const;

const scenarios: Scenario[] = [
  { name: 'loading', make: scorecard({ ...partner(PARTNERS.lumen.id), faults: [{ mode: 'slow', delayMs: Infinity }] }, { 'partner-id': PARTNERS.lumen.id }), shows: (el) => el.shadowRoot?.querySelector('[part~="loading"]') },
  { name: 'error', make: scorecard({ ...partner(PARTNERS.lumen.id), faults: [{ mode: 'error', status: 500, match: 'GET /v1/partners/*/scorecard' }] }, { 'partner-id': PARTNERS.lumen.id }), shows: shows('[part~="error"]') },
  { name: 'no KPIs', make: scorecard({ ...partner(PARTNERS.lumen.id), programme: PROGRAMME_WITHOUT_KPIS }, { 'partner-id': PARTNERS.lumen.id }), shows: shows('[part~="empty"]') },
  { name: 'needs a partner (manager)', make: scorecard({ as: { role: 'manager' } }, {}), shows: shows('[part~="needs-partner"]') },
  { name: 'no data this period', make: scorecard(partner(PARTNERS.quiet.id), { 'partner-id': PARTNERS.quiet.id }), shows: shows('[part~="scorecard"]') },
  ...(['en', 'vi'] as const).flatMap((lang): Scenario[] => [
    { name: `next tier (${lang})`, make: scorecard(partner(PARTNERS.lumen.id), { 'partner-id': PARTNERS.lumen.id, lang }), shows: shows('[part~="next-tier"]') },
    { name: `pending downgrade (${lang})`, make: scorecard(partner(PARTNERS.northwind.id), { 'partner-id': PARTNERS.northwind.id, lang }), shows: shows('[part~="pending"]') },
    { name: `top tier, compact (${lang})`, make: scorecard(partner(PARTNERS.saigon.id), { 'partner-id': PARTNERS.saigon.id, lang, compact: '' }), shows: shows('[part~="top-tier"]') },
  ]),
  { name: 'a name that is markup', make: scorecard(partner(PARTNERS.markup.id), { 'partner-id': PARTNERS.markup.id }), shows: shows('[part~="scorecard"]') },
];

checkLayouts('partner-scorecard', scenarios);
