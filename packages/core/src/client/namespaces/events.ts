import { EventEnvelope } from '../../schemas/event.js';
import { page, type Page } from '../../schemas/page.js';
import type { Api } from '../api.js';
import type { RequestOptions } from '../options.js';
import type { EventListParams } from '../params.js';

const EventPage = page(EventEnvelope);

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

/** Builds `client.events`. */
export function eventsApi(api: Api): EventsApi {
  return {
    list: (query, options) => api.get('events', EventPage, query, options),
    iterate: (query, options) => api.iterate('events', EventPage, query, options),
  };
}
