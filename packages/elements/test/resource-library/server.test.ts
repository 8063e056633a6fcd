/**
 * `<resource-library>` against the reference server (@partnerkit/server over real HTTP): tiers,
 * partners and resources created through the admin API, sessions minted with the admin key, the
 * widget on a real client. Gating (a partner never sees a URL it may not open), opening (counted
 * by the server), filters, search, sort and cursor pages as the server answers them.
 *
 * The server's database is shared with other suites: this run's resources carry a tag of their
 * own (`rl-<run>`), set as the element's `tag`, so every list holds exactly this run's items; the
 * tiers are put above every rank in use.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { createClient, type PartnerKitClient } from '@partnerkit/core/client';
import type { Page, Partner, Resource, ResourceInput, Tier } from '@partnerkit/core/schemas';
import '../../src/define/resource-library.js';
import type { PkResourceOpenEvent } from '../../src/events/resource-open.js';
import type { ResourceLibrary } from '../../src/resource-library/resource-library.js';
import { adminRequest, mintSession, referenceServer } from '../platform/reference-server.js';
import { part, parts, settle, titles, until } from './helpers.js';

const run = Math.random().toString(36).slice(2, 8);
const TAG = `rl-${run}`;
let baseUrl = '';
let silver: Tier;
let gold: Tier;
let silverReseller: Partner;
/** This run's resources by fixture key, as the admin created them (with their URLs). */
const created = new Map<string, Resource>();

async function admin<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
  const { status, body: answer } = await adminRequest<T>(method, path, body);
  if (status < 200 || status > 299) throw new Error(`${method} ${path} answered ${status}: ${JSON.stringify(answer)}`);
  return answer;
}

async function putTier(id: string, rank: number, name: string): Promise<Tier> {
  return admin<Tier>('PUT', `/tiers/${id}`, { rank, name, colour: '#A8A9AD', benefits: [], requirements: [], dealProtectionDays: 90 });
}

/** This run's library: open items, one behind Gold, one for distributors only, one with markup in its title. */
function fixtures(): Record<string, ResourceInput> {
  const base: Pick<ResourceInput, 'tags' | 'language'> = { tags: [TAG], language: 'en' };
  return {
    deck: { ...base, title: `Sales deck ${run}`, type: 'document', format: 'pptx', sizeBytes: 8_400_000, tags: [TAG, 'sales'], url: `https://cdn.example.com/${run}/deck.pptx`, description: 'The pitch and the proof points.' },
    demo: { ...base, title: `Product demo ${run}`, type: 'video', format: 'mp4', sizeBytes: 240_000_000, url: `https://cdn.example.com/${run}/demo.mp4` },
    kit: { ...base, title: `Bộ tài liệu ${run}`, type: 'document', format: 'pdf', language: 'vi', tags: [TAG, 'sales'], url: `https://cdn.example.com/${run}/kit.pdf` },
    gold: { ...base, title: `Gold certification ${run}`, type: 'training', minTierId: gold.id, url: `https://cdn.example.com/${run}/secret-gold-course` },
    distributors: { ...base, title: `Distributor price list ${run}`, type: 'template', partnerTypes: ['distributor'], url: `https://cdn.example.com/${run}/secret-price-list.xlsx` },
    markup: { ...base, title: `<img src=x onerror="window.__pkInjected=1"><b>Pricing</b> ${run}`, type: 'link', url: `https://cdn.example.com/${run}/pricing` },
  };
}

async function partnerClient(partner: Partner): Promise<PartnerKitClient> {
  const { token } = await mintSession({ role: 'partner', partnerId: partner.id, user: { id: `u_${run}`, name: 'Lan' } });
  return createClient({ baseUrl, token, retry: 0 });
}

async function managerClient(): Promise<PartnerKitClient> {
  const { token } = await mintSession({ role: 'manager', user: { id: `m_${run}`, name: 'Minh' } });
  return createClient({ baseUrl, token, retry: 0 });
}

/** The element on `client`, scoped to this run's resources by their tag. */
async function mount(client: PartnerKitClient, attrs: Record<string, string> = {}): Promise<ResourceLibrary> {
  const element = document.createElement('resource-library');
  element.lang = 'en';
  element.style.setProperty('--pk-resource-library-max-height', 'none');
  for (const [name, value] of Object.entries({ tag: TAG, ...attrs })) element.setAttribute(name, value);
  element.client = client;
  await fixture(html`<div>${element}</div>`);
  await settle(element);
  return element;
}

const itemOf = (el: ResourceLibrary, title: string) => parts(el, 'item').find((li) => li.textContent!.includes(title))!;

describe('<resource-library> on the reference server', function () {
  this.timeout(30_000);

  before(async function () {
    this.timeout(120_000);
    await setViewport({ width: 1000, height: 2400 });
    ({ baseUrl } = await referenceServer());
    const tiers = await admin<Page<Tier>>('GET', '/tiers?limit=200');
    const top = Math.max(0, ...tiers.data.map((t) => t.rank));
    silver = await putTier(`rl_silver_${run}`, top + 1, `Silver ${run}`);
    gold = await putTier(`rl_gold_${run}`, top + 2, `Gold ${run}`);
    silverReseller = await admin<Partner>('POST', '/partners', { name: `Saigon Reseller ${run}`, type: 'reseller', status: 'active', tierId: silver.id });
    for (const [key, input] of Object.entries(fixtures())) created.set(key, await admin<Resource>('POST', '/resources', input));
  });

  it('shows a partner its locked items with the tier that unlocks them, and never their URLs', async () => {
    const el = await mount(await partnerClient(silverReseller));
    expect(parts(el, 'item')).to.have.length(6);
    await until(() => el.shadowRoot!.textContent!.includes(`Gold ${run} tier`), 'the tier name');

    const goldItem = itemOf(el, `Gold certification ${run}`);
    expect(goldItem.getAttribute('part')).to.equal('item item-locked');
    expect(goldItem.querySelector('[part~="lock"]')!.textContent!.trim()).to.equal(`Locked: requires the Gold ${run} tier`);
    const typeItem = itemOf(el, `Distributor price list ${run}`);
    expect(typeItem.querySelector('[part~="lock"]')!.textContent!.trim()).to.equal('Locked: not available to your partner type');

    for (const li of parts(el, 'item-locked')) expect(li.querySelectorAll('a, button, [href], [tabindex]')).to.have.length(0);
    const dom = el.shadowRoot!.innerHTML;
    expect(dom).not.to.contain('secret-gold-course');
    expect(dom).not.to.contain('secret-price-list');
    expect(dom).not.to.contain(created.get('gold')!.id);
    expect(parts(el, 'title-link').map((a) => a.getAttribute('href'))).to.have.members(
      ['deck', 'demo', 'kit', 'markup'].map((key) => created.get(key)!.url),
    );
    await expect(el).to.be.accessible();
  });

  it('shows a manager every item open', async () => {
    const el = await mount(await managerClient());
    expect(parts(el, 'item-locked')).to.have.length(0);
    expect(parts(el, 'title-link')).to.have.length(6);
  });

  it('opens through the server, which counts the open, in a new tab without opener', async () => {
    const el = await mount(await partnerClient(silverReseller));
    const deck = created.get('deck')!;
    const before = (await admin<Resource>('GET', `/resources/${deck.id}`)).openCount;
    const original = window.open;
    const calls: unknown[][] = [];
    window.open = (...args: unknown[]) => (calls.push(args), null);
    try {
      const opened = oneEvent(el, 'pk-resource-open');
      el.shadowRoot!.querySelector<HTMLAnchorElement>(`a[data-id="${deck.id}"]`)!.click();
      const event = (await opened) as PkResourceOpenEvent;
      expect(event.detail.data).to.deep.equal({ resourceId: deck.id, url: deck.url });
      expect(calls).to.deep.equal([[deck.url, '_blank', 'noopener,noreferrer']]);
    } finally {
      window.open = original;
    }
    expect((await admin<Resource>('GET', `/resources/${deck.id}`)).openCount).to.equal(before + 1);
  });

  it('renders a title with markup from the server as text', async () => {
    const el = await mount(await partnerClient(silverReseller), { type: 'link' });
    expect(titles(el)).to.deep.equal([`<img src=x onerror="window.__pkInjected=1"><b>Pricing</b> ${run}`]);
    expect(part(el, 'list')!.querySelectorAll('img, b').length).to.equal(0);
    expect((window as unknown as { __pkInjected?: number }).__pkInjected).to.equal(undefined);
  });

  it('combines facets, search and sort on the server, and shows the server’s facet counts', async () => {
    const el = await mount(await partnerClient(silverReseller));
    const typeOptions = () => [...el.shadowRoot!.querySelector<HTMLSelectElement>('#type')!.options].map((o) => o.textContent!.trim());
    expect(typeOptions()).to.deep.equal(['All types', 'Document (2)', 'Link (1)', 'Template (1)', 'Training (1)', 'Video (1)']);

    el.type = 'document';
    await settle(el);
    expect(titles(el)).to.have.members([`Sales deck ${run}`, `Bộ tài liệu ${run}`]);
    expect(typeOptions()).to.deep.equal(['All types', 'Document (2)']);
    const languages = [...el.shadowRoot!.querySelector<HTMLSelectElement>('#language')!.options].map((o) => o.textContent!.trim());
    expect(languages).to.deep.equal(['All languages', 'English (1)', 'Vietnamese (1)']);

    el.language = 'vi';
    await settle(el);
    expect(titles(el)).to.deep.equal([`Bộ tài liệu ${run}`]);

    el.language = undefined;
    el.type = undefined;
    el.q = 'DEMO';
    await settle(el);
    expect(titles(el)).to.deep.equal([`Product demo ${run}`]);
    expect(part(el, 'count')!.textContent).to.equal('1 resource');

    el.q = 'no such thing at all';
    await settle(el);
    expect(part(el, 'no-results')!.textContent).to.contain('No resources match “no such thing at all”.');

    el.q = undefined;
    el.sort = 'title';
    await settle(el);
    const sorted = titles(el);
    expect(sorted).to.deep.equal([...sorted].sort());
  });

  it('loads cursor pages from the server with "Load more"', async () => {
    const el = await mount(await partnerClient(silverReseller), { 'page-size': '4' });
    expect(parts(el, 'item')).to.have.length(4);
    expect(part(el, 'count')!.textContent).to.equal('Showing 4 of 6 resources');
    await el.loadMore();
    await settle(el);
    expect(parts(el, 'item')).to.have.length(6);
    expect(new Set(titles(el)).size).to.equal(6);
    expect(part(el, 'load-more')).to.equal(null);
    expect(part(el, 'count')!.textContent).to.equal('6 resources');
  });

  it('shows the error state when the session is refused', async () => {
    const client = createClient({ baseUrl, token: 'not-a-session', retry: 0 });
    const element = document.createElement('resource-library');
    element.client = client;
    const error = oneEvent(element, 'pk-error');
    await fixture(html`<div>${element}</div>`);
    expect((await error).detail.data.status).to.equal(401);
    await settle(element);
    expect(part(element, 'error')).not.to.equal(null);
    await expect(element).to.be.accessible();
  });
});
