/**
 * The baseline for `<resource-library>`: search box (debounced, Enter commits at once), facets
 * with counts, sort, a result count, and a windowed list (fixed row height, only the rows in
 * view in the DOM) with "Load more", paging through the same backend with raw `fetch` and
 * `JSON.parse`, written by hand with the DOM API.
 * @module
 */
import type { Resource, ResourcePage } from '@partnerkit/core/schemas';
import { h, s, shadowHost } from './dom.ts';
import { languageName, number, relative } from './format.ts';

const css = `
:host { display: block; font: inherit; }
.toolbar { display: flex; gap: 1em; flex-wrap: wrap; }
.scroller { position: relative; overflow: auto; max-height: 36em; border: 1px solid #ddd; }
.items { list-style: none; margin: 0; padding: 0; display: grid; grid-auto-rows: 8.5em; }
.item { display: flex; gap: 0.8em; padding: 0.6em; border-bottom: 1px solid #eee; overflow: hidden; box-sizing: border-box; }
.item svg { width: 1.5em; height: 1.5em; flex: none; }
.item p { margin: 0.15em 0; }
.meta, .lock { color: #666; font-size: 0.85em; display: flex; gap: 0.8em; }
.tags { display: flex; gap: 0.4em; list-style: none; padding: 0; margin: 0; font-size: 0.85em; }
`;

const TYPE: Record<Resource['type'], string> = {
  document: 'Document',
  video: 'Video',
  link: 'Link',
  template: 'Template',
  brand_asset: 'Brand asset',
  training: 'Training',
};
const OVERSCAN = 3;

function bytes(size: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = size;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${number(value, unit === 0 ? 0 : 1)} ${units[unit]}`;
}

function item(resource: Resource, position: number, size: number): HTMLLIElement {
  const url = !resource.locked && resource.url && /^https?:/.test(resource.url) ? resource.url : null;
  const format = [resource.format?.toUpperCase(), resource.sizeBytes == null ? null : bytes(resource.sizeBytes)].filter(Boolean).join(', ');
  return h(
    'li',
    { class: resource.locked ? 'item item--locked' : 'item', 'aria-posinset': position, 'aria-setsize': size },
    s('svg', { viewBox: '0 0 24 24', 'aria-hidden': 'true' }, s('path', { d: 'M6 2h9l5 5v15H6z' })),
    h(
      'div',
      {},
      h('p', {}, url ? h('a', { href: url, target: '_blank', rel: 'noopener noreferrer', 'data-id': resource.id }, resource.title) : resource.title),
      resource.description ? h('p', {}, resource.description) : null,
      h('p', { class: 'meta' }, h('span', {}, TYPE[resource.type]), h('span', {}, languageName(resource.language)), format ? h('span', {}, format) : null, h('span', {}, h('time', { datetime: resource.updatedAt }, `Updated ${relative(resource.updatedAt)}`))),
      resource.tags.length ? h('ul', { class: 'tags', 'aria-label': 'Tags' }, ...resource.tags.map((t) => h('li', {}, t))) : null,
      resource.locked ? h('p', { class: 'lock' }, 'Requires a higher tier') : null,
    ),
  );
}

function select(label: string, counts: Record<string, number>, name: (value: string) => string): HTMLLabelElement {
  return h('label', {}, `${label} `, h('select', {}, h('option', { value: '' }, 'All'), ...Object.entries(counts).map(([value, count]) => h('option', { value }, `${name(value)} (${number(count, 0)})`))));
}

/** The baseline library: `host` to place in the page, `load()` for the first page, `input` for typing. */
export function createLibrary(fetchPage: (query: URLSearchParams) => Promise<ResourcePage>, pageSize: number) {
  const { host, root } = shadowHost('vanilla-library', css);
  const input = h('input', { id: 'search', type: 'search', autocomplete: 'off', maxlength: 200 });
  const facets = h('div', { class: 'toolbar' });
  const count = h('p', { class: 'count', role: 'status' });
  const list = h('ul', { class: 'items', role: 'list' });
  const scroller = h('div', { class: 'scroller', role: 'region', tabindex: 0, 'aria-label': 'Resources' }, list);
  const more = h('button', { type: 'button', class: 'more', hidden: true }, 'Load more');
  root.append(h('div', { class: 'toolbar' }, h('label', {}, 'Search ', input), facets), count, scroller, h('div', {}, more));

  let items: Resource[] = [];
  let total = 0;
  let cursor: string | null = null;
  let q = '';
  let request = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let rendered = '';
  let rowHeight = 0;

  // Only the rows in view (plus a few) are in the DOM; padding stands in for the rest.
  function renderWindow(force = false): void {
    rowHeight ||= parseFloat(getComputedStyle(host).fontSize) * 8.5;
    const viewport = scroller.clientHeight || rowHeight * 4;
    const start = Math.max(0, Math.floor(scroller.scrollTop / rowHeight) - OVERSCAN);
    const end = Math.min(items.length, Math.ceil((scroller.scrollTop + viewport) / rowHeight) + OVERSCAN);
    const key = `${start}:${end}:${items.length}`;
    if (!force && key === rendered) return;
    rendered = key;
    list.style.paddingTop = `${start * rowHeight}px`;
    list.style.paddingBottom = `${(items.length - end) * rowHeight}px`;
    list.replaceChildren(...items.slice(start, end).map((r, i) => item(r, start + i + 1, Math.max(total, items.length))));
  }

  async function load(append: boolean): Promise<void> {
    const id = ++request;
    const query = new URLSearchParams({ limit: String(pageSize), sort: 'newest' });
    if (append && cursor) query.set('cursor', cursor);
    if (q) query.set('q', q);
    const page = await fetchPage(query);
    if (id !== request) return;
    items = append ? items.concat(page.data) : page.data;
    total = page.total;
    cursor = page.nextCursor;
    if (!append) {
      scroller.scrollTop = 0;
      facets.replaceChildren(
        select('Type', page.facets.type, (v) => TYPE[v as Resource['type']] ?? v),
        select('Tag', page.facets.tag, (v) => v),
        select('Language', page.facets.language, languageName),
        h('label', {}, 'Sort ', h('select', {}, h('option', { value: 'newest' }, 'Newest'), h('option', { value: 'title' }, 'Title'), h('option', { value: 'popular' }, 'Most opened'))),
      );
    }
    count.textContent = items.length < total ? `Showing ${number(items.length, 0)} of ${number(total, 0)} resources` : `${number(total, 0)} resources`;
    more.hidden = !cursor;
    renderWindow(true);
  }

  const commit = () => {
    clearTimeout(timer);
    const next = input.value.trim();
    if (next === q) return;
    q = next;
    void load(false);
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(commit, 250);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
    }
  });
  let scrollQueued = false;
  scroller.addEventListener('scroll', () => {
    if (scrollQueued) return;
    scrollQueued = true;
    requestAnimationFrame(() => {
      scrollQueued = false;
      renderWindow();
    });
  });
  more.addEventListener('click', () => void load(true));
  return { host, load: () => load(false) };
}
