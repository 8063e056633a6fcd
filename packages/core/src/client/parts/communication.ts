/**
 * `@partnerkit/core/client/communication`: announcements from the vendor and partners' requests.
 * @module
 */
import {
  Announcement,
  AnnouncementPage,
  AnnouncementRead,
  PartnerRequest,
  PartnerRequestSummary,
  RequestMessage,
  RequestTargets,
  type AnnouncementInput,
  type AnnouncementPatch,
  type PartnerRequestInput,
  type RequestMessageInput,
  type RequestStatus,
  type RequestTargetsInput,
  type RequestTransitionInput,
} from '../../schemas/communication.js';
import { page, type Page } from '../../schemas/page.js';
import type { AnnouncementListQuery, RequestListQuery } from '../../schemas/queries.js';
import { newIdempotencyKey } from '../http/idempotency-key.js';
import { route } from '../http/url.js';
import type { CreateOptions, RequestOptions } from '../options.js';
import type { Filters, ListParams } from '../params.js';
import { definePart } from '../part.js';

/**
 * Filters of `client.announcements.list()`; `pinned` and `read` take booleans.
 * @example
 * ```ts
 * const { data, unread } = await client.announcements.list({ read: false });
 * ```
 */
export type AnnouncementListParams = ListParams & Omit<Filters<AnnouncementListQuery>, 'pinned' | 'read'> & { pinned?: boolean; read?: boolean };

/**
 * Filters of `client.requests.list()`; `status` takes one status or several.
 * @example
 * ```ts
 * await client.requests.list({ status: ['open', 'waiting_on_vendor'], sort: 'due' });
 * ```
 */
export type RequestListParams = ListParams & Omit<Filters<RequestListQuery>, 'status'> & { status?: RequestStatus | readonly RequestStatus[] | undefined };

const AnnouncementReadPage = /* @__PURE__ */ page(AnnouncementRead);
const PartnerRequestSummaryPage = /* @__PURE__ */ page(PartnerRequestSummary);

const withKey = (options: CreateOptions | undefined): CreateOptions => ({ ...options, idempotencyKey: options?.idempotencyKey ?? newIdempotencyKey() });

/**
 * `client.announcements`: the vendor's announcements. A partner session sees the published ones
 * whose audience includes its partner, with its user's `readAt` and the unread count; managers
 * and admins publish, schedule and change them and see who read them.
 *
 * @example
 * ```ts
 * await manager.announcements.create({ title: 'Double funds for Silver', body: '...', category: 'incentive', audience: { tierIds: ['tier_silver'] } });
 * const { data, unread } = await partner.announcements.list();
 * await partner.announcements.markRead(data[0].id);
 * ```
 */
export interface AnnouncementsApi {
  /** One page of announcements (pinned first, then unread, then newest), with the unread count. */
  list(query?: AnnouncementListParams, options?: RequestOptions): Promise<AnnouncementPage>;
  /** Every announcement that matches, page after page. */
  iterate(query?: AnnouncementListParams, options?: RequestOptions): AsyncGenerator<Announcement, void, undefined>;
  /** One announcement. */
  get(id: string, options?: RequestOptions): Promise<Announcement>;
  /** Publishes (or, with a later `publishAt`, schedules) an announcement. Sends an `Idempotency-Key` unless you give one. */
  create(input: AnnouncementInput, options?: CreateOptions): Promise<Announcement>;
  /** Changes an announcement; `{ expiresAt: now }` withdraws it. */
  update(id: string, patch: AnnouncementPatch, options?: RequestOptions): Promise<Announcement>;
  /** Records that the caller's user read it (partner sessions; the first time is kept). */
  markRead(id: string, options?: RequestOptions): Promise<Announcement>;
  /** One page of who read it, latest first (managers and admins). */
  reads(id: string, query?: ListParams, options?: RequestOptions): Promise<Page<AnnouncementRead>>;
}

/**
 * `client.requests`: partners' requests to their channel managers. A partner session sees its own
 * partner's, a manager those of the partners it manages (with their response `targets`).
 *
 * @example
 * ```ts
 * const request = await partner.requests.open({ category: 'deal_support', subject: 'Registration under review', message: 'Can you look?' });
 * await manager.requests.reply(request.id, { body: 'We are checking the dates.' });
 * await manager.requests.transition(request.id, { to: 'resolved' });
 * ```
 */
export interface RequestsApi {
  /** One page of requests, without their threads. */
  list(query?: RequestListParams, options?: RequestOptions): Promise<Page<PartnerRequestSummary>>;
  /** Every request that matches, page after page. */
  iterate(query?: RequestListParams, options?: RequestOptions): AsyncGenerator<PartnerRequestSummary, void, undefined>;
  /** One request, with its thread and history. */
  get(id: string, options?: RequestOptions): Promise<PartnerRequest>;
  /** Opens a request with its first message. Sends an `Idempotency-Key` unless you give one, so a retry never opens it twice. */
  open(input: PartnerRequestInput, options?: CreateOptions): Promise<PartnerRequest>;
  /** Adds a message to the thread (which passes the turn). Sends an `Idempotency-Key` unless you give one. */
  reply(id: string, input: RequestMessageInput, options?: CreateOptions): Promise<RequestMessage>;
  /** One message of the thread. */
  message(id: string, messageId: string, options?: RequestOptions): Promise<RequestMessage>;
  /** Moves a request (`resolved`, `closed`, a reopening with a reason). Sends an `Idempotency-Key` unless you give one. */
  transition(id: string, input: RequestTransitionInput, options?: CreateOptions): Promise<PartnerRequest>;
  /** The programme's business hours and response targets per category. */
  targets(options?: RequestOptions): Promise<RequestTargets>;
  /** Replaces the business hours and response targets (admin). */
  setTargets(input: RequestTargetsInput, options?: RequestOptions): Promise<RequestTargets>;
}

/**
 * `announcements(client)`: the announcements namespace of any PartnerKit client.
 *
 * @example
 * ```ts
 * import { announcements } from '@partnerkit/core/client/communication';
 * const { unread } = await announcements(client).list({ limit: 1 });
 * ```
 */
export const announcements = /* @__PURE__ */ definePart(
  'announcements',
  (requests): AnnouncementsApi => ({
    list: (query, options) => requests.get('announcements', AnnouncementPage, query, options),
    iterate: (query, options) => requests.iterate('announcements', AnnouncementPage, query, options),
    get: (id, options) => requests.get(route`announcements/${id}`, Announcement, undefined, options),
    create: (input, options) => requests.mutate('POST', 'announcements', Announcement, input, withKey(options)),
    update: (id, patch, options) => requests.mutate('PATCH', route`announcements/${id}`, Announcement, patch, options),
    markRead: (id, options) => requests.mutate('PUT', route`announcements/${id}/read`, Announcement, undefined, options),
    reads: (id, query, options) => requests.get(route`announcements/${id}/reads`, AnnouncementReadPage, query, options),
  }),
);

/**
 * `requests(client)`: the requests namespace of any PartnerKit client.
 *
 * @example
 * ```ts
 * import { requests } from '@partnerkit/core/client/communication';
 * const mine = await requests(client).list({ status: ['open', 'waiting_on_partner'] });
 * ```
 */
export const requests = /* @__PURE__ */ definePart(
  'requests',
  (transport): RequestsApi => ({
    list: (query, options) => transport.get('requests', PartnerRequestSummaryPage, query, options),
    iterate: (query, options) => transport.iterate('requests', PartnerRequestSummaryPage, query, options),
    get: (id, options) => transport.get(route`requests/${id}`, PartnerRequest, undefined, options),
    open: (input, options) => transport.mutate('POST', 'requests', PartnerRequest, input, withKey(options)),
    reply: (id, input, options) => transport.mutate('POST', route`requests/${id}/messages`, RequestMessage, input, withKey(options)),
    message: (id, messageId, options) => transport.get(route`requests/${id}/messages/${messageId}`, RequestMessage, undefined, options),
    transition: (id, input, options) => transport.mutate('POST', route`requests/${id}/transitions`, PartnerRequest, input, withKey(options)),
    targets: (options) => transport.get('request-targets', RequestTargets, undefined, options),
    setTargets: (input, options) => transport.mutate('PUT', 'request-targets', RequestTargets, input, options),
  }),
);
