/**
 * `@partnerkit/core/client/deals`: deal registration and its lifecycle.
 * @module
 */
import { Deal, DealCheckResult, type DealCheckInput, type DealInput, type DealStatus, type DealTransitionInput } from '../../schemas/deal.js';
import { page, type Page } from '../../schemas/page.js';
import type { DealListQuery } from '../../schemas/queries.js';
import { newIdempotencyKey } from '../http/idempotency-key.js';
import { route } from '../http/url.js';
import type { CreateOptions, RequestOptions } from '../options.js';
import type { Filters, ListParams } from '../params.js';
import type { ClientRequests } from '../api.js';
import { definePart } from '../part.js';

/**
 * Filters of `client.deals.list()`; `status` takes one status or several.
 * @example
 * ```ts
 * await client.deals.list({ status: ['submitted', 'under_review'], partnerId: 'p_1' });
 * ```
 */
export type DealListParams = ListParams & Omit<Filters<DealListQuery>, 'status'> & { status?: DealStatus | readonly DealStatus[] | undefined };

const DealPage = /* @__PURE__ */ page(Deal);

/**
 * `client.deals`: deal registration and its lifecycle. A partner session sees only its own deals.
 *
 * @example
 * ```ts
 * const { available } = await client.deals.check({ customer: { company: 'Acme', domain: 'acme.com' } });
 * if (available) {
 *   const deal = await client.deals.register({ type: 'resell', customer: { company: 'Acme', domain: 'acme.com' } });
 *   console.log(deal.number, deal.status);
 * }
 * for await (const deal of client.deals.iterate({ status: 'approved' })) console.log(deal.number);
 * ```
 */
export interface DealsApi {
  /** One page of deals. */
  list(query?: DealListParams, options?: RequestOptions): Promise<Page<Deal>>;
  /** Every deal that matches, page after page. */
  iterate(query?: DealListParams, options?: RequestOptions): AsyncGenerator<Deal, void, undefined>;
  /** One deal, with its history. */
  get(id: string, options?: RequestOptions): Promise<Deal>;
  /**
   * Registers a deal. Sends an `Idempotency-Key` (a new random one unless you give one), so a
   * lost answer is retried safely and never registers twice. Keep your own key with a draft to
   * make a person's resubmission safe too.
   */
  register(input: DealInput, options?: CreateOptions): Promise<Deal>;
  /** Is this customer free to register? A reason code only, never who holds it. */
  check(input: DealCheckInput, options?: RequestOptions): Promise<DealCheckResult>;
  /**
   * Moves a deal through its lifecycle (`approved`, `rejected`, ...), checked per role by the
   * backend. Sends an `Idempotency-Key` (a new random one unless you give one), so a lost answer
   * is retried safely: the retry gets the first answer, never a second move.
   */
  transition(id: string, input: DealTransitionInput, options?: CreateOptions): Promise<Deal>;
  /**
   * Extends an approved deal's protection, once (`{ to: 'approved', extend: true }`): the only way
   * to; approving an approved deal again is refused. Idempotent like {@link DealsApi.transition}.
   */
  extend(id: string, input?: { reason?: string }, options?: CreateOptions): Promise<Deal>;
}

/** A move, always with an `Idempotency-Key`, so a lost answer is retried without moving the deal twice. */
const transition = (requests: ClientRequests, id: string, input: DealTransitionInput, options?: CreateOptions) =>
  requests.mutate('POST', route`deals/${id}/transitions`, Deal, input, { ...options, idempotencyKey: options?.idempotencyKey ?? newIdempotencyKey() });

/**
 * `deals(client)`: the deals namespace of any PartnerKit client (`client.deals` on a full one).
 *
 * @example
 * ```ts
 * import { deals } from '@partnerkit/core/client/deals';
 * const page = await deals(client).list({ status: 'submitted' });
 * ```
 */
export const deals = /* @__PURE__ */ definePart(
  'deals',
  (requests): DealsApi => ({
    list: (query, options) => requests.get('deals', DealPage, query, options),
    iterate: (query, options) => requests.iterate('deals', DealPage, query, options),
    get: (id, options) => requests.get(route`deals/${id}`, Deal, undefined, options),
    register: (input, options) =>
      requests.mutate('POST', 'deals', Deal, input, { ...options, idempotencyKey: options?.idempotencyKey ?? newIdempotencyKey() }),
    // A question, not a write: it leaves cached deals alone.
    check: (input, options) => requests.mutate('POST', 'deals/check', DealCheckResult, input, options, null),
    transition: (id, input, options) => transition(requests, id, input, options),
    extend: (id, input, options) => transition(requests, id, { to: 'approved', extend: true, ...(input?.reason === undefined ? {} : { reason: input.reason }) }, options),
  }),
);
