/**
 * The paged-list controller, through the example widget the elements guide quotes: the first page
 * once the session answered, "load more" by cursor, an item a later page repeats shown once, one
 * search request per pause in typing, a superseded query aborted and its late answer ignored,
 * errors of the first page and of the next with their retries, and a load cut short by leaving
 * the page asked again on return.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Fault } from '@partnerkit/mock';
import { dealBackend } from '../../../../stories/deal-register/backend.js';
import { manyDeals } from '../../../../stories/deal-register/fixtures.js';
import type { ExampleDeals } from './fixtures/example-widget.js';
import './fixtures/example-widget.js';

interface Listed {
  params: URLSearchParams;
  signal: AbortSignal;
}

/** The example widget on a mock backend holding `deals`, with `faults`; records every list request. */
async function example(faults: Fault[] = [], deals = manyDeals(25)) {
  const lists: Listed[] = [];
  const stub = dealBackend({
    deals,
    faults,
    onRequest: (request) => {
      if (request.method === 'GET' && new URL(request.url).pathname.endsWith('/v1/deals')) lists.push({ params: new URL(request.url).searchParams, signal: request.signal });
    },
  });
  const el = await fixture<ExampleDeals>(html`<pk-example-deals .client=${stub.client} page-size="10" lang="en"></pk-example-deals>`);
  return { el, lists };
}

/** `GET /v1/deals` requests whose query `holds`. */
const listWhere = (holds: (params: URLSearchParams) => boolean) => (request: Request, path: string) =>
  request.method === 'GET' && path === '/v1/deals' && holds(new URL(request.url).searchParams);

const items = (el: Element) => [...el.shadowRoot!.querySelectorAll('[part~="item"]')].map((li) => li.textContent!.trim());
const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const shown = (el: ExampleDeals, count: number) => waitUntil(() => items(el).length === count, `expected ${count} items, saw ${items(el).length}`);
const type = (el: ExampleDeals, value: string) => {
  const input = el.shadowRoot!.querySelector('input')!;
  input.value = value;
  input.dispatchEvent(new Event('input'));
};

describe('PagedListController (the example widget)', () => {
  it('loads the first page once the session answered, then the next by cursor', async () => {
    const { el, lists } = await example();
    await shown(el, 10);
    expect(lists.map((l) => Object.fromEntries(l.params))).to.deep.equal([{ limit: '10' }]);
    part(el, 'load-more')!.click();
    await shown(el, 20);
    expect(lists[1]!.params.get('cursor'), 'the first page’s nextCursor').to.be.a('string').and.not.equal('');
    part(el, 'load-more')!.click();
    await shown(el, 25);
    expect(part(el, 'load-more'), 'no more pages').to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows an item once when a later page repeats it (the data changed between requests)', async () => {
    const deals = manyDeals(12);
    // The second page repeats two of the first page's items.
    const { el } = await example([{ mode: 'respond', match: listWhere((p) => p.has('cursor')), respond: () => Response.json({ data: deals.slice(8, 12), nextCursor: null }) }], deals);
    await shown(el, 10);
    part(el, 'load-more')!.click();
    await shown(el, 12);
    expect(new Set(items(el)).size).to.equal(12);
  });

  it('asks once per pause in typing, and aborts the query it supersedes', async () => {
    let hold = true;
    const { el, lists } = await example([{ mode: 'slow', delayMs: Infinity, match: listWhere((p) => hold && p.get('q') === 'cust') }]);
    await shown(el, 10);
    // Three keystrokes in one go: one request, for the last text.
    type(el, 'c');
    type(el, 'cu');
    type(el, 'cust');
    await waitUntil(() => lists.length === 2, 'the search was not sent');
    expect(lists.map((l) => l.params.get('q'))).to.deep.equal([null, 'cust']);
    expect(part(el, 'loading'), 'the new query is loading').not.to.equal(null);
    hold = false;
    type(el, 'customer 2');
    await waitUntil(() => lists.length === 3, 'the second search was not sent');
    expect(lists[1]!.signal.aborted, 'the superseded query was aborted').to.equal(true);
    await waitUntil(() => items(el).length > 0 && items(el).every((i) => i.includes('Customer 2')), 'the new answer did not show');
  });

  it('shows the first page\'s error with a retry, then the data', async () => {
    let down = true;
    const { el, lists } = await example([{ mode: 'error', status: 503, match: listWhere(() => down) }]);
    await waitUntil(() => part(el, 'error'), 'no error state');
    await expect(el).to.be.accessible();
    down = false;
    part(el, 'retry-button')!.click();
    await shown(el, 10);
    expect(lists).to.have.length(2);
  });

  it('keeps what was loaded when the next page fails, and loads it on retry', async () => {
    let down = false;
    const { el } = await example([{ mode: 'error', status: 503, match: listWhere((p) => down && p.has('cursor')) }]);
    await shown(el, 10);
    down = true;
    part(el, 'load-more')!.click();
    await waitUntil(() => part(el, 'error'), 'no error for the next page');
    expect(items(el)).to.have.length(10);
    down = false;
    part(el, 'retry-button')!.click();
    await shown(el, 20);
  });

  it('asks again on return for a load cut short by leaving the page', async () => {
    let hold = true;
    const { el, lists } = await example([{ mode: 'slow', delayMs: Infinity, match: listWhere(() => hold) }]);
    await waitUntil(() => lists.length === 1, 'nothing was asked');
    const parent = el.parentElement!;
    el.remove();
    expect(lists[0]!.signal.aborted).to.equal(true);
    hold = false;
    parent.append(el);
    await shown(el, 10);
    expect(lists).to.have.length(2);
  });
});
