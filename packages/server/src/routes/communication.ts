/**
 * `/v1/announcements`, `/v1/requests` and `/v1/request-targets`, over HTTP. Who sees which
 * announcement is the audience rule in `store/announcements.ts`; requests move through core's
 * table (`checkRequestTransition`, `statusAfterMessage`); due times come from core's business
 * hours and the programme's targets (`domain/communication.ts`).
 * @module
 */
import type { Hono } from 'hono';
import { assertExpiryAfterPublish, checkRequestTransition, newAnnouncement, patchAnnouncement, presentAnnouncement as presentStored, readStatsOf, requestDueTimes, requestSideOf, requestTransitionEventType, statusAfterMessage } from '@partnerkit/core/rules';
import {
  AnnouncementInput,
  AnnouncementListQuery,
  AnnouncementPatch,
  type AnnouncementAudienceInput,
  type CommunicationActor,
  PageQuery,
  PartnerRequestInput,
  REQUEST_STATUSES,
  type RequestAttachment,
  type RequestAttachmentInput,
  RequestListQuery,
  RequestMessageInput,
  type RequestStatus,
  RequestTargetsInput,
  RequestTransitionInput,
  moveRefused,
} from '@partnerkit/core/schemas';
import type { AppContext, AppEnv } from '../context.js';
import type { Queryable } from '../db/database.js';
import { communicationActor, presentFullRequest, presentRequestSummaries, requestTargets, storeRequestTargets } from '../domain/communication.js';
import { readJsonBody } from '../http/body.js';
import { checkIdempotencyKey, idempotentWrite } from '../http/idempotency.js';
import { pageAnswer, pageWindow } from '../http/pagination.js';
import { problems } from '../http/problem.js';
import { json, pathId, requestUrl, requireRole, route } from '../http/routing.js';
import { parseWith, queryObject } from '../http/validate.js';
import type { Caller } from '../security/caller.js';
import { newId } from '../security/random.js';
import {
  ANNOUNCEMENT_POSITION,
  type AnnouncementRow,
  countUnread,
  getAnnouncement,
  insertAnnouncement,
  type ListedAnnouncement,
  listAnnouncements,
  listReads,
  READ_POSITION,
  type Reader,
  recordRead,
  saveAnnouncement,
} from '../store/announcements.js';
import { appendEvents, type NewEvent } from '../store/events.js';
import { getPartner } from '../store/partners.js';
import { existingIds } from '../store/references.js';
import {
  insertMessage,
  insertRequest,
  listRequests,
  loadMessage,
  loadRequest,
  nextRequestNumber,
  REQUEST_POSITION,
  type RequestHeader,
  type RequestScope,
  resourceTitles,
  saveRequest,
} from '../store/requests.js';

const announcementNotFound = () => problems.notFound('There is no announcement with this id.');
const requestNotFound = () => problems.notFound('There is no request with this id.');

/** The partner a partner session reads as; null for vendor principals. */
async function readerOf(q: Queryable, caller: Caller): Promise<Reader | null> {
  if (caller.role !== 'partner') return null;
  const partner = await getPartner(q, caller.partnerId);
  // A session for a partner that no longer exists sees nothing.
  if (!partner) return { partnerId: caller.partnerId, type: '', tierId: null, region: null, userId: caller.user.id };
  return { partnerId: partner.id, type: partner.type, tierId: partner.tierId, region: partner.region, userId: caller.user.id };
}

/** An announcement as the caller sees it. */
function presentAnnouncement(a: ListedAnnouncement, reader: Reader | null, now: Date) {
  const { published: _p, readAt, readStats, ...stored } = a;
  return presentStored(stored, reader ? { partner: true, readAt: readAt ?? null } : { partner: false, readStats: readStats ?? readStatsOf(0, 0, 0) }, now);
}

/** 400 at `audience.<list>` for ids that name no tier or partner. */
async function checkAudience(q: Queryable, audience: AnnouncementAudienceInput | undefined): Promise<void> {
  const errors = [];
  for (const [list, table] of [['tierIds', 'tiers'], ['partnerIds', 'partners']] as const) {
    const ids = audience?.[list] ?? [];
    const known = await existingIds(q, table, ids);
    const unknown = ids.findIndex((id) => !known.has(id));
    if (unknown >= 0) errors.push({ path: `audience.${list}.${unknown}`, message: `no ${table === 'tiers' ? 'tier' : 'partner'} has this id` });
  }
  if (errors.length > 0) throw problems.validation(errors);
}

/** 400 unless `expiresAt` is after `publishAt`. */
/** Where the caller's requests are: its partner's, its managed partners', or all (admin). */
function requestScope(caller: Caller): RequestScope {
  if (caller.role === 'partner') return { partnerId: caller.partnerId };
  if (caller.role === 'manager') return { managerId: caller.user.id };
  return null;
}

async function requestInScope(q: Queryable, caller: Caller, id: string, lock = false): Promise<RequestHeader> {
  const request = await loadRequest(q, id, requestScope(caller), { lock });
  if (!request) throw requestNotFound();
  return request;
}

/** Attachments as stored: resources with their titles (400 for one that does not exist). */
async function attachmentsOf(q: Queryable, inputs: readonly RequestAttachmentInput[] | undefined, path: string): Promise<RequestAttachment[]> {
  const list = inputs ?? [];
  const titles = await resourceTitles(q, list.flatMap((a) => (a.type === 'resource' ? [a.resourceId] : [])));
  return list.map((a, i) => {
    if (a.type === 'url') return { type: 'url', url: a.url, label: a.label ?? null };
    const title = titles.get(a.resourceId);
    if (title === undefined) throw problems.validation([{ path: `${path}.${i}.resourceId`, message: 'no resource has this id' }]);
    return { type: 'resource', resourceId: a.resourceId, title };
  });
}

/** 400 at `reference.id` unless the reference names a deal or plan objective of the partner. */
async function checkReference(q: Queryable, reference: { type: string; id: string } | null | undefined, partnerId: string): Promise<void> {
  if (!reference || reference.type === 'review_action') return; // reviews are another part: their ids are taken as given
  const table = reference.type === 'deal' ? 'deals' : 'plan_objectives';
  const { rows } = await q.query(`SELECT 1 FROM ${table} WHERE id = $1 AND partner_id = $2`, [reference.id, partnerId]);
  if (rows.length === 0) throw problems.validation([{ path: 'reference.id', message: `no ${reference.type === 'deal' ? 'deal' : 'plan objective'} of this partner has this id` }]);
}

/** The partner a new request is for: the caller's own, or (vendors) the one named, within scope. */
async function requestPartner(q: Queryable, caller: Caller, partnerId: string | undefined): Promise<string> {
  if (caller.role === 'partner') {
    if (partnerId !== undefined && partnerId !== caller.partnerId) throw problems.unknownId('partnerId', 'partner');
    return caller.partnerId;
  }
  if (partnerId === undefined) throw problems.validation([{ path: 'partnerId', message: 'is required when a manager or admin opens a request' }]);
  const partner = await getPartner(q, partnerId);
  if (!partner || (caller.role === 'manager' && partner.manager?.id !== caller.user.id)) throw problems.unknownId('partnerId', 'partner');
  return partner.id;
}

/** The statuses of `?status=` (one, or a comma-separated list; the schema checked each). */
function statusesOf(status: string | undefined): RequestStatus[] | undefined {
  if (!status) return undefined;
  return [...new Set(status.split(','))].filter((s): s is RequestStatus => (REQUEST_STATUSES as readonly string[]).includes(s));
}

const eventData = (r: RequestHeader, extra: Record<string, unknown>) => ({ requestId: r.id, number: r.number, category: r.category, ...extra });

/** The history step and event of a status change, if the status changed. */
function statusChange(request: RequestHeader, to: RequestStatus, by: CommunicationActor, at: string, reason: string | null) {
  if (to === request.status) return { request, events: [] as NewEvent[] };
  const from = request.status;
  const reopened = from === 'resolved';
  const next: RequestHeader = {
    ...request,
    status: to,
    history: [...request.history, { at, from, to, by, reason }],
    resolvedAt: to === 'resolved' ? at : reopened ? null : request.resolvedAt,
    closedAt: to === 'closed' ? at : request.closedAt,
    updatedAt: at,
  };
  return { request: next, events: [{ type: requestTransitionEventType(from, to), partnerId: request.partnerId, data: eventData(next, { from, to, by, reason }) }] as NewEvent[] };
}

export function communicationRoutes(app: Hono<AppEnv>, ctx: AppContext): void {
  route(app, '/v1/announcements', {
    get: async (c) => {
      const caller = c.get('caller');
      const query = parseWith(AnnouncementListQuery, queryObject(requestUrl(c), Object.keys(AnnouncementListQuery.shape)));
      const { limit: _l, cursor: _c, ...filters } = query;
      const now = ctx.now();
      const reader = await readerOf(ctx.db, caller);
      const scope = reader ? { partnerId: reader.partnerId, userId: reader.userId } : null;
      const identity = { list: 'announcements', filters: { ...filters, scope } };
      const window = await pageWindow(ctx, identity, query, ANNOUNCEMENT_POSITION);
      const filter = {
        category: filters.category,
        pinned: filters.pinned === undefined ? undefined : filters.pinned === 'true',
        read: reader && filters.read !== undefined ? filters.read === 'true' : undefined,
        status: reader ? undefined : filters.status,
      };
      // A partner sees published announcements only: asking for others is asking for nothing.
      const none = reader !== null && filters.status !== undefined && filters.status !== 'published';
      const slice = none ? { items: [], next: null } : await listAnnouncements(ctx.db, filter, reader, now, window);
      const page = await pageAnswer(ctx, identity, slice);
      return json({ data: page.data.map((a) => presentAnnouncement(a, reader, now)), nextCursor: page.nextCursor, unread: reader ? await countUnread(ctx.db, reader, now) : null });
    },
    post: async (c) => {
      const caller = requireRole(c, 'admin', 'manager');
      const body = await readJsonBody(c.req.raw, ctx.settings.bodyLimit);
      const input = parseWith(AnnouncementInput, body);
      checkIdempotencyKey(c);
      await checkAudience(ctx.db, input.audience);
      return idempotentWrite(ctx, c, body, async (tx) => {
        const now = ctx.now();
        const row: AnnouncementRow = newAnnouncement(input, newId('an', now), communicationActor(caller), now);
        await insertAnnouncement(tx, row);
        const data = { announcementId: row.id, title: row.title, category: row.category, audience: row.audience, publishAt: row.publishAt };
        await appendEvents(tx, [{ type: row.published ? 'announcement.published' : 'announcement.scheduled', partnerId: null, data }], now);
        return { status: 201, body: presentAnnouncement((await getAnnouncement(tx, row.id, null, now)) as ListedAnnouncement, null, now) };
      });
    },
  });

  route(app, '/v1/announcements/:id', {
    get: async (c) => {
      const id = pathId(c);
      const now = ctx.now();
      const reader = await readerOf(ctx.db, c.get('caller'));
      const announcement = await getAnnouncement(ctx.db, id, reader, now);
      if (!announcement) throw announcementNotFound();
      return json(presentAnnouncement(announcement, reader, now));
    },
    patch: async (c) => {
      requireRole(c, 'admin', 'manager');
      const id = pathId(c);
      const patch = parseWith(AnnouncementPatch, await readJsonBody(c.req.raw, ctx.settings.bodyLimit));
      await checkAudience(ctx.db, patch.audience);
      const body = await ctx.db.transaction(async (tx) => {
        const now = ctx.now();
        const current = await getAnnouncement(tx, id, null, now, { lock: true });
        if (!current) throw announcementNotFound();
        const next = patchAnnouncement(current as AnnouncementRow, patch, now.toISOString());
        assertExpiryAfterPublish(next.publishAt, next.expiresAt);
        // Published already: the event was sent. Rescheduled to later: it will be again.
        const publishedNow = !next.published && Date.parse(next.publishAt) <= now.getTime();
        const stillScheduled = Date.parse(next.publishAt) > now.getTime();
        await saveAnnouncement(tx, { ...next, published: next.published && !stillScheduled ? true : publishedNow });
        const data = { announcementId: id, title: next.title, category: next.category, audience: next.audience, publishAt: next.publishAt };
        const events: NewEvent[] = [{ type: 'announcement.updated', partnerId: null, data: { ...data, changed: Object.keys(patch) } }];
        if (publishedNow) events.push({ type: 'announcement.published', partnerId: null, data });
        await appendEvents(tx, events, now);
        return presentAnnouncement((await getAnnouncement(tx, id, null, now)) as ListedAnnouncement, null, now);
      });
      return json(body);
    },
  });

  route(app, '/v1/announcements/:id/read', {
    put: async (c) => {
      const caller = requireRole(c, 'partner');
      const id = pathId(c);
      if (caller.role !== 'partner') throw problems.forbidden('Only a partner session reads announcements.');
      const now = ctx.now();
      const reader = await readerOf(ctx.db, caller);
      if (!reader || !(await getAnnouncement(ctx.db, id, reader, now))) throw announcementNotFound();
      await recordRead(ctx.db, id, caller.partnerId, { id: caller.user.id, name: caller.user.name ?? null }, now);
      return json(presentAnnouncement((await getAnnouncement(ctx.db, id, reader, now)) as ListedAnnouncement, reader, now));
    },
  });

  route(app, '/v1/announcements/:id/reads', {
    get: async (c) => {
      requireRole(c, 'admin', 'manager');
      const id = pathId(c);
      const query = parseWith(PageQuery, queryObject(requestUrl(c), Object.keys(PageQuery.shape)));
      if (!(await getAnnouncement(ctx.db, id, null, ctx.now(), { lock: false }))) throw announcementNotFound();
      const identity = { list: 'announcement-reads', filters: { announcementId: id } };
      const window = await pageWindow(ctx, identity, query, READ_POSITION);
      return json(await pageAnswer(ctx, identity, await listReads(ctx.db, id, window)));
    },
  });

  route(app, '/v1/requests', {
    get: async (c) => {
      const caller = c.get('caller');
      const query = parseWith(RequestListQuery, queryObject(requestUrl(c), Object.keys(RequestListQuery.shape)));
      const { limit: _l, cursor: _c, ...filters } = query;
      const scope = requestScope(caller);
      const sort = filters.sort ?? 'updated';
      const identity = { list: `requests-${sort}`, filters: { ...filters, scope } };
      const window = await pageWindow(ctx, identity, query, REQUEST_POSITION);
      const slice = await listRequests(ctx.db, scope, { statuses: statusesOf(filters.status), category: filters.category, partnerId: filters.partnerId }, sort, window);
      const page = await pageAnswer(ctx, identity, slice);
      return json({ data: await presentRequestSummaries(ctx.db, page.data, caller, ctx.now()), nextCursor: page.nextCursor });
    },
    post: async (c) => {
      const caller = c.get('caller');
      const body = await readJsonBody(c.req.raw, ctx.settings.bodyLimit);
      const input = parseWith(PartnerRequestInput, body);
      const partnerId = await requestPartner(ctx.db, caller, input.partnerId);
      checkIdempotencyKey(c);
      const attachments = await attachmentsOf(ctx.db, input.attachments, 'attachments');
      await checkReference(ctx.db, input.reference, partnerId);
      const targets = await requestTargets(ctx.db);
      return idempotentWrite(ctx, c, body, async (tx) => {
        const now = ctx.now();
        const at = now.toISOString();
        const by = communicationActor(caller);
        const side = requestSideOf(caller.role);
        const id = newId('rq', now);
        const header: RequestHeader = {
          id,
          number: await nextRequestNumber(tx),
          partnerId,
          category: input.category,
          subject: input.subject,
          status: 'open',
          reference: input.reference ? { type: input.reference.type, id: input.reference.id } : null,
          openedBy: by,
          history: [{ at, from: null, to: 'open', by, reason: null }],
          // Opened by the vendor on the partner's behalf: the vendor has spoken first.
          firstResponseAt: side === 'vendor' ? at : null,
          resolvedAt: null,
          closedAt: null,
          ...requestDueTimes(now, input.category, targets),
          messageCount: 1,
          lastMessageAt: at,
          lastMessageBy: by,
          createdAt: at,
          updatedAt: at,
        };
        await insertRequest(tx, header);
        await insertMessage(tx, id, { id: newId('rm', now), author: by, body: input.message, attachments, createdAt: at });
        await appendEvents(tx, [{ type: 'request.opened', partnerId, data: eventData(header, { subject: header.subject, by, reference: header.reference }) }], now);
        return { status: 201, body: await presentFullRequest(tx, header, caller, now) };
      });
    },
  });

  route(app, '/v1/requests/:id', {
    get: async (c) => {
      const caller = c.get('caller');
      return json(await presentFullRequest(ctx.db, await requestInScope(ctx.db, caller, pathId(c)), caller, ctx.now()));
    },
  });

  route(app, '/v1/requests/:id/messages', {
    post: async (c) => {
      const caller = c.get('caller');
      const id = pathId(c);
      const body = await readJsonBody(c.req.raw, ctx.settings.bodyLimit);
      const input = parseWith(RequestMessageInput, body);
      checkIdempotencyKey(c);
      await requestInScope(ctx.db, caller, id);
      const attachments = await attachmentsOf(ctx.db, input.attachments, 'attachments');
      return idempotentWrite(ctx, c, body, async (tx) => {
        const request = await requestInScope(tx, caller, id, true);
        const now = ctx.now();
        const at = now.toISOString();
        const side = requestSideOf(caller.role);
        const effect = statusAfterMessage(request.status, side, request.resolvedAt, now);
        if (!effect.ok) throw problems.requestClosed();
        const by = communicationActor(caller);
        const message = { id: newId('rm', now), author: by, body: input.body, attachments, createdAt: at };
        await insertMessage(tx, id, message);
        const written: RequestHeader = {
          ...request,
          firstResponseAt: request.firstResponseAt ?? (side === 'vendor' ? at : null),
          messageCount: request.messageCount + 1,
          lastMessageAt: at,
          lastMessageBy: by,
          updatedAt: at,
        };
        const changed = statusChange(written, effect.status, by, at, null);
        // The partner's message reopened a resolution: it owes a resolution again, from now.
        if (request.status === 'resolved' && effect.status !== 'resolved') changed.request.resolutionDueAt = requestDueTimes(now, request.category, await requestTargets(tx)).resolutionDueAt;
        await saveRequest(tx, changed.request);
        await appendEvents(tx, [{ type: 'request.replied', partnerId: request.partnerId, data: eventData(request, { messageId: message.id, side, by }) }, ...changed.events], now);
        return { status: 201, body: message };
      });
    },
  });

  route(app, '/v1/requests/:id/messages/:messageId', {
    get: async (c) => {
      const caller = c.get('caller');
      const id = pathId(c);
      const messageId = pathId(c, 'messageId');
      await requestInScope(ctx.db, caller, id);
      const message = await loadMessage(ctx.db, id, messageId);
      if (!message) throw problems.notFound('The request has no message with this id.');
      return json(message);
    },
  });

  route(app, '/v1/requests/:id/transitions', {
    post: async (c) => {
      const caller = c.get('caller');
      const id = pathId(c);
      const body = await readJsonBody(c.req.raw, ctx.settings.bodyLimit);
      const input = parseWith(RequestTransitionInput, body);
      checkIdempotencyKey(c);
      await requestInScope(ctx.db, caller, id);
      return idempotentWrite(ctx, c, body, async (tx) => {
        const request = await requestInScope(tx, caller, id, true);
        const now = ctx.now();
        const verdict = checkRequestTransition({ from: request.status, to: input.to, role: caller.role, reason: input.reason ?? null, resolvedAt: request.resolvedAt, now });
        if (!verdict.ok) throw moveRefused(verdict, 'request');
        const at = now.toISOString();
        let moved = statusChange(request, input.to, communicationActor(caller), at, input.reason ?? null);
        // A reopening owes a resolution again, in business hours from now.
        if (request.status === 'resolved' && input.to !== 'closed') {
          const due = requestDueTimes(now, request.category, await requestTargets(tx));
          moved = { ...moved, request: { ...moved.request, resolutionDueAt: due.resolutionDueAt } };
        }
        await saveRequest(tx, moved.request);
        await appendEvents(tx, moved.events, now);
        return { status: 200, body: await presentFullRequest(tx, moved.request, caller, now) };
      });
    },
  });

  route(app, '/v1/request-targets', {
    get: async () => json(await requestTargets(ctx.db)),
    put: async (c) => {
      requireRole(c, 'admin');
      const input = parseWith(RequestTargetsInput, await readJsonBody(c.req.raw, ctx.settings.bodyLimit));
      await storeRequestTargets(ctx.db, input, ctx.now());
      return json(await requestTargets(ctx.db));
    },
  });
}

