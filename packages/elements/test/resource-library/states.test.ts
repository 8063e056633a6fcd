/**
 * `<resource-library>` in every state, each checked with axe: loading, empty library, no results
 * for a search, locked items, error (with retry), data in list and grid, light and dark, both
 * languages, and without a client.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/define/resource-library.js';
import type { ResourceLibrary } from '../../src/resource-library/resource-library.js';
import { ALL_LOCKED_LIBRARY, MANAGER_LIBRARY } from '../../../../stories/resource-library/fixtures.js';
import { rewriteJson } from '../../../../stories/support/mock-backend.js';
import { LIST, library, libraryClient, MANAGER, part, parts, settle, until } from './helpers.js';

before(() => setViewport({ width: 1000, height: 2400 }));

describe('<resource-library> states', () => {
  it('loading: a busy skeleton, the toolbar already usable', async () => {
    const { el } = await library({ faults: [{ mode: 'slow', delayMs: Infinity }] });
    const loading = part(el, 'loading')!;
    expect(loading.getAttribute('aria-busy')).to.equal('true');
    expect(loading.textContent).to.contain('Loading');
    expect(el.shadowRoot!.querySelector('#search')).not.to.equal(null);
    expect(part(el, 'count')!.textContent).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('empty library: says the library is empty, without filters to clear', async () => {
    const { el } = await library({ resources: [] });
    expect(part(el, 'empty')!.textContent).to.contain('The library has no resources yet.');
    expect(part(el, 'no-results')).to.equal(null);
    expect(parts(el, 'chip')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('empty library in Vietnamese', async () => {
    const { el } = await library({ resources: [], lang: 'vi' });
    expect(part(el, 'empty')!.textContent).to.contain('Thư viện chưa có tài liệu nào.');
    await expect(el).to.be.accessible();
  });

  it('no results for a search', async () => {
    const { el } = await library({ as: MANAGER, attrs: { q: 'quantum' } });
    await settle(el);
    expect(part(el, 'no-results')!.textContent).to.contain('No resources match “quantum”.');
    await expect(el).to.be.accessible();
  });

  it('no results for facets only', async () => {
    const { el } = await library({ as: MANAGER, attrs: { type: 'link', language: 'vi' }, lang: 'vi' });
    await settle(el);
    expect(part(el, 'no-results')!.textContent).to.contain('Không có tài liệu nào khớp với bộ lọc.');
    await expect(el).to.be.accessible();
  });

  it('locked items only', async () => {
    const { el } = await library({ resources: ALL_LOCKED_LIBRARY });
    await until(() => el.shadowRoot!.textContent!.includes('Gold tier'), 'tier names');
    expect(parts(el, 'item-locked')).to.have.length(3);
    // Nothing to tab to inside the list, so the scrolling box itself takes focus.
    expect(part(el, 'scroller')!.tabIndex).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('error: the problem in the element language, pk-error, and a retry that recovers', async () => {
    let fail = true;
    const base = libraryClient({ faults: [{ mode: 'error', status: 500, match: LIST }] });
    const good = libraryClient({ as: MANAGER });
    const client = { ...good, resources: { ...good.resources, list: (q: Parameters<typeof good.resources.list>[0], o: Parameters<typeof good.resources.list>[1]) => (fail ? base : good).resources.list(q, o) } };
    const el = await fixture<ResourceLibrary>(html`<resource-library lang="vi" style="--pk-resource-library-max-height: none" .client=${client}></resource-library>`);
    const error = await oneEvent(el, 'pk-error');
    await settle(el);
    expect(error.detail.data).to.include({ element: 'resource-library', code: 'internal_error', status: 500 });
    expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
    expect(part(el, 'error-message')!.textContent).to.equal('Dịch vụ PartnerKit gặp sự cố. Hãy thử lại sau giây lát.');
    await expect(el).to.be.accessible();
    fail = false;
    part<HTMLButtonElement>(el, 'retry-button')!.click();
    await settle(el);
    expect(part(el, 'error')).to.equal(null);
    expect(parts(el, 'item')).to.have.length(MANAGER_LIBRARY.length);
  });

  for (const layout of ['list', 'grid'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      for (const lang of ['en', 'vi']) {
        it(`data: ${layout}, ${theme}, ${lang}, with locked items and active filters`, async () => {
          const { el } = await library({ lang, attrs: { layout, theme, tag: 'sales' } });
          await settle(el);
          await until(() => parts(el, 'lock').some((l) => /Gold|Platinum|Vàng|Bạch kim/.test(l.textContent!)), 'tier names');
          expect(parts(el, 'item').length).to.be.greaterThan(0);
          expect(parts(el, 'chip')).to.have.length(1);
          await expect(el).to.be.accessible();
        });
      }
    }
  }

  it('the theme attribute sets the colour scheme', async () => {
    const { el } = await library({ as: MANAGER, attrs: { theme: 'dark' } });
    expect(getComputedStyle(el).colorScheme).to.equal('dark');
    const dark = getComputedStyle(part(el, 'library')!).backgroundColor;
    el.theme = 'light';
    await el.updateComplete;
    expect(getComputedStyle(part(el, 'library')!).backgroundColor).not.to.equal(dark);
  });

  it('an open failure notice is accessible', async () => {
    const { el } = await library({ as: MANAGER, faults: [rewriteJson('POST /v1/resources/*/open', () => ({ url: 'data:text/html,x' }))] });
    const error = oneEvent(el, 'pk-error');
    el.shadowRoot!.querySelector<HTMLAnchorElement>('a[data-id="r_deck"]')!.click();
    await error;
    await el.updateComplete;
    expect(part(el, 'notice')).not.to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('without a client: says what is missing', async () => {
    const el = await fixture<ResourceLibrary>(html`<resource-library></resource-library>`);
    expect(part(el, 'no-client')!.textContent).to.contain('Not connected');
    await expect(el).to.be.accessible();
  });
});
