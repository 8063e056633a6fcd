/**
 * My registrations (a partner) against the stub backend: states, status chips and protection
 * countdowns in both languages, history, filters, search, cursor pagination, the actions core's
 * state machine allows, and the withdraw flow through the reason dialog.
 */
import { expect, oneEvent } from '@open-wc/testing';
import { allowedTransitions } from '@partnerkit/core/rules';
import { EventEnvelope, type DealStatus } from '@partnerkit/core/schemas';
import * as z from 'zod/mini';
import { dealBackend } from '../../../../stories/deal-register/backend.js';
import { manyDeals, PARTNER_ID } from '../../../../stories/deal-register/fixtures.js';
import { $, $$, clearStorage, mount, part, text, until } from './helpers.js';
import type { DealRegister } from '../../src/deal-register/deal-register.js';
import { RENDER_BATCH } from '../../src/deal-register/list/deal-list.js';

const rows = (el: Element) => $$(el, '[part~="deal"]');
const row = (el: Element, number: string) => rows(el).find((r) => text(r.querySelector('.muted')) === number)!;
const settled = async (el: DealRegister) => {
  await el.updateComplete;
  await until(el, () => !el.shadowRoot!.querySelector('[aria-busy="true"]') && $(el, '#l-status'), 'the list did not settle');
};
const actionsOf = (r: HTMLElement) => [...r.querySelectorAll<HTMLButtonElement>('[part~="action"]')].map((b) => text(b));

async function openList(options: Parameters<typeof dealBackend>[0] = {}, lang = 'en') {
  const stub = dealBackend(options);
  const el = await mount(stub.client, { partnerId: PARTNER_ID, view: 'list', lang });
  await settled(el);
  return { el, stub };
}

describe('<deal-register> My registrations', () => {
  beforeEach(clearStorage);

  it('shows a busy skeleton while loading', async () => {
    const stub = dealBackend({ faults: [{ mode: 'slow', delayMs: 10_000, match: 'GET /v1/deals' }] });
    const el = await mount(stub.client, { partnerId: PARTNER_ID, view: 'list' });
    await until(el, () => $(el, '[aria-busy="true"]'), 'no loading state');
    expect(text($(el, '[aria-busy="true"]'))).to.contain('Loading');
    await expect(el).to.be.accessible();
  });

  it("lists the partner's deals with status chips and the protection countdown", async () => {
    const { el } = await openList();
    expect(rows(el)).to.have.length(8);
    expect(text(el.shadowRoot!)).not.to.contain('DR-000201');
    const globex = row(el, 'DR-000104');
    expect(text(globex.querySelector('[part~="status-chip"]'))).to.equal('Approved');
    expect(text(globex)).to.contain('protection expires in 12 days');
    expect(text(globex)).to.contain('€80,000');
    expect(text(globex)).not.to.contain('€80,000.00');
    expect(text(row(el, 'DR-000103').querySelector('[part~="status-chip"]'))).to.equal('Needs information');
    await expect(el).to.be.accessible();
  });

  it('is accessible in the dark theme, history open', async () => {
    const { el } = await openList();
    el.theme = 'dark';
    for (const toggle of $$<HTMLButtonElement>(el, '[part~="history-toggle"]')) toggle.click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('writes chips and countdowns in Vietnamese', async () => {
    const { el } = await openList({}, 'vi');
    const globex = row(el, 'DR-000104');
    expect(text(globex.querySelector('[part~="status-chip"]'))).to.equal('Đã duyệt');
    expect(text(globex)).to.contain('bảo hộ hết hạn sau 12 ngày nữa');
    expect(text(row(el, 'DR-000101'))).to.contain('2.500.000.000');
    expect(text($(el, 'label[for="l-status"]'))).to.equal('Trạng thái');
    await expect(el).to.be.accessible();
  });

  it('offers exactly the moves the lifecycle allows a partner', async () => {
    const { el } = await openList();
    const labels: Partial<Record<DealStatus, string>> = { withdrawn: 'Withdraw', won: 'Mark won', lost: 'Mark lost', submitted: 'Resubmit' };
    for (const r of rows(el)) {
      const status = r.querySelector('[part~="status-chip"]')!.className.match(/chip--(\w+)/)![1] as DealStatus;
      const expected = allowedTransitions(status, 'partner').map((to) => labels[to]);
      expect(actionsOf(r), status).to.deep.equal(expected);
    }
    expect(actionsOf(row(el, 'DR-000101'))).to.deep.equal(['Withdraw']);
    expect(actionsOf(row(el, 'DR-000103'))).to.deep.equal(['Resubmit', 'Withdraw']);
    expect(actionsOf(row(el, 'DR-000104'))).to.deep.equal(['Mark won', 'Mark lost']);
    expect(actionsOf(row(el, 'DR-000105'))).to.deep.equal([]);
  });

  it('expands and collapses the history of a deal', async () => {
    const { el } = await openList();
    const r = row(el, 'DR-000103');
    const toggle = r.querySelector<HTMLButtonElement>('[part~="history-toggle"]')!;
    const history = r.querySelector<HTMLElement>('[part~="history"]')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(toggle.getAttribute('aria-controls')).to.equal(history.id);
    expect(history.hidden).to.equal(true);
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(history.hidden).to.equal(false);
    expect(text(history)).to.contain('Submitted → Needs information (channel manager Trần Văn Minh)');
    expect(text(history)).to.contain('Please add the customer contact');
    await expect(el).to.be.accessible();
    toggle.click();
    await el.updateComplete;
    expect(history.hidden).to.equal(true);
  });

  it('filters by status and searches (debounced), asking the backend', async () => {
    const urls: URL[] = [];
    const { el } = await openList({ onRequest: (r) => r.method === 'GET' && r.url.includes('/v1/deals') && urls.push(new URL(r.url)) });
    const select = $<HTMLSelectElement>(el, '#l-status')!;
    select.value = 'approved';
    select.dispatchEvent(new Event('change'));
    await settled(el);
    expect(urls.at(-1)!.searchParams.get('status')).to.equal('approved');
    expect(rows(el).map((r) => text(r.querySelector('.muted')))).to.deep.equal(['DR-000104', 'DR-000108']);

    const search = $<HTMLInputElement>(el, '#l-q')!;
    for (const q of ['g', 'gl', 'glob']) {
      search.value = q;
      search.dispatchEvent(new Event('input'));
    }
    await until(el, () => rows(el).length === 1, 'search did not apply');
    expect(urls.filter((u) => u.searchParams.has('q')).map((u) => u.searchParams.get('q'))).to.deep.equal(['glob']);
    expect(text(rows(el)[0])).to.contain('Globex GmbH');

    search.value = 'nothing like this';
    search.dispatchEvent(new Event('input'));
    await until(el, () => part(el, 'empty'), 'no empty state');
    expect(text(part(el, 'empty'))).to.equal('No registrations match. Change the status or the search.');
    await expect(el).to.be.accessible();
  });

  it('pages with "load more" and moves focus to the first new deal when the last page arrives', async () => {
    const { el } = await openList({ deals: manyDeals(60) });
    expect(rows(el)).to.have.length(25);
    const more = () => part(el, 'load-more') as HTMLButtonElement | null;
    more()!.click();
    await until(el, () => rows(el).length === 50, 'second page');
    more()!.click();
    await until(el, () => rows(el).length === 60, 'third page');
    expect(more()).to.equal(null);
    await until(el, () => el.shadowRoot!.activeElement === rows(el)[50], 'focus did not move to the first new deal');
    await expect(el).to.be.accessible();
  });

  it('renders thousands of loaded deals a batch at a time as the end of the list comes into view', async () => {
    const deals = manyDeals(2000);
    const body = JSON.stringify({ data: deals, nextCursor: null });
    const { el } = await openList({
      deals,
      faults: [{ mode: 'respond', match: 'GET /v1/deals', respond: () => new Response(body, { headers: { 'content-type': 'application/json' } }) }],
    });
    expect(rows(el)).to.have.length(RENDER_BATCH);
    expect(part(el, 'load-more')).to.equal(null);
    rows(el).at(-1)!.scrollIntoView();
    await until(el, () => rows(el).length === 2 * RENDER_BATCH, 'the next batch did not render');
    // Keyboard users reach the next batch too: focus the last row's buttons.
    rows(el).at(-1)!.querySelector<HTMLButtonElement>('[part~="history-toggle"]')!.focus();
    await until(el, () => rows(el).length === 3 * RENDER_BATCH, 'focus did not bring the next batch');
    const select = $<HTMLSelectElement>(el, '#l-status')!;
    select.value = 'approved';
    select.dispatchEvent(new Event('change'));
    await settled(el);
    expect(rows(el), 'a new list starts with one batch').to.have.length(RENDER_BATCH);
  });

  it('shows the empty state for a partner with no registrations', async () => {
    const { el } = await openList({ deals: [] });
    expect(text(part(el, 'empty'))).to.equal('You have no registrations yet. Deals you register appear here.');
    await expect(el).to.be.accessible();
  });

  it('shows an error with retry (5xx and a schema-violating answer) and reports pk-error', async () => {
    let mode: 'down' | 'broken' | 'ok' = 'down';
    const stub = dealBackend({
      faults: [
        { mode: 'error', status: 503, match: (r, path) => mode === 'down' && r.method === 'GET' && path === '/v1/deals' },
        { mode: 'respond', match: (r, path) => mode === 'broken' && r.method === 'GET' && path === '/v1/deals', respond: () => Response.json({ data: [{ id: 1 }], nextCursor: null }) },
      ],
    });
    const errors: CustomEvent[] = [];
    const el = await mount(stub.client, { partnerId: PARTNER_ID, view: 'list' });
    el.addEventListener('pk-error', (e) => errors.push(e));
    await until(el, () => part(el, 'error'), 'no error state');
    expect(text(part(el, 'error-message'))).to.equal('The PartnerKit service had a problem. Try again in a moment.');
    await expect(el).to.be.accessible();
    mode = 'broken';
    part(el, 'retry-button')!.click();
    await until(el, () => text(part(el, 'error-message')).includes('cannot read'), 'no invalid-response error');
    mode = 'ok';
    part(el, 'retry-button')!.click();
    await until(el, () => rows(el).length === 8, 'retry did not load');
    expect(errors.map((e) => e.detail.data.code)).to.have.length.greaterThan(0);
  });

  it('withdraws with a required reason through an accessible dialog, then announces it', async () => {
    const { el, stub } = await openList();
    const r = row(el, 'DR-000101');
    const withdraw = [...r.querySelectorAll<HTMLButtonElement>('[part~="action"]')].find((b) => text(b) === 'Withdraw')!;
    withdraw.focus();
    withdraw.click();
    await el.updateComplete;
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    expect(dialog.open).to.equal(true);
    expect(text(dialog.querySelector('.title'))).to.equal('Withdraw · DR-000101');
    const reason = dialog.querySelector<HTMLTextAreaElement>('#dlg-reason')!;
    expect(el.shadowRoot!.activeElement).to.equal(reason);
    expect(reason.getAttribute('aria-required')).to.equal('true');
    await expect(el).to.be.accessible();

    // Confirm without a reason: the dialog says what to do and nothing is sent.
    dialog.querySelector<HTMLButtonElement>('[type="submit"]')!.click();
    await el.updateComplete;
    expect(text(dialog.querySelector('#dlg-error'))).to.equal('Enter a reason, so the other side knows why.');
    expect(reason.getAttribute('aria-invalid')).to.equal('true');
    expect(stub.deals.find((d) => d.number === 'DR-000101')!.status).to.equal('submitted');

    reason.value = '  Customer chose to buy direct.  ';
    const moved = oneEvent(el, 'pk-deal-transition');
    dialog.querySelector<HTMLButtonElement>('[type="submit"]')!.click();
    const event = await moved;
    expect(z.safeParse(EventEnvelope, event.detail).success).to.equal(true);
    expect(event.detail.type).to.equal('deal.withdrawn');
    expect(event.detail.data).to.include({ from: 'submitted', to: 'withdrawn', reason: 'Customer chose to buy direct.' });
    await until(el, () => !$(el, 'dialog'), 'the dialog did not close');
    const updated = row(el, 'DR-000101');
    expect(text(updated.querySelector('[part~="status-chip"]'))).to.equal('Withdrawn');
    expect(actionsOf(updated)).to.deep.equal([]);
    expect(text($(el, '[role="status"].visually-hidden'))).to.equal('DR-000101 moved to “Withdrawn”.');
    // The button that opened the dialog is gone: focus lands on the deal itself.
    await until(el, () => el.shadowRoot!.activeElement === updated, 'focus was not returned');
    expect(stub.deals.find((d) => d.number === 'DR-000101')!.history.at(-1)!.reason).to.equal('Customer chose to buy direct.');
  });

  it('Escape closes the dialog without a move and returns focus to its button', async () => {
    const { el, stub } = await openList();
    const won = [...row(el, 'DR-000104').querySelectorAll<HTMLButtonElement>('[part~="action"]')].find((b) => text(b) === 'Mark won')!;
    won.click();
    await el.updateComplete;
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    expect(text(dialog.querySelector('label[for="dlg-reason"]'))).to.equal('Note (optional)');
    dialog.dispatchEvent(new Event('cancel'));
    dialog.close();
    await until(el, () => !$(el, 'dialog'), 'the dialog did not close');
    await until(el, () => el.shadowRoot!.activeElement === won, 'focus did not return to the button');
    expect(stub.deals.find((d) => d.number === 'DR-000104')!.status).to.equal('approved');
  });
});
