/**
 * `<resource-library>` with 10,000 resources: loaded page by page with "Load more", rendered
 * through the windowing renderer (a screenful of rows in the DOM, never ten thousand), scrolled,
 * searched and tabbed through.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { PartnerKitClient } from '@partnerkit/core/client';
import '../../src/define/resource-library.js';
import type { ResourceLibrary } from '../../src/resource-library/resource-library.js';
import { generateLibrary } from '../../../../stories/resource-library/fixtures.js';
import type { Resource } from '@partnerkit/core/schemas';
import { styleAttributeWrites } from '../platform/fixtures/style-writes.js';
import { library, libraryClient, part, parts, settle, until } from './helpers.js';

const TEN_THOUSAND = generateLibrary(10_000);
/** Far fewer rows than resources: what a tall box can show, plus overscan. */
const MAX_ROWS = 60;

before(() => setViewport({ width: 1000, height: 800 }));

/**
 * A client whose `list` answers the whole filtered library as one page (the element then skips 50
 * "Load more" round trips): it reads every page of the backend itself.
 */
function onePageClient(): PartnerKitClient {
  const base = libraryClient({ resources: TEN_THOUSAND });
  return {
    ...base,
    resources: {
      ...base.resources,
      list: async (query, options) => {
        const first = await base.resources.list({ ...query, limit: 200 }, options);
        const data: Resource[] = [...first.data];
        for (let cursor = first.nextCursor; cursor !== null; ) {
          const next = await base.resources.list({ ...query, limit: 200, cursor }, options);
          data.push(...next.data);
          cursor = next.nextCursor;
        }
        return { ...first, data, nextCursor: null };
      },
    },
  };
}

const positions = (el: ResourceLibrary) => parts(el, 'item').map((li) => Number(li.getAttribute('aria-posinset')));
const scroller = (el: ResourceLibrary) => part(el, 'scroller')!;
const frame = () => new Promise((r) => requestAnimationFrame(r));

async function scrollTo(el: ResourceLibrary, top: number) {
  scroller(el).scrollTop = top;
  await frame();
  await el.updateComplete;
  await frame();
}

describe('<resource-library> with 10,000 resources', () => {
  it('loads all 10,000 with "Load more" (cursor pages of 200) and keeps the DOM small', async function () {
    this.timeout(90_000);
    const { el, lists } = await library({ resources: TEN_THOUSAND, windowed: true, attrs: { 'page-size': '200' } });
    await settle(el);
    while (part(el, 'load-more')) {
      await el.loadMore();
      await el.updateComplete;
    }
    await settle(el);
    expect(lists()).to.have.length(50);
    // Every page after the first asks for the backend's next cursor, each a different one.
    const cursors = lists().slice(1).map((u) => u.searchParams.get('cursor'));
    expect(cursors.includes(null)).to.equal(false);
    expect(new Set(cursors).size).to.equal(49);
    expect(part(el, 'count')!.textContent).to.equal('10,000 resources');
    expect(parts(el, 'item').length).to.be.within(1, MAX_ROWS);
    expect(parts(el, 'item')[0]!.getAttribute('aria-setsize')).to.equal('10000');
    // The scrollbar stands for all of them.
    const box = scroller(el);
    expect(box.scrollHeight).to.be.greaterThan(10_000 * 100);
  });

  for (const layout of ['list', 'grid'] as const) {
    it(`renders only the rows in view while scrolling (${layout})`, async () => {
      const el = await fixture<ResourceLibrary>(html`<resource-library layout=${layout} .client=${onePageClient()}></resource-library>`);
      await settle(el);
      await frame();
      await el.updateComplete;
      expect(part(el, 'count')!.textContent).to.equal('10,000 resources');
      expect(parts(el, 'item').length).to.be.within(1, MAX_ROWS);
      expect(positions(el)[0]).to.equal(1);

      const box = scroller(el);
      await scrollTo(el, box.scrollHeight / 2);
      const middle = positions(el);
      expect(middle.length).to.be.within(1, MAX_ROWS);
      expect(middle[0]).to.be.within(4_500, 5_500);
      // The rows rendered are consecutive and cover the visible part of the box.
      expect(middle.every((p, i) => i === 0 || p === middle[i - 1]! + 1)).to.equal(true);
      const top = box.getBoundingClientRect().top;
      const bottom = box.getBoundingClientRect().bottom;
      const rects = parts(el, 'item').map((li) => li.getBoundingClientRect());
      expect(Math.min(...rects.map((r) => r.top))).to.be.at.most(top);
      expect(Math.max(...rects.map((r) => r.bottom))).to.be.at.least(bottom);

      await scrollTo(el, box.scrollHeight);
      expect(positions(el).at(-1)).to.equal(10_000);
      expect(parts(el, 'item').length).to.be.within(1, MAX_ROWS);
      await expect(el).to.be.accessible();
    });
  }

  it('searches the 10,000 on the server and scrolls back to the top of the new result', async () => {
    const el = await fixture<ResourceLibrary>(html`<resource-library .client=${onePageClient()}></resource-library>`);
    await settle(el);
    await scrollTo(el, 200_000);
    el.q = '#1234';
    await settle(el);
    await frame();
    expect(parts(el, 'title').map((t) => t.textContent!.trim())).to.have.length(1);
    expect(parts(el, 'title')[0]!.textContent).to.contain('#1234');
    el.q = 'onboarding';
    await settle(el);
    expect(scroller(el).scrollTop).to.equal(0);
    expect(positions(el)[0]).to.equal(1);
  });

  it('tabs from item to item past the first screenful, rendering rows ahead of the focus', async () => {
    const el = await fixture<ResourceLibrary>(html`<resource-library .client=${onePageClient()}></resource-library>`);
    await settle(el);
    await frame();
    const first = el.shadowRoot!.querySelector<HTMLAnchorElement>('a[data-id]')!;
    first.focus();
    const initial = Math.max(...positions(el));
    for (let i = 0; i < 40; i++) {
      await sendKeys({ press: 'Tab' });
      await frame();
    }
    const active = el.shadowRoot!.activeElement as HTMLAnchorElement | null;
    expect(active?.matches('a[data-id]'), 'focus is still on an item link').to.equal(true);
    const position = Number(active!.closest('li')!.getAttribute('aria-posinset'));
    expect(position).to.be.greaterThan(initial);
    expect(parts(el, 'item').length).to.be.within(1, MAX_ROWS);
  });

  it('writes no style attribute while windowing (a strict CSP blocks them)', async () => {
    const writes = await styleAttributeWrites(async () => {
      const el = await fixture<ResourceLibrary>(html`<resource-library .client=${onePageClient()}></resource-library>`);
      await settle(el);
      await scrollTo(el, 50_000);
      expect(Number.parseFloat(part(el, 'list')!.style.paddingTop)).to.be.greaterThan(0);
    });
    expect(writes).to.deep.equal([]);
  });

  it('with no maximum height, renders only what the window shows while the page scrolls', async () => {
    const el = await fixture<ResourceLibrary>(html`<resource-library style="--pk-resource-library-max-height: none" .client=${onePageClient()}></resource-library>`);
    await settle(el);
    await frame();
    await el.updateComplete;
    expect(parts(el, 'item').length).to.be.within(1, MAX_ROWS);
    const box = scroller(el);
    window.scrollTo(0, box.getBoundingClientRect().top + window.scrollY + 300_000);
    await until(() => positions(el)[0]! > 1_000, 'rows for the scrolled window');
    expect(parts(el, 'item').length).to.be.within(1, MAX_ROWS);
    window.scrollTo(0, 0);
  });
});
