/**
 * Review (a manager session) against the mock backend: the queue with possible conflicts
 * flagged, approve, reject with a required reason and a closing code, ask for information,
 * extend protection once, and a refused approval shown in the dialog.
 */
import { expect, oneEvent } from '@open-wc/testing';
import { type Deal, problems } from '@partnerkit/core/schemas';
import { rewriteJson } from '../../../../stories/support/mock-backend.js';
import { dealBackend } from '../../../../stories/deal-register/backend.js';
import { PARTNER_ID } from '../../../../stories/deal-register/fixtures.js';
import { $, $$, clearStorage, mount, part, text, until } from './helpers.js';
import type { DealRegister } from '../../src/deal-register/deal-register.js';

const rows = (el: Element) => $$(el, '[part~="deal"]');
const row = (el: Element, number: string) => rows(el).find((r) => text(r.querySelector('.muted')) === number)!;
const settled = async (el: DealRegister) => {
  await el.updateComplete;
  await until(el, () => !el.shadowRoot!.querySelector('[aria-busy="true"]') && $(el, '#l-status') && (rows(el).length || part(el, 'empty')), 'the review did not settle');
};
const action = (r: HTMLElement, label: string) => [...r.querySelectorAll<HTMLButtonElement>('[part~="action"]')].find((b) => text(b) === label);

async function review(partnerId = '', lang = 'en') {
  const urls: URL[] = [];
  const stub = dealBackend({ as: { role: 'manager' }, onRequest: (r) => r.method === 'GET' && r.url.includes('/v1/deals') && urls.push(new URL(r.url)) });
  const el = await mount(stub.client, { partnerId, lang });
  if (!partnerId) await settled(el);
  return { el, stub, urls };
}

/** Opens the dialog of `label` on `number`, types `reason`, confirms, and waits for the move. */
async function move(el: DealRegister, number: string, label: string, reason = '', code?: string) {
  action(row(el, number), label)!.click();
  await el.updateComplete;
  const dialog = $<HTMLDialogElement>(el, 'dialog')!;
  dialog.querySelector<HTMLTextAreaElement>('#dlg-reason')!.value = reason;
  if (code) dialog.querySelector<HTMLSelectElement>('#dlg-code')!.value = code;
  const moved = oneEvent(el, 'pk-deal-transition');
  dialog.querySelector<HTMLButtonElement>('[type="submit"]')!.click();
  const event = await moved;
  await until(el, () => !$(el, 'dialog'), 'dialog still open');
  return event;
}

describe('<deal-register> Review (manager)', () => {
  beforeEach(clearStorage);

  it('without partner-id shows only Review: the queue of every partner, conflicts flagged', async () => {
    const { el, urls } = await review();
    expect($(el, '[role="tablist"]')).to.equal(null);
    expect(urls[0]!.searchParams.get('status')).to.equal('submitted,under_review');
    expect(urls[0]!.searchParams.has('partnerId')).to.equal(false);
    expect(rows(el).map((r) => text(r.querySelector('.muted')))).to.have.members(['DR-000101', 'DR-000102', 'DR-000201', 'DR-000202']);
    expect($<HTMLSelectElement>(el, '#l-status')!.value).to.equal('queue');
    expect(text(row(el, 'DR-000201').querySelector('[part~="conflicts"]'))).to.equal('Possible conflict with: DR-000102 (same domain)');
    expect(text(row(el, 'DR-000102').querySelector('[part~="conflicts"]'))).to.equal('Possible conflict with: DR-000201 (same domain)');
    expect(row(el, 'DR-000202').querySelector('[part~="conflicts"]')).to.equal(null);
    // The partner by its name (Deal.partnerName), not its id.
    expect(text(row(el, 'DR-000201'))).to.contain('partner Hanoi Digital JSC');
    expect(text(row(el, 'DR-000201'))).not.to.contain('p_hanoi');
    expect(action(row(el, 'DR-000101'), 'Withdraw'), 'partner-only moves are not offered').to.equal(undefined);
    expect([...row(el, 'DR-000101').querySelectorAll('[part~="action"]')].map((b) => text(b))).to.deep.equal([
      'Start review',
      'Ask for information',
      'Approve',
      'Reject',
    ]);
    await expect(el).to.be.accessible();
  });

  it("names the partner by its id when the backend does not send partnerName (an older backend)", async () => {
    const olderBackend = rewriteJson('GET /v1/deals', (page) => ({ ...page, data: (page.data as Deal[]).map(({ partnerName: _, ...deal }) => deal) }));
    const el = await mount(dealBackend({ as: { role: 'manager' }, faults: [olderBackend] }).client, {});
    await settled(el);
    expect(text(row(el, 'DR-000201'))).to.contain('partner p_hanoi');
  });

  it('shows the closing code of a rejection in the history, in both languages', async () => {
    for (const [lang, expected] of [['en', 'closing code: Converted'], ['vi', 'mã lý do đóng: Đã chuyển đổi']] as const) {
      const el = await mount(dealBackend({ as: { role: 'manager' } }).client, { lang, view: 'list' });
      await settled(el);
      const select = $<HTMLSelectElement>(el, '#l-status')!;
      select.value = 'rejected';
      select.dispatchEvent(new Event('change'));
      await settled(el);
      await until(el, () => rows(el).length === 1, 'the rejected deal is not listed');
      rows(el)[0]!.querySelector<HTMLButtonElement>('[part~="history-toggle"]')!.click();
      await el.updateComplete;
      expect(text(rows(el)[0]!.querySelector('[part~="history-code"]'))).to.equal(expected);
      await expect(el).to.be.accessible();
    }
  });

  it('with partner-id offers Register and Review for that partner', async () => {
    const { el, urls } = await review(PARTNER_ID);
    await until(el, () => text($(el, '#tab-list')) === 'Review', 'the session did not load');
    expect($$(el, '[role="tab"]').map((t) => text(t))).to.deep.equal(['Register', 'Review']);
    el.view = 'list';
    await settled(el);
    expect(urls.at(-1)!.searchParams.get('partnerId')).to.equal(PARTNER_ID);
    expect(rows(el)).to.have.length(2);
  });

  it('approves, and when the backend refuses to approve a competing registration (409 deal_conflict), the dialog says why', async () => {
    const { el, stub } = await review();
    // Core's rules let both active registrations be approved; a backend may refuse the second.
    stub.backend.faults.add({ mode: 'error', match: 'POST /v1/deals/d_201/transitions', problem: problems.dealConflict('protected') });
    const approved = await move(el, 'DR-000102', 'Approve');
    expect(approved.detail.type).to.equal('deal.approved');
    expect(approved.detail.data.deal.expiresAt).to.be.a('string');
    expect(text(row(el, 'DR-000102').querySelector('[part~="status-chip"]'))).to.equal('Approved');

    action(row(el, 'DR-000201'), 'Approve')!.click();
    await el.updateComplete;
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    dialog.querySelector<HTMLButtonElement>('[type="submit"]')!.click();
    await until(el, () => dialog.querySelector('#dlg-error'), 'no error in the dialog');
    expect(text(dialog.querySelector('#dlg-error'))).to.equal(
      'Another registration already holds this customer, so this one cannot be approved while it lasts.',
    );
    expect(dialog.open).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('rejects only with a reason, sending the closing code', async () => {
    const { el, stub } = await review('', 'vi');
    action(row(el, 'DR-000202'), 'Từ chối')!.click();
    await el.updateComplete;
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    expect(text(dialog.querySelector('label[for="dlg-code"]'))).to.equal('Mã lý do đóng');
    dialog.querySelector<HTMLButtonElement>('[type="submit"]')!.click();
    await el.updateComplete;
    expect(text(dialog.querySelector('#dlg-error'))).to.equal('Nhập lý do để bên kia biết vì sao.');
    dialog.close();
    await until(el, () => !$(el, 'dialog'), 'dialog still open');

    const event = await move(el, 'DR-000202', 'Từ chối', 'Khách hàng đã mua trực tiếp.', 'converted');
    expect(event.detail.type).to.equal('deal.rejected');
    const deal = stub.deals.find((d) => d.number === 'DR-000202')!;
    expect(deal.status).to.equal('rejected');
    expect(deal.reasonCode).to.equal('converted');
    expect(deal.reason).to.equal('Khách hàng đã mua trực tiếp.');
  });

  it('asks for information with a reason', async () => {
    const { el, stub } = await review();
    const event = await move(el, 'DR-000101', 'Ask for information', 'Which products, and when does the customer decide?');
    expect(event.detail.type).to.equal('deal.needs_info');
    expect(stub.deals.find((d) => d.number === 'DR-000101')!.status).to.equal('needs_info');
  });

  it('extends protection once: the action disappears after the extension', async () => {
    const { el } = await review();
    const select = $<HTMLSelectElement>(el, '#l-status')!;
    select.value = 'approved';
    select.dispatchEvent(new Event('change'));
    await settled(el);
    expect(action(row(el, 'DR-000108'), 'Extend protection'), 'already extended once').to.equal(undefined);
    expect(text(row(el, 'DR-000104'))).to.contain('protection expires in 12 days');
    const event = await move(el, 'DR-000104', 'Extend protection', 'Board meeting moved to next quarter.');
    expect(event.detail.type).to.equal('deal.extended');
    expect(event.detail.data).to.include({ from: 'approved', to: 'approved' });
    expect(event.detail.data.deal.extensions).to.equal(1);
    expect(text(row(el, 'DR-000104'))).to.contain('protection expires in 102 days');
    expect(action(row(el, 'DR-000104'), 'Extend protection')).to.equal(undefined);
    expect(action(row(el, 'DR-000104'), 'Mark won')).not.to.be.oneOf([null, undefined]);
    await expect(el).to.be.accessible();
  });
});
