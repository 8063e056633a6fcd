/**
 * `<resource-library>` against the mock backend, through a real client: rendering, languages,
 * gating, URL safety, opening, filters and search, load more, events.
 */
import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { PartnerKitClient } from '@partnerkit/core/client';
import { EventEnvelope, type Resource, type ResourcePage } from '@partnerkit/core/schemas';
import * as z from 'zod/mini';
import type { PkErrorEvent } from '../../src/events/error.js';
import type { PkFilterChangeEvent } from '../../src/events/filter-change.js';
import type { PkResourceOpenEvent } from '../../src/events/resource-open.js';
import { SEARCH_DEBOUNCE_MS } from '../../src/controllers/paged-list.js';
import { ALL_LOCKED_LIBRARY, MANAGER_LIBRARY, MARKUP_RESOURCE } from '../../../../stories/resource-library/fixtures.js';
import { rewriteJson } from '../../../../stories/support/mock-backend.js';
import { LIST, library, libraryClient, MANAGER, part, parts, settle, titles, until } from './helpers.js';

const item = (el: Element, id: string) =>
  parts(el, 'item').find((li) => li.querySelector(`a[data-id="${id}"]`) || li.querySelector('[part~="title"]')!.textContent!.includes(MANAGER_LIBRARY.find((r) => r.id === id)?.title ?? id))!;

/** Replaces `window.open` while `body` runs; returns its calls. */
async function capturingWindowOpen(body: (calls: unknown[][]) => Promise<void>): Promise<void> {
  const original = window.open;
  const calls: unknown[][] = [];
  window.open = (...args: unknown[]) => {
    calls.push(args);
    return null;
  };
  try {
    await body(calls);
  } finally {
    window.open = original;
  }
}

/** A client whose `resources` answers are replaced, bypassing the contract's schemas on purpose. */
function tamperedClient(base: PartnerKitClient, patch: Partial<PartnerKitClient['resources']>): PartnerKitClient {
  return { ...base, resources: { ...base.resources, ...patch } };
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const query = (u: URL) => Object.fromEntries(u.searchParams);

before(() => setViewport({ width: 1000, height: 2400 }));

describe('<resource-library> rendering', () => {
  it('shows every fact of a resource, as text, with an icon that is hidden from assistive technology', async () => {
    const { el } = await library({ as: MANAGER });
    const deck = item(el, 'r_deck');
    const text = deck.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('2026 partner sales deck');
    expect(text).to.contain('The pitch, the proof points');
    expect(text).to.contain('Document');
    expect(text).to.contain('English');
    expect(text).to.contain('PPTX, 8.4 MB');
    expect(text).to.contain('Updated 3 days ago');
    expect([...deck.querySelectorAll('[part~="tag"]')].map((t) => t.textContent)).to.deep.equal(['sales', 'deck']);
    const svg = deck.querySelector('svg[part~="type-icon"]')!;
    expect(svg.getAttribute('aria-hidden')).to.equal('true');
    expect(deck.querySelector('time')!.getAttribute('datetime')).to.equal(MANAGER_LIBRARY[0]!.updatedAt);
  });

  it('writes in Vietnamese, Intl included', async () => {
    const { el } = await library({ as: MANAGER, lang: 'vi' });
    const text = item(el, 'r_vi_kit').textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('Tài liệu');
    expect(text).to.contain('Tiếng Việt');
    expect(text).to.contain('PDF, 2,4 MB');
    expect(text).to.contain('Cập nhật 1 ngày trước');
    expect(item(el, 'r_deck').textContent).to.contain('Cập nhật 3 ngày trước');
    expect(part(el, 'count')!.textContent).to.equal('10 tài liệu');
    expect(el.shadowRoot!.querySelector('label[for="type"]')!.textContent).to.equal('Loại');
    expect(el.shadowRoot!.querySelector('#language')!.textContent).to.contain('Tiếng Anh (8)');
    await expect(el).to.be.accessible();
  });

  it('shows titles and descriptions in the element’s language when the programme translated them', async () => {
    const { el } = await library({ as: MANAGER, lang: 'vi' });
    const deck = item(el, 'r_deck').textContent!.replace(/\s+/g, ' ');
    expect(deck).to.contain('Bài thuyết trình bán hàng cho đối tác 2026');
    expect(deck).to.contain('Nội dung chào hàng');
    expect(deck, 'the item itself is still English').to.contain('Tiếng Anh');
    // No Vietnamese for the calculator: its own title and description stay.
    expect(item(el, 'r_calc').textContent).to.contain('Reseller margin calculator');
    expect(item(el, 'r_calc').textContent).to.contain('Margins by volume band');
    // A Vietnamese item read in English shows its English title.
    const english = await library({ as: MANAGER });
    expect(titles(english.el)).to.include('Partner sales kit');
    expect(titles(english.el)).not.to.include('Bộ tài liệu bán hàng cho đối tác');
  });

  it('follows a lang change on an ancestor', async () => {
    const { el } = await library({ as: MANAGER });
    expect(part(el, 'count')!.textContent).to.equal('10 resources');
    el.lang = 'vi';
    await el.updateComplete;
    expect(part(el, 'count')!.textContent).to.equal('10 tài liệu');
  });

  it('renders titles, descriptions and tags with markup as inert text', async () => {
    const { el } = await library({ resources: [MARKUP_RESOURCE] });
    const title = part(el, 'title')!;
    expect(title.textContent).to.contain('<img src=x onerror="window.__pkInjected=1"><b>Pricing</b> sheet');
    expect(part(el, 'description')!.textContent).to.equal(MARKUP_RESOURCE.description);
    const list = part(el, 'list')!;
    expect(list.querySelectorAll('img, b, script').length).to.equal(0);
    expect(list.querySelectorAll('a').length).to.equal(1); // the title link only, never the description's
    expect(list.querySelector('a')!.getAttribute('href')).to.equal('https://cdn.example.com/library/r_markup');
    await wait(50);
    expect((window as unknown as { __pkInjected?: number }).__pkInjected).to.equal(undefined);
  });

  it('announces the result count in a polite live region, with plurals', async () => {
    const { el } = await library({ as: MANAGER });
    const count = part(el, 'count')!;
    expect(count.getAttribute('role')).to.equal('status');
    expect(count.textContent).to.equal('10 resources');
    el.q = 'calculator';
    await settle(el);
    expect(count.textContent).to.equal('1 resource');
    // The same node stays, so screen readers announce the change.
    expect(part(el, 'count')).to.equal(count);
  });

  it('shows grid and list layouts', async () => {
    const { el } = await library({ as: MANAGER, attrs: { layout: 'grid' } });
    await settle(el);
    const list = part(el, 'list')!;
    expect(getComputedStyle(list).gridTemplateColumns.split(' ').length).to.be.greaterThan(1);
    await expect(el).to.be.accessible();
    el.layout = 'list';
    await el.updateComplete;
    expect(getComputedStyle(part(el, 'list')!).gridTemplateColumns.split(' ').length).to.equal(1);
  });
});

describe('<resource-library> gating', () => {
  it('shows locked items with the tier that unlocks them, and no link, action or URL', async () => {
    const { el, requests } = await library({});
    await until(() => parts(el, 'lock').some((l) => l.textContent!.includes('Gold tier')), 'tier names');
    const locked = parts(el, 'item-locked');
    expect(locked.length).to.equal(3);
    for (const li of locked) {
      expect(li.querySelectorAll('a, button, [href], [tabindex]').length, li.textContent!).to.equal(0);
    }
    expect(parts(el, 'lock').map((l) => l.textContent!.trim())).to.have.members([
      'Locked: requires the Gold tier',
      'Locked: not available to your partner type',
      'Locked: requires the Platinum tier',
    ]);
    const html = el.shadowRoot!.innerHTML;
    for (const id of ['r_cert', 'r_calc', 'r_exec']) {
      expect(html).not.to.contain(`library/${id}`);
      expect(html).not.to.contain(`data-id="${id}"`);
    }
    expect(requests.filter((u) => u.pathname.endsWith('/v1/tiers'))).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('names the tier that unlocks an item in the element’s language', async () => {
    const { el } = await library({ lang: 'vi' });
    // On the lock labels: an item's Vietnamese description also says "hạng Vàng", before the tier names arrive.
    await until(() => parts(el, 'lock').some((l) => l.textContent!.includes('hạng Vàng')), 'tier names');
    expect(parts(el, 'lock').map((l) => l.textContent!.trim())).to.have.members([
      'Đã khóa: cần hạng Vàng',
      'Đã khóa: không dành cho loại đối tác của bạn',
      'Đã khóa: cần hạng Bạch kim',
    ]);
  });

  it('never links a locked item, even when a response wrongly includes its URL', async () => {
    const { el } = await library({
      faults: [
        rewriteJson(LIST, (page) => ({
          ...page,
          data: (page.data as Resource[]).map((r) => (r.locked ? { ...r, url: `https://leak.example.com/${r.id}` } : r)),
        })),
      ],
    });
    expect(el.shadowRoot!.innerHTML).not.to.contain('leak.example.com');
    expect(parts(el, 'item-locked').length).to.equal(3);
  });

  it('looks tiers up once per client, and says "a higher tier" when it cannot', async () => {
    const tiers: URL[] = [];
    const client = libraryClient({ resources: ALL_LOCKED_LIBRARY, faults: [{ mode: 'error', status: 500, match: 'GET /v1/tiers' }], onRequest: (r) => void (new URL(r.url).pathname.endsWith('/tiers') && tiers.push(new URL(r.url))) });
    const { el } = await library({ client });
    await wait(50);
    expect(parts(el, 'lock').map((l) => l.textContent!.trim())).to.include('Locked: requires a higher tier');
    const shared = libraryClient({ resources: ALL_LOCKED_LIBRARY, onRequest: (r) => void (new URL(r.url).pathname.endsWith('/tiers') && tiers.push(new URL(r.url))) });
    tiers.length = 0;
    const [a, b] = await Promise.all([library({ client: shared }), library({ client: shared })]);
    await until(() => a.el.shadowRoot!.textContent!.includes('Gold tier') && b.el.shadowRoot!.textContent!.includes('Gold tier'), 'tier names');
    expect(tiers).to.have.length(1);
  });

  it('does not look tiers up when nothing is locked', async () => {
    const { requests } = await library({ as: MANAGER });
    await wait(20);
    expect(requests.some((u) => u.pathname.endsWith('/v1/tiers'))).to.equal(false);
  });
});

describe('<resource-library> URL safety', () => {
  for (const bad of ['javascript:alert(document.domain)', 'data:text/html,<script>alert(1)</script>']) {
    it(`shows the error state when a list carries ${bad.split(':')[0]}: (the schema rejects it)`, async () => {
      const errors: PkErrorEvent[] = [];
      const client = libraryClient({
        as: MANAGER,
        faults: [rewriteJson(LIST, (page) => ({ ...page, data: (page.data as Resource[]).map((r, i) => (i === 0 ? { ...r, url: bad } : r)) }))],
      });
      const listener = (e: PkErrorEvent) => errors.push(e);
      document.documentElement.addEventListener('pk-error', listener);
      const { el } = await library({ client }).finally(() => document.documentElement.removeEventListener('pk-error', listener));
      expect(part(el, 'error')).not.to.equal(null);
      expect(part(el, 'error-message')!.textContent).to.equal('The PartnerKit service sent an answer this page cannot read.');
      expect(errors).to.have.length(1);
      expect(errors[0]!.detail.data.code).to.equal('invalid_response');
      expect(el.shadowRoot!.querySelectorAll('a').length).to.equal(0);
      expect(el.shadowRoot!.innerHTML).not.to.contain(bad.slice(0, 10));
      await expect(el).to.be.accessible();
    });
  }

  it('never makes a link of a non-http URL that got past the schema', async () => {
    const base = libraryClient({ as: MANAGER });
    const client = tamperedClient(base, {
      list: async (query, options) => {
        const page = await base.resources.list(query, options);
        const urls = ['javascript:alert(1)', 'data:text/html,hi', 'JAVASCRIPT:alert(1)', '//evil.example/x', 'vbscript:x'];
        return { ...page, data: page.data.map((r, i) => (i < urls.length ? { ...r, url: urls[i]! } : r)) } as ResourcePage;
      },
    });
    const { el } = await library({ client });
    const hrefs = [...el.shadowRoot!.querySelectorAll('a')].map((a) => a.getAttribute('href')!);
    expect(hrefs).to.have.length(MANAGER_LIBRARY.length - 5);
    for (const href of hrefs) expect(new URL(href).protocol).to.equal('https:');
    expect(el.shadowRoot!.innerHTML).not.to.match(/javascript:|data:text|vbscript:|evil\.example/i);
  });

  it('refuses to open a non-http URL from open(), says so, and reports unsafe_url', async () => {
    const base = libraryClient({ as: MANAGER });
    for (const bad of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>']) {
      const client = tamperedClient(base, { open: async () => ({ url: bad }) });
      const { el } = await library({ client });
      await capturingWindowOpen(async (calls) => {
        const opened: Event[] = [];
        el.addEventListener('pk-resource-open', (e) => opened.push(e));
        const error = oneEvent(el, 'pk-error');
        el.shadowRoot!.querySelector<HTMLAnchorElement>('a[data-id="r_deck"]')!.click();
        const event = await error;
        await el.updateComplete;
        expect(event.detail.data).to.include({ element: 'resource-library', code: 'unsafe_url' });
        expect(JSON.stringify(event.detail)).not.to.contain(bad.slice(0, 8));
        expect(calls).to.have.length(0);
        expect(opened).to.have.length(0);
        const notice = part(el, 'notice')!;
        expect(notice.getAttribute('role')).to.equal('alert');
        expect(notice.textContent).to.contain('Not opened: only http and https links are opened.');
        await expect(el).to.be.accessible();
      });
    }
  });

  it('shows an error when open() answers against the schema', async () => {
    const { el } = await library({ as: MANAGER, faults: [rewriteJson('POST /v1/resources/*/open', () => ({ url: 'javascript:alert(1)' }))] });
    await capturingWindowOpen(async (calls) => {
      const error = oneEvent(el, 'pk-error');
      el.shadowRoot!.querySelector<HTMLAnchorElement>('a[data-id="r_deck"]')!.click();
      expect((await error).detail.data.code).to.equal('invalid_response');
      await el.updateComplete;
      expect(part(el, 'notice')!.textContent).to.contain('could not be opened');
      expect(calls).to.have.length(0);
    });
  });
});

describe('<resource-library> opening', () => {
  it('records the open, then opens the URL in a new tab without opener or referrer', async () => {
    const { el, requests } = await library({ as: MANAGER });
    const link = el.shadowRoot!.querySelector<HTMLAnchorElement>('a[data-id="r_deck"]')!;
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.equal('noopener noreferrer');
    expect(link.getAttribute('href')).to.equal('https://cdn.example.com/library/r_deck');
    await capturingWindowOpen(async (calls) => {
      const event = oneEvent(el, 'pk-resource-open');
      link.click();
      const opened = (await event) as PkResourceOpenEvent;
      expect(requests.some((u) => u.pathname.endsWith('/v1/resources/r_deck/open'))).to.equal(true);
      expect(opened.bubbles && opened.composed && opened.cancelable).to.equal(true);
      expect(z.safeParse(EventEnvelope, opened.detail).success).to.equal(true);
      expect(opened.detail.type).to.equal('resource.opened');
      expect(opened.detail.data).to.deep.equal({ resourceId: 'r_deck', url: 'https://cdn.example.com/library/r_deck' });
      expect(calls).to.deep.equal([['https://cdn.example.com/library/r_deck', '_blank', 'noopener,noreferrer']]);
    });
  });

  it('says what opening does: "Opening …" while the backend records it, then "… opened in a new tab"', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const base = libraryClient({ as: MANAGER });
    const client = tamperedClient(base, { open: async (id, options) => (await held, base.resources.open(id, options)) });
    for (const [lang, opening, opened] of [
      ['en', 'Opening “2026 partner sales deck”…', '“2026 partner sales deck” opened in a new tab.'],
      ['vi', 'Đang mở “2026 partner sales deck”…', 'Đã mở “2026 partner sales deck” trong thẻ mới.'],
    ] as const) {
      const { el } = await library({ client, lang });
      const status = part(el, 'open-status')!;
      expect(status.getAttribute('role')).to.equal('status');
      await capturingWindowOpen(async (calls) => {
        el.shadowRoot!.querySelector<HTMLAnchorElement>('a[data-id="r_deck"]')!.click();
        await el.updateComplete;
        expect(status.textContent!.trim()).to.equal(opening);
        release();
        await until(() => calls.length === 1, 'the resource did not open');
        await el.updateComplete;
        expect(status.textContent!.trim()).to.equal(opened);
        await expect(el).to.be.accessible();
      });
    }
  });

  it('lets the host open the resource itself by cancelling pk-resource-open', async () => {
    const { el } = await library({ as: MANAGER });
    el.addEventListener('pk-resource-open', (e) => e.preventDefault());
    await capturingWindowOpen(async (calls) => {
      const event = oneEvent(el, 'pk-resource-open');
      el.shadowRoot!.querySelector<HTMLAnchorElement>('a[data-id="r_demo"]')!.click();
      await event;
      expect(calls).to.have.length(0);
    });
  });

  it('says so when the backend refuses to open', async () => {
    const base = libraryClient({ as: MANAGER });
    const forbidden = libraryClient({});
    // r_cert is open in the list but locked for the backend (the partner's tier changed meanwhile).
    const client = tamperedClient(base, { open: (id, options) => forbidden.resources.open(id, options) });
    const { el } = await library({ client });
    await capturingWindowOpen(async (calls) => {
      const error = oneEvent(el, 'pk-error');
      el.shadowRoot!.querySelector<HTMLAnchorElement>('a[data-id="r_cert"]')!.click();
      expect((await error).detail.data).to.include({ code: 'forbidden', status: 403 });
      await el.updateComplete;
      expect(part(el, 'notice')!.textContent).to.contain('This resource could not be opened. You do not have access to this.');
      expect(calls).to.have.length(0);
      // The message stays until the person does something else: here, a filter.
      el.type = 'document';
      el.shadowRoot!.querySelector<HTMLSelectElement>('#sort')!.value = 'title';
      el.shadowRoot!.querySelector<HTMLSelectElement>('#sort')!.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect(part(el, 'notice')).to.equal(null);
    });
  });

  it('opens with the keyboard (Enter on a title)', async () => {
    const { el } = await library({ as: MANAGER });
    await capturingWindowOpen(async (calls) => {
      el.shadowRoot!.querySelector<HTMLAnchorElement>('a[data-id="r_faq"]')!.focus();
      const event = oneEvent(el, 'pk-resource-open');
      await sendKeys({ press: 'Enter' });
      await event;
      expect(calls[0]![0]).to.equal('https://cdn.example.com/library/r_faq');
    });
  });
});

describe('<resource-library> filters and search', () => {
  it('sends its attributes as the initial filters', async () => {
    const { el, lists } = await library({ as: MANAGER, attrs: { type: 'video', tag: 'sales', language: 'en', q: 'kit', 'page-size': '20', sort: 'title' } });
    await settle(el);
    expect(query(lists().at(-1)!)).to.deep.equal({ type: 'video', tag: 'sales', language: 'en', q: 'kit', sort: 'title', limit: '20' });
    expect(titles(el)).to.deep.equal(['Executive briefing kit']);
    expect(parts(el, 'chip').map((c) => c.getAttribute('aria-label'))).to.deep.equal([
      'Remove filter: Type: Video',
      'Remove filter: Tag: sales',
      'Remove filter: Language: English',
      'Remove filter: Search: “kit”',
    ]);
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('#search')!.value).to.equal('kit');
  });

  it('combines facets, announces changes and updates the facet counts', async () => {
    const { el, lists } = await library({ as: MANAGER });
    const changes: PkFilterChangeEvent[] = [];
    el.addEventListener('pk-filter-change', (e) => changes.push(e));
    const typeSelect = el.shadowRoot!.querySelector<HTMLSelectElement>('#type')!;
    expect([...typeSelect.options].map((o) => o.textContent!.trim())).to.include('Video (2)');

    const choose = async (id: string, value: string) => {
      const select = el.shadowRoot!.querySelector<HTMLSelectElement>(id)!;
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await settle(el);
    };
    await choose('#tag', 'sales');
    expect(query(lists().at(-1)!)).to.include({ tag: 'sales' });
    // The Vietnamese kit shows its English title in an English element.
    expect(titles(el)).to.have.members(['Partner sales kit', '2026 partner sales deck', 'Executive briefing kit']);
    // Counts now describe the filtered result.
    expect([...el.shadowRoot!.querySelector<HTMLSelectElement>('#type')!.options].map((o) => o.textContent!.trim())).to.deep.equal([
      'All types',
      'Document (2)',
      'Video (1)',
    ]);

    await choose('#type', 'document');
    await choose('#language', 'vi');
    expect(query(lists().at(-1)!)).to.include({ tag: 'sales', type: 'document', language: 'vi' });
    expect(titles(el)).to.deep.equal(['Partner sales kit']);
    expect(el.shadowRoot!.querySelector<HTMLSelectElement>('#language')!.value).to.equal('vi');

    await choose('#sort', 'popular');
    expect(query(lists().at(-1)!)).to.include({ sort: 'popular' });

    expect(changes.map((e) => e.detail.data)).to.deep.equal([
      { tag: 'sales', sort: 'newest' },
      { type: 'document', tag: 'sales', sort: 'newest' },
      { type: 'document', tag: 'sales', language: 'vi', sort: 'newest' },
      { type: 'document', tag: 'sales', language: 'vi', sort: 'popular' },
    ]);
    expect(changes.every((e) => e.detail.type === 'resource.filter_changed' && e.bubbles && e.composed)).to.equal(true);
  });

  it('searches on the server after a pause in typing, aborting superseded requests', async () => {
    const signals: AbortSignal[] = [];
    const { el, lists } = await library({
      as: MANAGER,
      onRequest: (r) => void (new URL(r.url).pathname.endsWith('/v1/resources') && signals.push(r.signal)),
    });
    const before = lists().length;
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('#search')!;
    input.focus();
    // Typed without a pause: keystrokes sent through the test runner can arrive more than the
    // debounce apart on a loaded machine, which is a pause, and the search rightly goes out.
    for (const text of ['d', 'de', 'dem']) {
      input.value = text;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: text.at(-1) ?? null }));
    }
    expect(lists().length, 'no request while typing').to.equal(before);
    await wait(SEARCH_DEBOUNCE_MS);
    await settle(el);
    expect(lists().length, 'one request once typing paused').to.equal(before + 1);
    expect(query(lists().at(-1)!)).to.include({ q: 'dem' });
    expect(titles(el)).to.deep.equal(['Product demo: onboarding in ten minutes']);

    // A slow answer superseded by a new search is aborted.
    const sent = signals.length;
    // The answer for "dem" never comes; the one for "demo" comes at once.
    const never = (r: Request) => new URL(r.url).searchParams.get('q') === 'dem';
    el.client = libraryClient({ as: MANAGER, faults: [{ mode: 'slow', delayMs: Infinity, match: never }], onRequest: (r) => void signals.push(r.signal) });
    await until(() => signals.length === sent + 1, 'the slow request');
    const slow = signals.at(-1)!;
    await sendKeys({ type: 'o' });
    await sendKeys({ press: 'Enter' }); // Enter searches at once
    await el.updateComplete;
    expect(slow.aborted).to.equal(true);
    await settle(el);
    expect(input.value).to.equal('demo');
    expect(titles(el)).to.deep.equal(['Product demo: onboarding in ten minutes']);
  });

  it('keeps what was typed while results load and when the load fails', async () => {
    const { el } = await library({ as: MANAGER });
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('#search')!;
    el.client = libraryClient({ faults: [{ mode: 'error', status: 503, match: LIST }] });
    input.focus();
    await sendKeys({ type: 'pricing' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(part(el, 'error')).not.to.equal(null);
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('#search')!.value).to.equal('pricing');
  });

  it('shows "no results" with a way back, and removes filters from their chips', async () => {
    const { el } = await library({ as: MANAGER, attrs: { q: 'zzz', type: 'video' } });
    await settle(el);
    const none = part(el, 'no-results')!;
    expect(none.textContent).to.contain('No resources match “zzz”.');
    expect(part(el, 'count')!.textContent).to.equal('');
    await expect(el).to.be.accessible();

    const changes: PkFilterChangeEvent[] = [];
    el.addEventListener('pk-filter-change', (e) => changes.push(e));
    parts(el, 'chip')[1]!.click(); // the search
    await settle(el);
    expect(el.q).to.equal(undefined);
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('#search')!.value).to.equal('');
    expect(titles(el)).to.have.length(2);
    expect(changes.at(-1)!.detail.data).to.deep.equal({ type: 'video', sort: 'newest' });
    // The keyboard stays on the chips: the remaining one has focus.
    expect(el.shadowRoot!.activeElement).to.equal(parts(el, 'chip')[0]);

    el.q = 'zzz';
    await settle(el);
    part<HTMLButtonElement>(el, 'no-results')!.querySelector('button')!.click();
    await settle(el);
    expect(parts(el, 'chip')).to.have.length(0);
    expect(titles(el)).to.have.length(MANAGER_LIBRARY.length);
    expect(el.shadowRoot!.activeElement!.id).to.equal('search');
  });

  it('reloads when the host changes attributes, aborting the old request, without pk-filter-change', async () => {
    const signals: AbortSignal[] = [];
    const never = (r: Request) => new URL(r.url).searchParams.get('type') === 'template';
    const { el } = await library({ as: MANAGER, faults: [{ mode: 'slow', delayMs: Infinity, match: never }], onRequest: (r) => void signals.push(r.signal) });
    const changes: Event[] = [];
    el.addEventListener('pk-filter-change', (e) => changes.push(e));
    el.setAttribute('type', 'template');
    await until(() => signals.length === 2, 'the request for templates');
    el.setAttribute('type', 'video');
    await el.updateComplete;
    expect(signals[1]!.aborted).to.equal(true);
    await settle(el);
    expect(titles(el)).to.have.members(['Product demo: onboarding in ten minutes', 'Executive briefing kit']);
    expect(changes).to.have.length(0);
  });

  it('ignores an unknown type or sort instead of sending it', async () => {
    const { el, lists } = await library({ as: MANAGER, attrs: { type: 'podcast', sort: 'random' } });
    await settle(el);
    expect(query(lists().at(-1)!)).to.deep.equal({ sort: 'newest', limit: '50' });
  });
});

describe('<resource-library> load more', () => {
  it('loads page after page with the cursor, and says how many are shown', async () => {
    const { el, lists } = await library({ as: MANAGER, attrs: { 'page-size': '4' } });
    await settle(el);
    expect(titles(el)).to.have.length(4);
    expect(part(el, 'count')!.textContent).to.equal('Showing 4 of 10 resources');
    const more = part<HTMLButtonElement>(el, 'load-more')!;
    more.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    // The next page by the first page's cursor (opaque to the element).
    expect(query(lists().at(-1)!)).to.include({ limit: '4' });
    expect(lists().at(-1)!.searchParams.get('cursor')).to.be.a('string').and.not.equal('');
    expect(titles(el)).to.have.length(8);
    expect(part(el, 'count')!.textContent).to.equal('Showing 8 of 10 resources');
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'load-more'));
    await el.loadMore();
    await settle(el);
    expect(titles(el)).to.have.length(10);
    expect(part(el, 'load-more')).to.equal(null);
    expect(part(el, 'count')!.textContent).to.equal('10 resources');
    expect(new Set(titles(el)).size).to.equal(10);
  });

  it('reports a failed page and lets the person try again', async () => {
    const { el } = await library({ as: MANAGER, attrs: { 'page-size': '4' } });
    await settle(el);
    const working = el.client as PartnerKitClient;
    // Only the pages after the first fail.
    const failing = tamperedClient(working, {
      list: (q, o) => (q?.cursor ? Promise.reject(Object.assign(new Error('offline'), { name: 'NetworkError', code: 'network_error' })) : working.resources.list(q, o)),
    });
    el.client = failing;
    await settle(el);
    const error = oneEvent(el, 'pk-error');
    part<HTMLButtonElement>(el, 'load-more')!.click();
    expect((await error).detail.data.code).to.equal('network_error');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.more [role="alert"]')!.textContent).to.contain('could not be reached');
    expect(titles(el)).to.have.length(4);
    el.client = working;
    await settle(el);
    await el.loadMore();
    await settle(el);
    expect(titles(el)).to.have.length(8);
  });

  it('drops the extra pages when the filters change', async () => {
    const { el } = await library({ as: MANAGER, attrs: { 'page-size': '3' } });
    await settle(el);
    await el.loadMore();
    await settle(el);
    expect(titles(el)).to.have.length(6);
    el.sort = 'title';
    await settle(el);
    expect(titles(el)).to.have.length(3);
    expect(titles(el)[0]).to.equal('2026 partner sales deck');
  });
});
