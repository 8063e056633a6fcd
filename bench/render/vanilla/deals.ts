/**
 * The baseline for `<deal-register>`'s My registrations: a status filter, a search box, one item
 * per deal (company, number, status chip, type, amount, domain, close date, protection countdown,
 * the partner's actions, the history toggle) and "Load more", paging through the same backend
 * with raw `fetch` and `JSON.parse`, written by hand with the DOM API.
 * @module
 */
import type { Deal, DealStatus } from '@partnerkit/core/schemas';
import { DEAL_STATUSES } from '@partnerkit/core/schemas';
import { h, shadowHost } from './dom.ts';
import { date, money, relative } from './format.ts';

const css = `
:host { display: block; font: inherit; }
.toolbar { display: flex; gap: 1em; }
ul { list-style: none; padding: 0; margin: 0; }
.deal { border-bottom: 1px solid #ddd; padding: 0.6em 0; }
.row { display: flex; gap: 0.6em; align-items: center; flex-wrap: wrap; margin: 0.2em 0; }
.chip { border-radius: 1em; padding: 0 0.6em; background: #eef; font-size: 0.85em; }
.muted { color: #666; }
button { font: inherit; }
`;

const label = (status: DealStatus) => status.replace('_', ' ').replace(/^./, (c) => c.toUpperCase());
const TYPE: Record<Deal['type'], string> = { resell: 'Resell', referral: 'Referral', co_sell: 'Co-sell' };

/** What a partner may do with a deal: withdraw before approval, mark won or lost after. */
function actions(deal: Deal): string[] {
  if (['submitted', 'under_review', 'needs_info'].includes(deal.status)) return ['Withdraw'];
  if (deal.status === 'approved') return ['Mark won', 'Mark lost'];
  return [];
}

function item(deal: Deal): HTMLLIElement {
  const meta = [TYPE[deal.type]];
  if (deal.amount) meta.push(money(deal.amount.amount, deal.amount.currency));
  if (deal.customer.domain) meta.push(deal.customer.domain);
  if (deal.expectedCloseDate) meta.push(`closes ${date(`${deal.expectedCloseDate}T00:00:00Z`)}`);
  if (deal.status === 'approved' && deal.expiresAt) {
    meta.push(Date.parse(deal.expiresAt) > Date.now() ? `protection ends ${relative(deal.expiresAt)}` : `protection ended ${relative(deal.expiresAt)}`);
  }
  return h(
    'li',
    { class: 'deal', tabindex: -1, 'data-id': deal.id },
    h('p', { class: 'row' }, h('strong', { dir: 'auto' }, deal.customer.company), h('span', { class: 'muted' }, deal.number), h('span', { class: `chip chip--${deal.status}` }, label(deal.status))),
    h('p', { class: 'muted', dir: 'auto' }, meta.join(' · ')),
    h(
      'div',
      { class: 'row', role: 'group', 'aria-label': `${deal.number} ${deal.customer.company}` },
      ...actions(deal).map((a) => h('button', { type: 'button' }, a)),
      h('button', { type: 'button', 'aria-expanded': 'false', 'aria-controls': `history-${deal.id}` }, `History (${deal.history.length})`),
    ),
    h('ol', { id: `history-${deal.id}`, class: 'muted', hidden: true }),
  );
}

/** The baseline list: `host` to place in the page, `load()` for the first page. */
export function createDealList(fetchPage: (query: URLSearchParams) => Promise<{ data: Deal[]; nextCursor: string | null }>, pageSize: number) {
  const { host, root } = shadowHost('vanilla-deals', css);
  const status = h('select', { id: 'status' }, h('option', { value: '' }, 'All'), ...DEAL_STATUSES.map((s) => h('option', { value: s }, label(s))));
  const search = h('input', { id: 'q', type: 'search', autocomplete: 'off' });
  const list = h('ul', { 'aria-label': 'My registrations' });
  const more = h('button', { type: 'button', class: 'more', hidden: true }, 'Load more');
  root.append(h('div', { class: 'toolbar' }, h('label', {}, 'Status ', status), h('label', {}, 'Search ', search)), list, h('div', {}, more));
  let cursor: string | null = null;
  let request = 0;

  async function load(append: boolean): Promise<void> {
    const id = ++request;
    const query = new URLSearchParams({ limit: String(pageSize) });
    if (append && cursor) query.set('cursor', cursor);
    if (status.value) query.set('status', status.value);
    if (search.value.trim()) query.set('q', search.value.trim());
    const page = await fetchPage(query);
    if (id !== request) return;
    const items = page.data.map(item);
    if (append) list.append(...items);
    else list.replaceChildren(...items);
    cursor = page.nextCursor;
    more.hidden = !cursor;
  }

  status.addEventListener('change', () => void load(false));
  more.addEventListener('click', () => void load(true));
  return { host, load: () => load(false) };
}
