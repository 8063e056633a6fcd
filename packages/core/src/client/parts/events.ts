/**
 * `@partnerkit/core/client/events`: the event log.
 * @module
 */
import { EventEnvelope } from '../../schemas/event.js';
import { page, type Page } from '../../schemas/page.js';
import type { EventListQuery } from '../../schemas/queries.js';
import type { RequestOptions } from '../options.js';
import type { Filters, ListParams } from '../params.js';
import { definePart } from '../part.js';

/**
 * Filters of `client.events.list()`; `after` is the last event id already processed.
 * @example
 * ```ts
 * await client.events.list({ after: lastSeenId, type: 'deal.approved' });
 * ```
 */
export type EventListParams = ListParams & Filters<EventListQuery>;

const EventPage = /* @__PURE__ */ page(EventEnvelope);

/**
 * `client.events`: the event log, oldest first, for CRM sync (admin, manager).
 *
 * @example
 * ```ts
 * for await (const event of client.events.iterate({ after: checkpoint })) {
 *   await crm.apply(event);
 *   checkpoint = event.id;
 * }
 * ```
 */
export interface EventsApi {
  /** One page of events. */
  list(query?: EventListParams, options?: RequestOptions): Promise<Page<EventEnvelope>>;
  /** Every event that matches, page after page. */
  iterate(query?: EventListParams, options?: RequestOptions): AsyncGenerator<EventEnvelope, void, undefined>;
}

/** `events(client)`: the event log namespace of any PartnerKit client (`client.events` on a full one). */
export const events = /* @__PURE__ */ definePart(
  'events',
  (requests): EventsApi => ({
    list: (query, options) => requests.get('events', EventPage, query, options),
    iterate: (query, options) => requests.iterate('events', EventPage, query, options),
  }),
);
