/**
 * `<deal-register>` against the reference server (@partnerkit/server over real HTTP): sessions
 * minted with the admin key, the widget on a real client. One deal per double submit, per lost
 * answer and per offline queue; conflicts and the pre-check; withdraw; and the review flow.
 */
import { expect } from '@open-wc/testing';
import { createClient, type PartnerKitClient } from '@partnerkit/core/client';
import type { Deal, Page, Partner } from '@partnerkit/core/schemas';
import { adminRequest, mintSession, referenceServer } from '../platform/reference-server.js';
import { $, $$, clearStorage, fillValid, mount, part, submit, text, type, until } from './helpers.js';
import type { DealRegister } from '../../src/deal-register/deal-register.js';

const run = Math.random().toString(36).slice(2, 8);
let baseUrl = '';
let partnerA: Partner;
let partnerB: Partner;

async function createPartner(name: string): Promise<Partner> {
  const { status, body } = await adminRequest<Partner>('POST', '/partners', { name, type: 'reseller', status: 'active', country: 'VN' });
  if (status !== 201 && status !== 200) throw new Error(`creating a partner failed: ${status} ${JSON.stringify(body)}`);
  return body;
}

async function partnerClient(partner: Partner, fetchImpl?: typeof fetch): Promise<PartnerKitClient> {
  const { token } = await mintSession({ role: 'partner', partnerId: partner.id, user: { id: `u_${run}`, name: 'Lan' } });
  return createClient({ baseUrl, token, retry: 0, ...(fetchImpl ? { fetch: fetchImpl } : {}) });
}

async function managerClient(): Promise<PartnerKitClient> {
  const { token } = await mintSession({ role: 'manager', user: { id: `m_${run}`, name: 'Minh' } });
  return createClient({ baseUrl, token, retry: 0 });
}

/** Deals of `partner` whose customer matches `q`, as the backend has them. */
async function dealsOf(partner: Partner, q: string): Promise<Deal[]> {
  const { body } = await adminRequest<Page<Deal>>('GET', `/deals?partnerId=${partner.id}&q=${encodeURIComponent(q)}`);
  return body.data;
}

/** True for `POST /v1/deals`, read without touching the request's body. */
const isRegistration = (input: RequestInfo | URL, init?: RequestInit) => {
  const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
  const url = input instanceof Request ? input.url : String(input);
  return method.toUpperCase() === 'POST' && new URL(url, location.origin).pathname.endsWith('/v1/deals');
};
const keyOf = (input: RequestInfo | URL, init?: RequestInit) => new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined)).get('idempotency-key') ?? '';

const unique = (name: string) => `${name} ${run} ${Math.random().toString(36).slice(2, 6)}`;
const domainOf = (company: string) => `${company.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.example`;

describe('<deal-register> on the reference server', function () {
  this.timeout(30_000);

  before(async function () {
    // The first use starts the reference server: allow for it on a busy machine.
    this.timeout(120_000);
    ({ baseUrl } = await referenceServer());
    partnerA = await createPartner(`Saigon Systems ${run}`);
    partnerB = await createPartner(`Hanoi Networks ${run}`);
  });
  beforeEach(clearStorage);
  afterEach(() => {
    delete (navigator as unknown as Record<string, unknown>).onLine;
    clearStorage();
  });

  it('registers a deal: the number, status and protection come from the server; axe clean', async () => {
    const el = await mount(await partnerClient(partnerA));
    const company = unique('Contoso');
    await fillValid(el, company, domainOf(company));
    await submit(el);
    await until(el, () => part(el, 'success'), 'no success', 10_000);
    const [deal] = await dealsOf(partnerA, company);
    expect(deal).not.to.be.oneOf([null, undefined]);
    expect(text(part(el, 'success'))).to.contain(`${company} is registered: deal ${deal!.number}`);
    expect(text(part(el, 'success'))).to.contain('Submitted');
    await expect(el).to.be.accessible();
  });

  it('a double submit creates one deal', async () => {
    const el = await mount(await partnerClient(partnerA));
    const company = unique('Double');
    await fillValid(el, company, domainOf(company));
    part(el, 'submit-button')!.click();
    part(el, 'submit-button')!.click();
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    await until(el, () => part(el, 'success'), 'no success', 10_000);
    expect(await dealsOf(partnerA, company)).to.have.length(1);
  });

  it('a lost answer resent with the draft key returns the first deal, never a second', async () => {
    let lose = true;
    const losing: typeof fetch = async (input, init) => {
      const registration = isRegistration(input, init);
      const response = await fetch(input, init);
      if (lose && registration) {
        lose = false;
        throw new TypeError('Failed to fetch'); // the server did register; the answer is lost
      }
      return response;
    };
    const el = await mount(await partnerClient(partnerA, losing));
    const company = unique('Lost Answer');
    await fillValid(el, company, domainOf(company));
    await submit(el);
    await until(el, () => part(el, 'queued'), 'not queued', 10_000);
    expect(await dealsOf(partnerA, company), 'the first attempt did register').to.have.length(1);
    (part(el, 'queued')!.querySelector('button') as HTMLButtonElement).click();
    await until(el, () => part(el, 'success'), 'no success', 10_000);
    const deals = await dealsOf(partnerA, company);
    expect(deals).to.have.length(1);
    expect(text(part(el, 'success'))).to.contain(deals[0]!.number);
  });

  it('offline: queued, then sent exactly once when back online', async () => {
    const posts: string[] = [];
    const counting: typeof fetch = (input, init) => {
      if (isRegistration(input, init)) posts.push(keyOf(input, init));
      return fetch(input, init);
    };
    const el = await mount(await partnerClient(partnerA, counting));
    const company = unique('Offline');
    await fillValid(el, company, domainOf(company));
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    await submit(el);
    expect(part(el, 'queued')).not.to.be.oneOf([null, undefined]);
    expect(posts).to.have.length(0);
    delete (navigator as unknown as Record<string, unknown>).onLine;
    window.dispatchEvent(new Event('online'));
    window.dispatchEvent(new Event('online'));
    await until(el, () => part(el, 'success'), 'not sent', 10_000);
    window.dispatchEvent(new Event('online'));
    await new Promise((r) => setTimeout(r, 100));
    expect(posts).to.have.length(1);
    expect(await dealsOf(partnerA, company)).to.have.length(1);
  });

  it("pre-checks and refuses another partner's customer with a reason only", async () => {
    const company = unique('Wayne');
    const first = await mount(await partnerClient(partnerB));
    await fillValid(first, company, domainOf(company));
    await submit(first);
    await until(first, () => part(first, 'success'), 'partner B could not register', 10_000);

    clearStorage();
    const el = await mount(await partnerClient(partnerA), { lang: 'vi' });
    await type(el, 'company', company.toUpperCase());
    await type(el, 'domain', `https://www.${domainOf(company)}/contact`);
    await until(el, () => text(part(el, 'precheck')).startsWith('Đã'), 'no pre-check answer', 10_000);
    expect(text(part(el, 'precheck'))).to.equal('Đã được đăng ký: khách hàng này đang có một đăng ký hiệu lực.');
    await $<HTMLInputElement>(el, '[name="type"][value="referral"]')!.click();
    await submit(el);
    await until(el, () => part(el, 'conflict'), 'no conflict', 10_000);
    expect(text(part(el, 'conflict'))).not.to.contain(partnerB.name);
    expect(text(part(el, 'conflict'))).not.to.contain(partnerB.id);
    expect($<HTMLInputElement>(el, '#f-company')!.value, 'the form is kept').to.equal(company.toUpperCase());
    await expect(el).to.be.accessible();
  });

  it('withdraws a registration with a reason (partner), and the manager reviews: approve, extend once, reject', async () => {
    const client = await partnerClient(partnerA);
    const toWithdraw = await client.deals.register({ type: 'resell', customer: { company: unique('Withdrawn'), domain: domainOf(unique('w')) } });
    const toApprove = await client.deals.register({ type: 'resell', customer: { company: unique('Approved'), domain: domainOf(unique('a')) } });
    const toReject = await client.deals.register({ type: 'referral', customer: { company: unique('Rejected'), domain: domainOf(unique('r')) } });

    const rowOf = (el: DealRegister, number: string) => $$(el, '[part~="deal"]').find((r) => text(r.querySelector('.muted')) === number)!;
    const act = async (el: DealRegister, number: string, label: string, reason = '') => {
      await until(el, () => rowOf(el, number), `${number} not listed`, 10_000);
      [...rowOf(el, number).querySelectorAll<HTMLButtonElement>('[part~="action"]')].find((b) => text(b) === label)!.click();
      await el.updateComplete;
      const dialog = $<HTMLDialogElement>(el, 'dialog')!;
      dialog.querySelector<HTMLTextAreaElement>('#dlg-reason')!.value = reason;
      const moved = new Promise((resolve) => el.addEventListener('pk-deal-transition', resolve, { once: true }));
      dialog.querySelector<HTMLButtonElement>('[type="submit"]')!.click();
      await moved;
      await until(el, () => !$(el, 'dialog'), 'dialog still open');
    };

    const partnerView = await mount(client, { view: 'list' });
    await act(partnerView, toWithdraw.number, 'Withdraw', 'Customer postponed.');
    expect(text(rowOf(partnerView, toWithdraw.number).querySelector('[part~="status-chip"]'))).to.equal('Withdrawn');
    expect((await client.deals.get(toWithdraw.id)).status).to.equal('withdrawn');

    const manager = await mount(await managerClient(), { partnerId: partnerA.id, view: 'list' });
    await act(manager, toApprove.number, 'Approve');
    await act(manager, toReject.number, 'Reject', 'Already in the direct pipeline.');
    expect((await client.deals.get(toReject.id)).status).to.equal('rejected');
    const select = $<HTMLSelectElement>(manager, '#l-status')!;
    select.value = 'approved';
    select.dispatchEvent(new Event('change'));
    await manager.updateComplete;
    await until(manager, () => !$(manager, '[aria-busy="true"]'), 'the approved deals did not load', 10_000);
    await act(manager, toApprove.number, 'Extend protection', 'Board meets next quarter.');
    const extended = await client.deals.get(toApprove.id);
    expect(extended.extensions).to.equal(1);
    expect([...rowOf(manager, toApprove.number).querySelectorAll('[part~="action"]')].map((b) => text(b))).to.deep.equal(['Mark won', 'Mark lost']);
    await expect(manager).to.be.accessible();
  });
});
