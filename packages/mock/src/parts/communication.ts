/**
 * `/v1/announcements`, `/v1/requests` and `/v1/request-targets`. Every rule is core's: who sees an
 * announcement (`audienceIncludes`), its status (`announcementStatus`) and the partners' order
 * (`compareAnnouncements`); the request lifecycle (`checkRequestTransition`,
 * `statusAfterMessage`, `isDueToClose`) and due times in business hours (`requestDueTimes`).
 * @module
 */
import {
  announcementStatus,
  audienceIncludes,
  checkRequestTransition,
  isDueToClose,
  nextDueAt,
  assertExpiryAfterPublish,
  newAnnouncement,
  patchAnnouncement,
  presentAnnouncement,
  presentRequest,
  readStatsOf,
  requestDueTimes,
  requestNumber,
  requestSideOf,
  requestTransitionEventType,
  statusAfterMessage,
} from '@partnerkit/core/rules';
import {
  type Announcement,
  type AnnouncementAudienceInput,
  AnnouncementInput,
  AnnouncementListQuery,
  AnnouncementPatch,
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
import { type Caller, callerOf, type MockPart, type RequestContext, requireRole } from '../context.js';
import { idempotencyKey, idempotentWrite } from '../http/idempotency.js';
import { json, problems } from '../http/problem.js';
import { newId } from '../http/random.js';
import { parseWith, pathId, queryObject, readJsonBody } from '../http/request.js';
import type { MockState, StoredAnnouncement, StoredRequest } from '../state.js';

const NOTHING_DUE = '9999-12-31T23:59:59.999Z';

const actorOf = (caller: Caller): CommunicationActor =>
  caller.role === 'admin' ? { role: 'admin', id: caller.keyId, name: caller.keyName } : { role: caller.role, id: caller.user.id, name: caller.user.name ?? null };

/** The partner a partner session reads as. */
function readerOf(state: MockState, caller: Caller) {
  if (caller.role !== 'partner') return null;
  const partner = state.partners.get(caller.partnerId as string);
  return { partnerId: caller.partnerId as string, userId: caller.user.id, member: partner ?? null };
}

const readKey = (announcementId: string, partnerId: string, userId: string) => `${announcementId}\n${partnerId}\n${userId}`;

/** Whether `reader` may see `a` at `now`: published, unexpired, in its audience. */
function visible(a: StoredAnnouncement, reader: NonNullable<ReturnType<typeof readerOf>>, now: Date): boolean {
  return reader.member !== null && announcementStatus(a, now) === 'published' && audienceIncludes(a.audience, reader.member);
}

/** An announcement as the caller sees it: a partner its user's read, a vendor the audience and read stats. */
function present(state: MockState, a: StoredAnnouncement, caller: Caller, now: Date): Announcement {
  const { published: _p, seq: _s, ...stored } = a;
  const reader = readerOf(state, caller);
  if (reader) return presentAnnouncement(stored, { partner: true, readAt: state.announcementReads.get(readKey(a.id, reader.partnerId, reader.userId))?.readAt ?? null }, now);
  const audience = [...state.partners.values()].filter((p) => (p.status === 'active' || p.status === 'onboarding') && audienceIncludes(a.audience, p));
  const reads = [...state.announcementReads.values()].filter((r) => r.announcementId === a.id);
  const readPartners = new Set(reads.map((r) => r.partnerId).filter((id) => audience.some((p) => p.id === id)));
  return presentAnnouncement(stored, { partner: false, readStats: readStatsOf(audience.length, readPartners.size, reads.length) }, now);
}

function announcementInScope(ctx: RequestContext, id: string): StoredAnnouncement {
  const a = ctx.state.announcements.get(id);
  const reader = readerOf(ctx.state, callerOf(ctx));
  if (!a || (reader && !visible(a, reader, ctx.now))) throw problems.notFound('There is no announcement with this id.');
  return a;
}

/** 400 at `audience.<list>.<i>` for ids that name no tier or partner. */
function checkAudience(state: MockState, audience: AnnouncementAudienceInput | undefined): void {
  const errors = [];
  const tier = (audience?.tierIds ?? []).findIndex((id) => !state.tiers.has(id));
  if (tier >= 0) errors.push({ path: `audience.tierIds.${tier}`, message: 'no tier has this id' });
  const partner = (audience?.partnerIds ?? []).findIndex((id) => !state.partners.has(id));
  if (partner >= 0) errors.push({ path: `audience.partnerIds.${partner}`, message: 'no partner has this id' });
  if (errors.length > 0) throw problems.validation(errors);
}

/** Whether `caller` may see the requests of partner `partnerId`. */
function reaches(state: MockState, caller: Caller, partnerId: string): boolean {
  if (caller.role === 'partner') return caller.partnerId === partnerId;
  if (caller.role === 'manager') return state.partners.get(partnerId)?.manager?.id === caller.user.id;
  return true;
}

function requestInScope(ctx: RequestContext, id: string): StoredRequest {
  const request = ctx.state.requests.get(id);
  if (!request || !reaches(ctx.state, callerOf(ctx), request.partnerId)) throw problems.notFound('There is no request with this id.');
  return request;
}

function presentFull(state: MockState, r: StoredRequest, caller: Caller, now: Date) {
  const { seq: _s, ...stored } = r;
  return presentRequest(stored, caller.role !== 'partner', now, state.partners.get(r.partnerId)?.name);
}

function attachmentsOf(state: MockState, inputs: readonly RequestAttachmentInput[] | undefined): RequestAttachment[] {
  return (inputs ?? []).map((a, i) => {
    if (a.type === 'url') return { type: 'url', url: a.url, label: a.label ?? null };
    const resource = state.resources.get(a.resourceId);
    if (!resource) throw problems.validation([{ path: `attachments.${i}.resourceId`, message: 'no resource has this id' }]);
    return { type: 'resource', resourceId: a.resourceId, title: resource.title };
  });
}

/** A status change with its history step and event; the request unchanged when the status is. */
function moved(state: MockState, r: StoredRequest, to: RequestStatus, by: CommunicationActor, now: Date, reason: string | null): StoredRequest {
  if (to === r.status) return r;
  const at = now.toISOString();
  const reopened = r.status === 'resolved' && to !== 'closed';
  const next: StoredRequest = {
    ...r,
    status: to,
    history: [...r.history, { at, from: r.status, to, by, reason }],
    resolvedAt: to === 'resolved' ? at : reopened ? null : r.resolvedAt,
    closedAt: to === 'closed' ? at : r.closedAt,
    // A reopening owes a resolution again, from now.
    resolutionDueAt: reopened ? requestDueTimes(now, r.category, state.requestTargets).resolutionDueAt : r.resolutionDueAt,
    updatedAt: at,
  };
  state.appendEvents([{ type: requestTransitionEventType(r.status, to), partnerId: r.partnerId, data: { requestId: r.id, number: r.number, category: r.category, from: r.status, to, by, reason } }], now);
  return next;
}

const SYSTEM: CommunicationActor = { role: 'system', id: null, name: null };

/** What falls due by the clock: scheduled announcements publish, lapsed resolutions close. */
function sweep(state: MockState, now: Date): void {
  for (const a of state.announcements.values()) {
    if (a.published || Date.parse(a.publishAt) > now.getTime()) continue;
    state.announcements.set(a.id, { ...a, published: true });
    state.appendEvents([{ type: 'announcement.published', partnerId: null, data: { announcementId: a.id, title: a.title, category: a.category, audience: a.audience, publishAt: a.publishAt } }], now);
  }
  for (const r of state.requests.values()) if (isDueToClose(r, now)) state.requests.set(r.id, moved(state, r, 'closed', SYSTEM, now, null));
}

export const communicationPart: MockPart = {
  name: 'communication',
  beforeRequest: sweep,
  routes: [
    {
      path: '/v1/announcements',
      handlers: {
        get: (ctx) => {
          const caller = callerOf(ctx);
          const query = parseWith(AnnouncementListQuery, queryObject(ctx.url, Object.keys(AnnouncementListQuery.shape)));
          const { limit, cursor, ...filters } = query;
          const reader = readerOf(ctx.state, caller);
          const shown = [...ctx.state.announcements.values()]
            .filter((a) => (reader ? visible(a, reader, ctx.now) && (filters.status === undefined || filters.status === 'published') : filters.status === undefined || announcementStatus(a, ctx.now) === filters.status))
            .filter((a) => (filters.category === undefined || a.category === filters.category) && (filters.pinned === undefined || String(a.pinned) === filters.pinned))
            .map((a) => present(ctx.state, a, caller, ctx.now))
            .filter((a) => !reader || filters.read === undefined || (a.readAt != null) === (filters.read === 'true'));
          // The partners' order, as sort keys: pinned, unread, newest, id, each descending.
          const seqOf = (a: Announcement) => ctx.state.announcements.get(a.id)?.seq ?? 0;
          const key = (a: Announcement) => [a.pinned ? 0 : 1, reader && a.readAt == null ? 0 : 1, -Date.parse(a.publishAt), -seqOf(a)];
          const page = ctx.state.cursors.page(shown, key, { limit, cursor }, 'announcements', { ...filters, reader: reader ? `${reader.partnerId}\n${reader.userId}` : null });
          const unread = reader ? [...ctx.state.announcements.values()].filter((a) => visible(a, reader, ctx.now) && !ctx.state.announcementReads.has(readKey(a.id, reader.partnerId, reader.userId))).length : null;
          return json({ ...page, unread });
        },
        post: async (ctx) => {
          const caller = requireRole(ctx, 'admin', 'manager');
          const body = await readJsonBody(ctx.request);
          const input = parseWith(AnnouncementInput, body);
          idempotencyKey(ctx);
          checkAudience(ctx.state, input.audience);
          return idempotentWrite(ctx, body, () => {
            const { state, now } = ctx;
            const a: StoredAnnouncement = { ...newAnnouncement(input, newId('an', now), actorOf(caller), now), seq: state.nextSeq() };
            state.announcements.set(a.id, a);
            state.appendEvents([{ type: a.published ? 'announcement.published' : 'announcement.scheduled', partnerId: null, data: { announcementId: a.id, title: a.title, category: a.category, audience: a.audience, publishAt: a.publishAt } }], now);
            return { status: 201, body: present(state, a, caller, now) };
          });
        },
      },
    },
    {
      path: '/v1/announcements/:id',
      handlers: {
        get: (ctx) => json(present(ctx.state, announcementInScope(ctx, pathId(ctx.params.id!)), callerOf(ctx), ctx.now)),
        patch: async (ctx) => {
          const caller = requireRole(ctx, 'admin', 'manager');
          const id = pathId(ctx.params.id!);
          const patch = parseWith(AnnouncementPatch, await readJsonBody(ctx.request));
          checkAudience(ctx.state, patch.audience);
          const current = announcementInScope(ctx, id);
          const { now } = ctx;
          const next = patchAnnouncement(current, patch, now.toISOString());
          assertExpiryAfterPublish(next.publishAt, next.expiresAt);
          // Rescheduled to later: announced again when it falls due.
          const saved = { ...next, published: next.published && Date.parse(next.publishAt) <= now.getTime() };
          ctx.state.announcements.set(id, saved);
          ctx.state.appendEvents([{ type: 'announcement.updated', partnerId: null, data: { announcementId: id, title: saved.title, category: saved.category, audience: saved.audience, publishAt: saved.publishAt, changed: Object.keys(patch) } }], now);
          sweep(ctx.state, now);
          return json(present(ctx.state, ctx.state.announcements.get(id)!, caller, now));
        },
      },
    },
    {
      path: '/v1/announcements/:id/read',
      handlers: {
        put: (ctx) => {
          const caller = requireRole(ctx, 'partner');
          const a = announcementInScope(ctx, pathId(ctx.params.id!));
          const reader = readerOf(ctx.state, caller)!;
          const key = readKey(a.id, reader.partnerId, reader.userId);
          if (!ctx.state.announcementReads.has(key)) {
            ctx.state.announcementReads.set(key, { announcementId: a.id, partnerId: reader.partnerId, user: { id: reader.userId, name: caller.role === 'partner' ? (caller.user.name ?? null) : null }, readAt: ctx.now.toISOString() });
          }
          return json(present(ctx.state, a, caller, ctx.now));
        },
      },
    },
    {
      path: '/v1/announcements/:id/reads',
      handlers: {
        get: (ctx) => {
          requireRole(ctx, 'admin', 'manager');
          const id = pathId(ctx.params.id!);
          const query = parseWith(PageQuery, queryObject(ctx.url, Object.keys(PageQuery.shape)));
          announcementInScope(ctx, id);
          const reads = [...ctx.state.announcementReads.values()].filter((r) => r.announcementId === id);
          const page = ctx.state.cursors.page(reads, (r) => [-Date.parse(r.readAt), r.partnerId, r.user.id], query, 'announcement-reads', { id });
          return json({ data: page.data.map(({ announcementId: _a, ...r }) => ({ ...r, partnerName: ctx.state.partners.get(r.partnerId)?.name })), nextCursor: page.nextCursor });
        },
      },
    },
    {
      path: '/v1/requests',
      handlers: {
        get: (ctx) => {
          const caller = callerOf(ctx);
          const query = parseWith(RequestListQuery, queryObject(ctx.url, Object.keys(RequestListQuery.shape)));
          const { limit, cursor, ...filters } = query;
          const statuses = filters.status ? new Set(filters.status.split(',').filter((s): s is RequestStatus => (REQUEST_STATUSES as readonly string[]).includes(s))) : null;
          const shown = [...ctx.state.requests.values()].filter(
            (r) =>
              reaches(ctx.state, caller, r.partnerId) &&
              (statuses === null || statuses.has(r.status)) &&
              (filters.category === undefined || r.category === filters.category) &&
              (filters.partnerId === undefined || r.partnerId === filters.partnerId),
          );
          const byDue = filters.sort === 'due';
          const key = (r: StoredRequest) => (byDue ? [nextDueAt(r) ?? NOTHING_DUE, r.seq] : [-Date.parse(r.updatedAt), -r.seq]);
          const scope = caller.role === 'admin' ? null : caller.role === 'partner' ? `partner:${caller.partnerId}` : `manager:${caller.user.id}`;
          const page = ctx.state.cursors.page(shown, key, { limit, cursor }, 'requests', { ...filters, scope });
          return json({
            data: page.data.map((r) => {
              const { messages: _m, history: _h, ...summary } = presentFull(ctx.state, r, caller, ctx.now);
              return summary;
            }),
            nextCursor: page.nextCursor,
          });
        },
        post: async (ctx) => {
          const caller = callerOf(ctx);
          const body = await readJsonBody(ctx.request);
          const input = parseWith(PartnerRequestInput, body);
          let partnerId: string;
          if (caller.role === 'partner') {
            if (input.partnerId !== undefined && input.partnerId !== caller.partnerId) throw problems.unknownId('partnerId', 'partner');
            partnerId = caller.partnerId as string;
          } else {
            if (input.partnerId === undefined) throw problems.validation([{ path: 'partnerId', message: 'is required when a manager or admin opens a request' }]);
            if (!ctx.state.partners.has(input.partnerId) || !reaches(ctx.state, caller, input.partnerId)) throw problems.unknownId('partnerId', 'partner');
            partnerId = input.partnerId;
          }
          idempotencyKey(ctx);
          const attachments = attachmentsOf(ctx.state, input.attachments);
          const reference = input.reference ?? null;
          if (reference && reference.type !== 'review_action') {
            const found = reference.type === 'deal' ? ctx.state.deals.get(reference.id)?.partnerId === partnerId : [...ctx.state.plans.values()].some((p) => p.partnerId === partnerId && p.objectives.some((o) => o.id === reference.id));
            if (!found) throw problems.validation([{ path: 'reference.id', message: `no ${reference.type === 'deal' ? 'deal' : 'plan objective'} of this partner has this id` }]);
          }
          return idempotentWrite(ctx, body, () => {
            const { state, now } = ctx;
            const at = now.toISOString();
            const by = actorOf(caller);
            state.requestNumbers += 1;
            const id = newId('rq', now);
            const r: StoredRequest = {
              id,
              number: requestNumber(state.requestNumbers),
              partnerId,
              category: input.category,
              subject: input.subject,
              status: 'open',
              reference: reference ? { type: reference.type, id: reference.id } : null,
              openedBy: by,
              firstResponseAt: requestSideOf(caller.role) === 'vendor' ? at : null,
              resolvedAt: null,
              closedAt: null,
              messageCount: 1,
              lastMessageAt: at,
              lastMessageBy: by,
              createdAt: at,
              updatedAt: at,
              messages: [{ id: newId('rm', now), author: by, body: input.message, attachments, createdAt: at }],
              history: [{ at, from: null, to: 'open', by, reason: null }],
              ...requestDueTimes(now, input.category, state.requestTargets),
              seq: state.nextSeq(),
            };
            state.requests.set(id, r);
            state.appendEvents([{ type: 'request.opened', partnerId, data: { requestId: id, number: r.number, category: r.category, subject: r.subject, by, reference: r.reference } }], now);
            return { status: 201, body: presentFull(state, r, caller, now) };
          });
        },
      },
    },
    {
      path: '/v1/requests/:id',
      handlers: {
        get: (ctx) => json(presentFull(ctx.state, requestInScope(ctx, pathId(ctx.params.id!)), callerOf(ctx), ctx.now)),
      },
    },
    {
      path: '/v1/requests/:id/messages',
      handlers: {
        post: async (ctx) => {
          const caller = callerOf(ctx);
          const id = pathId(ctx.params.id!);
          const body = await readJsonBody(ctx.request);
          const input = parseWith(RequestMessageInput, body);
          idempotencyKey(ctx);
          requestInScope(ctx, id);
          const attachments = attachmentsOf(ctx.state, input.attachments);
          return idempotentWrite(ctx, body, () => {
            const { state, now } = ctx;
            const r = requestInScope(ctx, id);
            const side = requestSideOf(caller.role);
            const effect = statusAfterMessage(r.status, side, r.resolvedAt, now);
            if (!effect.ok) throw problems.requestClosed();
            const at = now.toISOString();
            const by = actorOf(caller);
            const message = { id: newId('rm', now), author: by, body: input.body, attachments, createdAt: at };
            state.appendEvents([{ type: 'request.replied', partnerId: r.partnerId, data: { requestId: r.id, number: r.number, category: r.category, messageId: message.id, side, by } }], now);
            const written: StoredRequest = {
              ...r,
              messages: [...r.messages, message],
              firstResponseAt: r.firstResponseAt ?? (side === 'vendor' ? at : null),
              messageCount: r.messageCount + 1,
              lastMessageAt: at,
              lastMessageBy: by,
              updatedAt: at,
            };
            state.requests.set(id, moved(state, written, effect.status, by, now, null));
            return { status: 201, body: message };
          });
        },
      },
    },
    {
      path: '/v1/requests/:id/messages/:messageId',
      handlers: {
        get: (ctx) => {
          const r = requestInScope(ctx, pathId(ctx.params.id!));
          const message = r.messages.find((m) => m.id === pathId(ctx.params.messageId!, 'messageId'));
          if (!message) throw problems.notFound('The request has no message with this id.');
          return json(message);
        },
      },
    },
    {
      path: '/v1/requests/:id/transitions',
      handlers: {
        post: async (ctx) => {
          const caller = callerOf(ctx);
          const id = pathId(ctx.params.id!);
          const body = await readJsonBody(ctx.request);
          const input = parseWith(RequestTransitionInput, body);
          idempotencyKey(ctx);
          requestInScope(ctx, id);
          return idempotentWrite(ctx, body, () => {
            const { state, now } = ctx;
            const r = requestInScope(ctx, id);
            const verdict = checkRequestTransition({ from: r.status, to: input.to, role: caller.role, reason: input.reason ?? null, resolvedAt: r.resolvedAt, now });
            if (!verdict.ok) throw moveRefused(verdict, 'request');
            const next = moved(state, r, input.to, actorOf(caller), now, input.reason ?? null);
            state.requests.set(id, next);
            return { status: 200, body: presentFull(state, next, caller, now) };
          });
        },
      },
    },
    {
      path: '/v1/request-targets',
      handlers: {
        get: (ctx) => {
          callerOf(ctx);
          return json(ctx.state.requestTargets);
        },
        put: async (ctx) => {
          requireRole(ctx, 'admin');
          ctx.state.requestTargets = parseWith(RequestTargetsInput, await readJsonBody(ctx.request));
          return json(ctx.state.requestTargets);
        },
      },
    },
  ],
};

