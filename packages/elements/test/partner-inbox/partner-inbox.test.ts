/**
 * `<partner-inbox>` on `@partnerkit/mock` (the demo programme's announcements and requests): every
 * state with axe, a partner's side (announcements unread first and pinned on top, reading one, the
 * unread count and its event, opening a request with the draft kept across a reload, replying,
 * reopening with a reason, replies from the vendor announced), a manager's side (the requests of
 * its partners by due time with breaches, only core's moves, resolving, read rates), both
 * languages, and hostile text and links inert.
 */
import { expect } from '@open-wc/testing';
import { createClient, type PartnerKitClient } from '@partnerkit/core/client';
import { problems } from '@partnerkit/core/schemas';
import { createMockBackend, type MockBackend } from '@partnerkit/mock';
import { activePartner, inboxBackend, inboxClient } from '../../../../stories/partner-inbox/backend.js';
import { MOCK_BASE_URL, clientOf, partnerRecord, rewriteJson } from '../../../../stories/support/mock-backend.js';
import '../../src/define/partner-inbox.js';
import type { PkUnreadChangeEvent } from '../../src/events/unread-change.js';
import type { PartnerInbox } from '../../src/partner-inbox/partner-inbox.js';
import { INJECTIONS, fits, naughtyStrings } from '../reliability/payloads.js';
import { button, part, parts, text, until } from '../shadow-dom.js';

const shadow = (el: Element) => el.shadowRoot!;

/** Waits until the inbox settled (data, empty or error; nothing loading). */
async function settled(el: PartnerInbox): Promise<void> {
  await until(() => shadow(el).querySelector('.inbox, [part~="error"], [part~="no-client"]') && !shadow(el).querySelector('[aria-busy="true"]'), 'the inbox to settle');
  await el.updateComplete;
}

async function inbox(client: PartnerKitClient, attrs: Record<string, string> = {}): Promise<PartnerInbox> {
  const el = document.createElement('partner-inbox');
  for (const [name, value] of Object.entries({ lang: 'en', theme: 'light', 'poll-seconds': '0', ...attrs })) el.setAttribute(name, value);
  el.client = client;
  document.body.append(el);
  await settled(el);
  return el;
}

async function showRequests(el: PartnerInbox): Promise<void> {
  el.view = 'requests';
  await el.updateComplete;
  await settled(el);
}

/** Types `value` into the field `selector` and waits for the render (buttons follow what is typed). */
async function type(el: PartnerInbox, selector: string, value: string): Promise<void> {
  const field = shadow(el).querySelector<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(selector)!;
  field.value = value;
  field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** A client of `partnerId`'s own channel manager (who sees its requests), named `name`. */
function managerOf(backend: MockBackend, partnerId: string, name: string): PartnerKitClient {
  const token = backend.session({ role: 'manager', user: { id: backend.state.partners.get(partnerId)!.manager!.id!, name } }).token;
  return createClient({ baseUrl: MOCK_BASE_URL, token, fetch: backend.fetch, retry: 0 });
}

/** An active partner of `backend` with a request in `status` (the demo gives each partner two). */
function partnerWith(backend: MockBackend, status: string): string {
  const request = [...backend.state.requests.values()].find((r) => r.status === status && backend.state.partners.get(r.partnerId)?.status === 'active');
  if (!request) throw new Error(`no request ${status}`);
  return request.partnerId;
}

const live = (el: PartnerInbox) => text(shadow(el).querySelector('[role="status"][aria-live="polite"]'));

async function openRequest(el: PartnerInbox, index = 0): Promise<void> {
  parts<HTMLButtonElement>(el, 'request-link')[index]!.click();
  await until(() => part(el, 'thread'), 'the thread');
  await el.updateComplete;
}

afterEach(() => {
  for (const el of document.querySelectorAll('partner-inbox')) el.remove();
  localStorage.clear();
});

describe('<partner-inbox> states', () => {
  it('loading: a busy box, accessible', async () => {
    const { client } = inboxClient({ faults: [{ mode: 'slow', delayMs: Infinity, match: /announcements/ }] });
    const el = document.createElement('partner-inbox');
    el.client = client;
    document.body.append(el);
    await until(() => shadow(el).querySelector('[aria-busy="true"]'), 'loading');
    await expect(el).to.be.accessible();
  });

  it('error: the reason and a retry that loads', async () => {
    const { client } = inboxClient({ faults: [{ mode: 'error', status: 503, match: /announcements/, times: 1 }] });
    const el = await inbox(client);
    expect(part(el, 'error')).not.to.equal(null);
    await expect(el).to.be.accessible();
    part<HTMLButtonElement>(el, 'retry-button')!.click();
    await until(() => parts(el, 'announcement').length > 0, 'announcements after the retry');
  });

  it('empty: a partner with no announcements and no requests, in both languages', async () => {
    const backend = createMockBackend({ seed: { partners: [partnerRecord({ id: 'pt_lonely', name: 'Lonely Ltd' })] } });
    const client = clientOf(backend, { role: 'partner', partnerId: 'pt_lonely' });
    const el = await inbox(client);
    expect(parts(el, 'empty').map(text)).to.deep.equal(['No announcements for you yet.', 'No requests yet.']);
    await expect(el).to.be.accessible();
    el.lang = 'vi';
    await until(() => text(parts(el, 'empty')[1]) === 'Chưa có yêu cầu nào.', 'Vietnamese');
    await expect(el).to.be.accessible();
  });

  it('no client: says what is missing', async () => {
    const el = document.createElement('partner-inbox');
    document.body.append(el);
    await el.updateComplete;
    expect(part(el, 'no-client')).not.to.equal(null);
  });
});

describe('<partner-inbox> for a partner', () => {
  it('announcements: pinned on top, then unread; the unread count as a property, an event and a badge', async () => {
    const { client } = inboxClient();
    const seen: number[] = [];
    document.addEventListener('pk-unread-change', (e) => seen.push((e as PkUnreadChangeEvent).detail.data.unread), { once: true });
    const el = await inbox(client);
    const page = await client.announcements.list();
    expect(el.unreadCount).to.equal(page.unread);
    expect(el.unreadCount).to.be.greaterThan(0);
    expect(seen).to.deep.equal([page.unread]);
    expect(text(part(el, 'unread-badge'))).to.equal(`${page.unread} unread`);
    const items = parts(el, 'announcement');
    const pinned = items.map((i) => text(i).includes('Pinned'));
    expect(pinned.indexOf(false) === -1 || pinned.lastIndexOf(true) < pinned.indexOf(false), 'pinned first').to.equal(true);
    const unpinned = items.filter((i) => !text(i).includes('Pinned')).map((i) => i.matches('[part~="announcement-unread"]'));
    expect(unpinned.lastIndexOf(true) < unpinned.indexOf(false) || !unpinned.includes(false) || !unpinned.includes(true), 'unread before read').to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('reading an unread announcement shows its text and marks it read: the count goes down, the event says so', async () => {
    const { client } = inboxClient();
    const el = await inbox(client);
    const before = el.unreadCount;
    const unread = parts(el, 'announcement-unread')[0]!;
    const events: number[] = [];
    el.addEventListener('pk-unread-change', (e) => events.push(e.detail.data.unread));
    unread.querySelector<HTMLButtonElement>('[part~="read-button"]')!.click();
    await until(() => unread.querySelector('[part~="announcement-body"] p'), 'the body');
    expect(unread.querySelector('[part~="read-button"]')!.getAttribute('aria-expanded')).to.equal('true');
    expect(el.unreadCount).to.equal(before - 1);
    expect(events).to.deep.equal([before - 1]);
    await until(() => !unread.matches('[part~="announcement-unread"]'), 'marked read');
    await expect(el).to.be.accessible();
    // Loaded again, the backend has it read.
    el.remove();
    const again = await inbox(client);
    expect(again.unreadCount).to.equal(before - 1);
  });

  it('Vietnamese: the vendor\'s announcements in Vietnamese', async () => {
    const { client } = inboxClient();
    const el = await inbox(client, { lang: 'vi' });
    await until(() => text(shadow(el).querySelector('#announcements-title')) === 'Thông báo', 'Vietnamese headings');
    expect(text(part(el, 'announcement')!.querySelector('h4'))).to.equal('Điều khoản đăng ký cơ hội mới từ tháng Một');
    await expect(el).to.be.accessible();
  });

  it('requests: a thread is a list of articles with authors and times', async () => {
    const { client } = inboxClient();
    const el = await inbox(client, { view: 'requests' });
    expect(parts(el, 'request').length).to.be.greaterThan(0);
    const answered = parts(el, 'request').findIndex((r) => r.getAttribute('data-status') !== 'open');
    await openRequest(el, answered);
    const articles = [...part(el, 'thread')!.querySelectorAll(':scope > li > article')];
    expect(articles.length).to.be.greaterThan(1);
    for (const a of articles) {
      expect(a.querySelector('header strong')!.textContent).to.match(/\((Partner|Vendor)\)$/);
      expect(a.querySelector('time')!.getAttribute('datetime')).to.match(/^\d{4}-\d\d-\d\dT/);
    }
    expect(shadow(el).activeElement?.id).to.equal('request-title');
    await expect(el).to.be.accessible();
  });

  it('opening a request: checked with the contract, the draft kept across a reload, sent once, then shown', async () => {
    const { client, backend, partnerId } = inboxClient();
    let el = await inbox(client, { view: 'requests' });
    part<HTMLButtonElement>(el, 'new-request')!.click();
    await until(() => part(el, 'request-form'), 'the form');
    await until(() => shadow(el).activeElement?.id === 'category', 'focus on the first field');
    // Nothing typed: every field says what it needs, focus on the first.
    part<HTMLButtonElement>(el, 'send-button')!.click();
    await until(() => shadow(el).querySelectorAll('[aria-invalid="true"]').length === 3, 'three problems');
    expect(shadow(el).activeElement?.id).to.equal('category');
    await expect(el).to.be.accessible();
    await type(el, '#category', 'deal_support');
    await type(el, '#subject', 'Registration stuck in review');
    await type(el, '#message', 'Could you look at it?\nThe customer signs next week.');
    await type(el, '#links', 'javascript:alert(1)');
    part<HTMLButtonElement>(el, 'send-button')!.click();
    await el.updateComplete;
    expect(shadow(el).querySelector('#links')!.getAttribute('aria-invalid')).to.equal('true');
    await type(el, '#links', 'https://partner.example/quote.pdf');
    // A reload: a new element finds the draft.
    el.remove();
    el = await inbox(client, { view: 'requests' });
    part<HTMLButtonElement>(el, 'new-request')!.click();
    await until(() => part(el, 'request-form'), 'the form again');
    expect(text(part(el, 'request-form'))).to.contain('Your unsent request was restored.');
    expect(shadow(el).querySelector<HTMLInputElement>('#subject')!.value).to.equal('Registration stuck in review');
    expect(shadow(el).querySelector<HTMLSelectElement>('#category')!.value).to.equal('deal_support');
    // The first send's answer is lost; the second sends the same key: one request.
    backend.faults.add({ mode: 'offline', lost: 'answer', match: /\/requests$/, times: 1 });
    part<HTMLButtonElement>(el, 'send-button')!.click();
    await until(() => part(el, 'form-error'), 'the failure');
    expect(shadow(el).querySelector<HTMLInputElement>('#subject')!.value, 'kept').to.equal('Registration stuck in review');
    part<HTMLButtonElement>(el, 'send-button')!.click();
    await until(() => part(el, 'thread'), 'the new request open');
    expect(text(shadow(el).querySelector('#request-title'))).to.equal('Registration stuck in review');
    expect(shadow(el).querySelector('[part~="thread"] a')!.getAttribute('href')).to.equal('https://partner.example/quote.pdf');
    const mine = await clientOf(backend, { role: 'partner', partnerId }).requests.list();
    expect(mine.data.filter((r) => r.subject === 'Registration stuck in review')).to.have.length(1);
    expect(localStorage.length, 'the draft is gone').to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('replying: the thread grows, the live region says it was sent; a vendor reply that arrives is announced', async () => {
    const backend = inboxBackend();
    const { client, partnerId } = inboxClient({ backend, partnerId: partnerWith(backend, 'waiting_on_partner') });
    const el = await inbox(client, { view: 'requests', 'poll-seconds': '1' });
    const index = parts(el, 'request').findIndex((r) => r.getAttribute('data-status') === 'waiting_on_partner');
    const requestId = parts<HTMLButtonElement>(el, 'request-link')[index]!.dataset.id!;
    await openRequest(el, index);
    const count = part(el, 'thread')!.children.length;
    await type(el, '#reply', 'Here are the details.');
    button(el, 'Send reply').click();
    await until(() => part(el, 'thread')!.children.length === count + 1, 'the reply in the thread');
    expect(live(el)).to.equal('Reply sent.');
    expect(shadow(el).querySelector<HTMLTextAreaElement>('#reply')!.value).to.equal('');
    // The partner's manager answers through the API; the next read announces it.
    const vendor = managerOf(backend, partnerId, 'Minh Channel');
    await vendor.requests.reply(requestId, { body: 'Thanks, looking now.' });
    await until(() => live(el) === 'New reply from Minh Channel.', 'the new reply announced', 4000);
    expect(text(part(el, 'thread')!.lastElementChild)).to.contain('Thanks, looking now.');
  });

  it('reopening a resolved request asks for a reason (core\'s table) and keeps it through a failure', async () => {
    // Resolved today by the partner's manager (the demo's resolutions may be past the 14 days).
    const backend = inboxBackend();
    const partnerId = partnerWith(backend, 'waiting_on_vendor');
    const waiting = [...backend.state.requests.values()].find((r) => r.partnerId === partnerId && r.status === 'waiting_on_vendor')!;
    await managerOf(backend, partnerId, 'Minh Channel').requests.transition(waiting.id, { to: 'resolved' });
    const { client } = inboxClient({ backend, partnerId });
    const el = await inbox(client, { view: 'requests' });
    const index = parts(el, 'request').findIndex((r) => r.getAttribute('data-status') === 'resolved');
    expect(index).to.be.greaterThan(-1);
    await openRequest(el, index);
    expect(parts(el, 'move-button').map((b) => b.dataset.to)).to.deep.equal(['waiting_on_vendor', 'closed']);
    button(el, 'Reopen').click();
    await until(() => shadow(el).activeElement?.id === 'reason', 'the reason box focused');
    await type(el, '#reason', 'It broke again after the update.');
    backend.faults.add({ mode: 'error', status: 503, match: /transitions/, times: 1 });
    button(el, 'Confirm').click();
    await until(() => part(el, 'form-error'), 'the failure');
    expect(shadow(el).querySelector<HTMLTextAreaElement>('#reason')!.value).to.equal('It broke again after the update.');
    button(el, 'Confirm').click();
    await until(() => text(part(el, 'status')) === 'Waiting on vendor', 'reopened');
    expect(live(el)).to.equal('Status changed to Waiting on vendor.');
    await expect(el).to.be.accessible();
  });

  it('a closed request takes no reply and offers no move', async () => {
    const backend = inboxBackend();
    const { client } = inboxClient({ backend, partnerId: partnerWith(backend, 'closed') });
    const el = await inbox(client, { view: 'requests' });
    await openRequest(el, parts(el, 'request').findIndex((r) => r.getAttribute('data-status') === 'closed'));
    expect(part(el, 'reply-form')).to.equal(null);
    expect(parts(el, 'move-button')).to.have.length(0);
    expect(text(part(el, 'thread')!.parentElement)).to.contain('This request is closed');
  });

  it('keyboard: opening a request moves focus to it; Back returns focus to the request in the list', async () => {
    const { client } = inboxClient();
    const el = await inbox(client, { view: 'requests' });
    const link = parts<HTMLButtonElement>(el, 'request-link')[1]!;
    link.focus();
    link.click();
    await until(() => shadow(el).activeElement?.id === 'request-title', 'focus on the request');
    button(el, 'Back to requests').click();
    await until(() => shadow(el).activeElement === parts(el, 'request-link')[1], 'focus back on the list');
  });
});

describe('<partner-inbox> for a manager', () => {
  it('the requests of the partners it manages, earliest due first, breaches flagged', async () => {
    const backend = inboxBackend();
    const { client } = inboxClient({ backend, role: 'manager' });
    const el = await inbox(client, { view: 'requests' });
    const managerId = backend.people.managers[0]!.id;
    const managed = new Set([...backend.state.partners.values()].filter((p) => p.manager?.id === managerId).map((p) => p.name));
    const items = parts(el, 'request');
    expect(items.length).to.be.greaterThan(0);
    for (const item of items) expect([...managed].some((name) => text(item).includes(name)), text(item)).to.equal(true);
    const all = await client.requests.list({ sort: 'due' });
    expect(parts(el, 'request-link').map((b) => b.dataset.id)).to.deep.equal(all.data.map((r) => r.id));
    const breached = all.data.filter((r) => r.targets?.firstResponseBreached || r.targets?.resolutionBreached).length;
    expect(new Set(parts(el, 'breach').map((b) => b.closest('[part~="request"]'))).size).to.equal(breached);
    await expect(el).to.be.accessible();
  });

  it('answers and resolves: only the moves core allows a manager', async () => {
    const { client } = inboxClient({ role: 'manager' });
    const el = await inbox(client, { view: 'requests' });
    await openRequest(el, parts(el, 'request').findIndex((r) => r.getAttribute('data-status') === 'open'));
    expect(parts(el, 'move-button').map((b) => b.dataset.to)).to.deep.equal(['waiting_on_partner', 'waiting_on_vendor', 'resolved']);
    await type(el, '#reply', 'We are on it.');
    button(el, 'Send reply').click();
    await until(() => text(part(el, 'status')) === 'Waiting on partner', 'the turn passed');
    button(el, 'Mark resolved').click();
    await until(() => text(part(el, 'status')) === 'Resolved', 'resolved');
    expect(parts(el, 'move-button').map((b) => b.dataset.to)).to.deep.equal(['waiting_on_vendor', 'closed']);
    await expect(el).to.be.accessible();
  });

  it('announcements with their read rates, no unread count', async () => {
    const { client } = inboxClient({ role: 'manager' });
    const el = await inbox(client);
    expect(el.unreadCount).to.equal(0);
    expect(part(el, 'unread-badge')).to.equal(null);
    const rates = parts(el, 'read-rate').map(text);
    expect(rates.length).to.be.greaterThan(0);
    expect(rates.some((r) => /^Read by \d+ of \d+ partners \(\d+%\)$/.test(r))).to.equal(true);
    await expect(el).to.be.accessible();
  });
});

describe('<partner-inbox> publishing an announcement', () => {
  /** A manager's inbox with the announcement form open. */
  async function composer(options: Parameters<typeof inboxClient>[0] = {}, attrs: Record<string, string> = {}) {
    const { client, backend } = inboxClient({ role: 'manager', ...options });
    const el = await inbox(client, { view: 'announcements', ...attrs });
    part<HTMLButtonElement>(el, 'new-announcement')!.click();
    await until(() => shadow(el).activeElement?.id === 'compose-title', 'focus on the title');
    return { el, client, backend };
  }
  const silverOf = async (client: PartnerKitClient) => (await client.tiers.list()).data.find((t) => t.name === 'Silver')!;
  const check = async (el: PartnerInbox, selector: string) => {
    shadow(el).querySelector<HTMLInputElement>(selector)!.click();
    await el.updateComplete;
  };
  const titles = async (client: PartnerKitClient) => (await client.announcements.list({ limit: 100 })).data.map((a) => a.title);

  it('a manager publishes to Silver partners: a Silver partner sees it, a partner of another tier does not', async () => {
    const { el, client, backend } = await composer();
    await expect(el).to.be.accessible();
    const silver = await silverOf(client);
    await type(el, '#compose-title', 'Double funds for Silver');
    await type(el, '#compose-body', 'Bring your Q3 pipeline.\nWe co-fund what you register.');
    await type(el, '#compose-otherTitle', 'Gấp đôi quỹ cho hạng Bạc');
    await type(el, '#compose-category', 'incentive');
    await check(el, `input[name="tiers"][value="${silver.id}"]`);
    await check(el, 'input[name="pinned"]');
    part<HTMLButtonElement>(el, 'publish-button')!.click();
    await until(() => live(el) === 'Announcement “Double funds for Silver” published.', 'the publication announced');
    await until(() => shadow(el).activeElement === part(el, 'new-announcement'), 'focus back on the button');
    expect(part(el, 'announcement-form')).to.equal(null);
    await until(() => text(part(el, 'announcement')).includes('Double funds for Silver'), 'the new announcement on top of the list');
    const published = (await client.announcements.list({ limit: 100 })).data.find((a) => a.title === 'Double funds for Silver')!;
    expect(published.body).to.equal('Bring your Q3 pipeline.\nWe co-fund what you register.');
    expect(published.translations).to.deep.equal({ vi: { title: 'Gấp đôi quỹ cho hạng Bạc' } });
    expect(published).to.deep.include({ category: 'incentive', pinned: true, status: 'published', expiresAt: null });
    expect(published.audience).to.deep.equal({ partnerTypes: [], tierIds: [silver.id], regions: [], partnerIds: [] });
    const active = [...backend.state.partners.values()].filter((p) => p.status === 'active');
    const inSilver = active.find((p) => p.tierId === silver.id)!;
    const elsewhere = active.find((p) => p.tierId !== silver.id)!;
    expect(await titles(clientOf(backend, { role: 'partner', partnerId: inSilver.id }))).to.include('Double funds for Silver');
    expect(await titles(clientOf(backend, { role: 'partner', partnerId: elsewhere.id }))).not.to.include('Double funds for Silver');
    // The next draft starts empty, under a new key.
    part<HTMLButtonElement>(el, 'new-announcement')!.click();
    await until(() => shadow(el).querySelector('#compose-title'), 'the form again');
    expect(shadow(el).querySelector<HTMLInputElement>('#compose-title')!.value).to.equal('');
  });

  it('schedules for later with an expiry, to named partners found by name and a region', async () => {
    const { el, client, backend } = await composer();
    const named = [...backend.state.partners.values()].find((p) => p.status === 'active')!;
    await type(el, '#compose-title', 'Partner summit');
    await type(el, '#compose-body', 'Save the date.');
    await type(el, '#compose-category', 'event');
    await type(el, '#compose-regions', 'APAC, EMEA');
    await type(el, '#compose-find', named.name.slice(0, 6));
    button(el, 'Search').click();
    await until(() => shadow(el).querySelector(`[data-partner="${named.id}"]`), 'the partner found');
    shadow(el).querySelector<HTMLButtonElement>(`[data-partner="${named.id}"]`)!.click();
    await el.updateComplete;
    expect(text(shadow(el).querySelector('#compose-partners .chosen'))).to.contain(`Remove ${named.name}`);
    await check(el, 'input[name="when"][value="later"]');
    await type(el, '#compose-publishAt', '2099-03-01T09:00');
    await type(el, '#compose-expiresAt', '2099-03-31T18:00');
    await expect(el).to.be.accessible();
    expect(text(part(el, 'publish-button'))).to.equal('Schedule');
    part<HTMLButtonElement>(el, 'publish-button')!.click();
    await until(() => live(el) === 'Announcement “Partner summit” scheduled.', 'the schedule announced');
    const scheduled = (await client.announcements.list({ limit: 100 })).data.find((a) => a.title === 'Partner summit')!;
    expect(scheduled.status).to.equal('scheduled');
    expect(scheduled.publishAt).to.equal(new Date('2099-03-01T09:00').toISOString());
    expect(scheduled.expiresAt).to.equal(new Date('2099-03-31T18:00').toISOString());
    expect(scheduled.audience).to.deep.equal({ partnerTypes: [], tierIds: [], regions: ['APAC', 'EMEA'], partnerIds: [named.id] });
  });

  it('validation: the contract checks on the fields, focus on the first, nothing sent; in Vietnamese too', async () => {
    const { el, client } = await composer();
    const before = (await client.announcements.list({ limit: 100 })).data.length;
    part<HTMLButtonElement>(el, 'publish-button')!.click();
    await until(() => shadow(el).activeElement?.id === 'compose-title', 'focus on the first invalid field');
    const invalid = [...shadow(el).querySelectorAll('[aria-invalid="true"]')].map((f) => f.id);
    expect(invalid).to.deep.equal(['compose-title', 'compose-body', 'compose-category']);
    expect(text(shadow(el).querySelector('#compose-title-error'))).to.equal('Enter a title (up to 200 characters).');
    await expect(el).to.be.accessible();
    // Later without a time, an expiry before publication.
    await type(el, '#compose-title', 'Price list');
    await type(el, '#compose-body', 'New prices from March.');
    await type(el, '#compose-category', 'programme_change');
    await check(el, 'input[name="when"][value="later"]');
    await type(el, '#compose-expiresAt', '2020-01-01T00:00');
    part<HTMLButtonElement>(el, 'publish-button')!.click();
    await until(() => shadow(el).activeElement?.id === 'compose-publishAt', 'focus on the publication time');
    expect([...shadow(el).querySelectorAll('[aria-invalid="true"]')].map((f) => f.id)).to.deep.equal(['compose-publishAt', 'compose-expiresAt']);
    await type(el, '#compose-publishAt', '2099-01-01T00:00');
    part<HTMLButtonElement>(el, 'publish-button')!.click();
    await until(() => shadow(el).activeElement?.id === 'compose-expiresAt', 'focus on the expiry');
    expect(text(shadow(el).querySelector('#compose-expiresAt-error'))).to.equal('The expiry must be a date and time after publication.');
    expect((await client.announcements.list({ limit: 100 })).data.length).to.equal(before);
    el.lang = 'vi';
    await until(() => text(shadow(el).querySelector('#compose-heading')) === 'Đăng thông báo', 'Vietnamese');
    expect(text(shadow(el).querySelector('#compose-expiresAt-error'))).to.equal('Thời điểm hết hạn phải là ngày giờ sau khi đăng.');
    expect(shadow(el).querySelector<HTMLInputElement>('#compose-title')!.value).to.equal('Price list');
    await expect(el).to.be.accessible();
  });

  it('a server error keeps what was typed, and the retry publishes once', async () => {
    const { el, client, backend } = await composer();
    backend.faults.add({ mode: 'error', status: 503, match: /^POST \/v1\/announcements$/, times: 1 });
    await type(el, '#compose-title', 'Webinar on Thursday');
    await type(el, '#compose-body', 'Join us.');
    await type(el, '#compose-category', 'event');
    part<HTMLButtonElement>(el, 'publish-button')!.click();
    await until(() => part(el, 'form-error'), 'the failure');
    expect(text(part(el, 'form-error'))).to.contain('The announcement was not published; what you typed is kept.');
    expect(shadow(el).activeElement).to.equal(part(el, 'publish-button'));
    expect(shadow(el).querySelector<HTMLInputElement>('#compose-title')!.value).to.equal('Webinar on Thursday');
    expect(shadow(el).querySelector<HTMLTextAreaElement>('#compose-body')!.value).to.equal('Join us.');
    await expect(el).to.be.accessible();
    part<HTMLButtonElement>(el, 'publish-button')!.click();
    await until(() => live(el).includes('published'), 'published on the retry');
    expect((await titles(client)).filter((t) => t === 'Webinar on Thursday')).to.have.length(1);
  });

  it('a refusal from the backend lands on its field; an answer lost on the way is not published twice', async () => {
    const { el, client, backend } = await composer();
    backend.faults.add({ mode: 'error', problem: problems.validation([{ path: 'audience.regions.0', message: 'is not a region of this programme' }]), match: /^POST \/v1\/announcements$/, times: 1 });
    await type(el, '#compose-title', 'Regional kickoff');
    await type(el, '#compose-body', 'See you there.');
    await type(el, '#compose-category', 'event');
    await type(el, '#compose-regions', 'Atlantis');
    part<HTMLButtonElement>(el, 'publish-button')!.click();
    await until(() => shadow(el).activeElement?.id === 'compose-regions', 'focus on the refused field');
    expect(text(shadow(el).querySelector('#compose-regions-error'))).to.equal('The server refused it: is not a region of this programme.');
    await expect(el).to.be.accessible();
    await type(el, '#compose-regions', 'APAC');
    expect(shadow(el).querySelector('#compose-regions-error')).to.equal(null);
    backend.faults.add({ mode: 'offline', lost: 'answer', match: /^POST \/v1\/announcements$/, times: 1 });
    part<HTMLButtonElement>(el, 'publish-button')!.click();
    await until(() => part(el, 'form-error'), 'the lost answer');
    part<HTMLButtonElement>(el, 'publish-button')!.click();
    await until(() => live(el).includes('published'), 'published on the retry');
    expect((await titles(client)).filter((t) => t === 'Regional kickoff')).to.have.length(1);
  });

  it('a partner never sees the form; an admin does', async () => {
    const { client, backend } = inboxClient();
    const el = await inbox(client);
    expect(part(el, 'new-announcement')).to.equal(null);
    expect(part(el, 'announcement-form')).to.equal(null);
    const admin = await inbox(clientOf(backend, { role: 'admin' }), { view: 'announcements' });
    expect(part(admin, 'new-announcement')).not.to.equal(null);
  });

  it('keyboard: Cancel closes the form, keeps the draft and returns focus', async () => {
    const { el } = await composer();
    await type(el, '#compose-title', 'Kept');
    button(el, 'Cancel').click();
    await until(() => shadow(el).activeElement === part(el, 'new-announcement'), 'focus back on the button');
    part<HTMLButtonElement>(el, 'new-announcement')!.click();
    await until(() => shadow(el).activeElement?.id === 'compose-title', 'focus on the title');
    expect(shadow(el).querySelector<HTMLInputElement>('#compose-title')!.value).to.equal('Kept');
  });
});

describe('<partner-inbox> with hostile data', () => {
  it('BLNS and injection strings stay text in announcements, requests and threads', async () => {
    const backend = inboxBackend();
    const partnerId = activePartner(backend);
    const admin = clientOf(backend, { role: 'admin' });
    const strings = [...INJECTIONS, ...(await naughtyStrings()).slice(0, 120)];
    const fired: string[] = [];
    (window as unknown as { __pkCanary: (w: string) => void }).__pkCanary = (w) => fired.push(w);
    for (let i = 0; i < 12; i += 1) {
      const s = strings[(i * 11) % strings.length]!;
      await admin.announcements.create({ title: fits(s, 200), body: fits(strings[(i * 7 + 3) % strings.length]!, 20_000), category: 'event', audience: { partnerIds: [partnerId] } });
    }
    const partner = clientOf(backend, { role: 'partner', partnerId });
    const opened = await partner.requests.open({ category: 'question', subject: fits(INJECTIONS[1]!, 200), message: INJECTIONS.join('\n') });
    const el = await inbox(partner);
    // One text open at a time: each in turn.
    for (const [i, item] of parts(el, 'announcement').slice(0, 12).entries()) {
      item.querySelector<HTMLButtonElement>('[part~="read-button"]')!.click();
      await until(() => item.querySelector('[part~="announcement-body"] p'), `body ${i}`);
      expect(item.querySelectorAll('[part~="announcement-body"] *:not(p)'), `body ${i}`).to.have.length(0);
    }
    await showRequests(el);
    await openRequest(el, parts<HTMLButtonElement>(el, 'request-link').findIndex((b) => b.dataset.id === opened.id));
    await new Promise((r) => setTimeout(r, 50));
    expect(fired).to.deep.equal([]);
    expect(shadow(el).querySelectorAll('script, img, iframe, svg, object, embed, input[autofocus], details')).to.have.length(0);
    expect(text(part(el, 'thread'))).to.contain('<script>window.__pkCanary("script")</script>');
  });

  it('links: only http(s) becomes a link, even when a backend breaks the contract', async () => {
    const { client } = inboxClient({ faults: [rewriteJson(/\/requests\/[^/]+$/, (body) => ({ ...body, messages: (body.messages as { attachments: unknown[] }[]).map((m, i) => ({ ...m, attachments: i === 0 ? [{ type: 'url', url: 'javascript:alert(1)', label: 'evil' }, { type: 'url', url: 'https://ok.example/a', label: 'fine' }] : m.attachments })) }))] });
    const el = await inbox(client, { view: 'requests' });
    await openRequest(el).catch(() => undefined);
    await until(() => part(el, 'thread') || part(el, 'error'), 'the thread or the refusal');
    // The client validates answers: a javascript: URL fails the contract (an error state), or,
    // were it let through, renders as text. Either way no javascript: link exists.
    for (const a of shadow(el).querySelectorAll('a')) expect(a.getAttribute('href')).to.match(/^https?:/);
  });
});
