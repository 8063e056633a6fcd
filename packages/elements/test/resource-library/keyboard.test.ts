/**
 * `<resource-library>` with the keyboard alone: the tab order, the search box, facets, sort,
 * chips, items and "Load more".
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/define/resource-library.js';
import type { ResourceLibrary } from '../../src/resource-library/resource-library.js';
import { MANAGER_LIBRARY } from '../../../../stories/resource-library/fixtures.js';
import type { Caller } from '../../../../stories/support/mock-backend.js';
import { libraryClient, MANAGER, part, parts, settle } from './helpers.js';

before(() => setViewport({ width: 1000, height: 2400 }));

/** The element focused inside the widget's shadow root, described for assertions. */
const focused = (el: ResourceLibrary) => {
  const active = el.shadowRoot!.activeElement as HTMLElement | null;
  if (!active) return null;
  return active.id || active.getAttribute('part') || active.localName;
};

/** The library on a page after a button, as `as` sees it (default the Silver reseller, some items locked). */
async function page(attrs = '', as?: Caller) {
  const requests: URL[] = [];
  const client = libraryClient({ as, onRequest: (r) => void requests.push(new URL(r.url)) });
  const wrapper = await fixture<HTMLDivElement>(html`<div>
    <button id="before">before</button>
    <resource-library style="--pk-resource-library-max-height: none" .client=${client}></resource-library>
  </div>`);
  const el = wrapper.querySelector('resource-library')!;
  for (const pair of attrs.split(' ').filter(Boolean)) {
    const [name, value] = pair.split('=');
    el.setAttribute(name!, value!);
  }
  await settle(el);
  wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
  return { el, requests, lists: () => requests.filter((u) => u.pathname.endsWith('/v1/resources')) };
}

async function tab(shift = false) {
  if (shift) await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  if (shift) await sendKeys({ up: 'Shift' });
}

describe('<resource-library> keyboard', () => {
  it('tabs through search, facets, sort, chips, the list and the open items (locked ones have no stop)', async () => {
    const { el } = await page('tag=sales');
    const order: (string | null)[] = [];
    for (let i = 0; i < 9; i++) {
      await tab();
      order.push(focused(el));
    }
    expect(order.slice(0, 7)).to.deep.equal(['search', 'type', 'tag', 'language', 'sort', 'chip', 'scroller']);
    // Then the titles of the resources that may be opened, in order: the locked Executive kit is skipped.
    const links = order.slice(7);
    expect(links).to.deep.equal(['title-link', 'title-link']);
    const active = el.shadowRoot!.activeElement as HTMLAnchorElement;
    expect(active.dataset.id).to.equal('r_deck');
    await tab();
    expect(el.shadowRoot!.activeElement).to.equal(null); // past the last item: out of the widget
    await tab(true);
    expect((el.shadowRoot!.activeElement as HTMLAnchorElement).dataset.id).to.equal('r_deck');
  });

  it('searches by typing and Enter, and clears with Escape', async () => {
    const { el, lists } = await page('', MANAGER);
    await tab();
    expect(focused(el)).to.equal('search');
    await sendKeys({ type: 'guidelines' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(lists().at(-1)!.searchParams.get('q')).to.equal('guidelines');
    expect(parts(el, 'item')).to.have.length(1);
    await sendKeys({ press: 'Escape' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(lists().at(-1)!.searchParams.has('q')).to.equal(false);
    expect(parts(el, 'item')).to.have.length(MANAGER_LIBRARY.length);
  });

  it('chooses facet values and the sort with arrow keys', async () => {
    const { el, lists } = await page('', MANAGER);
    const changed = oneEvent(el, 'pk-filter-change');
    el.shadowRoot!.querySelector<HTMLSelectElement>('#type')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    const event = await changed;
    await settle(el);
    // The most frequent type comes first; its value is what was sent.
    const chosen = el.shadowRoot!.querySelector<HTMLSelectElement>('#type')!.value;
    expect(chosen).to.not.equal('');
    expect(event.detail.data.type).to.equal(chosen);
    expect(lists().at(-1)!.searchParams.get('type')).to.equal(chosen);

    el.shadowRoot!.querySelector<HTMLSelectElement>('#sort')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await settle(el);
    expect(lists().at(-1)!.searchParams.get('sort')).to.equal('title');
    expect(focused(el)).to.equal('sort');
  });

  it('removes filters from their chips with Enter and Space, keeping focus on the chips', async () => {
    const { el } = await page('type=video tag=sales q=kit', MANAGER);
    const chips = parts(el, 'chip');
    expect(chips.map((c) => c.textContent!.trim())).to.deep.equal(['Type: Video', 'Tag: sales', 'Search: “kit”']);
    chips[0]!.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(el.type).to.equal(undefined);
    expect(el.shadowRoot!.activeElement!.textContent!.trim()).to.equal('Tag: sales');
    await sendKeys({ press: 'Space' });
    await settle(el);
    expect(el.tag).to.equal(undefined);
    expect(el.shadowRoot!.activeElement!.textContent!.trim()).to.equal('Search: “kit”');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(el.q).to.equal(undefined);
    expect(focused(el)).to.equal('search');
    expect(parts(el, 'chip')).to.have.length(0);
  });

  it('clears every filter with the "Clear all filters" button', async () => {
    const { el } = await page('type=video language=en', MANAGER);
    const clear = part<HTMLButtonElement>(el, 'clear-filters')!;
    expect(clear.textContent!.trim()).to.equal('Clear all filters');
    clear.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(parts(el, 'chip')).to.have.length(0);
    expect(focused(el)).to.equal('search');
  });

  it('loads more with the keyboard and keeps focus on the button', async () => {
    const { el } = await page('page-size=4', MANAGER);
    part<HTMLButtonElement>(el, 'load-more')!.focus();
    await sendKeys({ press: 'Space' });
    await settle(el);
    expect(parts(el, 'item')).to.have.length(8);
    expect(focused(el)).to.equal('load-more');
  });
});
