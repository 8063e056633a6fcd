/**
 * `@partnerkit/core/client/partners`: partners, their targets, measurements and scorecards.
 * @module
 */
import * as z from 'zod/mini';
import { page, type Page } from '../../schemas/page.js';
import { Partner, type PartnerInput, type PartnerPatch } from '../../schemas/partner.js';
import { Measurement, Target, type TargetsInput } from '../../schemas/performance.js';
import type { MeasurementListQuery, PartnerListQuery, TargetListQuery } from '../../schemas/queries.js';
import { Scorecard } from '../../schemas/scorecard.js';
import { route } from '../http/url.js';
import type { CreateOptions, RequestOptions } from '../options.js';
import type { Filters, ListParams } from '../params.js';
import { definePart } from '../part.js';

/**
 * Filters of `client.partners.list()`.
 * @example
 * ```ts
 * await client.partners.list({ status: 'active', country: 'VN', q: 'saigon' });
 * ```
 */
export type PartnerListParams = ListParams & Filters<PartnerListQuery>;

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

const PartnerPage = /* @__PURE__ */ page(Partner);
const TargetPage = /* @__PURE__ */ page(Target);
const MeasurementPage = /* @__PURE__ */ page(Measurement);
/** `PUT .../targets` answers with the partner's targets; a page envelope is accepted too. */
const TargetList = /* @__PURE__ */ z.object({ data: z.array(Target) });

/**
 * `client.partners`: partners and their targets, measurements and scorecards. A partner
 * session sees only its own partner.
 *
 * @example
 * ```ts
 * const card = await client.partners.scorecard('p_1', { period: '2026-Q2' });
 * for await (const partner of client.partners.iterate({ status: 'active' })) console.log(partner.name);
 * ```
 */
export interface PartnersApi {
  /** One page of partners. */
  list(query?: PartnerListParams, options?: RequestOptions): Promise<Page<Partner>>;
  /** Every partner that matches, page after page. */
  iterate(query?: PartnerListParams, options?: RequestOptions): AsyncGenerator<Partner, void, undefined>;
  /** One partner. */
  get(id: string, options?: RequestOptions): Promise<Partner>;
  /** Creates a partner (admin). Retried only when given an idempotency key. */
  create(input: PartnerInput, options?: CreateOptions): Promise<Partner>;
  /** Changes some fields of a partner (admin). Never retried. */
  update(id: string, patch: PartnerPatch, options?: RequestOptions): Promise<Partner>;
  /** One page of the partner's own targets. */
  targets(id: string, query?: TargetListParams, options?: RequestOptions): Promise<Page<Target>>;
  /** Every target of the partner. */
  iterateTargets(id: string, query?: TargetListParams, options?: RequestOptions): AsyncGenerator<Target, void, undefined>;
  /** Upserts targets by (KPI, period) (admin); answers with the partner's targets. */
  putTargets(id: string, input: TargetsInput, options?: RequestOptions): Promise<{ data: Target[] }>;
  /** One page of the partner's monthly measurements. */
  measurements(id: string, query?: MeasurementListParams, options?: RequestOptions): Promise<Page<Measurement>>;
  /** Every measurement of the partner in the range. */
  iterateMeasurements(id: string, query?: MeasurementListParams, options?: RequestOptions): AsyncGenerator<Measurement, void, undefined>;
  /** The partner's scorecard for a period, computed by the backend with core's rules. */
  scorecard(id: string, query?: ScorecardParams, options?: RequestOptions): Promise<Scorecard>;
}

/**
 * `partners(client)`: the partners namespace of any PartnerKit client (`client.partners` on a full one).
 *
 * @example
 * ```ts
 * import { partners } from '@partnerkit/core/client/partners';
 * const card = await partners(client).scorecard('p_1', { period: '2026-Q2' });
 * ```
 */
export const partners = /* @__PURE__ */ definePart(
  'partners',
  (requests): PartnersApi => ({
    list: (query, options) => requests.get('partners', PartnerPage, query, options),
    iterate: (query, options) => requests.iterate('partners', PartnerPage, query, options),
    get: (id, options) => requests.get(route`partners/${id}`, Partner, undefined, options),
    create: (input, options) => requests.mutate('POST', 'partners', Partner, input, options),
    update: (id, patch, options) => requests.mutate('PATCH', route`partners/${id}`, Partner, patch, options),
    targets: (id, query, options) => requests.get(route`partners/${id}/targets`, TargetPage, query, options),
    iterateTargets: (id, query, options) => requests.iterate(route`partners/${id}/targets`, TargetPage, query, options),
    putTargets: (id, input, options) => requests.mutate('PUT', route`partners/${id}/targets`, TargetList, input, options),
    measurements: (id, query, options) => requests.get(route`partners/${id}/measurements`, MeasurementPage, query, options),
    iterateMeasurements: (id, query, options) => requests.iterate(route`partners/${id}/measurements`, MeasurementPage, query, options),
    scorecard: (id, query, options) => requests.get(route`partners/${id}/scorecard`, Scorecard, query, options),
  }),
);
