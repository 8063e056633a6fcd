/**
 * Never losing a registration: the draft survives a reload (per partner and per instance), one
 * idempotency key per draft makes double submits and retries safe, and a submission made
 * offline or while the backend is down is queued, shown, cancellable, and sent exactly once.
 */
import { expect, fixtureCleanup } from '@open-wc/testing';
import { dealBackend } from '../../../../stories/deal-register/backend.js';
import { PARTNER_ID } from '../../../../stories/deal-register/fixtures.js';
import { $, clearStorage, fillValid, mount, part, submit, text, type, until } from './helpers.js';

const DRAFT = `partnerkit:deal-register:${PARTNER_ID}:default`;
const value = (el: Element, name: string) => $<HTMLInputElement>(el, `[name="${name}"]:not([type="radio"]), [name="${name}"]:checked`)?.value ?? '';

/** Makes the browser report being offline (navigator.onLine) until `online()` is called. */
function goOffline(): () => void {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  return () => {
    delete (navigator as unknown as Record<string, unknown>).onLine;
    window.dispatchEvent(new Event('online'));
  };
}

/** Counts `POST /v1/deals` attempts (including those the network loses) and their keys. */
function postLog() {
  const keys: (string | null)[] = [];
  return {
    keys,
    onRequest: (r: Request) => {
      if (r.method === 'POST' && new URL(r.url).pathname.endsWith('/v1/deals')) keys.push(r.headers.get('idempotency-key'));
    },
  };
}

describe('<deal-register> drafts, idempotency and the offline queue', () => {
  beforeEach(clearStorage);
  afterEach(() => {
    delete (navigator as unknown as Record<string, unknown>).onLine;
    clearStorage();
  });

  it('saves the draft as the person types and restores it after a reload (same partner, same key)', async () => {
    const stub = dealBackend();
    let el = await mount(stub.client, { partnerId: PARTNER_ID });
    await fillValid(el, 'Bình Minh Co.', 'binhminh.example');
    await type(el, 'description', 'Ba văn phòng ở TP.HCM 🚀');
    await type(el, 'country', 'VN');
    const saved = JSON.parse(localStorage.getItem(DRAFT)!) as { key: string; values: Record<string, string> };
    expect(saved.values.company).to.equal('Bình Minh Co.');
    expect(saved.key).to.match(/^[0-9a-f-]{36}$/);

    // A reload: the element goes away and a new one comes with the same partner and instance.
    fixtureCleanup();
    el = await mount(stub.client, { partnerId: PARTNER_ID });
    expect(value(el, 'company')).to.equal('Bình Minh Co.');
    expect(value(el, 'domain')).to.equal('binhminh.example');
    expect(value(el, 'description')).to.equal('Ba văn phòng ở TP.HCM 🚀');
    expect(value(el, 'type')).to.equal('resell');
    expect(value(el, 'country')).to.equal('VN');
    expect(text(el.shadowRoot!)).to.contain('Your unsent draft was restored.');
    await expect(el).to.be.accessible();

    // Its submission uses the key saved with the draft; success clears the draft.
    await submit(el);
    await until(el, () => part(el, 'success'), 'no success');
    expect(stub.registrations[0]!.key).to.equal(saved.key);
    expect(localStorage.getItem(DRAFT)).to.equal(null);
    fixtureCleanup();
    el = await mount(stub.client, { partnerId: PARTNER_ID });
    expect(value(el, 'company')).to.equal('');
  });

  it('keeps one draft per partner and per instance (draft-key, else id)', async () => {
    const stub = dealBackend();
    const a = await mount(stub.client, { partnerId: PARTNER_ID, draftKey: 'sidebar' });
    await type(a, 'company', 'Sidebar draft');
    const b = await mount(stub.client, { partnerId: PARTNER_ID, id: 'main-form' });
    await type(b, 'company', 'Main draft');
    const c = await mount(stub.client, { partnerId: 'p_other', draftKey: 'sidebar' });
    await type(c, 'company', 'Other partner');
    expect(Object.keys(localStorage).filter((k) => k.startsWith('partnerkit:deal-register:')).sort()).to.deep.equal([
      'partnerkit:deal-register:p_other:sidebar',
      `partnerkit:deal-register:${PARTNER_ID}:main-form`,
      `partnerkit:deal-register:${PARTNER_ID}:sidebar`,
    ]);
    fixtureCleanup();
    expect(value(await mount(stub.client, { partnerId: PARTNER_ID, draftKey: 'sidebar' }), 'company')).to.equal('Sidebar draft');
    expect(value(await mount(stub.client, { partnerId: PARTNER_ID, id: 'main-form' }), 'company')).to.equal('Main draft');
    expect(value(await mount(stub.client, { partnerId: PARTNER_ID }), 'company')).to.equal('');
  });

  it('a partner session without partner-id keeps its draft under the session partner', async () => {
    const stub = dealBackend();
    let el = await mount(stub.client);
    await type(el, 'company', 'From the session');
    expect(localStorage.getItem(DRAFT)).to.contain('From the session');
    fixtureCleanup();
    el = await mount(stub.client);
    await until(el, () => value(el, 'company') === 'From the session', 'draft not restored');
  });

  it('a double submit sends one request with one key and creates one deal', async () => {
    const log = postLog();
    const stub = dealBackend({ latency: 30, onRequest: log.onRequest });
    const el = await mount(stub.client, { partnerId: PARTNER_ID });
    await fillValid(el);
    const button = part(el, 'submit-button')!;
    button.click();
    button.click();
    (el.shadowRoot!.querySelector('form') as HTMLFormElement).requestSubmit();
    await until(el, () => part(el, 'success'), 'no success');
    expect(log.keys).to.have.length(1);
    expect(stub.registrations).to.have.length(1);
  });

  it('a lost answer, sent again, returns the first deal instead of creating a second', async () => {
    const log = postLog();
    // The backend registers the deal, but its answer never arrives.
    const stub = dealBackend({ onRequest: log.onRequest, faults: [{ mode: 'offline', lost: 'answer', match: 'POST /v1/deals', times: 1 }] });
    const el = await mount(stub.client, { partnerId: PARTNER_ID });
    await fillValid(el);
    await submit(el);
    await until(el, () => part(el, 'queued'), 'not queued after the lost answer');
    // Why it was not sent: the widget probes the backend's address, which never resolves (`.invalid`).
    await until(el, () => text(part(el, 'queued')).includes('The PartnerKit service did not answer:'), 'the cause was not named');
    (part(el, 'queued')!.querySelector('button') as HTMLButtonElement).click();
    await until(el, () => part(el, 'success'), 'no success');
    expect(log.keys).to.have.length(2);
    expect(new Set(log.keys).size, 'every attempt used the draft key').to.equal(1);
    expect(stub.registrations).to.have.length(2);
    expect(stub.deals.filter((d) => d.customer.company === 'Contoso Ltd')).to.have.length(1);
    expect(text(part(el, 'success'))).to.contain(stub.deals[0]!.number);
  });

  it('offline: queues without sending, shows it pending, and sends it exactly once when back online', async () => {
    const log = postLog();
    const stub = dealBackend({ onRequest: log.onRequest });
    const el = await mount(stub.client, { partnerId: PARTNER_ID });
    await fillValid(el);
    const online = goOffline();
    await submit(el);
    const queued = part(el, 'queued')!;
    expect(queued).not.to.be.oneOf([null, undefined]);
    expect(text(queued)).to.contain('You are offline. The registration for Contoso Ltd is saved on this device and will be sent once you are back online.');
    expect(el.shadowRoot!.activeElement).to.equal(queued);
    expect(log.keys).to.have.length(0);
    const stored = JSON.parse(localStorage.getItem(`${DRAFT}:queued`)!) as { key: string; input: { customer: { company: string } } };
    expect(stored.input.customer.company).to.equal('Contoso Ltd');
    expect(stored.key).to.equal((JSON.parse(localStorage.getItem(DRAFT)!) as { key: string }).key);
    await expect(el).to.be.accessible();

    online();
    window.dispatchEvent(new Event('online'));
    window.dispatchEvent(new Event('online'));
    await until(el, () => part(el, 'success'), 'not sent when back online');
    window.dispatchEvent(new Event('online'));
    await new Promise((r) => setTimeout(r, 50));
    expect(log.keys).to.deep.equal([stored.key]);
    expect(stub.registrations).to.have.length(1);
    expect(localStorage.getItem(`${DRAFT}:queued`)).to.equal(null);
    expect(localStorage.getItem(DRAFT)).to.equal(null);
  });

  it('network failure then success: queued on the failure, sent once on "online", one deal', async () => {
    const log = postLog();
    let down = true;
    const stub = dealBackend({ onRequest: log.onRequest, faults: [{ mode: 'offline', match: (r, path) => down && r.method === 'POST' && path === '/v1/deals' }] });
    const el = await mount(stub.client, { partnerId: PARTNER_ID, lang: 'vi' });
    await fillValid(el);
    await submit(el);
    await until(el, () => part(el, 'queued'), 'not queued');
    expect(text(part(el, 'queued'))).to.contain('Chưa gửi được đăng ký cho Contoso Ltd.');
    expect(text(part(el, 'queued'))).to.contain('Gửi ngay');
    down = false;
    window.dispatchEvent(new Event('online'));
    window.dispatchEvent(new Event('online'));
    await until(el, () => part(el, 'success'), 'not sent');
    expect(log.keys).to.have.length(2);
    expect(log.keys[1]).to.equal(log.keys[0]);
    // Sent twice; the first never reached the backend.
    expect(stub.registrations).to.have.length(2);
    expect(stub.deals.filter((d) => d.customer.company === 'Contoso Ltd')).to.have.length(1);
  });

  it('a 5xx queues the submission with the error and a retry; the draft is kept', async () => {
    let failing = true;
    const stub = dealBackend({ faults: [{ mode: 'error', status: 503, match: (r, path) => failing && r.method === 'POST' && path === '/v1/deals' }] });
    const el = await mount(stub.client, { partnerId: PARTNER_ID });
    await fillValid(el);
    await submit(el);
    await until(el, () => part(el, 'queued'), 'not queued');
    expect(text(part(el, 'queued'))).to.contain('The PartnerKit service had a problem. Try again in a moment.');
    expect(localStorage.getItem(DRAFT)).to.contain('Contoso Ltd');
    expect($<HTMLFieldSetElement>(el, 'fieldset.stack')!.disabled, 'the queued draft cannot change under its key').to.equal(true);
    await expect(el).to.be.accessible();
    failing = false;
    (part(el, 'queued')!.querySelector('button') as HTMLButtonElement).click();
    await until(el, () => part(el, 'success'), 'retry did not register');
    // Sent twice, the first answered 503: one deal.
    expect(stub.registrations).to.have.length(2);
    expect(stub.deals.filter((d) => d.customer.company === 'Contoso Ltd')).to.have.length(1);
  });

  it('the queue survives a reload, can be cancelled, and cancelling keeps the form', async () => {
    const stub = dealBackend();
    let el = await mount(stub.client, { partnerId: PARTNER_ID });
    await fillValid(el);
    goOffline();
    await submit(el);
    expect(part(el, 'queued')).not.to.be.oneOf([null, undefined]);
    fixtureCleanup();
    el = await mount(stub.client, { partnerId: PARTNER_ID });
    expect(text(part(el, 'queued'))).to.contain('Contoso Ltd');
    expect(text(part(el, 'queued'))).to.match(/Queued: (now|\d+ seconds? ago)\./);
    const cancel = [...part(el, 'queued')!.querySelectorAll('button')].find((b) => text(b) === 'Cancel sending')!;
    cancel.click();
    await el.updateComplete;
    await el.updateComplete;
    expect(part(el, 'queued')).to.equal(null);
    expect(localStorage.getItem(`${DRAFT}:queued`)).to.equal(null);
    expect(text(el.shadowRoot!)).to.contain('Sending cancelled. Your form is kept');
    expect(value(el, 'company')).to.equal('Contoso Ltd');
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'submit-button'));
    delete (navigator as unknown as Record<string, unknown>).onLine;
    window.dispatchEvent(new Event('online'));
    await new Promise((r) => setTimeout(r, 50));
    expect(stub.registrations, 'a cancelled submission is never sent').to.have.length(0);
  });

  it('a queued submission found after a reload while online is sent once', async () => {
    const stub = dealBackend();
    let el = await mount(stub.client, { partnerId: PARTNER_ID });
    await fillValid(el);
    const online = goOffline();
    await submit(el);
    fixtureCleanup();
    delete (navigator as unknown as Record<string, unknown>).onLine;
    el = await mount(stub.client, { partnerId: PARTNER_ID });
    await until(el, () => part(el, 'success'), 'the queued submission was not sent');
    online();
    await new Promise((r) => setTimeout(r, 50));
    expect(stub.registrations).to.have.length(1);
  });

  it('a definite refusal (409) gives the draft a new key, so a corrected draft is not refused for its key', async () => {
    const log = postLog();
    const stub = dealBackend({ onRequest: log.onRequest });
    const el = await mount(stub.client, { partnerId: PARTNER_ID });
    await fillValid(el, 'Wayne Enterprises', 'wayne.com');
    await submit(el);
    await until(el, () => part(el, 'conflict'), 'no conflict');
    await type(el, 'company', 'Wayne Foundation');
    await type(el, 'domain', 'waynefoundation.org');
    await submit(el);
    await until(el, () => part(el, 'success'), 'no success');
    expect(log.keys).to.have.length(2);
    expect(log.keys[1]).not.to.equal(log.keys[0]);
  });
});
