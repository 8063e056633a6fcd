/**
 * Communication: announcements reach exactly their audience (core's `audienceIncludes`), reads
 * are recorded per user and counted for the vendor, scheduled ones stay hidden; requests move
 * through core's table with the turn passing at each message, due in business hours by the
 * programme's targets (`requestDueTimes`); a partner reaches only its own requests, a manager
 * those of the partners it manages.
 * @module
 */
import { newIdempotencyKey } from '@partnerkit/core/client';
import { audienceIncludes, normaliseAudience, requestDueTimes } from '@partnerkit/core/rules';
import { Announcement, AnnouncementPage, type AnnouncementAudienceInput, page, PartnerRequest, PartnerRequestSummary, RequestMessage, RequestTargets } from '@partnerkit/core/schemas';
import { defineCheck, ensure } from '../check.js';
import { type RunContext, type Who, WHO_NAMES } from '../context.js';
import { describe, type Exchange } from '../http.js';
import { expectBody, expectFieldErrors, expectProblem, show } from '../expect.js';
import { eventsOf, Findings } from './shared.js';

const AUDIENCE_RULE =
  'An announcement reaches its audience only: the partners named in partnerIds, and the segment its partnerTypes, tierIds and regions describe (each non-empty list narrows it); all empty is everyone. A partner session sees published, unexpired announcements of its audience, never the audience itself; any other id answers 404.';
const READ_RULE =
  'PUT /v1/announcements/{id}/read records the partner user\'s read once (the first time is kept), lowers its unread count, and the vendor\'s readStats count the partners with a reader and the readers; vendor principals cannot mark reads (403).';
const REQUEST_RULE =
  'A request moves through core\'s REQUEST_TRANSITIONS: the vendor\'s message leaves it waiting_on_partner (the first records firstResponseAt), the partner\'s reply makes it waiting_on_vendor, either side resolves, reopening needs a reason, a closed request takes nothing more (409 request_closed). Due times are requestDueTimes from the opening, by the programme\'s targets.';
const SCOPE_RULE =
  'A partner session reaches only its own partner\'s requests, a manager session those of the partners it manages (the partner\'s manager.id); anything else answers 404 exactly as an id that does not exist.';

const SummaryPage = page(PartnerRequestSummary);

async function send(ctx: RunContext, who: Who, method: string, url: string, json?: unknown, key = method === 'POST'): Promise<Exchange> {
  return ctx.http.send(method, url, { token: await ctx.token(who), ...(json === undefined ? {} : { json }), ...(key ? { headers: { 'Idempotency-Key': newIdempotencyKey() } } : {}) });
}

/** Every announcement id `who` lists, page after page. */
async function listedBy(ctx: RunContext, who: Who): Promise<Set<string>> {
  const ids = new Set<string>();
  let cursor: string | null = null;
  do {
    const reply: AnnouncementPage = expectBody(await send(ctx, who, 'GET', `/v1/announcements?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`), AnnouncementPage, 200, WHO_NAMES[who]);
    for (const a of reply.data) ids.add(a.id);
    cursor = reply.nextCursor;
  } while (cursor);
  return ids;
}

async function announce(ctx: RunContext, audience: AnnouncementAudienceInput, extra: Record<string, unknown> = {}): Promise<Announcement> {
  const body = { title: ctx.unique('announcement'), body: 'Conformance', category: 'product_news', audience, ...extra };
  return expectBody(await send(ctx, 'admin', 'POST', '/v1/announcements', body), Announcement, 201, 'admin');
}

async function openRequest(ctx: RunContext, who: Who, extra: Record<string, unknown> = {}): Promise<PartnerRequest> {
  const body = { category: 'deal_support', subject: ctx.unique('request'), message: 'Conformance', ...extra };
  return expectBody(await send(ctx, who, 'POST', '/v1/requests', body), PartnerRequest, 201, WHO_NAMES[who]);
}

export const communicationChecks = [
  defineCheck({
    id: 'communication.audience',
    area: 'communication',
    title: 'each partner sees exactly the announcements whose audience includes it, by tier, partner type and name',
    rule: AUDIENCE_RULE,
    async run(ctx) {
      const { partners, tiers } = await ctx.fixtures();
      const audiences: AnnouncementAudienceInput[] = [{ tierIds: [tiers.member.id] }, { partnerTypes: ['distributor'] }, { partnerIds: [partners.c.id] }, { tierIds: [tiers.gold.id], partnerIds: [partners.a.id] }];
      const made = [];
      for (const audience of audiences) made.push(await announce(ctx, audience));
      const findings = new Findings();
      for (const who of ['a', 'b', 'c'] as const) {
        const listed = await listedBy(ctx, who);
        for (const [i, announcement] of made.entries()) {
          const expected = audienceIncludes(normaliseAudience(audiences[i]), partners[who]);
          const got = await send(ctx, who, 'GET', `/v1/announcements/${encodeURIComponent(announcement.id)}`);
          if (listed.has(announcement.id) !== expected) findings.add(`the list of ${WHO_NAMES[who]} ${expected ? 'lacks' : 'has'} the announcement to ${show(audiences[i])}`);
          if (got.status !== (expected ? 200 : 404)) findings.add(`getAnnouncement of the announcement to ${show(audiences[i])}: ${describe(got, WHO_NAMES[who])}; expected ${expected ? 200 : '404 not_found'}`);
          if (got.status === 200 && (got.body as { audience?: unknown }).audience !== undefined) findings.add(`${WHO_NAMES[who]} was shown the audience ${show((got.body as { audience?: unknown }).audience)}`);
        }
      }
      findings.assertNone();
    },
  }),
  defineCheck({
    id: 'communication.reads',
    area: 'communication',
    title: 'a partner user reads an announcement once; its unread count drops and the vendor sees the read',
    rule: READ_RULE,
    async run(ctx) {
      const { partners } = await ctx.fixtures();
      const announcement = await announce(ctx, { partnerIds: [partners.a.id] });
      const before = expectBody(await send(ctx, 'a', 'GET', '/v1/announcements?read=false&limit=200'), AnnouncementPage, 200, 'partner A');
      ensure(before.data.some((a) => a.id === announcement.id && a.readAt === null), `partner A's unread announcements ${show(before.data.map((a) => a.id))} lack the new one ${announcement.id}`);
      const url = `/v1/announcements/${encodeURIComponent(announcement.id)}/read`;
      const read = expectBody(await send(ctx, 'a', 'PUT', url), Announcement, 200, 'partner A');
      ensure(typeof read.readAt === 'string', `after partner A read it, readAt is ${show(read.readAt)}`);
      const again = expectBody(await send(ctx, 'a', 'PUT', url), Announcement, 200, 'partner A');
      ensure(again.readAt === read.readAt, `reading again moved readAt from ${read.readAt} to ${show(again.readAt)}; the first read is kept`);
      const after = expectBody(await send(ctx, 'a', 'GET', '/v1/announcements?read=false&limit=200'), AnnouncementPage, 200, 'partner A');
      ensure(after.unread === (before.unread ?? 0) - 1, `partner A's unread count went from ${show(before.unread)} to ${show(after.unread)} after one read`);
      const vendor = expectBody(await send(ctx, 'admin', 'GET', `/v1/announcements/${encodeURIComponent(announcement.id)}`), Announcement, 200, 'admin');
      ensure(vendor.readStats?.readPartners === 1 && vendor.readStats.readers === 1 && vendor.readStats.audiencePartners === 1 && vendor.readStats.rate === 1, `the vendor's readStats after partner A read it: ${show(vendor.readStats)}; expected 1 of 1 partners, 1 reader, rate 1`);
      expectProblem(await send(ctx, 'manager', 'PUT', url), 403, 'forbidden', 'manager');
    },
  }),
  defineCheck({
    id: 'communication.scheduled',
    area: 'communication',
    title: 'a scheduled announcement is hidden from its audience until its publish time; an expired one too',
    rule: 'An announcement becomes visible to its audience at publishAt and stops at expiresAt; vendor principals see its status (scheduled, published, expired).',
    async run(ctx) {
      const { partners } = await ctx.fixtures();
      const later = new Date(Date.now() + ctx.clockOffsetMs + 30 * 86_400_000).toISOString();
      const scheduled = await announce(ctx, { partnerIds: [partners.a.id] }, { publishAt: later });
      ensure(scheduled.status === 'scheduled', `an announcement published at ${later} is ${scheduled.status} now`);
      expectProblem(await send(ctx, 'a', 'GET', `/v1/announcements/${encodeURIComponent(scheduled.id)}`), 404, 'not_found', 'partner A');
      ensure(!(await listedBy(ctx, 'a')).has(scheduled.id), 'partner A lists an announcement scheduled for next month');
      const withdrawn = await announce(ctx, { partnerIds: [partners.a.id] });
      const day = 86_400_000;
      const now = Date.parse(withdrawn.createdAt);
      const window = { publishAt: new Date(now - 2 * day).toISOString(), expiresAt: new Date(now - day).toISOString() };
      const expired = expectBody(await send(ctx, 'admin', 'PATCH', `/v1/announcements/${encodeURIComponent(withdrawn.id)}`, window), Announcement, 200, 'admin');
      ensure(expired.status === 'expired', `an announcement that expired yesterday is ${expired.status}`);
      const seen = await send(ctx, 'a', 'GET', `/v1/announcements/${encodeURIComponent(withdrawn.id)}`);
      ensure(seen.status === 404, `getAnnouncement of an expired announcement: ${describe(seen, 'partner A')}; expected 404 not_found`);
    },
  }),
  defineCheck({
    id: 'communication.requests',
    area: 'communication',
    title: 'a request opens due by the programme\'s targets, passes the turn with each message, resolves, reopens with a reason and closes for good',
    rule: REQUEST_RULE,
    async run(ctx) {
      const targets = expectBody(await send(ctx, 'a', 'GET', '/v1/request-targets'), RequestTargets, 200, 'partner A');
      const opened = await openRequest(ctx, 'a', { attachments: [{ type: 'url', url: 'https://example.com/partnerkit-conformance.pdf' }] });
      ensure(opened.status === 'open' && opened.messages.length === 1 && opened.targets === undefined, `partner A's new request: ${show({ status: opened.status, messages: opened.messages.length, targets: opened.targets })}; expected open, one message, no targets for a partner`);
      const url = `/v1/requests/${encodeURIComponent(opened.id)}`;
      const vendorView = expectBody(await send(ctx, 'manager', 'GET', url), PartnerRequest, 200, 'manager');
      const due = requestDueTimes(new Date(opened.createdAt), opened.category, targets);
      ensure(vendorView.targets?.firstResponseDueAt === due.firstResponseDueAt && vendorView.targets.resolutionDueAt === due.resolutionDueAt, `the request's targets are ${show(vendorView.targets)}; core's requestDueTimes give ${show(due)}`);

      const answer = expectBody(await send(ctx, 'manager', 'POST', `${url}/messages`, { body: 'Conformance answer' }), RequestMessage, 201, 'manager');
      let now = expectBody(await send(ctx, 'a', 'GET', url), PartnerRequest, 200, 'partner A');
      ensure(now.status === 'waiting_on_partner' && now.firstResponseAt === answer.createdAt, `after the manager answered: ${show({ status: now.status, firstResponseAt: now.firstResponseAt })}; expected waiting_on_partner since ${answer.createdAt}`);
      expectBody(await send(ctx, 'a', 'POST', `${url}/messages`, { body: 'Conformance reply' }), RequestMessage, 201, 'partner A');
      now = expectBody(await send(ctx, 'a', 'GET', url), PartnerRequest, 200, 'partner A');
      ensure(now.status === 'waiting_on_vendor', `after partner A replied the request is ${now.status}; expected waiting_on_vendor`);
      expectProblem(await send(ctx, 'a', 'POST', `${url}/transitions`, { to: 'waiting_on_partner' }), 403, 'forbidden', 'partner A');
      expectBody(await send(ctx, 'manager', 'POST', `${url}/transitions`, { to: 'resolved' }), PartnerRequest, 200, 'manager');
      expectFieldErrors(await send(ctx, 'a', 'POST', `${url}/transitions`, { to: 'waiting_on_vendor' }), ['reason'], 'partner A reopening without a reason');
      expectBody(await send(ctx, 'a', 'POST', `${url}/transitions`, { to: 'waiting_on_vendor', reason: 'Not solved' }), PartnerRequest, 200, 'partner A');
      expectBody(await send(ctx, 'manager', 'POST', `${url}/transitions`, { to: 'resolved' }), PartnerRequest, 200, 'manager');
      const closed = expectBody(await send(ctx, 'a', 'POST', `${url}/transitions`, { to: 'closed' }), PartnerRequest, 200, 'partner A');
      const steps = closed.history.map((s) => s.to);
      ensure(JSON.stringify(steps) === JSON.stringify(['open', 'waiting_on_partner', 'waiting_on_vendor', 'resolved', 'waiting_on_vendor', 'resolved', 'closed']), `the request's history is ${show(steps)}`);
      expectProblem(await send(ctx, 'a', 'POST', `${url}/messages`, { body: 'One more' }), 409, 'request_closed', 'partner A');
      expectProblem(await send(ctx, 'manager', 'POST', `${url}/transitions`, { to: 'resolved' }), 409, 'request_closed', 'manager');

      const events = await eventsOf(ctx, opened.partnerId, null);
      const types = events.filter((e) => (e.data as { requestId?: unknown }).requestId === opened.id).map((e) => e.type);
      for (const type of ['request.opened', 'request.replied', 'request.waiting_on_partner', 'request.waiting_on_vendor', 'request.resolved', 'request.reopened', 'request.closed']) {
        ensure(types.includes(type), `the event log has ${show(types)} for the request; ${type} is missing`);
      }
    },
  }),
  defineCheck({
    id: 'communication.scope',
    area: 'communication',
    title: 'a partner reaches only its own requests, a manager those of the partners it manages; bad attachments and references are refused',
    rule: SCOPE_RULE,
    async run(ctx) {
      const { partners } = await ctx.fixtures();
      const ofA = await openRequest(ctx, 'a');
      const ofC = await openRequest(ctx, 'c');
      const ghost = `${ctx.prefix}-ghost-request`;
      const findings = new Findings();
      const sameAsMissing = async (who: Who, id: string, what: string) => {
        const theirs = await send(ctx, who, 'GET', `/v1/requests/${encodeURIComponent(id)}`);
        const missing = await send(ctx, who, 'GET', `/v1/requests/${encodeURIComponent(ghost)}`);
        if (theirs.status !== 404 || JSON.stringify({ ...(theirs.body as object), requestId: null }) !== JSON.stringify({ ...(missing.body as object), requestId: null })) {
          findings.add(`${what}: ${describe(theirs, WHO_NAMES[who])}; expected 404 exactly as for an id that does not exist`);
        }
      };
      await sameAsMissing('b', ofA.id, 'partner B reading partner A\'s request');
      await sameAsMissing('manager', ofC.id, 'the manager reading a request of a partner it does not manage');
      const listedByB = expectBody(await send(ctx, 'b', 'GET', `/v1/requests?partnerId=${encodeURIComponent(partners.a.id)}`), SummaryPage, 200, 'partner B');
      if (listedByB.data.length > 0) findings.add(`partner B listing partner A's requests got ${listedByB.data.length}`);
      const listedByManager = expectBody(await send(ctx, 'manager', 'GET', '/v1/requests?limit=200'), SummaryPage, 200, 'manager');
      if (listedByManager.data.some((r) => r.partnerId === partners.c.id)) findings.add('the manager lists requests of partner C, which it does not manage');
      if (!listedByManager.data.some((r) => r.id === ofA.id)) findings.add('the manager does not list the request of partner A, which it manages');
      const post = await send(ctx, 'b', 'POST', `/v1/requests/${encodeURIComponent(ofA.id)}/messages`, { body: 'Not mine' });
      if (post.status !== 404) findings.add(`partner B replying to partner A's request: ${describe(post, 'partner B')}; expected 404 not_found`);
      const base = { category: 'question', subject: ctx.unique('refused'), message: 'Conformance' };
      expectFieldErrors(await send(ctx, 'a', 'POST', '/v1/requests', { ...base, attachments: [{ type: 'url', url: 'javascript:alert(1)' }] }), ['attachments.0.url'], 'partner A');
      expectFieldErrors(await send(ctx, 'a', 'POST', '/v1/requests', { ...base, partnerId: partners.b.id }), ['partnerId'], 'partner A');
      findings.assertNone();
    },
  }),
];
