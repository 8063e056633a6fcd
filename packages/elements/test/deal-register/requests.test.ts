/**
 * How often `<deal-register>` asks for its list: exactly once on first render, whoever is calling
 * (the role and the partner come from the session, whose answer here arrives after the list's
 * code has loaded, as it does over a real network), once per filter change or page, and again on
 * retry after an error.
 */
import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { dealBackend, type DealBackend } from '../../../../stories/deal-register/backend.js'
import type { Caller } from '../../../../stories/support/mock-backend.js';;
import { manyDeals, PARTNER_ID } from '../../../../stories/deal-register/fixtures.js';
import { $, $$, clearStorage, part, until } from './helpers.js';
import { type Deal, problemResponse, problems } from '@partnerkit/core/schemas';
import type { DealRegister } from '../../src/deal-register/deal-register.js';
// Loaded up front, so the element's own import of the list view resolves before the session answers.
import '../../src/deal-register/list/deal-list.js';

interface Setup {
  as?: Caller;
  partnerId?: string;
  view?: 'register' | 'list';
  /** `GET /v1/session` answers 503 (after the hold). */
  sessionDown?: boolean;
  /** `GET /v1/deals` answers 503 while this holds. */
  listDown?: () => boolean;
  /** The deals the backend starts with (default: the fixtures). */
  deals?: Deal[];
}

/**
 * Mounts the element on a backend whose session answers only once the list view is in place, and
 * records the query of every `GET /v1/deals` it receives.
 */
async function open(setup: Setup = {}): Promise<{ el: DealRegister; stub: DealBackend; lists: URLSearchParams[] }> {
  const lists: URLSearchParams[] = [];
  let answerSession!: () => void;
  const sessionHeld = new Promise<void>((resolve) => (answerSession = resolve));
  const stub = dealBackend({
    ...(setup.as ? { as: setup.as } : {}),
    ...(setup.deals ? { deals: setup.deals } : {}),
    onRequest: (r) => {
      const url = new URL(r.url);
      if (r.method === 'GET' && url.pathname.endsWith('/v1/deals')) lists.push(url.searchParams);
    },
    faults: [
      {
        mode: 'respond',
        match: 'GET /v1/session',
        // The session answers once the list view is in place: the backend's answer, or a 503.
        respond: async (_request, answer) => {
          await sessionHeld;
          return setup.sessionDown ? problemResponse(problems.serviceUnavailable('Down for maintenance.'), 'req_session') : answer;
        },
      },
      { mode: 'error', status: 503, match: (r, path) => r.method === 'GET' && path === '/v1/deals' && (setup.listDown?.() ?? false) },
    ],
  });
  const el = await fixture<DealRegister>(html`<deal-register
    .client=${stub.client}
    partner-id=${setup.partnerId ?? ''}
    view=${setup.view ?? 'list'}
    lang="en"
  ></deal-register>`);
  // The list view's code is in (see the import above); let the element take it up, then answer.
  await el.updateComplete;
  await aTimeout(20);
  await el.updateComplete;
  answerSession();
  await until(el, () => !$(el, '[aria-busy="true"]') && ($$(el, '[part~="deal"]').length || part(el, 'empty') || part(el, 'error')), 'the list did not settle');
  // Time for a second request, were one on its way.
  await aTimeout(50);
  return { el, stub, lists };
}

const query = (params: URLSearchParams | undefined) => Object.fromEntries(params ?? []);

describe('<deal-register> list requests', () => {
  beforeEach(clearStorage);

  const cases: { name: string; setup: Setup; expected: Record<string, string> }[] = [
    { name: 'a partner with partner-id', setup: { partnerId: PARTNER_ID }, expected: { limit: '25' } },
    { name: 'a partner without partner-id (the session names the partner)', setup: {}, expected: { limit: '25' } },
    {
      name: 'a manager without partner-id (Review only: the queue of every partner)',
      setup: { as: { role: 'manager' }, view: 'register' },
      expected: { limit: '25', status: 'submitted,under_review' },
    },
    {
      name: 'a manager without partner-id on a page that opens the list',
      setup: { as: { role: 'manager' } },
      expected: { limit: '25', status: 'submitted,under_review' },
    },
    {
      name: 'a manager with partner-id (that partner’s queue)',
      setup: { as: { role: 'manager' }, partnerId: PARTNER_ID },
      expected: { limit: '25', status: 'submitted,under_review', partnerId: PARTNER_ID },
    },
  ];
  for (const { name, setup, expected } of cases) {
    it(`asks once on first render for ${name}`, async () => {
      const { lists } = await open(setup);
      expect(lists.map(query)).to.deep.equal([expected]);
    });
  }

  it('asks once when the session fails, for a partner’s list', async () => {
    const { el, lists } = await open({ partnerId: PARTNER_ID, sessionDown: true });
    expect(lists.map(query)).to.deep.equal([{ limit: '25' }]);
    expect($$(el, '[part~="deal"]')).to.have.length(8);
  });

  it('asks once more per filter change and per page', async () => {
    const { el, lists } = await open({ partnerId: PARTNER_ID, deals: manyDeals(60) });
    expect(lists).to.have.length(1);
    part(el, 'load-more')!.click();
    await until(el, () => $$(el, '[part~="deal"]').length === 50, 'the second page did not load');
    const next = lists[1]!.get('cursor');
    expect(next, 'the second page asks for the first page’s nextCursor').to.be.a('string').and.not.equal('');
    expect(lists.map(query)).to.deep.equal([{ limit: '25' }, { limit: '25', cursor: next }]);
    const select = $<HTMLSelectElement>(el, '#l-status')!;
    select.value = 'approved';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    await until(el, () => !$(el, '[aria-busy="true"]'), 'the filtered list did not load');
    await aTimeout(50);
    expect(lists.map(query).slice(2)).to.deep.equal([{ limit: '25', status: 'approved' }]);
  });

  it('asks again on retry after an error', async () => {
    let down = true;
    const { el, lists } = await open({ partnerId: PARTNER_ID, listDown: () => down });
    expect(part(el, 'error')).not.to.equal(null);
    expect(lists).to.have.length(1);
    down = false;
    part(el, 'retry-button')!.click();
    await until(el, () => $$(el, '[part~="deal"]').length === 8, 'the retry did not load');
    expect(lists.map(query)).to.deep.equal([{ limit: '25' }, { limit: '25' }]);
  });
});
