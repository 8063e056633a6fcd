/**
 * Query parameters of the list and read methods, as callers give them (numbers as numbers,
 * status lists as arrays). Field names and allowed values come from the contract's query schemas.
 * @module
 */
import type { DealStatus } from '../schemas/deal.js';
import type { PageQuery } from '../schemas/page.js';
import type {
  DealListQuery,
  EventListQuery,
  MeasurementListQuery,
  PartnerListQuery,
  ResourceListQuery,
  TargetListQuery,
} from '../schemas/queries.js';

/**
 * `limit` (1-200, default 50) and `cursor` (a page's `nextCursor`; `null`, the last page's, means
 * "from the start", like leaving it out).
 *
 * @example
 * ```ts
 * const first = await client.tiers.list({ limit: 10 });
 * const second = first.nextCursor ? await client.tiers.list({ limit: 10, cursor: first.nextCursor }) : null;
 * ```
 */
export interface ListParams {
  limit?: number | undefined;
  cursor?: string | null | undefined;
}

type Filters<Q> = Omit<Q, keyof PageQuery>;

/**
 * Filters of `client.partners.list()`.
 * @example
 * ```ts
 * await client.partners.list({ status: 'active', country: 'VN', q: 'saigon' });
 * ```
 */
export type PartnerListParams = ListParams & Filters<PartnerListQuery>;

/**
 * Filters of `client.deals.list()`; `status` takes one status or several.
 * @example
 * ```ts
 * await client.deals.list({ status: ['submitted', 'under_review'], partnerId: 'p_1' });
 * ```
 */
export type DealListParams = ListParams & Omit<Filters<DealListQuery>, 'status'> & { status?: DealStatus | readonly DealStatus[] | undefined };

/**
 * Filters and sort of `client.resources.list()`.
 * @example
 * ```ts
 * await client.resources.list({ type: 'document', language: 'vi', sort: 'popular' });
 * ```
 */
export type ResourceListParams = ListParams & Filters<ResourceListQuery>;

/**
 * Range of `client.partners.measurements()`.
 * @example
 * ```ts
 * await client.partners.measurements('p_1', { kpiId: 'revenue', from: '2026-01', to: '2026-06' });
 * ```
 */
export type MeasurementListParams = ListParams & Filters<MeasurementListQuery>;

/**
 * Filters of `client.partners.targets()`.
 * @example
 * ```ts
 * await client.partners.targets('p_1', { period: '2026-Q3' });
 * ```
 */
export type TargetListParams = ListParams & Filters<TargetListQuery>;

/**
 * Filters of `client.events.list()`; `after` is the last event id already processed.
 * @example
 * ```ts
 * await client.events.list({ after: lastSeenId, type: 'deal.approved' });
 * ```
 */
export type EventListParams = ListParams & Filters<EventListQuery>;

/**
 * Which scorecard: `period` (default the current quarter) and how many `periods` of trend (1-24).
 * @example
 * ```ts
 * await client.partners.scorecard('p_1', { period: '2026-Q2', periods: 4 });
 * ```
 */
export interface ScorecardParams {
  period?: string | undefined;
  periods?: number | undefined;
}
